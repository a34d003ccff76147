package io.zhibiao.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Optional;

/** All of Zhibiao's own settings ({@code zhibiao.*}); documented in the README. */
@ConfigMapping(prefix = "zhibiao")
public interface ZhibiaoConfig {

    Progress progress();

    Paging paging();

    /** The zone whose calendar month is "now" when a request gives no {@code asOf}. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Demo demo();

    Security security();

    /**
     * Accepted as an all-scope ADMIN token (environment variable {@code ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN}), so the
     * first real tokens can be created.
     */
    Optional<String> bootstrapAdminToken();

    interface Security {
        /** Lets anonymous callers use the read endpoints (a bureau's public progress page). */
        @WithDefault("false")
        boolean publicRead();

        /** Largest request body accepted, in bytes; larger ones answer 413. */
        @WithDefault("10485760")
        long maxBodyBytes();

        Jwt jwt();

        /** Who may scrape /q/metrics: OPEN (anyone), TOKEN (any valid bearer token) or OFF (nobody). */
        @WithDefault("open")
        MetricsAccess metricsAccess();

        enum MetricsAccess { OPEN, TOKEN, OFF }

        interface Jwt {
            /** Accept JWTs from an identity provider (configure mp.jwt.verify.issuer and publickey.location). */
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Progress {
        /** Pace at or above which an unfinished target is ON_TRACK. */
        @WithDefault("0.95")
        BigDecimal onTrackPace();

        /** Pace at or above which it is AT_RISK; below, OFF_TRACK. */
        @WithDefault("0.85")
        BigDecimal atRiskPace();
    }

    interface Paging {
        @WithDefault("50")
        int defaultSize();

        @WithDefault("500")
        int maxSize();
    }

    interface Demo {
        /** Loads the demo prefecture into an empty database at start-up; only honoured in dev mode. */
        @WithDefault("true")
        boolean enabled();
    }
}
