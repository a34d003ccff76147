package io.zhibiao.common;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The version of the last committed write ({@link WriteGate}), read so that many concurrent callers share one query
 * without ever getting a stale answer.
 *
 * <p>A caller joins the next read that has not started yet; one reader thread starts it, so the read always begins
 * after the caller arrived and sees every write committed before that, on any replica. Callers that arrive while a
 * read runs wait for the following one. Under load one query answers every poll that came in during the previous
 * query, instead of one query per poll; when idle a caller waits for exactly one read, as before.
 */
@ApplicationScoped
public class DataVersion {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    private final Counter asked;
    private final Counter queried;

    @Inject
    DataVersion(MeterRegistry registry) {
        asked = Counter.builder("zhibiao.data.version.asked").description("Callers that needed the data version")
                .register(registry);
        queried = Counter.builder("zhibiao.data.version.queries")
                .description("Queries of the data version; each answers every caller that arrived before it began")
                .register(registry);
    }

    /** The read the next caller joins; it has not started. Null while nobody waits. */
    private final AtomicReference<CompletableFuture<Long>> pending = new AtomicReference<>();
    private volatile Thread reader;
    private volatile boolean stopped;

    /** The version of the last write committed before this call began. */
    public long current() {
        try {
            return next().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the data version", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the data version", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the data version did not arrive within " + WAIT, e);
        }
    }

    /**
     * The same without waiting: the read this call joins, completed on the reader thread. Callers served on the event
     * loop hold no thread while the database answers. Each caller gets its own copy of the shared read, so a caller
     * that gives up (its client went away) cancels only its copy, never the read others wait for.
     *
     * <p>Without a lock: every poll of every event loop comes through here, and a monitor shared with the reader was
     * a tenth of the event loops' time under 304 polls. A caller that finds a pending read joins it — the reader has
     * not taken it yet, so its query begins after this call; otherwise the caller installs a new one and wakes the
     * reader.
     */
    public CompletableFuture<Long> next() {
        asked.increment();
        while (true) {
            if (stopped) {
                return shuttingDown();
            }
            CompletableFuture<Long> read = pending.get();
            if (read != null) {
                return read.copy();
            }
            CompletableFuture<Long> created = new CompletableFuture<>();
            if (pending.compareAndSet(null, created)) {
                if (stopped && pending.compareAndSet(created, null)) {
                    // stop() ran between the check above and the install: nobody would ever read it.
                    return shuttingDown();
                }
                LockSupport.unpark(reader());
                return created.copy();
            }
        }
    }

    private static CompletableFuture<Long> shuttingDown() {
        return CompletableFuture.failedFuture(new IllegalStateException("the service is shutting down"));
    }

    private Thread reader() {
        Thread started = reader;
        if (started == null) {
            synchronized (this) {
                if (reader == null) {
                    Thread thread = new Thread(this::readWhenAsked, "data-version-reader");
                    thread.setDaemon(true);
                    thread.start();
                    reader = thread;
                }
                started = reader;
            }
        }
        return started;
    }

    private void readWhenAsked() {
        try {
            readLoop();
        } finally {
            closeConnection();
        }
    }

    private void readLoop() {
        while (!stopped) {
            CompletableFuture<Long> read = pending.getAndSet(null);
            if (read == null) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    return;
                }
                continue;
            }
            try {
                queried.increment();
                read.complete(query());
            } catch (RuntimeException | SQLException e) {
                Log.debugf("data version read failed: %s", e.getMessage());
                read.completeExceptionally(e);
            }
        }
    }

    /** The reader thread's own connection and statement, kept between reads; reopened after a failure. */
    private Connection connection;
    private PreparedStatement statement;

    /**
     * Plain JDBC on a connection the reader keeps: a session and a transaction around one indexed read of one row, or
     * even a pool checkout and a statement per read, cost more than the read. Each read is its own auto-committed
     * statement, so it sees every write committed before it began. The connection's network timeout bounds every
     * waiter's wait at once, so no caller needs a timer of its own; a query timeout would do the same at a price: the
     * PostgreSQL driver schedules a timer task for every statement, which took 70 % of the reader's time under 304
     * polls. (Embedded H2 has no network, and a read of committed data there waits for no lock.)
     */
    private long query() throws SQLException {
        if (statement != null) {
            long began = System.nanoTime();
            try {
                return read();
            } catch (SQLException e) {
                if (System.nanoTime() - began >= WAIT.toNanos() / 2) {
                    throw e; // the read waited out the timeout: its callers have waited long enough
                }
                // A kept connection the server or the network closed while idle (read() has let it go): one more
                // try on a fresh one.
                Log.debugf("data version connection lost, reconnecting: %s", e.getMessage());
            }
        }
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            connection.setNetworkTimeout(Runnable::run, (int) WAIT.toMillis());
            statement = connection.prepareStatement("SELECT version FROM data_version WHERE id = 1");
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            throw e;
        }
        return read();
    }

    private long read() throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("data_version holds no row; the schema migration did not run");
            }
            return rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            throw e;
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            Log.debugf("closing the data version connection failed: %s", e.getMessage());
        }
        connection = null;
        statement = null;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        CompletableFuture<Long> read = pending.getAndSet(null);
        if (read != null) {
            read.completeExceptionally(new IllegalStateException("the service is shutting down"));
        }
        Thread started = reader;
        if (started != null) {
            LockSupport.unpark(started);
        }
    }
}
