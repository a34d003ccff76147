package io.zhibiao.security;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.county;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.zhibiao.support.Api;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * zhibiao.security.public-read=true: anonymous callers read (a public progress page) but never
 * write.
 */
@QuarkusTest
@TestProfile(PublicReadTest.PublicRead.class)
class PublicReadTest {

    public static class PublicRead implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibiao.security.public-read", "true", "zhibiao.security.metrics-access", "token");
        }
    }

    @TestHTTPResource("/api/v1/changes/stream")
    URI stream;

    @Test
    void anonymousCallersReadButDoNotWrite() {
        String county = county();
        as(null).get("/api/v1/org-units/{c}", county).then().statusCode(200);
        as(null).queryParam("orgUnit", county).queryParam("period", "2025").get("/api/v1/dashboard").then()
                .statusCode(200);
        as(null).body(Map.of("name", "改名", "type", "COUNTY")).put("/api/v1/org-units/{c}", county).then()
                .statusCode(401).body("code", equalTo("unauthorized"));
        as(null).get("/api/v1/tokens").then().spec(problem(401));
    }

    @Test
    void metricsCanRequireAToken() {
        RestAssured.given().get("/q/metrics").then().statusCode(401).body("code", equalTo("unauthorized"));
        RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN).get("/q/metrics").then()
                .statusCode(200);
        RestAssured.given().get("/q/health").then().statusCode(200);
    }

    /** A public board has many anonymous readers: they share no token, so the per-token limit does not hold them. */
    @Test
    void anonymousStreamsAreNotHeldToTheLimitOfOneToken() throws Exception {
        int perToken = ConfigProvider.getConfig().getValue("zhibiao.changes.max-streams-per-token", Integer.class);
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i <= perToken; i++) {
                HttpResponse<InputStream> answer = client.send(
                        HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                open.add(answer);
                assertThat(answer.statusCode()).as("anonymous stream %d", i + 1).isEqualTo(200);
            }
        } finally {
            for (HttpResponse<InputStream> answer : open) {
                answer.body().close();
            }
        }
    }
}
