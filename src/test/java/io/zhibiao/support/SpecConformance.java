package io.zhibiao.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every answer a test receives against the committed {@code openapi/openapi.yaml}, strictly: the status is
 * declared, the content type is one the operation declares, and a JSON body validates against the declared schema as
 * JSON Schema 2020-12 reads it (OpenAPI 3.1 dialect; formats such as {@code date-time} asserted; no allowance for
 * anything). Requests are not checked: tests send malformed ones on purpose. A path the spec does not have (a typo'd URL
 * in a 404 test) or a method it does not have there (405) has nothing to be checked against. With the environment
 * variable {@code SPEC_COLLECT=FILE} the mismatches are appended to FILE instead of failing, to see them all at once.
 */
public final class SpecConformance implements Filter {

    static final SpecConformance INSTANCE = new SpecConformance(Path.of("openapi/openapi.yaml"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode spec;
    private final String location;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern, int variables) {
    }

    private SpecConformance(Path file) {
        try {
            spec = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        location = file.toAbsolutePath().toUri().toString();
        for (Iterator<String> names = spec.path("paths").fieldNames(); names.hasNext();) {
            String template = names.next();
            String regex = Pattern.quote(template).replaceAll("\\{[^}/]+\\}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(template, Pattern.compile(regex), template.split("\\{", -1).length - 1));
        }
        // A literal segment wins over a variable one (/targets/status before /targets/{id}).
        routes.sort(Comparator.comparingInt(Route::variables));
    }

    /** What in an answer does not match the committed spec; an empty list when it matches. */
    public static List<String> mismatches(String method, String path, int status, String contentType, String body) {
        return INSTANCE.check(method, path, status, contentType, body);
    }

    private List<String> check(String method, String rawPath, int status, String contentType, String body) {
        String path = rawPath.replaceFirst("[?#].*", "");
        Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (route == null) {
            return List.of();
        }
        String operationPointer = "/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = spec.at(operationPointer);
        if (operation.isMissingNode()) {
            return List.of();
        }
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = spec.at(responsePointer);
        if (response.isMissingNode()) {
            responsePointer = operationPointer + "/responses/default";
            response = spec.at(responsePointer);
        }
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not declared for " + method + " " + route.template());
        }
        if (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = spec.at(responsePointer);
        }
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return hasBody && !"HEAD".equals(method) ? List.of("status " + status + " declares no body") : List.of();
        }
        if (!hasBody) {
            return "HEAD".equals(method) ? List.of() : List.of("status " + status + " declares a body; none came");
        }
        String media = contentType == null ? "" : contentType.replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT);
        String declared = declaredMedia(content, media);
        if (declared == null) {
            return List.of("content type '" + media + "' is not declared for " + status + " (declared: "
                    + String.join(", ", (Iterable<String>) content::fieldNames) + ")");
        }
        if (!(media.equals("application/json") || media.endsWith("+json"))
                || content.path(declared).path("schema").isMissingNode()) {
            return List.of();
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        String schemaPointer = responsePointer + "/content/" + escape(declared) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer, pointer -> factory.getSchema(
                SchemaLocation.of(location + "#" + pointer.replace("{", "%7B").replace("}", "%7D")), config));
        return schema.validate(instance).stream().map(m -> m.getInstanceLocation() + ": " + m.getMessage()).toList();
    }

    private static String declaredMedia(JsonNode content, String media) {
        if (content.has(media)) {
            return media;
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("*/*") || (name.endsWith("/*") && media.startsWith(name.substring(0, name.length() - 1)))) {
                return name;
            }
        }
        return null;
    }

    /** A JSON pointer's reference token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        List<String> errors = check(request.getMethod(), request.getDerivedPath(), answer.getStatusCode(),
                answer.getContentType(), answer.asString());
        if (!errors.isEmpty()) {
            String found = request.getMethod() + " " + request.getURI() + " → " + answer.getStatusCode() + ": "
                    + String.join("; ", errors);
            String collect = System.getenv("SPEC_COLLECT");
            if (collect == null) {
                throw new AssertionError("the answer does not match openapi/openapi.yaml: " + found);
            }
            try {
                Files.writeString(Path.of(collect), found + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answer;
    }
}
