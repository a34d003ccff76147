package io.zhibiao.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.zhibiao.common.ChangeSequence;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.WriteGate;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.lock.LockRules;
import io.zhibiao.lock.LockService;
import io.zhibiao.observation.ImportSummary.Conflict;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import io.zhibiao.security.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bulk writes of observations. Rows are validated by the same {@link ObservationValidator} as a single PUT, checked
 * against the caller's scope and the locks, then written chunk by chunk: one bulk read of the current figures and their
 * recent history, then the chunk's rows through {@link BulkInsert} (COPY on PostgreSQL), so memory stays flat however
 * long the file is. A chunk's revisions are left to the database while the next chunk is parsed and validated, which
 * is why every other use of the connection first {@code complete()}s them. The whole import is one transaction.
 */
@ApplicationScoped
public class ImportService {

    private static final Duration KEEP_KEYS = Duration.ofHours(48);

    /** What the resource answers: the HTTP status and the summary. */
    public record Outcome(int status, ImportSummary summary) {
    }

    /** A figure as stored, read in bulk to decide create, update or unchanged. */
    private record Stored(long id, BigDecimal value, ObservationStatus status, String comment, int revision, boolean deleted) {
    }

    /** The natural key as the database holds it: a canonical period and its months are the same thing. */
    private record Key(long indicatorId, long orgUnitId, int startMonth, int endMonth) {
        /**
         * The record's own hash is 31-based, so the keys of one series (start = end, moving together) differ by
         * multiples of 32 and pile up in a few buckets of a chunk's map; this one spreads them.
         */
        @Override
        public int hashCode() {
            long h = indicatorId * 0x9E3779B97F4A7C15L + orgUnitId;
            h = h * 0x9E3779B97F4A7C15L + startMonth;
            h = h * 0x9E3779B97F4A7C15L + endMonth;
            return (int) (h ^ (h >>> 32));
        }
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
    ObjectMapper mapper;

    @Inject
    TransactionManager transactions;

    @Inject
    Clock clock;

    /** Test hook: throws at this row index, after everything before it was written (crash in the middle). */
    private volatile long failAtIndex = -1;

    void failAt(long index) {
        failAtIndex = index;
    }

    /**
     * One transaction for the whole file: a million rows take 15–35 s (PostgreSQL, H2) and a busy database longer,
     * too close to the default 60 s timeout.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Outcome run(RowSource rows, boolean dryRun, boolean atomic, String idempotencyKey) throws Exception {
        access.checkWrite(Area.OBSERVATIONS);
        writeGate.enter();
        // Keys belong to their caller: another token choosing the same key must not receive this summary.
        String storedKey = idempotencyKey == null ? null
                : Secrets.hash(access.actor() + "\u0000" + idempotencyKey);
        if (storedKey != null) {
            Optional<Outcome> earlier = findKey(storedKey);
            if (earlier.isPresent()) {
                Log.infof("Import with Idempotency-Key already answered; nothing applied again");
                return earlier.get();
            }
        }
        Run run = new Run(dryRun, atomic, access.caller(), locks.rules(), locks.today());
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             BulkInsert newObservations = BulkInsert.open(connection, changes.isPostgres(), "observation", "id", "indicator_id",
                     "org_unit_id", "period", "start_month", "end_month", "obs_value", "status", "comment", "revision",
                     "deleted", "updated_at", "updated_by", "flags");
             BulkInsert revisions = BulkInsert.open(connection, changes.isPostgres(), "observation_revision", "change_seq",
                     "observation_id", "revision", "operation", "obs_value", "status", "comment", "changed_at", "changed_by")) {
            run.newObservations = newObservations;
            run.revisions = revisions;
            List<ParsedRow> chunk = new ArrayList<>(config.imports().chunkSize());
            while (rows.hasNext()) {
                ParsedRow row = rows.next();
                if (row.index() >= config.imports().maxRows()) {
                    throw new ValidationFailed(null, "a batch holds at most " + config.imports().maxRows() + " rows; split the file");
                }
                chunk.add(row);
                if (chunk.size() == config.imports().chunkSize()) {
                    run.process(connection, chunk);
                    chunk.clear();
                }
            }
            run.process(connection, chunk);
            revisions.complete();
        }
        ImportSummary summary = run.summary();
        int status = atomic && summary.rejected() > 0 ? 409 : 200;
        Outcome outcome = new Outcome(status, summary);
        boolean keep = !dryRun && status == 200;
        if (storedKey != null && !dryRun) {
            if (keep) {
                storeKey(storedKey, outcome);
            } else {
                // The import rolls back, but its answer stands for a repeat of the same request.
                QuarkusTransaction.requiringNew().run(() -> storeKey(storedKey, outcome));
            }
        }
        if (!keep) {
            transactions.setRollbackOnly();
        }
        Log.infof("Import by %s: %d rows in %d ms, %d created, %d updated, %d unchanged, %d rejected%s", run.caller.name(),
                summary.received(), (System.nanoTime() - started) / 1_000_000, summary.created(), summary.updated(),
                summary.unchanged(), summary.rejected(), dryRun ? " (dry run)" : keep ? "" : " (rolled back)");
        return outcome;
    }

    /** The state of one import as it goes through its chunks. */
    private final class Run {
        final boolean dryRun;
        final boolean atomic;
        final Caller caller;
        final LockRules lockRules;
        final LocalDate today;
        final ObservationValidator validator;
        final Map<String, Optional<Indicator>> indicators = new HashMap<>();
        final Map<String, Optional<OrgUnit>> orgUnits = new HashMap<>();
        final List<Conflict> conflicts = new ArrayList<>();
        long received;
        long created;
        long updated;
        long unchanged;
        long rejected;
        long flagged;
        BulkInsert newObservations;
        BulkInsert revisions;

        Run(boolean dryRun, boolean atomic, Caller caller, LockRules lockRules, LocalDate today) {
            this.dryRun = dryRun;
            this.atomic = atomic;
            this.caller = caller;
            this.lockRules = lockRules;
            this.today = today;
            this.validator = new ObservationValidator(
                    code -> indicators.computeIfAbsent(code, c -> settled(() -> Indicator.findByCode(c))),
                    code -> orgUnits.computeIfAbsent(code, c -> settled(() -> OrgUnit.findByCode(c))));
        }

        boolean writing() {
            return !dryRun && !(atomic && rejected > 0);
        }

        void reject(ParsedRow row, String field, String value, String code, String message) {
            rejected++;
            note(new Conflict(row.index(), field, value, code, message));
        }

        void note(Conflict conflict) {
            if (conflicts.size() < config.imports().maxConflicts()) {
                conflicts.add(conflict);
            }
        }

        void process(Connection connection, List<ParsedRow> chunk) throws SQLException {
            Map<Key, Pending> pending = new LinkedHashMap<>();
            for (ParsedRow row : chunk) {
                received++;
                if (failAtIndex == row.index()) {
                    throw new IllegalStateException("injected failure at row " + row.index());
                }
                if (row.blank()) {
                    unchanged++;
                    continue;
                }
                if (row.unreadable() != null) {
                    reject(row, row.unreadable().field(), null, "validation_failed", row.unreadable().message());
                    continue;
                }
                ObservationValidator.Result result = validator.validate(row.input());
                if (!result.ok()) {
                    FieldError first = result.errors().get(0);
                    String message = result.errors().stream()
                            .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
                    reject(row, first.field(), valueOf(row.input(), first.field()), "validation_failed", message);
                    continue;
                }
                ObservationValidator.Valid valid = result.valid();
                if (!caller.covers(valid.orgUnit().path)) {
                    reject(row, "orgUnitCode", valid.orgUnit().code, "forbidden",
                            "org unit '" + valid.orgUnit().code + "' is outside the subtree of token '" + caller.name() + "'");
                    continue;
                }
                Optional<String> locked = lockRules.violation(valid.orgUnit().path, valid.indicator().id, valid.period(), today);
                if (locked.isPresent()) {
                    reject(row, "period", valid.period().toString(), "period_locked", locked.get());
                    continue;
                }
                // A key repeated inside the chunk: the later row wins, as if the rows were put one after another.
                Key key = new Key(valid.indicator().id, valid.orgUnit().id, valid.period().startMonth(), valid.period().endMonth());
                Pending earlier = pending.remove(key);
                if (earlier != null) {
                    unchanged++;
                }
                pending.put(key, new Pending(row, valid));
            }
            if (pending.isEmpty()) {
                return;
            }
            revisions.complete();
            Map<Key, Stored> stored = readStored(connection, pending.keySet());
            Map<Key, List<BigDecimal>> history = readHistory(connection, pending);
            List<Pending> creates = new ArrayList<>();
            List<Pending> updates = new ArrayList<>();
            for (Map.Entry<Key, Pending> entry : pending.entrySet()) {
                Pending p = entry.getValue();
                Stored current = stored.get(entry.getKey());
                ObservationValidator.Valid v = p.valid;
                if (current != null && !current.deleted() && current.value().compareTo(v.value()) == 0
                        && current.status() == v.status() && Objects.equals(current.comment(), v.comment())) {
                    unchanged++;
                    continue;
                }
                if (current == null || current.deleted() || current.value().compareTo(v.value()) != 0) {
                    p.flags = QualityRule.check(v.value(), history.getOrDefault(entry.getKey(), List.of())).orElse(null);
                    if (p.flags != null) {
                        flagged++;
                        note(new Conflict(p.row.index(), "value", v.value().toPlainString(), "outlier",
                                v.value().toPlainString() + " is far from the last figures of " + v.orgUnit().code
                                        + " for " + v.indicator().code + "; accepted, flagged for review"));
                    }
                }
                p.current = current;
                if (current == null) {
                    created++;
                    creates.add(p);
                } else {
                    updated++;
                    updates.add(p);
                }
            }
            if (writing()) {
                write(connection, creates, updates);
            }
        }

        ImportSummary summary() {
            boolean failed = atomic && rejected > 0;
            ImportSummary.Status status = failed ? ImportSummary.Status.ERROR
                    : rejected > 0 || flagged > 0 ? ImportSummary.Status.WARNING : ImportSummary.Status.SUCCESS;
            return new ImportSummary(status, dryRun, atomic, received, failed ? 0 : created, failed ? 0 : updated,
                    failed ? 0 : unchanged, rejected, failed ? 0 : flagged, List.copyOf(conflicts));
        }

        private void write(Connection connection, List<Pending> creates, List<Pending> updates) throws SQLException {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Long> ids = changes.values(connection, "observation_seq", creates.size());
            for (int i = 0; i < creates.size(); i++) {
                Pending p = creates.get(i);
                ObservationValidator.Valid v = p.valid;
                p.id = ids.get(i);
                p.revision = 1;
                newObservations.add(p.id, v.indicator().id, v.orgUnit().id, v.period().toString(), v.period().startMonth(),
                        v.period().endMonth(), v.value(), v.status().name(), v.comment(), 1, false, now, caller.name(), p.flags);
            }
            newObservations.flush();
            try (PreparedStatement update = connection.prepareStatement("UPDATE observation SET obs_value = ?, status = ?, "
                    + "comment = ?, revision = ?, deleted = FALSE, updated_at = ?, updated_by = ?, flags = ? WHERE id = ?")) {
                for (Pending p : updates) {
                    ObservationValidator.Valid v = p.valid;
                    p.id = p.current.id();
                    p.revision = p.current.revision() + 1;
                    boolean sameValue = !p.current.deleted() && p.current.value().compareTo(v.value()) == 0;
                    update.setBigDecimal(1, v.value());
                    update.setString(2, v.status().name());
                    setText(update, 3, v.comment());
                    update.setInt(4, p.revision);
                    update.setObject(5, now);
                    update.setString(6, caller.name());
                    setText(update, 7, sameValue ? null : p.flags);
                    update.setLong(8, p.id);
                    update.addBatch();
                }
                if (!updates.isEmpty()) {
                    update.executeBatch();
                }
            }
            // Feed positions are drawn under the write gate, so their order is commit order.
            List<Long> positions = changes.values(connection, ChangeSequence.NAME, creates.size() + updates.size());
            int next = 0;
            for (List<Pending> group : List.of(creates, updates)) {
                for (Pending p : group) {
                    Operation operation = p.current == null || p.current.deleted() ? Operation.CREATE : Operation.UPDATE;
                    revisions.add(positions.get(next++), p.id, p.revision, operation.name(), p.valid.value(),
                            p.valid.status().name(), p.valid.comment(), now, caller.name());
                }
            }
            // Left open: the database stores these revisions while the next chunk is parsed and validated.
            revisions.send();
        }

        /** A lookup through Hibernate shares the import's connection, so the revisions still being stored come first. */
        private <T> T settled(Supplier<T> lookup) {
            try {
                revisions.complete();
            } catch (SQLException e) {
                throw new IllegalStateException("could not store revisions", e);
            }
            return lookup.get();
        }
    }

    /** A valid row on its way to the database. */
    private static final class Pending {
        final ParsedRow row;
        final ObservationValidator.Valid valid;
        Stored current;
        String flags;
        long id;
        int revision;

        Pending(ParsedRow row, ObservationValidator.Valid valid) {
            this.row = row;
            this.valid = valid;
        }
    }

    private Map<Key, Stored> readStored(Connection connection, Set<Key> keys) throws SQLException {
        Set<Long> indicators = new LinkedHashSet<>();
        Set<Long> units = new LinkedHashSet<>();
        Set<Integer> starts = new LinkedHashSet<>();
        keys.forEach(k -> {
            indicators.add(k.indicatorId());
            units.add(k.orgUnitId());
            starts.add(k.startMonth());
        });
        String sql = "SELECT id, indicator_id, org_unit_id, start_month, end_month, obs_value, status, comment, revision, deleted "
                + "FROM observation WHERE org_unit_id IN (" + marks(units.size()) + ") AND indicator_id IN ("
                + marks(indicators.size()) + ") AND start_month IN (" + marks(starts.size()) + ")";
        Map<Key, Stored> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            for (Long id : units) {
                query.setLong(i++, id);
            }
            for (Long id : indicators) {
                query.setLong(i++, id);
            }
            for (Integer start : starts) {
                query.setInt(i++, start);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5));
                    if (keys.contains(key)) {
                        stored.put(key, new Stored(rs.getLong(1), rs.getBigDecimal(6), ObservationStatus.valueOf(rs.getString(7)),
                                rs.getString(8), rs.getInt(9), rs.getBoolean(10)));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * For the quality rule: each key's earlier figures, oldest first, at most the rule's window. Only what the rule can
     * use is read: per series the last {@link QualityRule#WINDOW} figures before the chunk's first month, plus those
     * inside the chunk's months. Reading whole series made every import slower than the one before it.
     */
    private Map<Key, List<BigDecimal>> readHistory(Connection connection, Map<Key, Pending> pending) throws SQLException {
        Set<Long> indicators = new LinkedHashSet<>();
        Set<Long> units = new LinkedHashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Map.Entry<Key, Pending> e : pending.entrySet()) {
            indicators.add(e.getKey().indicatorId());
            units.add(e.getKey().orgUnitId());
            first = Math.min(first, e.getKey().startMonth());
            last = Math.max(last, e.getKey().startMonth());
        }
        String series = "deleted = FALSE AND org_unit_id IN (" + marks(units.size()) + ") AND indicator_id IN ("
                + marks(indicators.size()) + ")";
        String sql = "SELECT indicator_id, org_unit_id, start_month, obs_value FROM ("
                + "SELECT indicator_id, org_unit_id, start_month, obs_value, ROW_NUMBER() OVER ("
                + "PARTITION BY indicator_id, org_unit_id ORDER BY start_month DESC) AS recency "
                + "FROM observation WHERE " + series + " AND start_month < ?) earlier WHERE recency <= ? "
                + "UNION ALL SELECT indicator_id, org_unit_id, start_month, obs_value FROM observation WHERE " + series
                + " AND start_month >= ? AND start_month < ? ORDER BY 3";
        Map<SeriesOf, List<Object[]>> figures = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            for (int part = 0; part < 2; part++) {
                for (Long id : units) {
                    query.setLong(i++, id);
                }
                for (Long id : indicators) {
                    query.setLong(i++, id);
                }
                if (part == 0) {
                    query.setInt(i++, first);
                    query.setInt(i++, QualityRule.WINDOW);
                }
            }
            query.setInt(i++, first);
            query.setInt(i, last);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    figures.computeIfAbsent(new SeriesOf(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                            .add(new Object[] {rs.getInt(3), rs.getBigDecimal(4)});
                }
            }
        }
        Map<Key, List<BigDecimal>> history = new HashMap<>();
        for (Key key : pending.keySet()) {
            List<Object[]> earlier = figures.getOrDefault(new SeriesOf(key.indicatorId(), key.orgUnitId()), List.of());
            // Oldest first: the figures before this key's month are a prefix (found by bisection); keep its last WINDOW.
            int end = 0;
            int high = earlier.size();
            while (end < high) {
                int middle = (end + high) >>> 1;
                if ((Integer) earlier.get(middle)[0] < key.startMonth()) {
                    end = middle + 1;
                } else {
                    high = middle;
                }
            }
            List<BigDecimal> window = new ArrayList<>(Math.min(end, QualityRule.WINDOW));
            for (int f = Math.max(0, end - QualityRule.WINDOW); f < end; f++) {
                window.add((BigDecimal) earlier.get(f)[1]);
            }
            history.put(key, window);
        }
        return history;
    }

    private record SeriesOf(long indicatorId, long orgUnitId) {
    }

    private Optional<Outcome> findKey(String key) throws SQLException, JsonProcessingException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status_code, summary FROM idempotency_key WHERE idem_key = ? AND created_at > ?")) {
            query.setString(1, key);
            query.setTimestamp(2, Timestamp.from(OffsetDateTime.now(clock).minus(KEEP_KEYS).toInstant()));
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(new Outcome(rs.getInt(1), mapper.readValue(rs.getString(2), ImportSummary.class)));
                }
            }
        }
        return Optional.empty();
    }

    private void storeKey(String key, Outcome outcome) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
                purge.setTimestamp(1, Timestamp.from(OffsetDateTime.now(clock).minus(KEEP_KEYS).toInstant()));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_key (idem_key, status_code, summary, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, key);
                insert.setInt(2, outcome.status());
                insert.setString(3, mapper.writeValueAsString(outcome.summary()));
                insert.setTimestamp(4, Timestamp.from(OffsetDateTime.now(clock).toInstant()));
                insert.executeUpdate();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record the Idempotency-Key", e);
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void setText(PreparedStatement statement, int index, String text) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, text);
        }
    }

    private static String valueOf(ObservationInput input, String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "indicatorCode" -> input.indicatorCode();
            case "orgUnitCode" -> input.orgUnitCode();
            case "period" -> input.period();
            case "value" -> input.value() == null ? null : input.value().toPlainString();
            case "status" -> input.status() == null ? null : input.status().name();
            case "comment" -> input.comment();
            default -> null;
        };
    }

}
