package io.zhibiao.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Tells an operator at start-up how to get in, without ever printing a secret. */
@ApplicationScoped
public class SecurityStartup {

    private static final int MIN_BOOTSTRAP_LENGTH = 16;

    @Inject
    ZhibiaoConfig config;

    @Inject
    TokenService tokens;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            Log.info("Dev mode: authorize with the bearer token 'zhibiao-dev-admin' (Swagger UI: Authorize button)");
        }
        if (config.bootstrapAdminToken().isPresent()) {
            Log.info(
                    "A bootstrap admin token is configured (ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN); remove it once real tokens exist");
            if (config.bootstrapAdminToken().get().length() < MIN_BOOTSTRAP_LENGTH
                    && LaunchMode.current() == LaunchMode.NORMAL) {
                Log.warnf("The bootstrap admin token is shorter than %d characters; use a long random secret",
                        MIN_BOOTSTRAP_LENGTH);
            }
        } else if (!tokens.anyTokenExists()) {
            Log.warn("No access token exists yet and none is configured: every API call will answer 401. Restart with "
                    + "ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=<a long random secret>, then POST /api/v1/tokens to create real tokens.");
        }
        if (config.security().publicRead()) {
            Log.warn(
                    "zhibiao.security.public-read=true: anyone can read targets, figures and dashboards without a token");
        }
    }
}
