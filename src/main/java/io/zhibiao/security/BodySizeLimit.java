package io.zhibiao.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.zhibiao.common.Problem;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses bodies above {@code zhibiao.security.max-body-bytes} before they are read, with a problem+json 413.
 * (Vert.x's own hard limit, quarkus.http.limits.max-body-size, stays above this one as a last resort.)
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    ZhibiaoConfig config;

    void install(@Observes Router router) {
        long limit = config.security().maxBodyBytes();
        router.route("/api/*").order(-100).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && parse(length) > limit) {
                Problem problem = Problem.of(413, "payload_too_large", "Payload too large",
                        "the body has " + length + " bytes; at most " + limit + " are accepted", ctx.request().path(), null);
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.json.Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
