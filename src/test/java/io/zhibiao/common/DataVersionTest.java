package io.zhibiao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
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

    @Inject
    AgroalDataSource dataSource;

    /** The reader keeps its connection; one the server closed is replaced at once, and no caller sees the loss. */
    @Test
    void aKeptConnectionTheServerClosedIsReplacedWithoutFailingACaller() throws Exception {
        assumeTrue(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class).contains("postgres"),
                "terminating another session is PostgreSQL's pg_terminate_backend");
        long before = dataVersion.current();
        int terminated = 0;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE pid <> pg_backend_pid() AND datname = current_database() "
                        + "AND query = 'SELECT version FROM data_version WHERE id = 1'")) {
            while (rs.next()) {
                terminated += rs.getBoolean(1) ? 1 : 0;
            }
        }
        assertThat(terminated).as("the reader's session, found by its last query").isEqualTo(1);
        assertThat(dataVersion.current()).isGreaterThanOrEqualTo(before);
        assertThat(dataVersion.current()).isGreaterThanOrEqualTo(before);
    }

    /**
     * Callers served on the event loop keep no timer of their own: a read the database does not answer (here it waits
     * for a lock another session holds) must still fail them within {@link DataVersion#WAIT}, and the read after it
     * must work.
     */
    @Test
    void aReadTheDatabaseDoesNotAnswerFailsItsCallersWithinTheWait() throws Exception {
        assumeTrue(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class).contains("postgres"),
                "an embedded H2 read of committed data waits for no lock");
        long before = dataVersion.current();
        try (Connection locker = dataSource.getConnection(); Statement statement = locker.createStatement()) {
            locker.setAutoCommit(false);
            statement.execute("LOCK TABLE data_version IN ACCESS EXCLUSIVE MODE");
            long started = System.nanoTime();
            CompletableFuture<Long> caller = dataVersion.next();
            assertThat(caller).failsWithin(DataVersion.WAIT.plusSeconds(5));
            // Failed by the timeout, once: a read that waited it out is not tried again on a fresh connection.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(DataVersion.WAIT);
            locker.rollback();
            // The session the reader gave up still waits for its answer's client; end it, as the server would, and
            // wait until it is gone (the next test finds the reader's session by its query).
            String others = "FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() "
                    + "AND query = 'SELECT version FROM data_version WHERE id = 1'";
            statement.execute("SELECT pg_terminate_backend(pid) " + others);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count(statement, "SELECT count(*) " + others) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(dataVersion.current()).isGreaterThanOrEqualTo(before);
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
