package io.zhibiao.security;

import io.smallrye.mutiny.Uni;
import io.zhibiao.common.OffEventLoop;
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

    /** The secret of an {@code Authorization: Bearer <secret>} header (scheme case-insensitive); null for any other. */
    public static String presented(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }

    /**
     * Answers from memory when it can (the bootstrap token, a token seen lately), so that reads served on the event
     * loop stay there; a token only the database or the identity provider can judge is checked on a worker thread.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            if (config.security().publicRead() && HttpMethod.GET.equals(request.getMethod())
                    && !request.getUriInfo().getPath().startsWith("/api/v1/tokens")) {
                context.set(Caller.anonymousReader());
                return Uni.createFrom().voidItem();
            }
            throw new Unauthorized("send 'Authorization: Bearer <token>'");
        }
        String secret = presented(header);
        if (secret == null) {
            throw new Unauthorized("only the Bearer scheme is accepted");
        }
        boolean isJwt = jwt.looksLikeJwt(secret);
        Optional<Caller> remembered = isJwt ? Optional.empty() : tokens.remembered(secret);
        if (remembered.isPresent()) {
            context.set(remembered.get());
            return Uni.createFrom().voidItem();
        }
        return OffEventLoop.call(() -> {
            Optional<Caller> caller = isJwt ? jwt.verify(secret) : tokens.authenticate(secret);
            context.set(caller.orElseThrow(() -> new Unauthorized("the token is unknown, revoked or expired")));
            return null;
        }).replaceWithVoid();
    }
}
