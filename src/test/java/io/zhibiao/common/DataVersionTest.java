package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Shared version reads must never be stale: whatever was committed before a caller asked is in its answer, even while
 * many callers share one query.
 */
@QuarkusTest
class DataVersionTest {

    @Inject
    DataVersion dataVersion;

    @Inject
    WriteGate writeGate;

    @Inject
    MeterRegistry registry;

    @Test
    void aCommitBeforeTheCallIsAlwaysSeenWhileCallersShareQueries() throws Exception {
        AtomicLong committed = new AtomicLong(dataVersion.current());
        ExecutorService pool = Executors.newFixedThreadPool(17);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    QuarkusTransaction.requiringNew().run(writeGate::enter);
                    committed.incrementAndGet(); // after the commit: a caller starting now must see at least this
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 16; r++) {
                readers.add(pool.submit(() -> {
                    int stale = 0;
                    while (!writer.isDone()) {
                        long before = committed.get();
                        if (dataVersion.current() < before) {
                            stale++;
                        }
                    }
                    return stale;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(10, TimeUnit.SECONDS)).as("answers older than a commit before the call").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dataVersion.current()).isEqualTo(committed.get());
    }

    @Test
    void concurrentCallersShareQueries() throws Exception {
        dataVersion.current(); // the bean and its meters exist from its first use
        double asked = count("zhibiao.data.version.asked");
        double queried = count("zhibiao.data.version.queries");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                callers.add(pool.submit(() -> {
                    for (int n = 0; n < 200; n++) {
                        dataVersion.current();
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double calls = count("zhibiao.data.version.asked") - asked;
        double queries = count("zhibiao.data.version.queries") - queried;
        assertThat(calls).isEqualTo(32 * 200);
        assertThat(queries).as("queries for %s calls", calls).isGreaterThan(0).isLessThan(calls / 2);
    }

    @Test
    void aCallerThatGivesUpDoesNotCancelTheReadOthersWaitFor() throws Exception {
        long before = dataVersion.current();
        List<CompletableFuture<Long>> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(dataVersion.next());
        }
        // A client that went away cancels its request's wait; the others may share the same read.
        callers.get(0).cancel(false);
        for (CompletableFuture<Long> caller : callers.subList(1, callers.size())) {
            assertThat(caller.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(before);
        }
        assertThat(dataVersion.current()).isGreaterThanOrEqualTo(before);
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }
}
