package io.zhibiao.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.NoClassInterceptors;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class TokenService {

    /**
     * Recording every use would turn each read into a write; once a minute is enough for "last
     * used".
     */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A token with the org unit it is scoped to. */
    public record Held(AccessToken token, ScopeDirectory.ScopeUnit scope) {
    }

    /** A created token and its secret, which exists only in this answer. */
    public record Created(Held held, String secret) {
    }

    @Inject
    Access access;

    @Inject
    ScopeDirectory directory;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    public Created create(TokenRequest request) {
        access.checkWrite(Area.TOKENS);
        ScopeDirectory.ScopeUnit scope = directory.resolveScope("orgUnitCode", request.orgUnitCode());
        access.checkWrite(Area.TOKENS, scope);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new ValidationFailed("expiresAt", "must be in the future");
        }
        String name = request.name().strip();
        if (AccessToken.count("name", name) > 0) {
            throw new Conflict("a token named '" + name + "' already exists");
        }
        String secret = Secrets.newSecret();
        AccessToken token = new AccessToken();
        token.name = name;
        token.role = request.role();
        token.orgUnitId = scope.id();
        token.tokenHash = Secrets.hash(secret);
        token.createdAt = now;
        token.createdBy = access.actor();
        token.expiresAt = request.expiresAt();
        token.persist();
        Log.infof("Token '%s' (%s over %s) created by %s", name, token.role, scope.code(), token.createdBy);
        return new Created(new Held(token, scope), secret);
    }

    /**
     * Tokens in the caller's subtree, in id order. They are filtered here rather than in the query
     * because their scopes live in the org-unit feature; a bureau has tens or hundreds of tokens,
     * not millions.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<Held> list(PageRequest page) {
        access.checkWrite(Area.TOKENS);
        List<AccessToken> tokens = AccessToken.listAll(Sort.by("id"));
        Map<Long, ScopeDirectory.ScopeUnit> scopes = directory.byIds(tokens.stream().map(t -> t.orgUnitId).toList());
        List<Held> visible = tokens.stream().map(t -> new Held(t, scopes.get(t.orgUnitId)))
                .filter(held -> held.scope() != null && access.canSee(held.scope())).toList();
        return PageResult.slice(visible, page);
    }

    public void revoke(long id) {
        access.checkWrite(Area.TOKENS);
        // A token scoped outside the caller's subtree does not exist for it.
        AccessToken token = AccessToken.<AccessToken>findByIdOptional(id)
                .filter(t -> scopeOf(t).filter(access::canSee).isPresent())
                .orElseThrow(() -> new NotFound("token", id));
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now(clock);
            known().invalidateAll();
            Log.infof("Token '%s' revoked by %s", token.name, access.actor());
        }
    }

    /**
     * How many tokens act in the org unit's subtree from that very unit; such a unit cannot be
     * deleted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countScopedTo(long orgUnitId) {
        return AccessToken.count("orgUnitId", orgUnitId);
    }

    private Optional<ScopeDirectory.ScopeUnit> scopeOf(AccessToken token) {
        return Optional.ofNullable(directory.byIds(List.of(token.orgUnitId)).get(token.orgUnitId));
    }

    /**
     * The caller a presented secret stands for, if it is a live token. No transaction interceptor: most calls are
     * answered from memory ({@link #remembered}), and the lookup opens its own transaction.
     */
    @NoClassInterceptors
    public Optional<Caller> authenticate(String secret) {
        Optional<Caller> remembered = remembered(secret);
        if (remembered.isPresent()) {
            return remembered;
        }
        String hash = Secrets.hash(secret);
        Optional<Known> found = lookUp(hash, OffsetDateTime.now(clock));
        found.ifPresent(k -> known().put(hash, k));
        return found.map(Known::caller);
    }

    /**
     * The caller, when the secret is the bootstrap token or a live token seen lately; empty when only the database can
     * tell. Never blocks: requests on the event loop authenticate here.
     */
    @NoClassInterceptors
    public Optional<Caller> remembered(String secret) {
        String hash = Secrets.hash(secret);
        if (bootstrapHash().filter(b -> Secrets.sameHash(b, hash)).isPresent()) {
            return Optional.of(Caller.system("bootstrap-admin"));
        }
        Known cached = known().getIfPresent(hash);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cached != null && (cached.expiresAt() == null || cached.expiresAt().isAfter(now))
                ? Optional.of(cached.caller())
                : Optional.empty();
    }

    /**
     * Tokens recently seen, by hash: most requests then need no token query. A revocation on this replica clears it at
     * once; other replicas stop accepting a revoked token within zhibiao.security.token-cache-ttl.
     */
    private record Known(Caller caller, OffsetDateTime expiresAt) {
    }

    private volatile Cache<String, Known> known;

    /** The bootstrap token's hash, made once: the configuration does not change while the service runs. */
    private volatile Optional<String> bootstrapHash;

    /** Whether the hash is the bootstrap token's. */
    boolean isBootstrap(String hash) {
        return bootstrapHash().filter(b -> Secrets.sameHash(b, hash)).isPresent();
    }

    private Optional<String> bootstrapHash() {
        if (bootstrapHash == null) {
            bootstrapHash = config.bootstrapAdminToken().map(Secrets::hash);
        }
        return bootstrapHash;
    }

    private Cache<String, Known> known() {
        if (known == null) {
            synchronized (this) {
                if (known == null) {
                    known = Caffeine.newBuilder().maximumSize(10_000)
                            .expireAfterWrite(config.security().tokenCacheTtl()).build();
                }
            }
        }
        return known;
    }

    private Optional<Known> lookUp(String hash, OffsetDateTime now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<AccessToken> found = AccessToken.<AccessToken>find("tokenHash", hash).firstResultOptional();
            if (found.isEmpty() || !Secrets.sameHash(found.get().tokenHash, hash) || !found.get().usableAt(now)) {
                return Optional.empty();
            }
            AccessToken token = found.get();
            if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                token.lastUsedAt = now;
            }
            return scopeOf(token)
                    .map(scope -> new Known(new Caller(token.name, token.role, scope.path()), token.expiresAt));
        });
    }

    /**
     * The callers the given token hashes stand for now, read from the database (500 hashes a query) and not from
     * memory: a hash whose token was revoked, has expired or was deleted is missing from the answer (and is forgotten
     * by this replica at once). For requests that outlive a token's check, such as change streams.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Caller> checkAgain(Collection<String> hashes) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Caller> live = new HashMap<>();
        List<String> all = List.copyOf(new HashSet<>(hashes));
        for (int from = 0; from < all.size(); from += 500) {
            List<AccessToken> found = AccessToken.list("tokenHash in ?1",
                    all.subList(from, Math.min(all.size(), from + 500)));
            Map<Long, ScopeDirectory.ScopeUnit> scopes = directory
                    .byIds(found.stream().map(t -> t.orgUnitId).distinct().toList());
            for (AccessToken token : found) {
                ScopeDirectory.ScopeUnit scope = scopes.get(token.orgUnitId);
                if (token.usableAt(now) && scope != null) {
                    live.put(token.tokenHash, new Caller(token.name, token.role, scope.path()));
                }
            }
        }
        all.stream().filter(h -> !live.containsKey(h)).forEach(known()::invalidate);
        return live;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyTokenExists() {
        return AccessToken.count() > 0;
    }
}
