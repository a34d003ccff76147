package io.zhibiao.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected cells of design §7, for one reporting period, in plain Java. A unit's form lists the indicators of its
 * own targets and of its ancestors' targets that roll up from it; its expected cells are the rows of its form that no
 * open child has on its own form — figures are expected where they originate, from the schools, not again from their
 * 学区 or county. A unit closed or not yet open in the period expects nothing and does not count as a child.
 */
public final class ExpectedCells {

    /** A unit of the subtree: its parent (null for the root of the computation) and whether it is open in the period. */
    public record Unit(long id, Long parentId, String type, boolean open) {
    }

    /**
     * What one target asks of the units: the indicators posted for it ({@code posted}: itself, or a rate's numerator and
     * denominator), whether they roll up from the units below ({@code rollsUp}: false for rollup NONE), and for a
     * rankCount the only type of unit that posts them ({@code postedBy}, null otherwise).
     */
    public record Demand(long unitId, Set<Long> posted, boolean rollsUp, String postedBy) {
    }

    private final Map<Long, Unit> units = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final Map<Long, Set<Long>> forms = new HashMap<>();

    /**
     * @param units the subtree, parents before children
     * @param demands the targets of the subtree's units and of its root's ancestors (with {@code inherited} the
     *     indicators the ancestors' targets push down to the root)
     * @param inherited what the root's ancestors' targets ask of every unit below them that rolls up
     */
    public ExpectedCells(List<Unit> units, List<Demand> demands, List<Demand> inherited) {
        Map<Long, List<Demand>> byUnit = new HashMap<>();
        for (Demand d : demands) {
            byUnit.computeIfAbsent(d.unitId(), k -> new ArrayList<>()).add(d);
        }
        Map<Long, List<Demand>> fromAbove = new HashMap<>();
        for (Unit u : units) {
            this.units.put(u.id(), u);
            children.computeIfAbsent(u.id(), k -> new ArrayList<>());
            if (u.parentId() != null && this.units.containsKey(u.parentId())) {
                children.get(u.parentId()).add(u.id());
            }
            // What the unit's ancestors ask of it: the root's inherited demands and those of every unit above it.
            List<Demand> above = u.parentId() == null || !this.units.containsKey(u.parentId())
                    ? new ArrayList<>(inherited)
                    : new ArrayList<>(fromAbove.get(u.parentId()));
            Set<Long> form = new LinkedHashSet<>();
            for (Demand d : above) {
                if (d.postedBy() == null ? d.rollsUp() : d.postedBy().equals(u.type())) {
                    form.addAll(d.posted());
                }
            }
            List<Demand> own = byUnit.getOrDefault(u.id(), List.of());
            for (Demand d : own) {
                if (d.postedBy() == null || d.postedBy().equals(u.type())) {
                    form.addAll(d.posted());
                }
            }
            above.addAll(own);
            fromAbove.put(u.id(), above);
            forms.put(u.id(), form);
        }
    }

    /** The rows of the unit's form (open or not). */
    public Set<Long> form(long unitId) {
        return forms.getOrDefault(unitId, Set.of());
    }

    /** The unit's expected cells: its form less what any open child's form holds; nothing when it is not open. */
    public Set<Long> expected(long unitId) {
        Unit unit = units.get(unitId);
        if (unit == null || !unit.open()) {
            return Set.of();
        }
        Set<Long> expected = new LinkedHashSet<>(form(unitId));
        for (long child : children.getOrDefault(unitId, List.of())) {
            if (units.get(child).open()) {
                expected.removeAll(form(child));
            }
        }
        return expected;
    }

    /** The unit and every unit below it. */
    public List<Long> subtree(long unitId) {
        List<Long> all = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Long> todo = new ArrayList<>(List.of(unitId));
        while (!todo.isEmpty()) {
            long id = todo.remove(todo.size() - 1);
            if (seen.add(id)) {
                all.add(id);
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return all;
    }

    public List<Long> children(long unitId) {
        return children.getOrDefault(unitId, List.of());
    }
}
