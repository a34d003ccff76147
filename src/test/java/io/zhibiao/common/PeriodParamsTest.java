package io.zhibiao.common;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every period and month in a query or a path is converted before the operation runs, and a malformed one is a 400
 * {@code validation_failed} naming the parameter, with the period parser's own words — never JAX-RS's bare 404 for a
 * failed conversion. A single reporting period (submissions, commentary, completeness, rule checks) refuses ranges.
 */
@QuarkusTest
class PeriodParamsTest {

    static Stream<Arguments> malformed() {
        return Stream.of(query("/api/v1/dashboard", Map.of("orgUnit", "any", "period", "2025-13"), "period", "2025-13"),
                query("/api/v1/dashboard", Map.of("orgUnit", "any", "period", "2025", "asOf", "2025-6"), "asOf",
                        "2025-6"),
                query("/api/v1/rankings", Map.of("indicator", "i", "parent", "p", "type", "SCHOOL", "period", "20x5"),
                        "period", "20x5"),
                query("/api/v1/rankings",
                        Map.of("indicator", "i", "parent", "p", "type", "SCHOOL", "period", "2025", "asOf", "2025"),
                        "asOf", "2025"),
                query("/api/v1/targets", Map.of("period", "2025-Q5"), "period", "2025-Q5"),
                query("/api/v1/targets/1/progress", Map.of("asOf", "June"), "asOf", "June"),
                query("/api/v1/targets/1/series", Map.of("asOf", "2025-00"), "asOf", "2025-00"),
                query("/api/v1/plans", Map.of("period", "next year"), "period", "next year"),
                query("/api/v1/observations", Map.of("from", "soon"), "from", "soon"),
                query("/api/v1/observations", Map.of("to", "2025-1"), "to", "2025-1"),
                query("/api/v1/observations/form", Map.of("orgUnit", "u", "period", "2025"), "period", "2025"),
                Arguments.of("/api/v1/observations/template", "period", "2025-3",
                        request(r -> r.accept("*/*").queryParams(Map.of("orgUnit", "u", "period", "2025-3")))),
                query("/api/v1/submissions", Map.of("period", "2026-01/2026-03"), "period", "range"),
                query("/api/v1/reporting-status", Map.of("orgUnit", "u", "period", "2026/2027"), "period", "range"),
                query("/api/v1/reporting-status/missing", Map.of("orgUnit", "u", "period", "2026-M3"), "period",
                        "2026-M3"),
                query("/api/v1/validation-results", Map.of("orgUnit", "u", "period", "2026-H3"), "period", "2026-H3"),
                query("/api/v1/commentary/missing", Map.of("orgUnit", "u", "period", "2026-13"), "period", "2026-13"),
                path("/api/v1/submissions/u/2026-13", "period", "2026-13"),
                path("/api/v1/submissions/u/2026-01~2026-03", "period", "2026-01~2026-03"),
                path("/api/v1/targets/1/commentary/2026-Q0", "period", "2026-Q0"));
    }

    /** The one operation of the list that is a POST: a rule evaluated at a unit and period, nothing stored. */
    @Test
    void aRuleIsTestedAtAWellFormedPeriodOnly() {
        json().queryParams(Map.of("orgUnit", "u", "period", "x")).post("/api/v1/validation-rules/r/test").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("'x'"));
    }

    /** A county office reads the same answer in Chinese, the accepted forms included. */
    @Test
    void theAnswerIsInChineseForAChineseReader() {
        json().header("Accept-Language", "zh-CN").queryParam("period", "2025-Q5").get("/api/v1/targets").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", equalTo("“2025-Q5”不是期间；可写 2025（年）、2025-H1（半年）、2025-Q3（季度）、2025-03（月）"
                        + "，目标还可写起止范围，如 2025/2027 或 2025-09/2026-08"));
        json().header("Accept-Language", "zh-CN").queryParam("orgUnit", "u").queryParam("period", "2026/2027")
                .get("/api/v1/reporting-status").then().spec(problem(400, "validation_failed"))
                .body("errors[0].message",
                        equalTo("“2026/2027”是起止范围，只有目标可以用范围；可写 2025（年）、2025-H1（半年）、2025-Q3（季度）、2025-03（月）"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void aMalformedPeriodIsA400NamingIt(String path, String field, String mentioned,
            Function<RequestSpecification, RequestSpecification> request) {
        request.apply(json()).get(path).then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(mentioned))
                .body("detail", containsString(field + ": "));
    }

    private static Function<RequestSpecification, RequestSpecification> request(
            Function<RequestSpecification, RequestSpecification> request) {
        return request;
    }

    private static Arguments query(String path, Map<String, String> params, String field, String mentioned) {
        Function<RequestSpecification, RequestSpecification> request = r -> r.queryParams(params);
        return Arguments.of(path, field, mentioned, request);
    }

    private static Arguments path(String path, String field, String mentioned) {
        Function<RequestSpecification, RequestSpecification> request = r -> r;
        return Arguments.of(path, field, mentioned, request);
    }
}
