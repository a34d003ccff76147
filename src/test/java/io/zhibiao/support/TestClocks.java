package io.zhibiao.support;

import io.zhibiao.common.ZhibiaoConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Replaces the service's clock in @QuarkusTest runs, so that tests move time instead of sleeping.
 */
@ApplicationScoped
public class TestClocks {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    AdjustableClock clock(ZhibiaoConfig config) {
        return new AdjustableClock(Clock.system(config.timeZone()));
    }
}
