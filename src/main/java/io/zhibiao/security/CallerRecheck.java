package io.zhibiao.security;

import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Authentication again, for requests that last: a change stream stays open for hours, and a token revoked or expired
 * meanwhile must end it. Checks the same things {@link Authenticator} checked when the request began, from the
 * database and the identity provider's keys rather than from memory, for many callers at once.
 */
@ApplicationScoped
public class CallerRecheck {

    @Inject
    TokenService tokens;

    @Inject
    JwtVerifier jwt;

    @Inject
    ZhibiaoConfig config;

    /** The credential behind the {@code Authorization} header of a request {@link Authenticator} let in. */
    public Credential credentialOf(String authorization) {
        String secret = Authenticator.presented(authorization);
        if (secret == null) {
            return new Credential(Credential.Kind.ANONYMOUS, "anonymous");
        }
        if (jwt.looksLikeJwt(secret)) {
            return new Credential(Credential.Kind.JWT, secret);
        }
        String hash = Secrets.hash(secret);
        return tokens.isBootstrap(hash)
                ? new Credential(Credential.Kind.BOOTSTRAP, "bootstrap")
                : new Credential(Credential.Kind.TOKEN, hash);
    }

    /**
     * The caller each credential stands for now; a credential missing from the answer no longer authenticates
     * (revoked, expired, deleted, its org unit gone, public reading switched off). A caller's scope is read anew, so
     * a token whose unit moved acts in the unit's new place.
     */
    @Transactional
    public Map<Credential, Caller> checkAgain(Collection<Credential> credentials) {
        Map<Credential, Caller> live = new HashMap<>();
        List<String> hashes = credentials.stream().filter(c -> c.kind() == Credential.Kind.TOKEN)
                .map(Credential::holder).distinct().toList();
        Map<String, Caller> tokenCallers = tokens.checkAgain(hashes);
        for (Credential credential : credentials) {
            switch (credential.kind()) {
                case BOOTSTRAP -> live.put(credential, Caller.system("bootstrap-admin"));
                case ANONYMOUS -> {
                    if (config.security().publicRead()) {
                        live.put(credential, Caller.anonymousReader());
                    }
                }
                case TOKEN -> {
                    Caller caller = tokenCallers.get(credential.holder());
                    if (caller != null) {
                        live.put(credential, caller);
                    }
                }
                case JWT -> jwt.verify(credential.holder()).ifPresent(caller -> live.put(credential, caller));
            }
        }
        return live;
    }
}
