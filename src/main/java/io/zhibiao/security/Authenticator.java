package io.zhibiao.security;

import io.quarkus.arc.NoClassInterceptors;
import io.smallrye.mutiny.Uni;
import io.zhibiao.common.OffEventLoop;
import io.zhibiao.common.Unauthorized;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who is calling: the one place that reads an {@code Authorization} header and decides. The REST layer's filter asks
 * {@link #authenticate}; an answer given before the REST layer (a dashboard poll revalidated, an org unit read from
 * memory) asks {@link #fromMemory}, which is the same decision's first step — so both see the same caller, with the
 * same role and scope, or the early answer steps aside and the request goes on to the filter.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    @Inject
    TokenService tokens;

    @Inject
    JwtVerifier jwt;

    @Inject
    ZhibiaoConfig config;

    /** The secret of an {@code Authorization: Bearer <secret>} header (scheme case-insensitive); null for any other. */
    public static String presented(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : null;
    }

    /**
     * The caller, when memory alone can tell (the bootstrap token, a live token seen lately); empty when only the
     * database or the identity provider can, and for a missing or malformed header. Never blocks.
     */
    @NoClassInterceptors
    public Optional<Caller> fromMemory(String authorization) {
        String secret = presented(authorization);
        if (secret == null || secret.isEmpty() || jwt.looksLikeJwt(secret)) {
            return Optional.empty();
        }
        return tokens.remembered(secret);
    }

    /**
     * The caller of a header, for a handler that may block (a worker thread): the same decision as
     * {@link #authenticate}, with an empty answer instead of {@link Unauthorized}. No anonymous reader: a missing
     * header identifies nobody.
     */
    public Optional<Caller> identify(String authorization) {
        String secret = presented(authorization);
        if (secret == null || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> remembered = fromMemory(authorization);
        if (remembered.isPresent()) {
            return remembered;
        }
        return jwt.looksLikeJwt(secret) ? jwt.verify(secret) : tokens.authenticate(secret);
    }

    /**
     * The caller of a request, or {@link Unauthorized}: no header (an anonymous reader where public reads are on), a
     * scheme other than Bearer, an unknown, revoked or expired token, a JWT the identity provider does not vouch for.
     * Answers at once from memory; a token only the database or the identity provider can judge is checked on a
     * worker thread.
     */
    @NoClassInterceptors
    public Uni<Caller> authenticate(String authorization, String method, String path) {
        if (authorization == null || authorization.isBlank()) {
            if (config.security().publicRead() && "GET".equals(method) && !path.startsWith("/api/v1/tokens")) {
                return Uni.createFrom().item(Caller.anonymousReader());
            }
            throw new Unauthorized("send 'Authorization: Bearer <token>'");
        }
        String secret = presented(authorization);
        if (secret == null) {
            throw new Unauthorized("only the Bearer scheme is accepted");
        }
        Optional<Caller> remembered = fromMemory(authorization);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(remembered.get());
        }
        boolean isJwt = jwt.looksLikeJwt(secret);
        return OffEventLoop.call(() -> (isJwt ? jwt.verify(secret) : tokens.authenticate(secret))
                .orElseThrow(() -> new Unauthorized("the token is unknown, revoked or expired")));
    }
}
