package io.zhibiao.observation;

import io.zhibiao.common.FieldError;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.ImportSummary.Conflict;
import io.zhibiao.common.RuleFailure;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.lock.LockRules;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.security.Caller;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One import as it goes through its chunks: each row passes the single-write validation, the
 * caller's scope and the locks, then {@link WriteDecision} decides it against the stored figure,
 * exactly as a PUT would; the counts and conflicts become the summary.
 */
final class ImportRun {

    private final boolean dryRun;
    private final boolean atomic;
    private final Caller caller;
    private final LockRules lockRules;
    /** Submitted or approved periods (design §7), read under the write gate for the write pass. */
    private final Map<String, String> held;
    private final LocalDate today;
    private final int maxConflicts;
    private final ObservationValidator validator;
    private final Map<String, Optional<Indicator>> indicators = new HashMap<>();
    private final Map<String, Optional<OrgUnit>> orgUnits = new HashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final FigureWriter writer;
    private final WriteRules rules;
    private long received;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long flagged;

    /** A valid row decided against its stored figure. */
    private record Decided(ParsedRow row, ObservationValidator.Valid valid, StoredFigure current,
            WriteDecision decision) {
    }

    /** A valid row waiting for its chunk's stored figures. */
    private record Pending(ParsedRow row, ObservationValidator.Valid valid) {
    }

    /** How a run finds the indicators and org units its rows name: through their features' services. */
    record Lookups(IndicatorService indicators, OrgUnitService orgUnits) {
    }

    ImportRun(Lookups lookups, boolean dryRun, boolean atomic, Caller caller, LockRules lockRules,
            Map<String, String> held, LocalDate today, int maxConflicts, FigureWriter writer, WriteRules rules) {
        this.rules = rules;
        this.held = held;
        this.dryRun = dryRun;
        this.atomic = atomic;
        this.caller = caller;
        this.lockRules = lockRules;
        this.today = today;
        this.maxConflicts = maxConflicts;
        this.writer = writer;
        this.validator = new ObservationValidator(
                code -> indicators.computeIfAbsent(code, c -> settled(() -> lookups.indicators().byCode(c))),
                // A unit outside the caller's subtree reads like an unknown code (design §4).
                code -> orgUnits.computeIfAbsent(code,
                        c -> settled(() -> lookups.orgUnits().byCode(c).filter(unit -> caller.covers(unit.path)))));
    }

    /**
     * A run that only checks rows (codes, scope, values, locks), before the write: it reads no stored figure and
     * writes nothing, so it needs neither the write gate nor a writer.
     */
    static ImportRun screening(Lookups lookups, boolean atomic, Caller caller, LockRules lockRules,
            Map<String, String> held, LocalDate today, int maxConflicts) {
        return new ImportRun(lookups, false, atomic, caller, lockRules, held, today, maxConflicts, null,
                WriteRules.NONE);
    }

    /** Checks one row as {@link #process} would, without deciding it against the stored figures. */
    void screen(ParsedRow row) {
        received++;
        check(row);
    }

    long rejected() {
        return rejected;
    }

    long received() {
        return received;
    }

    long written() {
        return created + updated;
    }

    void process(Connection connection, List<ParsedRow> chunk, OffsetDateTime now) throws SQLException {
        Map<CellKey, Pending> pending = new LinkedHashMap<>();
        for (ParsedRow row : chunk) {
            received++;
            check(row).ifPresent(valid -> {
                // A key repeated inside the chunk: the later row wins, as if the
                // rows were put one after another.
                if (pending.remove(CellKey.of(valid)) != null) {
                    unchanged++;
                }
                pending.put(CellKey.of(valid), new Pending(row, valid));
            });
        }
        if (pending.isEmpty()) {
            return;
        }
        writer.settle();
        Map<CellKey, StoredFigure> stored = StoredFigures.of(connection, pending.keySet());
        Map<CellKey, List<BigDecimal>> history = StoredFigures.history(connection, pending.keySet());
        List<Decided> decided = new ArrayList<>();
        for (Map.Entry<CellKey, Pending> entry : pending.entrySet()) {
            ObservationValidator.Valid v = entry.getValue().valid();
            StoredFigure current = stored.get(entry.getKey());
            decided.add(new Decided(entry.getValue().row(), v, current, WriteDecision.decide(current, v.value(),
                    v.status(), v.comment(), () -> history.getOrDefault(entry.getKey(), List.of()))));
        }
        Map<Integer, List<WriteRules.Finding>> findings = checkRules(decided);
        List<FigureWriter.Write> writes = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            Decided d = decided.get(i);
            List<WriteRules.Finding> found = findings.getOrDefault(i, List.of());
            Optional<WriteRules.Finding> blocking = found.stream().filter(WriteRules.Finding::blocks).findFirst();
            if (blocking.isPresent()) {
                RuleFailure f = blocking.get().failure();
                reject(d.row(), "value", d.valid().value().toPlainString(), "validation_rule_failed",
                        "rule " + f.rule() + " fails: " + f.message());
                continue;
            }
            count(d.row(), d.valid(), d.decision());
            for (WriteRules.Finding warning : found) {
                flagged++;
                note(new Conflict(d.row().index(), "value", d.valid().value().toPlainString(),
                        "validation_rule_warning",
                        "rule " + warning.failure().rule() + " warns: " + warning.failure().message() + "; accepted"));
            }
            if (d.decision().writes()) {
                writes.add(new FigureWriter.Write(d.valid(), d.current(), d.decision()));
            }
        }
        if (writing()) {
            writer.write(writes, now);
        }
    }

    /**
     * The validation rules over the chunk's changed values, all applied together (as the rows will be written), by
     * decided row: a BLOCK finding rejects its row, WARN findings are noted. Unchanged values are not checked again.
     */
    private Map<Integer, List<WriteRules.Finding>> checkRules(List<Decided> decided) {
        List<WriteRules.Change> changes = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            Decided d = decided.get(i);
            StoredFigure current = d.current();
            boolean changed = current == null || current.deleted() || current.value().compareTo(d.valid().value()) != 0;
            if (d.decision().writes() && changed) {
                OrgUnit unit = d.valid().orgUnit();
                changes.add(new WriteRules.Change(d.valid().indicator().id, unit.id, unit.path, unit.type.name(),
                        d.valid().period(), d.valid().value()));
                rowOf.add(i);
            }
        }
        Map<Integer, List<WriteRules.Finding>> byRow = new HashMap<>();
        for (WriteRules.Finding f : rules.check(changes)) {
            byRow.computeIfAbsent(rowOf.get(f.change()), k -> new ArrayList<>()).add(f);
        }
        return byRow;
    }

    /**
     * The row's valid content, or empty when it writes nothing (blank) or is rejected (noted as a
     * conflict).
     */
    private Optional<ObservationValidator.Valid> check(ParsedRow row) {
        if (row.blank()) {
            unchanged++;
            return Optional.empty();
        }
        if (row.unreadable() != null) {
            reject(row, row.unreadable().field(), null, "validation_failed", row.unreadable().message());
            return Optional.empty();
        }
        ObservationValidator.Result result = validator.validate(row.input());
        if (!result.ok()) {
            FieldError first = result.errors().get(0);
            String message = String.join("; ",
                    result.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
            reject(row, first.field(), row.input().text(first.field()), "validation_failed", message);
            return Optional.empty();
        }
        ObservationValidator.Valid valid = result.valid();
        if (valid.notApplicable()) {
            reject(row, "notApplicable", "true", "validation_failed",
                    "a cell is marked not applicable one at a time, with PUT and a reason");
            return Optional.empty();
        }
        Optional<String> locked = lockRules.violation(valid.orgUnit().path, valid.indicator().id, valid.period(),
                today);
        if (locked.isPresent()) {
            reject(row, "period", valid.period().toString(), "period_locked", locked.get());
            return Optional.empty();
        }
        String state = held
                .get(SubmissionHolds.key(valid.orgUnit().id, valid.period().startMonth(), valid.period().endMonth()));
        if (state != null) {
            reject(row, "period", valid.period().toString(), "submission_locked",
                    SubmissionHolds.message(valid.orgUnit().code, valid.period().toString(), state));
            return Optional.empty();
        }
        return Optional.of(valid);
    }

    private void count(ParsedRow row, ObservationValidator.Valid v, WriteDecision decision) {
        switch (decision.outcome()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
        }
        if (decision.flagged()) {
            flagged++;
            note(new Conflict(row.index(), "value", v.value().toPlainString(), "outlier",
                    v.value().toPlainString() + " is far from the last figures of " + v.orgUnit().code + " for "
                            + v.indicator().code + "; accepted, flagged for review"));
        }
    }

    private boolean writing() {
        return !dryRun && !(atomic && rejected > 0);
    }

    private void reject(ParsedRow row, String field, String value, String code, String message) {
        rejected++;
        note(new Conflict(row.index(), field, value, code, message));
    }

    private void note(Conflict conflict) {
        if (conflicts.size() < maxConflicts) {
            conflicts.add(conflict);
        }
    }

    ImportSummary summary() {
        boolean failed = atomic && rejected > 0;
        ImportSummary.Status status = failed
                ? ImportSummary.Status.ERROR
                : rejected > 0 || flagged > 0 ? ImportSummary.Status.WARNING : ImportSummary.Status.SUCCESS;
        return new ImportSummary(status, dryRun, atomic, received, failed ? 0 : created, failed ? 0 : updated,
                failed ? 0 : unchanged, rejected, failed ? 0 : flagged, List.copyOf(conflicts));
    }

    /**
     * A lookup through Hibernate shares the import's connection, so the revisions still being
     * stored come first.
     */
    private <T> T settled(Supplier<T> lookup) {
        if (writer == null) {
            return lookup.get();
        }
        try {
            writer.settle();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store revisions", e);
        }
        return lookup.get();
    }
}
