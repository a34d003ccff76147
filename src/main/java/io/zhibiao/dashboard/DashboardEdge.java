package io.zhibiao.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.common.DataVersion;
import io.zhibiao.common.ETags;
import io.zhibiao.common.EdgeReads;
import io.zhibiao.security.Authenticator;
import io.zhibiao.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Answers a dashboard poll the service has already answered straight from the HTTP layer, after the one version
 * check every answer costs and nothing else: 304 while the ETag holds, or the same body again while no write has
 * committed. Screens poll far more often than anything is written, and most polls are these.
 *
 * <p>Only a request the resource has answered for the same token scope is answered here — the same query string, so
 * its parameters were valid — and only for a caller {@link Authenticator#fromMemory} knows, the first step of the
 * decision the REST layer's filter makes; everything else (a first poll, another scope,
 * an unknown, revoked or single-sign-on token, a changed answer, an Accept that is not JSON) goes on to the resource
 * and gets exactly what it would have got. Tags are the resource's own ({@link DashboardService#etag}), so both places
 * always agree, and a body is given again only under the tag it was computed with.
 */
@ApplicationScoped
public class DashboardEdge {

    static final String PATH = "/api/v1/dashboard";
    /** As the REST layer writes the resource's CacheControl; the test compares both. */
    static final String CACHE_CONTROL = "no-cache, private";

    private record Query(String scope, String query) {
    }

    /** The asOf a query was answered at (empty: the last complete month), and its last body with the tag it carried. */
    private record Answer(Optional<YearMonth> asOf, String tag, Buffer body) {
    }

    /** Bounded by bytes, like the computed answers: a prefecture's dashboard is tens of kilobytes. */
    private final Cache<Query, Answer> answered = Caffeine.newBuilder().maximumWeight(64L << 20)
            .weigher((Query query, Answer answer) -> 256 + (answer.body() == null ? 0 : answer.body().length()))
            .expireAfterAccess(Duration.ofHours(1)).build();

    @Inject
    Authenticator authenticator;

    @Inject
    DataVersion dataVersion;

    @Inject
    DashboardService service;

    private final Counter revalidated;
    private final Counter repeated;
    /** A body given again here is a reused computed answer too, and counts where the board looks for those. */
    private final Counter reused;

    @Inject
    DashboardEdge(MeterRegistry registry) {
        revalidated = Counter.builder("zhibiao.dashboard.edge.answers").tag("status", "304")
                .description("Dashboard polls answered before reaching the resource").register(registry);
        repeated = Counter.builder("zhibiao.dashboard.edge.answers").tag("status", "200")
                .description("Dashboard polls answered before reaching the resource").register(registry);
        reused = registry.counter("zhibiao.answers", "kind", "dashboard:json", "result", "reused");
    }

    /** The resource validated this query for this scope: from now on its polls may be revalidated here. */
    void validated(String scope, String query, YearMonth asOf) {
        answered.asMap().putIfAbsent(key(scope, query), new Answer(Optional.ofNullable(asOf), null, null));
    }

    /** The resource answered this query with this body under this tag. */
    void answered(String scope, String query, YearMonth asOf, String tag, byte[] body) {
        answered.put(key(scope, query), new Answer(Optional.ofNullable(asOf), tag, Buffer.buffer(body)));
    }

    void install(@Observes Router router) {
        // After the request id, the edge guards and the page headers (orders -103 to -99); before the REST layer.
        router.get(PATH).order(-40).handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        if (!EdgeReads.acceptsJson(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            ctx.next();
            return;
        }
        Optional<Caller> caller = authenticator.fromMemory(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        Answer known = caller.isEmpty()
                ? null
                : answered.getIfPresent(key(caller.get().scopePath(), ctx.request().query()));
        if (known == null) {
            ctx.next();
            return;
        }
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        Context context = Vertx.currentContext();
        dataVersion.next().whenComplete((version, failure) -> context.runOnContext(ignored -> {
            if (failure != null) {
                ctx.next();
                return;
            }
            EntityTag tag = new EntityTag(service.etag(version, known.asOf().orElse(null)), true);
            if (ETags.matches(ifNoneMatch, tag)) {
                revalidated.increment();
                headers(ctx, tag).setStatusCode(304).end();
            } else if (known.body() != null && tag.getValue().equals(known.tag())) {
                repeated.increment();
                reused.increment();
                headers(ctx, tag).setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(known.body());
            } else {
                ctx.next();
            }
        }));
    }

    private static io.vertx.core.http.HttpServerResponse headers(RoutingContext ctx, EntityTag tag) {
        return ctx.response().putHeader(HttpHeaders.ETAG, "W/\"" + tag.getValue() + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    private static Query key(String scope, String query) {
        return new Query(scope == null ? "/" : scope, query == null ? "" : query);
    }
}
