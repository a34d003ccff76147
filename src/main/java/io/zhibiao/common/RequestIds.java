package io.zhibiao.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
            String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : newId();
            ctx.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            ctx.addEndHandler(done -> MDC.remove("requestId"));
            ctx.next();
        });
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id only has to tell requests apart, and {@code
     * UUID.randomUUID()} takes the shared, locked {@code SecureRandom} — 3 % of the event loops' time under polls.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
