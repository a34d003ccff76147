package io.zhibiao.common;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Path segments and query parameters pass {@link TextRule} like every other string, before any resource sees them. */
public class ParameterText {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        check(uri.getPathParameters());
        check(uri.getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                TextRule.violation(value).ifPresent(message -> {
                    throw new ValidationFailed(parameter.getKey(), message);
                });
            }
        }
    }
}
