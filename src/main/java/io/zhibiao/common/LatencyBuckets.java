package io.zhibiao.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP latency buckets for percentiles across replicas (the Grafana board's p99). A few fixed bounds around the
 * dashboard goals (50 ms cold, 100 ms ranking), not Micrometer's 70-odd default buckets per endpoint and status.
 */
public class LatencyBuckets {

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(ms(5), ms(10), ms(25), ms(50),
                        ms(100), ms(250), ms(500), ms(1000), ms(5000)).build().merge(config);
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
