package io.zhibiao.common;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A DELETE answers 204 with no body, or a problem document: its Accept header cannot make it unacceptable. Without
 * this, {@code Accept: application/problem+json} (what the spec declares for DELETE answers) was a 406, since the
 * resources produce application/json.
 */
public class DeleteAccept {

    @ServerRequestFilter(preMatching = true)
    public void acceptAnything(ContainerRequestContext request) {
        if (HttpMethod.DELETE.equals(request.getMethod()) && request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, "*/*");
        }
    }
}
