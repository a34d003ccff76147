package io.zhibiao.security;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request the REST layer serves, through {@link Authenticator}, and records the caller.
 */
public class BearerAuthFilter {

    @Inject
    Authenticator authenticator;

    @Inject
    CallerContext context;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        return authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getMethod(),
                request.getUriInfo().getPath()).invoke(context::set).replaceWithVoid();
    }
}
