package io.zhibiao.orgunit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.common.DataVersion;
import io.zhibiao.common.EdgeReads;
import io.zhibiao.security.Authenticator;
import io.zhibiao.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Answers a read of one org unit straight from the HTTP layer when the service has read that unit at the current data
 * version: the one version check every answer costs, the caller's scope, and the view's JSON from memory. Org units
 * are what every screen and scope check reads, far more often than the tree changes.
 *
 * <p>Only a caller {@link Authenticator#fromMemory} knows (the REST layer's filter decides the same way) is answered here, only with a 200, and only for a plain request (no query string,
 * an Accept that takes JSON). Everything else — a first read after a write, an unknown or outside unit and its 404,
 * an unknown, revoked or single-sign-on token, parameters the REST layer would check — goes on to the resource and
 * gets exactly what it would have got.
 */
@ApplicationScoped
public class OrgUnitEdge {

    static final String PREFIX = "/api/v1/org-units/";
    /** As the REST layer writes it for the resource's JSON; the test compares both. */
    static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    @Inject
    Authenticator authenticator;

    @Inject
    DataVersion dataVersion;

    @Inject
    OrgUnitService service;

    private final Counter answered;

    @Inject
    OrgUnitEdge(MeterRegistry registry) {
        answered = Counter.builder("zhibiao.orgunit.edge.answers")
                .description("Org unit reads answered before reaching the resource").register(registry);
    }

    void install(@Observes Router router) {
        // After the request id and the edge guards (orders -103 to -99); before the REST layer.
        router.get(PREFIX + ":code").order(-40).handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        String path = ctx.request().path();
        boolean plain = ctx.request().query() == null && path.indexOf('/', PREFIX.length()) < 0
                && EdgeReads.acceptsJson(ctx.request().getHeader(HttpHeaders.ACCEPT));
        Optional<Caller> caller = plain
                ? authenticator.fromMemory(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
                : Optional.empty();
        if (caller.isEmpty()) {
            ctx.next();
            return;
        }
        String code = ctx.pathParam("code");
        Context context = Vertx.currentContext();
        dataVersion.next().whenComplete((version, failure) -> context.runOnContext(ignored -> {
            Optional<byte[]> json = failure == null ? service.knownJson(version, code, caller.get()) : Optional.empty();
            if (json.isEmpty()) {
                ctx.next();
                return;
            }
            answered.increment();
            ctx.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                    .end(Buffer.buffer(json.get()));
        }));
    }
}
