package io.zhibiao.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.common.DataVersion;
import io.zhibiao.common.ETags;
import io.zhibiao.security.Caller;
import io.zhibiao.security.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a dashboard poll whose ETag still holds with 304 straight from the HTTP layer, after the one version check a
 * 304 costs and nothing else: screens poll far more often than anything is written, and most polls are these.
 *
 * <p>Only a request the resource has already answered for the same token scope is revalidated here — the same query
 * string, so its parameters were valid and the unit visible — and only for a token known from memory; everything
 * else (a first poll, another scope, an unknown, revoked or single-sign-on token, a changed answer, an Accept that is
 * not JSON) goes on to the resource and gets exactly what it would have got. The tag is the resource's own
 * ({@link DashboardService#etag}), so both places always agree.
 */
@ApplicationScoped
public class DashboardRevalidation {

    static final String PATH = "/api/v1/dashboard";
    /** As the REST layer writes the resource's CacheControl; the test compares both. */
    static final String CACHE_CONTROL = "no-cache, private";
    private static final Set<String> JSON_RANGES = Set.of("*/*", "application/*", "application/json");

    /** A query the resource answered for a scope, and the asOf it was answered at (empty: the current month). */
    private record Answered(String scope, String query) {
    }

    private final Cache<Answered, Optional<YearMonth>> answered = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    @Inject
    TokenService tokens;

    @Inject
    DataVersion dataVersion;

    @Inject
    DashboardService service;

    private final Counter revalidated;

    @Inject
    DashboardRevalidation(MeterRegistry registry) {
        revalidated = Counter.builder("zhibiao.dashboard.revalidated")
                .description("Dashboard polls answered 304 before reaching the resource").register(registry);
    }

    /** Called by the resource for every answer it gives: from now on this poll may be revalidated here. */
    void answered(String scope, String query, YearMonth asOf) {
        answered.put(new Answered(scope == null ? "/" : scope, query == null ? "" : query), Optional.ofNullable(asOf));
    }

    void install(@Observes Router router) {
        // After the request id, the edge guards and the page headers (orders -103 to -99); before the REST layer.
        router.get(PATH).order(-40).handler(this::revalidate);
    }

    /** No Accept, or one that names JSON (or a wildcard over it) without refusing it with q=0. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (JSON_RANGES.contains(parts[0].strip().toLowerCase(Locale.ROOT))) {
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    refused |= parts[i].strip().matches("(?i)q=0(\\.0{0,3})?");
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }

    private void revalidate(RoutingContext ctx) {
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (ifNoneMatch == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !acceptsJson(accept)) {
            ctx.next();
            return;
        }
        Optional<Caller> caller = tokens.remembered(authorization.substring(7).strip());
        Optional<YearMonth> asOf = caller.isEmpty()
                ? null
                : answered.getIfPresent(new Answered(caller.get().scopePath() == null ? "/" : caller.get().scopePath(),
                        ctx.request().query() == null ? "" : ctx.request().query()));
        if (asOf == null) {
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        dataVersion.next().whenComplete((version, failure) -> context.runOnContext(ignored -> {
            EntityTag tag = failure == null ? new EntityTag(service.etag(version, asOf.orElse(null)), true) : null;
            if (tag == null || !ETags.matches(ifNoneMatch, tag)) {
                ctx.next();
                return;
            }
            revalidated.increment();
            ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, "W/\"" + tag.getValue() + "\"")
                    .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).end();
        }));
    }
}
