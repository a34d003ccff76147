package io.zhibiao.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks every answer a test receives against the committed {@code openapi/openapi.yaml}: its status is declared, its
 * body fits the declared schema (nulls included), so the spec and the service cannot drift apart. Requests are not
 * checked: tests send malformed ones on purpose. With the environment variable {@code SPEC_COLLECT=FILE} the mismatches are appended
 * to FILE instead of failing, to see them all at once.
 */
public final class SpecConformance implements Filter {

    static final SpecConformance INSTANCE = new SpecConformance();

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("openapi/openapi.yaml").toUri().toString())
            .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)
                    // Paths the spec does not have (a typo'd URL in a 404 test) have nothing to be checked against.
                    .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE).build())
            .build();

    private SpecConformance() {
    }

    private static final Pattern PATH = Pattern.compile("\\[Path '([^']*)'\\]");

    /**
     * A null where the spec has {@code nullable: true} beside {@code allOf: [$ref]} — how OpenAPI 3.0 says "this object,
     * or null", and how generated clients read it. The validator applies the referenced schema to the null anyway;
     * every other property of the spec is checked as written.
     */
    private static boolean nullReference(ValidationReport.Message message, Response answer) {
        try {
            return nullReference(message, JSON.readTree(answer.asByteArray()));
        } catch (IOException e) {
            return false;
        }
    }

    /** An allOf mismatch at a null, or one whose every cause is such a mismatch deeper down. */
    private static boolean nullReference(ValidationReport.Message message, JsonNode body) {
        if (!message.getKey().endsWith(".allOf")) {
            return false;
        }
        Matcher path = PATH.matcher(message.getMessage());
        if (path.find() && body.at(path.group(1)).isNull()) {
            return true;
        }
        List<ValidationReport.Message> causes = message.getNestedMessages();
        return !causes.isEmpty() && causes.stream().allMatch(cause -> nullReference(cause, body));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What in an answer does not match the committed spec, for clients other than REST Assured (the spec fuzzer): an
     * empty list when it matches.
     */
    public static List<String> mismatches(String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null && !contentType.isEmpty()) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = INSTANCE.validator.validateResponse(path,
                com.atlassian.oai.validator.model.Request.Method.valueOf(method), response.build());
        JsonNode parsed;
        try {
            parsed = body == null || body.isEmpty() ? NullNode.getInstance() : JSON.readTree(body);
        } catch (IOException notJson) {
            parsed = NullNode.getInstance();
        }
        JsonNode tree = parsed;
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !nullReference(m, tree))
                .map(m -> m.getKey() + " " + m.getMessage()).toList();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        ValidationReport report = validator.validateResponse(request.getDerivedPath(),
                RestAssuredRequest.of(request).getMethod(), RestAssuredResponse.of(answer));
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !nullReference(m, answer)).toList();
        if (!errors.isEmpty()) {
            String found = request.getMethod() + " " + request.getURI() + " → " + answer.getStatusCode() + ": "
                    + errors.stream().map(m -> m.getKey() + " " + m.getMessage()).collect(Collectors.joining("; "));
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
