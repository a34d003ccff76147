package io.zhibiao.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * One clock for the whole service, in the configured zone, so "the current month" is the bureau's
 * month.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    Clock clock(ZhibiaoConfig config) {
        return Clock.system(config.timeZone());
    }
}
