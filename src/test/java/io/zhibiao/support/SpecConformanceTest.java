package io.zhibiao.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The answer check is strict: each kind of mismatch a service could drift into is caught, and a right answer passes. */
class SpecConformanceTest {

    private static final String TOKEN = """
            {"id": 7, "name": "qinghe-viewer", "role": "VIEWER", "orgUnitCode": "qinghe-county",
             "createdAt": "2026-03-01T09:00:00+08:00", "createdBy": "admin", "expiresAt": null, "revokedAt": null,
             "lastUsedAt": null}""";

    private static java.util.List<String> token(String body) {
        return SpecConformance.mismatches("GET", "/api/v1/tokens/current", 200, "application/json", body);
    }

    @Test
    void aRightAnswerPasses() {
        assertThat(SpecConformance.mismatches("POST", "/api/v1/tokens", 201, "application/json", TOKEN)).isEmpty();
        assertThat(SpecConformance.mismatches("GET", "/api/v1/org-units/nowhere", 404, "application/problem+json", """
                {"type": "https://zhibiao.io/problems/not_found", "title": "Not found", "status": 404,
                 "code": "not_found", "detail": "no org unit 'nowhere'"}""")).isEmpty();
    }

    @Test
    void aMissingPropertyANullWhereNoneIsAllowedAndABadTimestampAreCaught() {
        assertThat(SpecConformance.mismatches("POST", "/api/v1/tokens", 201, "application/json",
                TOKEN.replace("\"revokedAt\": null,", ""))).anyMatch(m -> m.contains("revokedAt"));
        assertThat(SpecConformance.mismatches("POST", "/api/v1/tokens", 201, "application/json",
                TOKEN.replace("\"2026-03-01T09:00:00+08:00\"", "\"yesterday\"")))
                .anyMatch(m -> m.contains("createdAt"));
        assertThat(SpecConformance.mismatches("GET", "/api/v1/org-units/nowhere", 404, "application/problem+json", """
                {"type": "https://zhibiao.io/problems/not_found", "title": "Not found", "status": 404,
                 "code": null}""")).anyMatch(m -> m.contains("code"));
        assertThat(SpecConformance.mismatches("GET", "/api/v1/org-units/nowhere", 404, "application/problem+json", """
                {"type": "https://zhibiao.io/problems/not_found", "title": "Not found", "status": 404,
                 "code": "lost"}""")).anyMatch(m -> m.contains("code"));
        assertThat(token("{\"name\": 5, \"role\": \"CLERK\", \"orgUnitCode\": null}"))
                .anyMatch(m -> m.contains("name"));
        assertThat(token("{\"name\": \"x\", \"role\": \"JANITOR\", \"orgUnitCode\": null}"))
                .anyMatch(m -> m.contains("role"));
    }

    @Test
    void anUndeclaredStatusContentTypeOrBodyIsCaught() {
        assertThat(SpecConformance.mismatches("GET", "/api/v1/tokens/current", 299, "application/json", "{}"))
                .anyMatch(m -> m.contains("status 299"));
        assertThat(SpecConformance.mismatches("GET", "/api/v1/tokens/current", 200, "text/html", "<p>hi</p>"))
                .anyMatch(m -> m.contains("text/html"));
        assertThat(SpecConformance.mismatches("DELETE", "/api/v1/tokens/7", 204, null, "{}"))
                .anyMatch(m -> m.contains("no body"));
        assertThat(SpecConformance.mismatches("GET", "/api/v1/tokens/current", 200, "application/json", "{oops"))
                .anyMatch(m -> m.contains("not JSON"));
    }
}
