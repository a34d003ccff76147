package io.zhibiao.common;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every API operation needs a token (401) and every write a role and scope that allow it (403):
 * documented once, here.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : pathItem.getOperations().entrySet()) {
            APIResponses responses = entry.getValue().getResponses();
            responses.addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
            if (entry.getKey() != PathItem.HttpMethod.GET) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
            }
        }
        return pathItem;
    }
}
