package io.zhibiao;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed spec is a product surface: it must equal what the service serves. The build writes
 * the spec to target/openapi/; when this test fails, review the change and run {@code cp
 * target/openapi/openapi.yaml openapi/openapi.yaml}. Specs are compared as trees because the
 * generator does not keep map keys in a stable order.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void committedSpecEqualsTheServedSpec() throws IOException {
        JsonNode served = YAML.readTree(
                given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString());
        Path committed = Path.of("openapi/openapi.yaml");
        assertThat(committed).as("openapi/openapi.yaml is committed").exists();
        assertThat(YAML.readTree(committed.toFile()))
                .as("openapi/openapi.yaml is stale: cp target/openapi/openapi.yaml openapi/openapi.yaml")
                .isEqualTo(served);
        assertThat(YAML.readTree(Path.of("target/openapi/openapi.yaml").toFile()))
                .as("the build's spec equals the served one").isEqualTo(served);
    }

    /**
     * What Spectral (spectral:oas) and Redocly check structurally, in the build: the committed spec parses as OpenAPI
     * with no message, every operation has a unique operationId, and every header has a schema.
     */
    @Test
    void committedSpecIsValidOpenApiWithUniqueOperationIds() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser()
                .readLocation(Path.of("openapi/openapi.yaml").toUri().toString(), null, options);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getServers()).as("servers").isNotEmpty();
        List<String> ids = new ArrayList<>();
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            assertThat(operation.getOperationId()).as(method + " " + path + " operationId").isNotBlank();
            ids.add(operation.getOperationId());
            operation.getResponses().forEach((status, response) -> {
                if (response.getHeaders() != null) {
                    response.getHeaders().forEach((name, header) -> assertThat(header.getSchema())
                            .as(method + " " + path + " " + status + " header " + name + " has a schema").isNotNull());
                }
            });
        }));
        assertThat(ids).as("operationIds").doesNotHaveDuplicates();
    }

    @Test
    void everyOperationHasASummaryAnExampleAndErrorResponses() throws IOException {
        JsonNode spec = YAML
                .readTree(given().queryParam("format", "yaml").get("/q/openapi").then().extract().asString());
        Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        assertThat(paths.hasNext()).isTrue();
        paths.forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(operation.path("responses").fieldNames()).as(name + " documents its errors").toIterable()
                    .anyMatch(code -> code.startsWith("4"));
            operation.path("parameters").forEach(p -> assertThat(p.path("description").asText())
                    .as(name + " parameter " + p.path("name").asText() + " is described").isNotBlank());
            assertThat(operation.toString()).as(name + " has an example").contains("example");
        }));
    }
}
