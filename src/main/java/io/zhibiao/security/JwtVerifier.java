package io.zhibiao.security;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Single sign-on: when enabled, a JWT from the bureau's identity provider (issuer and key from the
 * standard {@code mp.jwt.verify.*} settings) is accepted as a bearer token. Its {@code groups}
 * claim names the role, its {@code org} claim the org unit whose subtree it acts in.
 */
@ApplicationScoped
public class JwtVerifier {

    public static final String ORG_CLAIM = "org";

    @Inject
    ZhibiaoConfig config;

    @Inject
    JWTParser parser;

    @Inject
    ScopeDirectory directory;

    /** A JWT has three dot-separated parts; Zhibiao's own tokens have none. */
    public boolean looksLikeJwt(String token) {
        return config.security().jwt().enabled() && token.chars().filter(c -> c == '.').count() == 2;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            Log.debugf("Rejected a JWT: %s", e.getMessage());
            return Optional.empty();
        }
        Optional<Role> role = jwt.getGroups().stream()
                .flatMap(group -> Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(group)))
                .min(Comparator.naturalOrder()); // the most powerful role named
        String org = jwt.getClaim(ORG_CLAIM);
        if (role.isEmpty() || org == null) {
            Log.debugf("Rejected a JWT of %s: no known role in groups, or no org claim", jwt.getSubject());
            return Optional.empty();
        }
        return directory.find(org).map(unit -> new Caller(subject(jwt), role.get(), unit.path()));
    }

    private static String subject(JsonWebToken jwt) {
        return Optional.ofNullable(jwt.getSubject()).or(() -> Optional.ofNullable(jwt.getName())).orElse("jwt");
    }
}
