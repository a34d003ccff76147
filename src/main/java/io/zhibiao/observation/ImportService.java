package io.zhibiao.observation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.zhibiao.common.ChangeSequence;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.WriteGate;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.lock.LockService;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bulk writes of observations, in one transaction per file. Rows are read chunk by chunk ({@link
 * ImportRun} decides them like single PUTs, {@link FigureWriter} writes them), so memory stays flat
 * however long the file is.
 */
@ApplicationScoped
public class ImportService {

    /** What the resource answers: the HTTP status and the summary. */
    public record Outcome(int status, ImportSummary summary) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WriteGate writeGate;

    @Inject
    Access access;

    @Inject
    LockService locks;

    @Inject
    ChangeSequence changes;

    @Inject
    ZhibiaoConfig config;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Event<ImportProgress> progress;

    @Inject
    TransactionManager transactions;

    @Inject
    Clock clock;

    /**
     * One transaction for the whole file: a million rows take 15–35 s (PostgreSQL, H2) and a busy
     * database longer, too close to the default 60 s timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Outcome run(RowSource rows, boolean dryRun, boolean atomic, String idempotencyKey) throws Exception {
        access.checkWrite(Area.OBSERVATIONS);
        writeGate.enter();
        String storedKey = idempotencyKey == null ? null : IdempotencyKeys.scoped(access.actor(), idempotencyKey);
        if (storedKey != null) {
            Optional<Outcome> earlier = idempotencyKeys.find(storedKey);
            if (earlier.isPresent()) {
                Log.infof("Import with Idempotency-Key already answered; nothing applied again");
                return earlier.get();
            }
        }
        long started = System.nanoTime();
        ImportSummary summary;
        try (Connection connection = dataSource.getConnection();
                FigureWriter writer = new FigureWriter(connection, changes, access.actor())) {
            ImportRun run = new ImportRun(dryRun, atomic, access.caller(), locks.rules(), locks.today(),
                    config.imports().maxConflicts(), writer);
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<ParsedRow> chunk = new ArrayList<>(config.imports().chunkSize());
            while (rows.hasNext()) {
                ParsedRow row = rows.next();
                if (row.index() >= config.imports().maxRows()) {
                    throw new ValidationFailed(null,
                            "a batch holds at most " + config.imports().maxRows() + " rows; split the file");
                }
                chunk.add(row);
                if (chunk.size() == config.imports().chunkSize() || !rows.hasNext()) {
                    run.process(connection, chunk, now);
                    chunk.clear();
                    progress.fire(new ImportProgress(access.actor(), run.received(), run.written()));
                }
            }
            writer.settle();
            summary = run.summary();
        }
        Outcome outcome = new Outcome(atomic && summary.rejected() > 0 ? 409 : 200, summary);
        boolean keep = !dryRun && outcome.status() == 200;
        if (storedKey != null && !dryRun) {
            if (keep) {
                idempotencyKeys.store(storedKey, outcome);
            } else {
                idempotencyKeys.storeDespiteRollback(storedKey, outcome);
            }
        }
        if (!keep) {
            transactions.setRollbackOnly();
        }
        Log.infof("Import by %s: %d rows in %d ms, %d created, %d updated, %d unchanged, %d rejected%s", access.actor(),
                summary.received(), (System.nanoTime() - started) / 1_000_000, summary.created(), summary.updated(),
                summary.unchanged(), summary.rejected(), dryRun ? " (dry run)" : keep ? "" : " (rolled back)");
        return outcome;
    }
}
