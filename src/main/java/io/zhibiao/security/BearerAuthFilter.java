package io.zhibiao.security;

import io.zhibiao.common.Unauthorized;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request from its {@code Authorization: Bearer} header and records the
 * caller.
 */
public class BearerAuthFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenService tokens;

    @Inject
    JwtVerifier jwt;

    @Inject
    CallerContext context;

    @Inject
    ZhibiaoConfig config;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            if (config.security().publicRead() && HttpMethod.GET.equals(request.getMethod())
                    && !request.getUriInfo().getPath().startsWith("/api/v1/tokens")) {
                context.set(Caller.anonymousReader());
                return;
            }
            throw new Unauthorized("send 'Authorization: Bearer <token>'");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthorized("only the Bearer scheme is accepted");
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<Caller> caller = jwt.looksLikeJwt(secret) ? jwt.verify(secret) : tokens.authenticate(secret);
        context.set(caller.orElseThrow(() -> new Unauthorized("the token is unknown, revoked or expired")));
    }
}
