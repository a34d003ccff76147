package io.zhibiao.orgunit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.zhibiao.common.Bodies;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.Where;
import io.zhibiao.common.WriteGate;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.security.Access;
import io.zhibiao.security.Area;
import io.zhibiao.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roster import (学校名录, {@code POST /org-units/batch}): a whole tree's units from one JSON, CSV or XLSX file,
 * decided row by row by {@link RosterPlan} with the rules of a single POST/PUT, then written in one transaction,
 * parents first. Atomic by default (one bad row and nothing is written); a repeat of the same file changes nothing.
 */
@ApplicationScoped
public class RosterService {

    /** What the resource answers: the HTTP status and the summary. */
    public record Outcome(int status, ImportSummary summary) {
    }

    @Inject
    Access access;

    @Inject
    WriteGate writeGate;

    @Inject
    EntityManager em;

    @Inject
    Bodies bodies;

    @Inject
    ZhibiaoConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    public Outcome importRoster(String contentType, InputStream body, boolean dryRun, boolean atomic) {
        access.checkWrite(Area.ORG_UNITS);
        Path spooled = bodies.spool(body, config.security().maxBodyBytes());
        try {
            List<RosterRow> rows = RosterRows.read(contentType, spooled, mapper, config.imports(),
                    config.imports().maxRosterRows());
            long started = System.nanoTime();
            Outcome outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().timeout(600).call(() -> run(rows, dryRun, atomic));
            } catch (RolledBack answered) {
                outcome = answered.outcome;
            }
            ImportSummary s = outcome.summary();
            Log.infof("Roster import by %s: %d rows in %d ms, %d created, %d updated, %d unchanged, %d rejected%s",
                    access.actor(), s.received(), (System.nanoTime() - started) / 1_000_000, s.created(), s.updated(),
                    s.unchanged(), s.rejected(),
                    dryRun ? " (dry run)" : outcome.status() == 200 ? "" : " (nothing written)");
            return outcome;
        } finally {
            Bodies.delete(spooled);
        }
    }

    private Outcome run(List<RosterRow> rows, boolean dryRun, boolean atomic) {
        if (!dryRun) {
            writeGate.enter(); // the tree read below is the one written to
        }
        Caller caller = access.caller();
        boolean writer = Area.ORG_UNITS.writableBy(caller.role());
        RosterPlan plan = new RosterPlan(existing(), new RosterPlan.Rights(caller::covers,
                path -> writer && caller.covers(path), writer && caller.coversAll()));
        List<RosterPlan.Verdict> verdicts = plan.decide(rows);
        long rejected = verdicts.stream().filter(v -> v.action() == RosterPlan.Action.REJECTED).count();
        boolean failed = atomic && rejected > 0;
        ImportSummary summary = summary(verdicts, dryRun, atomic, failed);
        Outcome outcome = new Outcome(failed ? 409 : 200, summary);
        if (dryRun || failed) {
            throw new RolledBack(outcome);
        }
        write(verdicts);
        return outcome;
    }

    /** Every unit of the tree: roster rows may name any of them as parent, and their codes are taken. */
    private Map<String, RosterPlan.Existing> existing() {
        Map<String, RosterPlan.Existing> units = new HashMap<>();
        em.createQuery("select u.code, u.name, u.type, u.path, u.openedMonth, u.closedMonth from OrgUnit u",
                Object[].class).getResultStream().forEach(r -> {
                    String path = (String) r[3];
                    String[] codes = path.substring(1, path.length() - 1).split("/");
                    String parent = codes.length < 2 ? null : codes[codes.length - 2];
                    units.put((String) r[0], new RosterPlan.Existing((String) r[0], (String) r[1], (OrgUnitType) r[2],
                            parent, path, (Integer) r[4], (Integer) r[5]));
                });
        return units;
    }

    private void write(List<RosterPlan.Verdict> verdicts) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<RosterPlan.Verdict> writes = verdicts.stream()
                .filter(v -> v.action() == RosterPlan.Action.CREATE || v.action() == RosterPlan.Action.UPDATE)
                .sorted(Comparator.comparingInt(RosterPlan.Verdict::depth)).toList();
        // Updates first, each against fresh entities: a move rewrites the paths of a whole subtree in one statement.
        for (RosterPlan.Verdict v : writes) {
            if (v.action() == RosterPlan.Action.UPDATE) {
                OrgUnit unit = OrgUnit.findByCode(v.row().code()).orElseThrow();
                OrgUnit parent = v.parentCode() == null ? null : OrgUnit.findByCode(v.parentCode()).orElse(null);
                if (parent == null && v.parentCode() != null) {
                    continue; // its new parent is created below; it is placed there
                }
                update(unit, v, parent, now);
            }
        }
        em.flush();
        em.clear();
        Map<String, OrgUnit> units = new HashMap<>();
        List<String> parents = writes.stream().map(RosterPlan.Verdict::parentCode).filter(Objects::nonNull).distinct()
                .toList();
        for (int i = 0; i < parents.size(); i += 1000) {
            OrgUnit.<OrgUnit>list("code in ?1", parents.subList(i, Math.min(parents.size(), i + 1000)))
                    .forEach(u -> units.put(u.code, u));
        }
        List<RosterPlan.Verdict> placedLater = new ArrayList<>();
        for (RosterPlan.Verdict v : writes) {
            if (v.action() == RosterPlan.Action.CREATE) {
                OrgUnit unit = new OrgUnit();
                unit.code = v.row().code();
                unit.createdAt = now;
                OrgUnit parent = v.parentCode() == null ? null : units.get(v.parentCode());
                fill(unit, v, parent, now);
                unit.persist();
                units.put(unit.code, unit);
            } else if (v.parentCode() != null && !units.containsKey(v.parentCode())) {
                placedLater.add(v);
            }
        }
        for (RosterPlan.Verdict v : placedLater) {
            em.flush();
            update(OrgUnit.findByCode(v.row().code()).orElseThrow(), v,
                    OrgUnit.findByCode(v.parentCode()).orElseThrow(), now);
        }
    }

    private void update(OrgUnit unit, RosterPlan.Verdict v, OrgUnit parent, OffsetDateTime now) {
        String oldPath = unit.path;
        fill(unit, v, parent, now);
        if (!unit.path.equals(oldPath)) {
            em.flush();
            em.createQuery("update OrgUnit set path = concat(:newPrefix, substring(path, :cut)) "
                    + "where path like :oldPrefix escape '!' and id <> :id").setParameter("newPrefix", unit.path)
                    .setParameter("cut", oldPath.length() + 1).setParameter("oldPrefix", Where.under(oldPath))
                    .setParameter("id", unit.id).executeUpdate();
            em.clear();
        }
    }

    private static void fill(OrgUnit unit, RosterPlan.Verdict v, OrgUnit parent, OffsetDateTime now) {
        unit.name = v.row().name();
        unit.type = v.type();
        unit.parent = parent;
        unit.path = (parent == null ? "/" : parent.path) + unit.code + "/";
        unit.openedMonth = v.months().opened();
        unit.closedMonth = v.months().closed();
        unit.updatedAt = now;
    }

    private ImportSummary summary(List<RosterPlan.Verdict> verdicts, boolean dryRun, boolean atomic, boolean failed) {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        long rejected = 0;
        List<ImportSummary.Conflict> conflicts = new ArrayList<>();
        for (RosterPlan.Verdict v : verdicts) {
            switch (v.action()) {
                case CREATE -> created++;
                case UPDATE -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> {
                    rejected++;
                    if (conflicts.size() < config.imports().maxConflicts()) {
                        conflicts.add(new ImportSummary.Conflict(v.row().index(), v.problem().field(),
                                cell(v.row(), v.problem().field()), "validation_failed", v.problem().message()));
                    }
                }
            }
        }
        ImportSummary.Status status = failed
                ? ImportSummary.Status.ERROR
                : rejected > 0 ? ImportSummary.Status.WARNING : ImportSummary.Status.SUCCESS;
        return new ImportSummary(status, dryRun, atomic, verdicts.size(), failed ? 0 : created, failed ? 0 : updated,
                failed ? 0 : unchanged, rejected, 0, conflicts);
    }

    /** The text of the cell a problem is about, as the file had it. */
    private static String cell(RosterRow row, String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "code" -> row.code();
            case "name" -> row.name();
            case "type" -> row.type();
            case "parentCode" -> row.parentCode();
            case "parentName" -> row.parentName();
            case "openedAt" -> row.openedAt();
            case "closedAt" -> row.closedAt();
            default -> null;
        };
    }

    /** Ends the transaction of a dry run or a refused atomic roster by rollback; its answer still goes back. */
    private static final class RolledBack extends RuntimeException {

        private final transient Outcome outcome;

        RolledBack(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
