package io.zhibiao.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request carries an id, echoed in the {@code X-Request-Id} answer header and logged with each line the request
 * writes (MDC key {@code requestId}; a field of its own in JSON logs): a clerk's "it failed" and a log line meet on
 * it. A caller's own id (a gateway's, say) is kept when it is a plain token; anything else is replaced, so that no
 * header can forge a log field.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(-103).handler(ctx -> {
            String offered = ctx.request().getHeader(HEADER);
            String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            ctx.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            ctx.addEndHandler(done -> MDC.remove("requestId"));
            ctx.next();
        });
    }
}
