package io.zhibiao.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.Bodies;
import io.zhibiao.common.ChangeSequence;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.WriteGate;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.lock.LockService;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk writes of observations, in one transaction per file. Rows are read chunk by chunk ({@link
 * ImportRun} decides them like single PUTs, {@link FigureWriter} writes them), so memory stays flat
 * however long the file is.
 */
@ApplicationScoped
public class ImportService {

    private static final int TIMEOUT_SECONDS = 3600;

    /** What the resource answers: the HTTP status and the summary. */
    public record Outcome(int status, ImportSummary summary, boolean replayed) {

        Outcome(int status, ImportSummary summary) {
            this(status, summary, false);
        }

        /** The stored answer to an earlier request with the same Idempotency-Key: nothing was done again. */
        Outcome replay() {
            return new Outcome(status, summary, true);
        }
    }

    @Inject
    IndicatorService indicatorService;

    @Inject
    OrgUnitService orgUnitService;

    private ImportRun.Lookups lookups() {
        return new ImportRun.Lookups(indicatorService, orgUnitService);
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
    ObjectMapper mapper;

    @Inject
    Bodies bodies;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.inject.Instance<SubmissionHolds> holds;

    @Inject
    jakarta.enterprise.inject.Instance<WriteRules> rules;

    /**
     * Imports a request body of the given (lower-case) content type. The body is first read to a temporary file, so
     * that the write gate is never held while a client's network is slow and a body beyond the limit is refused
     * whether or not it declared its length; it is then parsed once outside any transaction, so that a malformed file
     * is refused without touching the gate; the rows are checked against codes, scope and locks, so that an atomic
     * import with a bad row is refused without the gate too; then the rows are read again from that file in one
     * transaction. A million rows take 10–35 s (PostgreSQL, H2), and a busy database longer, too close to the default
     * 60 s transaction timeout.
     */
    public Outcome run(String contentType, InputStream body, boolean dryRun, boolean atomic, String idempotencyKey)
            throws IOException {
        access.checkWrite(Area.OBSERVATIONS);
        Path spooled = Files.createTempFile("zhibiao-import-", ".part");
        try {
            spool(body, spooled, config.imports().maxBodyBytes());
            String requestHash = idempotencyKey == null
                    ? null
                    : IdempotencyKeys.requestHash(contentType, dryRun, atomic, spooled);
            if (dryRun) {
                parse(contentType, spooled);
            } else {
                String storedKey = storedKey(idempotencyKey);
                Optional<Outcome> earlier = answeredBefore(storedKey, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get().replay();
                }
                Optional<Outcome> refused = screen(contentType, spooled, atomic);
                if (refused.isPresent()) {
                    if (storedKey != null) {
                        idempotencyKeys.storeDespiteRollback(storedKey, requestHash, refused.get());
                    }
                    return refused.get();
                }
            }
            try (RowSource rows = open(contentType, spooled)) {
                return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                        .call(() -> run(rows, dryRun, atomic, idempotencyKey, requestHash));
            } catch (RolledBack answered) {
                return answered.outcome;
            }
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private void spool(InputStream body, Path file, long limit) {
        try (OutputStream out = Files.newOutputStream(file)) {
            bodies.copyAtMost(body, out, limit);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /**
     * Reads the whole spooled file once before the transaction: a file that is malformed, too long or beyond a cell or
     * column limit is refused without ever waiting for, or holding up, the writers.
     */
    private void parse(String contentType, Path spooled) throws IOException {
        try (RowSource rows = open(contentType, spooled)) {
            while (rows.hasNext()) {
                withinLimit(rows.next());
            }
        }
    }

    /**
     * Checks every row (codes, scope, values, locks) before the write transaction. An atomic import with a rejected row
     * is answered here, without the write gate; the write pass checks the rows again, as the references may change
     * in between, but from memory: each code is looked up once per import.
     */
    private Optional<Outcome> screen(String contentType, Path spooled, boolean atomic) {
        long started = System.nanoTime();
        ImportRun run = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            ImportRun screening = ImportRun.screening(lookups(), atomic, access.caller(), locks.rules(), held(),
                    locks.today(), config.imports().maxConflicts());
            try (RowSource rows = open(contentType, spooled)) {
                while (rows.hasNext()) {
                    screening.screen(withinLimit(rows.next()));
                }
            }
            return screening;
        });
        if (!atomic || run.rejected() == 0) {
            return Optional.empty();
        }
        ImportSummary summary = run.summary();
        Log.infof("Import by %s: %d rows refused in %d ms before writing, %d rejected (atomic)", access.actor(),
                summary.received(), (System.nanoTime() - started) / 1_000_000, summary.rejected());
        return Optional.of(new Outcome(409, summary));
    }

    /** The periods submissions hold; read after the write gate in the write pass, so no approval slips in between. */
    private Map<String, String> held() {
        return holds.isResolvable() ? holds.get().all() : Map.of();
    }

    private ParsedRow withinLimit(ParsedRow row) {
        if (row.index() >= config.imports().maxRows()) {
            throw new ValidationFailed(null,
                    "a batch holds at most " + config.imports().maxRows() + " rows; split the file");
        }
        return row;
    }

    /** The first answer to this Idempotency-Key, if the key was used before (with another request: a 422). */
    private Optional<Outcome> answeredBefore(String storedKey, String requestHash) {
        Optional<Outcome> earlier = storedKey == null ? Optional.empty() : idempotencyKeys.find(storedKey, requestHash);
        earlier.ifPresent(e -> Log.infof("Import with Idempotency-Key already answered; nothing applied again"));
        return earlier;
    }

    private String storedKey(String idempotencyKey) {
        return idempotencyKey == null ? null : IdempotencyKeys.scoped(access.actor(), idempotencyKey);
    }

    private RowSource open(String contentType, Path spooled) {
        return ImportFormats.open(contentType, spooled, mapper, config.imports());
    }

    private Outcome run(RowSource rows, boolean dryRun, boolean atomic, String idempotencyKey, String requestHash)
            throws Exception {
        // A dry run writes nothing, so it does not wait for (or hold up) the writers.
        if (!dryRun) {
            writeGate.enter();
        }
        // Looked up again under the gate: a repeat of the request may have finished since the first look.
        String storedKey = storedKey(idempotencyKey);
        Optional<Outcome> earlier = answeredBefore(storedKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long started = System.nanoTime();
        ImportSummary summary;
        try (Connection connection = dataSource.getConnection();
                FigureWriter writer = new FigureWriter(connection, changes, access.actor())) {
            ImportRun run = new ImportRun(lookups(), dryRun, atomic, access.caller(), locks.rules(), held(),
                    locks.today(), config.imports().maxConflicts(), writer,
                    rules.isResolvable() ? rules.get() : WriteRules.NONE);
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<ParsedRow> chunk = new ArrayList<>(config.imports().chunkSize());
            while (rows.hasNext()) {
                chunk.add(rows.next());
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
                idempotencyKeys.store(storedKey, requestHash, outcome);
            } else {
                idempotencyKeys.storeDespiteRollback(storedKey, requestHash, outcome);
            }
        }
        Log.infof("Import by %s: %d rows in %d ms, %d created, %d updated, %d unchanged, %d rejected%s", access.actor(),
                summary.received(), (System.nanoTime() - started) / 1_000_000, summary.created(), summary.updated(),
                summary.unchanged(), summary.rejected(), dryRun ? " (dry run)" : keep ? "" : " (rolled back)");
        if (!keep) {
            throw new RolledBack(outcome);
        }
        return outcome;
    }

    /** Ends the transaction of a dry run or a refused atomic import by rollback; its answer still goes back. */
    private static final class RolledBack extends RuntimeException {

        private final transient Outcome outcome;

        RolledBack(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
