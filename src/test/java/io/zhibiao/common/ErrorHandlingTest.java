package io.zhibiao.common;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the answer is a 4xx problem+json with a stable code — never a 500 or a
 * stack trace.
 */
@QuarkusTest
class ErrorHandlingTest {

    @Test
    void malformedJsonSaysWhere() {
        json().body("{\"code\": ").post("/api/v1/org-units").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("code", equalTo("validation_failed"))
                .body("type", equalTo("https://zhibiao.io/problems/validation_failed")).body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/org-units")).body("detail", containsString("not valid JSON"))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongContentTypeIs415() {
        json().contentType("text/plain").body("code=x").post("/api/v1/org-units").then().statusCode(415).body("code",
                equalTo("unsupported_media_type"));
    }

    @Test
    void unsupportedAcceptIs406() {
        json().accept("application/xml").get("/api/v1/org-units").then().statusCode(406).body("code",
                equalTo("not_acceptable"));
    }

    @Test
    void wrongMethodIs405() {
        json().delete("/api/v1/org-units").then().statusCode(405).body("code", equalTo("method_not_allowed"));
    }

    @Test
    void unknownPathUnderTheApiIs404Problem() {
        json().get("/api/v1/no-such-resource").then().statusCode(404).body("code", equalTo("not_found"));
        json().get("/api/v1/targets/not-a-number").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void missingBodyIsAValidationError() {
        json().post("/api/v1/targets").then().spec(problem(400)).body("detail",
                containsString("JSON body is required"));
    }

    @Test
    void wrongJsonShapesNameTheField() {
        json().body("[1, 2]").post("/api/v1/indicators").then().statusCode(400).body("code",
                equalTo("validation_failed"));
        json().body("{\"indicatorCode\": {\"a\": 1}}").post("/api/v1/targets").then().spec(problem(400))
                .body("errors[0].field", equalTo("indicatorCode"));
        json().body("{\"milestones\": [{\"period\": \"2025\", \"value\": \"lots\"}]}").post("/api/v1/targets").then()
                .spec(problem(400)).body("errors[0].field", equalTo("milestones[0].value"));
        json().body("{\"value\": 1e999999999}").post("/api/v1/targets").then().spec(problem(400));
        json().body("\"just a string\"").post("/api/v1/org-units").then().spec(problem(400));
    }

    @Test
    void hugeNumbersAreRefusedNotCrashedOn() {
        json().body("{\"value\": 1" + "0".repeat(5000) + "}").put("/api/v1/observations/a/b/2025-01").then()
                .spec(problem(400));
    }
}
