package io.zhibiao.report;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import io.zhibiao.security.Caller;
import io.zhibiao.security.CallerContext;
import io.zhibiao.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Produces the queued reports one at a time on one thread of this replica: a queue in the database, not a thread per
 * request, so memory holds one report at most and ten queued reports cost the dashboards one busy core at most.
 * Replicas claim a report with a conditional update (QUEUED → RUNNING), so each is made once; one left RUNNING by a
 * replica that died is queued again after {@code zhibiao.reports.stale-after}.
 */
@ApplicationScoped
public class ReportWorker {

    private static final long IDLE_WAIT_MS = 2000;
    private static final long HOUSEKEEPING_EVERY_MS = 60 * 1000;

    @Inject
    ReportCollector collector;

    @Inject
    ReportRenderer renderer;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ReportEvents events;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean stopped;
    private long lastPurge;

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::loop, "report-worker");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Looks at the queue as soon as the current transaction commits (a new report is in it). */
    void wakeUpAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake.release();
                }
            }
        });
    }

    private void loop() {
        while (!stopped) {
            try {
                housekeeping();
                Long id = claim();
                if (id == null) {
                    wake.drainPermits();
                    wake.tryAcquire(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
                    continue;
                }
                long started = System.nanoTime();
                produce(id);
                // A quarter of a core on average (rest-ratio 3): dashboards share the machine with the queue.
                long rest = (long) ((System.nanoTime() - started) / 1_000_000 * config.reports().restRatio());
                if (rest > 0) {
                    Thread.sleep(Math.min(rest, 60_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                Log.warnf(e, "Report worker: %s; trying again shortly", e.getMessage());
                try {
                    Thread.sleep(IDLE_WAIT_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Once a minute: reports left RUNNING by a dead replica queued again, expired reports deleted (their documents
     * with them), the schedules whose day has come run. Plain JDBC while there is nothing to do.
     */
    private void housekeeping() {
        if (System.currentTimeMillis() - lastPurge < HOUSEKEEPING_EVERY_MS) {
            return;
        }
        lastPurge = System.currentTimeMillis();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long schedules;
        try (Connection c = autoCommitting()) {
            try (PreparedStatement again = c.prepareStatement(
                    "UPDATE report SET state = 'QUEUED', started_at = NULL WHERE state = 'RUNNING' AND started_at < ?")) {
                again.setObject(1, now.minus(config.reports().staleAfter()));
                int n = again.executeUpdate();
                if (n > 0) {
                    Log.warnf("%d reports left RUNNING by a replica that stopped are queued again", n);
                }
            }
            try (PreparedStatement gone = c.prepareStatement("DELETE FROM report WHERE expires_at < ?")) {
                gone.setObject(1, now);
                int n = gone.executeUpdate();
                if (n > 0) {
                    Log.infof("%d expired reports deleted", n);
                }
            }
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM report_schedule");
                    ResultSet rs = count.executeQuery()) {
                rs.next();
                schedules = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("report housekeeping: " + e.getMessage(), e);
        }
        if (schedules > 0) {
            schedulesDue.run();
        }
    }

    /** The oldest queued report, now RUNNING here; null when none waits (or other replicas took them). */
    private Long claim() {
        try (Connection c = autoCommitting()) {
            List<Long> ids = new java.util.ArrayList<>();
            try (PreparedStatement q = c
                    .prepareStatement("SELECT id FROM report WHERE state = 'QUEUED' ORDER BY id LIMIT 5");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (Long id : ids) {
                try (PreparedStatement u = c.prepareStatement(
                        "UPDATE report SET state = 'RUNNING', started_at = ? WHERE id = ? AND state = 'QUEUED'")) {
                    u.setObject(1, OffsetDateTime.now(clock));
                    u.setLong(2, id);
                    if (u.executeUpdate() == 1) {
                        return id;
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a report: " + e.getMessage(), e);
        }
    }

    /** Set by the schedules at start-up: what runs the schedules whose day has come. */
    private volatile Runnable schedulesDue = () -> {
    };

    void onHousekeeping(Runnable task) {
        schedulesDue = task;
    }

    /** Reads and lays out the report as the caller who asked for it, then stores the document. */
    void produce(long id) {
        record Job(String unit, String period, ReportFormat format, boolean approved, Caller caller) {
        }
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            Report r = Report.<Report>find("from Report r join fetch r.orgUnit where r.id = ?1", id).firstResult();
            return new Job(r.orgUnit.code, r.period, r.format, "approved".equals(r.dataStatus),
                    new Caller(r.requestedBy, Role.valueOf(r.requesterRole), r.requesterScope));
        });
        long started = System.nanoTime();
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CallerContext.class).get().set(job.caller());
            ReportData data = collector.collect(job.unit(), Period.parse(job.period()), job.approved(),
                    config.timeZone());
            byte[] document = renderer.render(data, job.format());
            QuarkusTransaction.requiringNew().run(() -> {
                Report r = Report.findById(id);
                ReportFile file = new ReportFile();
                file.reportId = id;
                file.content = document;
                file.persist();
                r.state = Report.State.DONE;
                r.title = data.title();
                r.asOfVersion = data.asOfVersion();
                r.sha256 = sha256(document);
                r.size = (long) document.length;
                r.finishedAt = OffsetDateTime.now(clock);
                events.ready(r);
            });
            Log.infof("Report %d (%s %s %s) made in %d ms: %d bytes at data version %d", id, job.unit(), job.period(),
                    job.format().extension, (System.nanoTime() - started) / 1_000_000, document.length,
                    data.asOfVersion());
        } catch (RuntimeException e) {
            Log.errorf(e, "Report %d (%s %s) failed", id, job.unit(), job.period());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                Report r = Report.findById(id);
                r.state = Report.State.FAILED;
                r.error = why.length() > 2000 ? why.substring(0, 2000) : why;
                r.finishedAt = OffsetDateTime.now(clock);
            });
        } finally {
            requestContext.terminate();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection of its own, each statement committed at once (never a transaction left open in the pool). */
    private Connection autoCommitting() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }
}
