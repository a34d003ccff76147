package io.zhibiao.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation may answer besides its own statuses, documented once, here: a token (401), a role and scope
 * for writes (403), what the HTTP layer refuses (406, 414; for bodies 408, 413, 415), a parameter that breaks the
 * text rule (400) and a fault (500).
 */
public class OpenApiFilter implements OASFilter {

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
                declare(responses, "408", "RequestTimeout");
                declare(responses, "413", "PayloadTooLarge");
                declare(responses, "415", "UnsupportedMediaType");
            }
        }
        return pathItem;
    }

    /** An operation's own declaration of a status (with its own description) stands. */
    private static void declare(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static final Pattern PAGE = Pattern.compile("PageResult(\\w+)View");

    /**
     * One convention for nulls, applied to every schema: a property the schema does not list as required may be
     * {@code null} (the service answers null for a value it does not have, as DESIGN says). Pages of a list are named
     * after what they hold ({@code OrgUnitPage}), not after the Java generic.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null) {
            schema.setRef(PAGE.matcher(schema.getRef()).replaceAll("$1Page"));
        }
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
            schema.setProperties(properties);
        }
        return schema;
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null && property.getType() == null) {
            // A bare $ref takes no siblings: the reference goes into allOf, beside the null.
            // Bare references here are to objects: enums come with their type beside the reference.
            return OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(property.getRef()))
                    .addType(Schema.SchemaType.OBJECT).addType(Schema.SchemaType.NULL);
        }
        if (property.getType() == null && property.getAllOf() != null) {
            property.addType(Schema.SchemaType.OBJECT);
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> renamed.put(PAGE.matcher(name).replaceAll("$1Page"), schema));
        openAPI.getComponents().setSchemas(renamed);
    }
}
