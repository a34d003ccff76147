package io.zhibiao.security;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.Conflict;
import io.zhibiao.common.NotFound;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class TokenService {

    /** Recording every use would turn each read into a write; once a minute is enough for "last used". */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A created token and its secret, which exists only in this answer. */
    public record Created(AccessToken token, String secret) {
    }

    @Inject
    Access access;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    public Created create(TokenRequest request) {
        access.checkWrite(Area.TOKENS);
        OrgUnit scope = orgUnits.resolve("orgUnitCode", request.orgUnitCode());
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
        token.orgUnit = scope;
        token.tokenHash = Secrets.hash(secret);
        token.createdAt = now;
        token.createdBy = access.actor();
        token.expiresAt = request.expiresAt();
        token.persist();
        Log.infof("Token '%s' (%s over %s) created by %s", name, token.role, scope.code, token.createdBy);
        return new Created(token, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<AccessToken> list(PageRequest page) {
        access.checkWrite(Area.TOKENS);
        String scope = access.scopePath();
        var query = scope == null
                ? AccessToken.<AccessToken>find("from AccessToken t join fetch t.orgUnit order by t.id")
                : AccessToken.<AccessToken>find("from AccessToken t join fetch t.orgUnit where t.orgUnit.path like ?1 order by t.id",
                        scope + "%");
        long total = scope == null ? AccessToken.count() : AccessToken.count("orgUnit.path like ?1", scope + "%");
        return new PageResult<>(query.page(page.page(), page.size()).list(), page.page(), page.size(), total);
    }

    public void revoke(long id) {
        access.checkWrite(Area.TOKENS);
        AccessToken token = AccessToken.<AccessToken>findByIdOptional(id).orElseThrow(() -> new NotFound("token", id));
        access.checkWrite(Area.TOKENS, token.orgUnit);
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now(clock);
            Log.infof("Token '%s' revoked by %s", token.name, access.actor());
        }
    }

    /** The caller a presented secret stands for, if it is a live token. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Caller> authenticate(String secret) {
        String hash = Secrets.hash(secret);
        if (config.bootstrapAdminToken().filter(b -> Secrets.sameHash(Secrets.hash(b), hash)).isPresent()) {
            return Optional.of(Caller.system("bootstrap-admin"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<AccessToken> found = AccessToken.<AccessToken>find(
                    "from AccessToken t join fetch t.orgUnit where t.tokenHash = ?1", hash).firstResultOptional();
            if (found.isEmpty() || !Secrets.sameHash(found.get().tokenHash, hash) || !found.get().usableAt(now)) {
                return Optional.empty();
            }
            AccessToken token = found.get();
            if (token.lastUsedAt == null || token.lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
                token.lastUsedAt = now;
            }
            return Optional.of(new Caller(token.name, token.role, token.orgUnit.path));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyTokenExists() {
        return AccessToken.count() > 0;
    }
}
