package io.zhibiao.common;

import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Api;
import io.zhibiao.support.SpecConformance;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A fuzzer driven by the served OpenAPI description: every operation gets hostile path segments, query values,
 * headers, bodies (malformed, mistyped, oversized, NUL-laden, in the wrong format or charset). Not one answer may be
 * a 5xx, and every 4xx must be a problem+json with a code. Runs on H2 and, in CI's second pass, on PostgreSQL; {@code
 * SpecFuzzIT} runs it against the packaged jar.
 */
@QuarkusTest
class SpecFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");

    /** Raw (already percent-encoded where needed) path segments no resource should choke on. */
    private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "a%00b", "%ff%fe", "..%2F..%2Fetc",
            "x".repeat(400), "%E2%80%AE", "-1", "0", "99999999999999999999999", "1e3", "%20", "null", "%0d%0aX: y",
            "%F0%9F%98%80", "2025-13", "9223372036854775807");

    private static final List<String> HOSTILE_QUERY_VALUES = List.of("", "\u0000", "-1", "0", "99999999999999999999999",
            "2147483648", "abc", "2025-13", "2025-00", "x".repeat(3000), "1.5", " ", "\u202e", "9223372036854775807",
            "2025/2024", "true", "[]");

    private static final List<String> HOSTILE_JSON = List.of("", "null", "[]", "{}", "{", "\"text\"", "123", "true",
            "{\"a\":1,\"a\":2}", "[".repeat(3000) + "]".repeat(3000), "{\"observations\": {}}",
            "{\"observations\": [[[[]]]]}", "\u0000", "{\"x\": \"\\ud800\"}", "{\"value\": 1e999999}",
            "{\"value\": -0.0}", "{\"value\": \"NaN\"}", "{\"value\": 1" + "0".repeat(2000) + "}");

    private static final List<JsonNode> WRONG_VALUES = List.of(NODES.textNode("x"), NODES.textNode(""),
            NODES.textNode("\u0000"), NODES.textNode("a".repeat(20_000)), NODES.numberNode(-1),
            NODES.numberNode(new java.math.BigDecimal("1E+400")), NODES.numberNode(Long.MAX_VALUE),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode().add(1), NODES.objectNode().put("$", 1),
            NODES.textNode("2025-13"), NODES.numberNode(new java.math.BigDecimal("0.123456789012345678901234567890")));

    private static final Map<String, String> WRONG_CONTENT = Map.of("text/plain", "hello", "application/xml", "<a/>",
            "application/json; charset=ISO-8859-1", "{}", "text/csv", "indicatorCode,orgUnitCode\n\"unterminated",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\u0003\u0004 not a zip",
            "multipart/form-data; boundary=x", "--x\r\n\r\n--x--", "application/x-www-form-urlencoded", "a=1&b=%zz");

    private static final Map<String, String> HOSTILE_HEADERS = Map.of("If-Match", "\"\u00ff\" , garbage",
            "If-None-Match", "W/\"x\", *, \"", "Accept", "application/xml", "Idempotency-Key", "k".repeat(5000),
            "Accept-Charset", "latin1", "Accept-Language", "xx;q=abc");

    @TestHTTPResource("/")
    URI root;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noInputFromTheSpecsOperationsProducesA5xxOrANonProblem4xx() throws Exception {
        Map<String, String> valid = fixtures();
        JsonNode spec = mapper.readTree(send("GET", "q/openapi?format=json", null, null, Map.of()).body());
        operation = NODES.objectNode();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operations++;
                    fuzz(spec, op.getKey().toUpperCase(), path.getKey(), op.getValue(), valid);
                }
            }
        }
        System.out.printf("Spec fuzzer: %d requests, %d bad answers%n", requests, failures.size());
        // Each operation is tried with at least 20 variants (5012 requests over 86 operations when written): a
        // fuzzer that quietly stopped sending would otherwise pass.
        assertThat(operations).as("operations in the served spec").isGreaterThan(80);
        assertThat(requests).as("requests sent").isGreaterThanOrEqualTo(20 * operations);
        assertThat(failures).as("answers that were a 5xx or a 4xx without problem+json (%d requests)", requests)
                .isEmpty();
    }

    private void fuzz(JsonNode spec, String method, String template, JsonNode op, Map<String, String> valid)
            throws Exception {
        operation = op;
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(parameters::add);
        String path = fill(template, valid, null, null);
        JsonNode body = exampleBody(spec, op);
        String json = body == null ? null : body.toString();
        boolean hasBody = op.has("requestBody");
        // The operation itself, as its example shows it.
        check(method, path, json, hasBody ? "application/json" : null, Map.of());
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    for (String segment : HOSTILE_SEGMENTS) {
                        check(method, fill(template, valid, name, segment), json, hasBody ? "application/json" : null,
                                Map.of());
                    }
                }
                case "query" -> {
                    for (String value : HOSTILE_QUERY_VALUES) {
                        check(method,
                                path + (path.contains("?") ? "&" : "?") + name + "="
                                        + URLEncoder.encode(value, StandardCharsets.UTF_8),
                                json, hasBody ? "application/json" : null, Map.of());
                    }
                }
                default -> {
                }
            }
        }
        for (Map.Entry<String, String> header : HOSTILE_HEADERS.entrySet()) {
            check(method, path, json, hasBody ? "application/json" : null, Map.of(header.getKey(), header.getValue()));
        }
        check(method, path, json, hasBody ? "application/json" : null, Map.of("Authorization", "Bearer \u00e9x"));
        if (!hasBody) {
            return;
        }
        for (String hostile : HOSTILE_JSON) {
            check(method, path, hostile, "application/json", Map.of());
        }
        for (Map.Entry<String, String> content : WRONG_CONTENT.entrySet()) {
            check(method, path, content.getValue(), content.getKey(), Map.of());
        }
        check(method, path, json, null, Map.of());
        if (body instanceof ObjectNode object) {
            for (Iterator<String> fields = object.fieldNames(); fields.hasNext();) {
                String field = fields.next();
                for (JsonNode wrong : WRONG_VALUES) {
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(field, wrong);
                    check(method, path, mutated.toString(), "application/json", Map.of());
                }
                ObjectNode without = object.deepCopy();
                without.remove(field);
                check(method, path, without.toString(), "application/json", Map.of());
            }
            ObjectNode extra = object.deepCopy();
            extra.put("unknownField", 1);
            check(method, path, extra.toString(), "application/json", Map.of());
        }
    }

    /** The first example of the operation's JSON body, or one built from the schema's property examples. */
    private JsonNode exampleBody(JsonNode spec, JsonNode op) {
        JsonNode content = op.path("requestBody").path("content").path("application/json");
        if (content.isMissingNode()) {
            return op.has("requestBody") ? NODES.objectNode() : null;
        }
        Iterator<JsonNode> examples = content.path("examples").elements();
        if (examples.hasNext()) {
            return examples.next().path("value");
        }
        JsonNode schema = resolve(spec, content.path("schema"));
        ObjectNode built = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode example = p.getValue().has("example")
                    ? p.getValue().path("example")
                    : p.getValue().path("examples").path(0);
            built.set(p.getKey(), example.isMissingNode() ? NODES.textNode("x") : example);
        });
        return built;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : spec.at(ref.substring(1));
    }

    private static String fill(String template, Map<String, String> valid, String hostileName, String hostile) {
        String path = template.substring(1);
        for (Map.Entry<String, String> v : valid.entrySet()) {
            // {code} is an indicator's code under /indicators, an org unit's elsewhere.
            String value = v.getKey().equals("code") && template.startsWith("/api/v1/indicators/")
                    ? valid.get("indicatorCode")
                    : v.getValue();
            path = path.replace("{" + v.getKey() + "}", v.getKey().equals(hostileName) ? hostile : value);
        }
        return path;
    }

    /** Objects the well-formed variants can find, so that requests get past the 404 to the deeper checks. */
    private Map<String, String> fixtures() throws Exception {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String indicator = anIndicator().create();
        Api.json().body(Map.of("value", 5)).put("/api/v1/observations/{i}/{o}/2025-01", indicator, school).then()
                .statusCode(201);
        String target = Api.json()
                .body(Map.of("indicatorCode", indicator, "orgUnitCode", school, "period", "2025", "value", 100))
                .post("/api/v1/targets").then().statusCode(201).extract().path("id").toString();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("code", school);
        valid.put("indicatorCode", indicator);
        valid.put("orgUnitCode", school);
        valid.put("period", "2025-01");
        valid.put("id", target);
        return valid;
    }

    private JsonNode operation;

    private void check(String method, String path, String body, String contentType, Map<String, String> headers)
            throws Exception {
        Reply answer;
        try {
            answer = send(method, path, body, contentType, headers);
        } catch (IllegalArgumentException refusedByClient) {
            return; // a header or URI the client library itself will not send
        }
        requests++;
        int status = answer.status();
        String type = answer.contentType();
        // A 4xx is a problem, unless the operation declares a JSON answer for it (an atomic import's 409 summary).
        boolean declared = operation.path("responses").path(String.valueOf(status)).path("content")
                .has("application/json");
        boolean bad = status >= 500 || (status >= 400 && !declared
                && (!type.startsWith(Problem.MEDIA_TYPE) || !answer.body().contains("\"code\":")));
        // Whatever the input, the answer is one the committed spec declares, with a body that fits it.
        // (A stream's events are not read here: its answer is judged by its status and headers.)
        List<String> mismatches = type.startsWith("text/event-stream")
                ? List.of()
                : SpecConformance.mismatches(method, "/" + path.replaceFirst("\\?.*", ""), status, type, answer.body());
        if (bad || !mismatches.isEmpty()) {
            failures.add(method + " /" + path.substring(0, Math.min(path.length(), 120)) + " ["
                    + (contentType == null ? "" : contentType) + " " + headers.keySet() + "] body " + abbreviate(body)
                    + " → " + status + " " + type + " " + abbreviate(answer.body()) + " " + mismatches);
        }
    }

    private Reply send(String method, String path, String body, String contentType, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30)).method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + Api.ADMIN_TOKEN);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        // A stream (server-sent events) never ends: its answer is judged by status and headers alone.
        HttpResponse<InputStream> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = answer.body()) {
            text = type.startsWith("text/event-stream") && answer.statusCode() < 300
                    ? ""
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Reply(answer.statusCode(), type, text);
    }

    /** An answer: status, content type, and the body as text (empty for a stream, which never ends). */
    private record Reply(int status, String contentType, String body) {
    }

    private static String abbreviate(String text) {
        return text == null ? "-" : text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
