package io.zhibiao.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The published contract's conventions, applied once to the generated description.
 *
 * <ul>
 * <li>What every operation may answer besides its own statuses: a token (401), a role and scope for writes (403), what
 * the HTTP layer refuses (406, 414; for bodies 408, 413, 415), a parameter that breaks the text rule (400), a fault
 * (500).</li>
 * <li>Nulls, written as OpenAPI 3.1 (JSON Schema 2020-12) says them, so that strict validators and generated clients
 * read them alike: a property the schema does not list as required may be {@code null} — {@code type: [string, "null"]},
 * a null in a nullable enum's values, {@code anyOf: [{$ref}, {type: "null"}]} for a referenced schema.</li>
 * <li>Answers are complete: in a schema only answers use, every property is required (present, null when the service
 * has no value), except those marked {@value #OPTIONAL} (left out when they do not apply, as in RFC 9457 problems; the
 * mark stays in the published description for readers). Schemas of request bodies keep their own required
 * properties.</li>
 * <li>The filter runs once, when the build writes the document; the service serves that document as built (no
 * filtering at start: it would cost every pod a fifth of a second). Every step still leaves an already shaped schema
 * as it is, so running it twice changes nothing.</li>
 * <li>Timestamps are plain {@code type: string, format: date-time} properties, not references to a component.</li>
 * <li>Pages of a list are named after what they hold ({@code OrgUnitPage}), not after the Java generic.</li>
 * </ul>
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class OpenApiFilter implements OASFilter {

    /** The extension that marks a property of an answer the service leaves out when it does not apply. */
    public static final String OPTIONAL = "x-optional";

    /**
     * The properties of answers the service leaves out when they do not apply (Jackson's {@code NON_NULL} on them):
     * the RFC 9457 members beyond the four every problem has, a token's secret outside the answer to its creation, a
     * plan's text in lists. Named here, not read from an annotation, so that every pass of the filter sees them.
     */
    private static final Map<String, Set<String>> OPTIONAL_PROPERTIES = Map.of("Problem",
            Set.of("detail", "instance", "errors", "rule", "left", "right", "message", "failures"), "Token",
            Set.of("token"), "Plan", Set.of("text"));

    private static final String COMPONENT = "#/components/schemas/";
    private static final Pattern PAGE = Pattern.compile("PageResult(\\w+)View");

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : pathItem.getOperations().entrySet()) {
            APIResponses responses = entry.getValue().getResponses();
            declare(responses, "401", "Unauthorized");
            if (entry.getKey() != PathItem.HttpMethod.GET) {
                declare(responses, "403", "Forbidden");
            }
            // What the HTTP layer answers for any operation: an Accept it cannot serve, a request target too long.
            if (entry.getKey() != PathItem.HttpMethod.DELETE) {
                declare(responses, "406", "NotAcceptable");
            }
            declare(responses, "414", "UriTooLong");
            // Every parameter passes the text rule (no NUL or control characters): any operation can answer 400.
            declare(responses, "400", "ValidationFailed");
            declare(responses, "500", "InternalError");
            if (entry.getValue().getRequestBody() != null) {
                jsonFirst(entry.getValue().getRequestBody());
                declare(responses, "408", "RequestTimeout");
                declare(responses, "413", "PayloadTooLarge");
                declare(responses, "415", "UnsupportedMediaType");
            }
        }
        return pathItem;
    }

    /**
     * An operation that takes JSON or files (POST /plans: a JSON plan or the document itself, served by two methods)
     * lists JSON first: client generators call an operation with the first media type it lists.
     */
    private static void jsonFirst(RequestBody body) {
        var content = body.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().size() < 2
                || !content.hasMediaType("application/json")) {
            return;
        }
        var types = new java.util.LinkedHashMap<>(content.getMediaTypes());
        var json = types.remove("application/json");
        for (String type : types.keySet()) {
            content.removeMediaType(type);
        }
        content.removeMediaType("application/json");
        content.addMediaType("application/json", json);
        types.forEach(content::addMediaType);
    }

    /** An operation's own declaration of a status (with its own description) stands. */
    private static void declare(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setRef(PAGE.matcher(schema.getRef()).replaceAll("$1Page"));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> renamed = new LinkedHashMap<>();
        openAPI.getComponents().getSchemas()
                .forEach((name, schema) -> renamed.put(PAGE.matcher(name).replaceAll("$1Page"), schema));
        openAPI.getComponents().setSchemas(renamed);

        Set<String> inRequests = reachable(openAPI, renamed, true);
        Set<String> inAnswers = reachable(openAPI, renamed, false);
        Set<String> scalars = new HashSet<>();
        renamed.forEach((name, schema) -> {
            if (schema.getProperties() == null && schema.getEnumeration() == null && schema.getType() != null
                    && !schema.getType().contains(SchemaType.OBJECT) && !schema.getType().contains(SchemaType.ARRAY)) {
                scalars.add(name);
            }
        });
        renamed.forEach((name, schema) -> shape(schema, inAnswers.contains(name) && !inRequests.contains(name),
                OPTIONAL_PROPERTIES.getOrDefault(name, Set.of()), renamed, scalars));
        eachOperationSchema(openAPI, false, schema -> shape(schema, true, Set.of(), renamed, scalars));
        eachOperationSchema(openAPI, true, schema -> shape(schema, false, Set.of(), renamed, scalars));
        scalars.forEach(renamed::remove);
        openAPI.getComponents().setSchemas(renamed);
    }

    /** Gives an object schema (and those nested in it) the conventions above. */
    private static void shape(Schema schema, boolean answer, Set<String> optionals, Map<String, Schema> components,
            Set<String> scalars) {
        if (schema == null) {
            return;
        }
        if (schema.getItems() != null) {
            shape(schema.getItems(), answer, Set.of(), components, scalars);
            schema.setItems(inlined(schema.getItems(), components, scalars));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            shape(schema.getAdditionalPropertiesSchema(), answer, Set.of(), components, scalars);
        }
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
        List<String> present = new ArrayList<>();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            boolean optional = optionals.contains(name);
            if (optional && answer) {
                property.addExtension(OPTIONAL, true);
            }
            boolean declaredNullable = withoutNull(property);
            Schema plain = inlined(referenceOf(property), components, scalars);
            shape(plain, answer, Set.of(), components, scalars);
            boolean nullable = declaredNullable || (!required.contains(name) && !(answer && optional));
            properties.put(name, nullable ? nullable(plain) : plain);
            if (required.contains(name) || (answer && !optional)) {
                present.add(name);
            }
        });
        schema.setProperties(properties);
        schema.setRequired(present.isEmpty() ? null : present);
    }

    /**
     * Takes the null out of a property that admits one ({@code anyOf: [X, {type: null}]}, a {@code "null"} type or enum
     * value), answering whether it did: {@link #nullable} puts it back in one form. So the filter may run on its own
     * output and change nothing.
     */
    private static boolean withoutNull(Schema property) {
        boolean found = false;
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf != null && anyOf.size() == 2 && property.getProperties() == null) {
            Schema none = anyOf.stream().filter(OpenApiFilter::isNull).findFirst().orElse(null);
            Schema other = anyOf.get(0) == none ? anyOf.get(1) : anyOf.get(0);
            if (none != null && other.getRef() != null) {
                property.setAnyOf(null);
                property.setRef(other.getRef());
                found = true;
            }
        }
        if (property.getType() != null && property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.remove(SchemaType.NULL);
            property.setType(types);
            found = true;
        }
        if (property.getEnumeration() != null && property.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnumeration());
            values.removeIf(java.util.Objects::isNull);
            property.setEnumeration(values);
        }
        return found;
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().equals(List.of(SchemaType.NULL));
    }

    /**
     * A property the generator wrote as {@code allOf: [$ref]} (or a {@code $ref} with a {@code type} beside it) as the
     * plain reference it is, its null left for {@link #nullable} to decide.
     */
    private static Schema referenceOf(Schema property) {
        if (property.getRef() == null && property.getAllOf() != null && property.getAllOf().size() == 1
                && property.getAllOf().get(0).getRef() != null && property.getProperties() == null) {
            property.setRef(property.getAllOf().get(0).getRef());
            property.setAllOf(null);
        }
        if (property.getRef() != null) {
            property.setType(null);
        }
        return property;
    }

    /** A reference to a scalar component (a timestamp) as the scalar itself. */
    private static Schema inlined(Schema property, Map<String, Schema> components, Set<String> scalars) {
        if (property.getRef() == null || !property.getRef().startsWith(COMPONENT)) {
            return property;
        }
        String name = property.getRef().substring(COMPONENT.length());
        if (!scalars.contains(name)) {
            return property;
        }
        Schema scalar = components.get(name);
        property.setRef(null);
        property.setType(new ArrayList<>(scalar.getType()));
        property.setFormat(scalar.getFormat());
        if (property.getExamples() == null && scalar.getExamples() != null) {
            property.setExamples(scalar.getExamples());
        }
        return property;
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema wrapper = OASFactory.createSchema().addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            wrapper.setDescription(property.getDescription());
            wrapper.setExamples(property.getExamples());
            return wrapper;
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
        return property;
    }

    /** The component schemas request bodies ({@code requests}) or answers refer to, directly or through others. */
    private static Set<String> reachable(OpenAPI openAPI, Map<String, Schema> components, boolean requests) {
        Set<String> seen = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        eachOperationSchema(openAPI, requests, todo::add);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
                String name = schema.getRef().substring(COMPONENT.length());
                if (seen.add(name) && components.containsKey(name)) {
                    todo.add(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                todo.addAll(schema.getProperties().values());
            }
            for (List<Schema> list : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()),
                    nonNull(schema.getOneOf()))) {
                todo.addAll(list);
            }
            if (schema.getItems() != null) {
                todo.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.add(schema.getAdditionalPropertiesSchema());
            }
        }
        return seen;
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    /** Every schema an operation's request bodies ({@code requests}) or answers name, shared answers included. */
    private static void eachOperationSchema(OpenAPI openAPI, boolean requests, Consumer<Schema> action) {
        if (requests) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                RequestBody body = op.getRequestBody();
                if (body != null) {
                    eachSchema(body.getContent(), action);
                }
            }));
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(op -> op.getResponses().getAPIResponses().values().forEach(r -> eachSchema(r, action))));
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> eachSchema(r, action));
        }
    }

    private static void eachSchema(APIResponse response, Consumer<Schema> action) {
        eachSchema(response.getContent(), action);
    }

    private static void eachSchema(Content content, Consumer<Schema> action) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null) {
                action.accept(media.getSchema());
            }
        }
    }
}
