package io.zhibiao;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed spec is a product surface: it must equal what the service serves. When this fails, the
 * build has already written the new spec; review it and run
 * {@code cp target/openapi/openapi.yaml openapi/openapi.yaml}.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedSpecEqualsTheServedSpec() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path committed = Path.of("openapi/openapi.yaml");
        assertThat(committed).as("openapi/openapi.yaml is committed").exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8).strip())
                .as("openapi/openapi.yaml is stale: cp target/openapi/openapi.yaml openapi/openapi.yaml")
                .isEqualTo(served.strip());
    }

    @Test
    void everyOperationHasASummaryAndErrorResponses() {
        var spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = spec.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation.get("summary")).as(method + " " + path + " summary").isNotNull();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> responses = (java.util.Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as(method + " " + path + " documents an error")
                    .anyMatch(code -> code.startsWith("4"));
        }));
    }
}
