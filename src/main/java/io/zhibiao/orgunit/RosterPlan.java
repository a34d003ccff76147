package io.zhibiao.orgunit;

import io.zhibiao.common.FieldError;
import io.zhibiao.common.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Decides every row of a roster before anything is written: create, update, unchanged or rejected (with the field and
 * the reason), and the order to write them in (parents first, wherever they stand in the file). Plain Java over what the
 * tree holds now; the same rules as a single POST/PUT ({@link OrgUnitRules}).
 */
final class RosterPlan {

    private static final Pattern CODE = Pattern.compile(Texts.CODE_PATTERN);

    /** A unit as the database holds it now. */
    record Existing(String code, String name, OrgUnitType type, String parentCode, String path, Integer opened,
            Integer closed) {
    }

    enum Action {
        CREATE, UPDATE, UNCHANGED, REJECTED
    }

    /** One row's verdict: what to write (type, parent, months resolved), or why not. */
    record Verdict(RosterRow row, Action action, OrgUnitType type, String parentCode, OrgUnitRules.Months months,
            int depth, FieldError problem) {

        Verdict rejected(FieldError why) {
            return new Verdict(row, Action.REJECTED, type, parentCode, months, depth, why);
        }

        Verdict withParent(String parent) {
            return new Verdict(row, action, type, parent, months, depth, problem);
        }

        Verdict at(int d) {
            return new Verdict(row, action, type, parentCode, months, d, problem);
        }
    }

    /** What the caller may do: see a unit, write under it, make roots. */
    record Rights(Predicate<String> sees, Predicate<String> writesUnder, boolean makesRoots) {
    }

    private final Map<String, Existing> existing;
    private final Map<String, List<Existing>> existingByName;
    private final Rights rights;

    RosterPlan(Map<String, Existing> existing, Rights rights) {
        this.existing = existing;
        this.rights = rights;
        this.existingByName = new HashMap<>();
        existing.values().stream().filter(e -> rights.sees().test(e.path()))
                .forEach(e -> existingByName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e));
    }

    /** Every row's verdict, in file order. */
    List<Verdict> decide(List<RosterRow> rows) {
        Map<String, Verdict> byCode = new LinkedHashMap<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (RosterRow row : rows) {
            Verdict v = basic(row);
            if (v.action() != Action.REJECTED) {
                Verdict first = byCode.get(row.code());
                if (first != null) {
                    v = v.rejected(
                            new FieldError("code", "'" + row.code() + "' appears again in this roster (first in row "
                                    + first.row().index() + "); a code names one unit"));
                } else {
                    byCode.put(row.code(), v);
                }
            }
            verdicts.add(v);
        }
        Map<String, List<Verdict>> fileByName = new HashMap<>();
        byCode.values().forEach(v -> fileByName.computeIfAbsent(v.row().name(), k -> new ArrayList<>()).add(v));
        // Parents by code or name, in the file or the tree.
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            if (v.action() != Action.REJECTED) {
                verdicts.set(i, parent(v, byCode, fileByName));
            }
        }
        byCode.clear();
        verdicts.stream().filter(v -> v.action() != Action.REJECTED).forEach(v -> byCode.put(v.row().code(), v));
        // Types, cycles and rejected parents, until nothing changes (a rejection rejects the rows under it). A row
        // below a cycle it is not part of waits until the cycle's own rows are rejected, which may free it.
        for (boolean last : new boolean[]{false, true}) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < verdicts.size(); i++) {
                    Verdict v = verdicts.get(i);
                    if (v.action() == Action.REJECTED) {
                        continue;
                    }
                    Optional<FieldError> problem = placement(v, byCode, last);
                    if (problem.isPresent()) {
                        verdicts.set(i, v.rejected(problem.get()));
                        byCode.remove(v.row().code());
                        changed = true;
                    }
                }
            }
        }
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            if (v.action() != Action.REJECTED) {
                verdicts.set(i, settle(v, byCode));
            }
        }
        return verdicts;
    }

    /** The row's own cells: code, name, type, months; and whether the code is free or names a unit the caller holds. */
    private Verdict basic(RosterRow row) {
        Verdict v = new Verdict(row, Action.CREATE, null, null, null, 0, null);
        if (row.unreadable() != null) {
            return v.rejected(row.unreadable());
        }
        if (row.code() == null || !CODE.matcher(row.code()).matches()) {
            return v.rejected(new FieldError("code",
                    row.code() == null
                            ? "is required"
                            : "'" + row.code() + "' must be 1–64 letters, digits, '.', '_' or '-'"));
        }
        if (row.name() == null || row.name().length() > 200) {
            return v.rejected(
                    new FieldError("name", row.name() == null ? "is required" : "must be at most 200 characters"));
        }
        if (row.type() == null) {
            return v.rejected(new FieldError("type", "is required: " + OrgUnitType.accepted()));
        }
        Optional<OrgUnitType> type = OrgUnitType.named(row.type());
        if (type.isEmpty()) {
            return v.rejected(
                    new FieldError("type", "'" + row.type() + "' is not a unit type; use " + OrgUnitType.accepted()));
        }
        OrgUnitRules.Months months;
        try {
            months = OrgUnitRules.months(row.openedAt(), row.closedAt());
        } catch (OrgUnitRules.MonthProblem e) {
            return v.rejected(e.error());
        }
        Existing now = existing.get(row.code());
        if (now != null && !rights.sees().test(now.path())) {
            return v.rejected(new FieldError("code", "org unit '" + row.code() + "' already exists"));
        }
        return new Verdict(row, now == null ? Action.CREATE : Action.UPDATE, type.get(), null, months, 0, null);
    }

    private Verdict parent(Verdict v, Map<String, Verdict> fileByCode, Map<String, List<Verdict>> fileByName) {
        RosterRow row = v.row();
        if (row.parentCode() != null) {
            boolean known = fileByCode.containsKey(row.parentCode()) || existing.containsKey(row.parentCode())
                    && rights.sees().test(existing.get(row.parentCode()).path());
            return known
                    ? v.withParent(row.parentCode())
                    : v.rejected(new FieldError("parentCode",
                            "org unit '" + row.parentCode() + "' does not exist, here or in the tree"));
        }
        if (row.parentName() != null) {
            Map<String, String> named = new LinkedHashMap<>();
            fileByName.getOrDefault(row.parentName(), List.of())
                    .forEach(p -> named.put(p.row().code(), p.row().name()));
            existingByName.getOrDefault(row.parentName(), List.of()).forEach(p -> named.put(p.code(), p.name()));
            if (named.isEmpty()) {
                return v.rejected(new FieldError("parentName",
                        "no org unit is named '" + row.parentName() + "', here or in the tree"));
            }
            if (named.size() > 1) {
                return v.rejected(new FieldError("parentName", named.size() + " org units are named '"
                        + row.parentName() + "' (" + String.join(", ", named.keySet()) + "); give parentCode"));
            }
            return v.withParent(named.keySet().iterator().next());
        }
        return v.withParent(null);
    }

    /** The parent a unit will have once the roster is written: the file's word, else the tree's. */
    private String finalParent(String code, Map<String, Verdict> fileByCode) {
        Verdict v = fileByCode.get(code);
        if (v != null) {
            return v.parentCode();
        }
        Existing e = existing.get(code);
        return e == null ? null : e.parentCode();
    }

    private OrgUnitType finalType(String code, Map<String, Verdict> fileByCode) {
        Verdict v = fileByCode.get(code);
        return v != null ? v.type() : existing.get(code).type();
    }

    private Optional<FieldError> placement(Verdict v, Map<String, Verdict> fileByCode, boolean last) {
        String code = v.row().code();
        String parent = v.parentCode();
        String field = v.row().parentCode() != null ? "parentCode" : "parentName";
        if (parent == null) {
            Existing now = existing.get(code);
            boolean staysRoot = now != null && now.parentCode() == null;
            return staysRoot || rights.makesRoots()
                    ? Optional.empty()
                    : Optional.of(new FieldError("parentCode",
                            "a unit without a parent is a root of the tree; give its parentCode or parentName"));
        }
        if (!fileByCode.containsKey(parent) && !existing.containsKey(parent)) {
            return Optional.of(new FieldError(field, "its parent '" + parent + "' was rejected in this roster"));
        }
        // Up the final tree: meeting the unit again is a cycle (checked before the levels, which any cycle also breaks,
        // so that the message says what is wrong); the first unit of the tree met is where the caller's rights count.
        Existing firstInTree = null;
        String at = parent;
        for (int steps = 0; at != null; steps++) {
            if (at.equals(code)) {
                return Optional.of(OrgUnitRules.cycle(field, code, parent));
            }
            if (steps > fileByCode.size() + 64) {
                return last
                        ? Optional.of(new FieldError(field, "the parents above '" + parent + "' form a cycle"))
                        : Optional.empty();
            }
            if (firstInTree == null && !fileByCode.containsKey(at)) {
                firstInTree = existing.get(at);
                if (firstInTree == null) {
                    return Optional
                            .of(new FieldError(field, "its parent '" + parent + "' was rejected in this roster"));
                }
            }
            at = finalParent(at, fileByCode);
        }
        Optional<FieldError> wrongType = OrgUnitRules.placement(v.type(), parent, finalType(parent, fileByCode));
        if (wrongType.isPresent()) {
            return wrongType;
        }
        Existing now = existing.get(code);
        if (now != null && parent.equals(now.parentCode()) && !moves(parent, fileByCode)) {
            // Staying where it is: renaming or closing a unit needs only the right to write it.
            return rights.writesUnder().test(now.path())
                    ? Optional.empty()
                    : Optional.of(new FieldError("code", "you may not change org unit '" + code + "'"));
        }
        if (firstInTree != null && !rights.writesUnder().test(firstInTree.path())) {
            return Optional
                    .of(new FieldError(field, "you may not add or move units under '" + firstInTree.code() + "'"));
        }
        return Optional.empty();
    }

    /** Whether the roster moves the unit or any unit above it. */
    private boolean moves(String code, Map<String, Verdict> fileByCode) {
        for (String at = code; at != null; at = existing.containsKey(at) ? existing.get(at).parentCode() : null) {
            Verdict v = fileByCode.get(at);
            if (v != null && !java.util.Objects.equals(v.parentCode(), existing.get(at).parentCode())) {
                return true;
            }
        }
        return false;
    }

    /** Depth in the final tree (for the write order) and whether an update changes anything. */
    private Verdict settle(Verdict v, Map<String, Verdict> fileByCode) {
        int depth = 0;
        for (String at = v.parentCode(); at != null && depth < 10_000; at = finalParent(at, fileByCode)) {
            depth++;
        }
        Verdict d = v.at(depth);
        Existing now = existing.get(v.row().code());
        if (now != null && now.name().equals(v.row().name()) && now.type() == v.type()
                && java.util.Objects.equals(now.parentCode(), v.parentCode())
                && java.util.Objects.equals(now.opened(), v.months().opened())
                && java.util.Objects.equals(now.closed(), v.months().closed())) {
            return new Verdict(d.row(), Action.UNCHANGED, d.type(), d.parentCode(), d.months(), depth, null);
        }
        return d;
    }
}
