package io.zhibiao.security;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zhibiao.common.Messages;
import io.zhibiao.common.Problem;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.common.ZhibiaoConfig.Security.MetricsAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Guards that must act before a request reaches the REST layer: bodies above {@code
 * zhibiao.security.max-body-bytes} are refused unread (Vert.x's own hard limit,
 * quarkus.http.limits.max-body-size, stays above it as a last resort), and /q/metrics is open,
 * token-only or off.
 */
@ApplicationScoped
public class EdgeGuards {

    @Inject
    ZhibiaoConfig config;

    @Inject
    Authenticator authenticator;

    void install(@Observes Router router) {
        // A request whose answer already went out (a stalled upload cut with its 408) may still fail afterwards, when
        // its reader finds the connection closed; that is the cut working, not an error to log.
        router.route().order(-102).failureHandler(ctx -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                Log.debugf("After its answer, %s %s failed: %s", ctx.request().method(), ctx.request().path(),
                        ctx.failure());
                return;
            }
            ctx.next();
        });
        router.route().order(-101).handler(ctx -> {
            int limit = config.security().maxUriChars();
            if (ctx.request().uri().length() > limit) {
                problem(ctx, 414, "uri_too_long", "URI too long",
                        "the request target has more than " + limit + " characters; send long input in the body");
                return;
            }
            ctx.next();
        });
        router.route("/api/*").order(-100).handler(ctx -> {
            String path = ctx.request().path();
            long limit = path.startsWith("/api/v1/observations/batch") || path.endsWith("/admin/import")
                    ? config.imports().maxBodyBytes()
                    : config.security().maxBodyBytes();
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > limit) {
                problem(ctx, 413, "payload_too_large", "Payload too large",
                        "the body has " + length + " bytes; at most " + limit + " are accepted");
                return;
            }
            ctx.next();
        });
        MetricsAccess metrics = config.security().metricsAccess();
        if (metrics != MetricsAccess.OPEN) {
            router.route("/q/metrics*").order(-100).blockingHandler(ctx -> {
                boolean allowed = metrics == MetricsAccess.TOKEN
                        && authenticator.identify(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).isPresent();
                if (allowed) {
                    ctx.next();
                } else if (metrics == MetricsAccess.OFF) {
                    problem(ctx, 404, "not_found", "Not found", "metrics are switched off");
                } else {
                    problem(ctx, 401, "unauthorized", "Unauthorized", "metrics need 'Authorization: Bearer <token>'");
                }
            });
        }
    }

    private static void problem(RoutingContext ctx, int status, String code, String title, String detail) {
        String path = ctx.request().path();
        Problem problem = Messages.localise(
                Problem.of(status, code, title, detail, path != null && path.length() <= 200 ? path : null, null),
                ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
