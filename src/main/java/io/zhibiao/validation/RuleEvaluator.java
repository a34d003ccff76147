package io.zhibiao.validation;

import io.zhibiao.common.RuleFailure;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.observation.FigureStore;
import io.zhibiao.observation.WriteRules;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource.SeriesKey;
import io.zhibiao.progress.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks validation rules against figures: for writes (under the write gate, on the write's own transaction, so an
 * import's earlier chunks count), for {@code validation-results} and for a rule's test. Parsed rules are kept by id
 * and re-parsed when the row's {@code updatedAt} changes, so every replica checks the rule as stored.
 */
@ApplicationScoped
public class RuleEvaluator implements WriteRules {

    @Inject
    IndicatorService indicatorService;

    @Inject
    EntityManager em;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    FigureStore figureStore;

    private final Map<Long, CompiledRule> compiled = new ConcurrentHashMap<>();
    private final Map<Long, VersionedMeasure> measures = new ConcurrentHashMap<>();

    /** A rule checked at one unit and period, with its outcome. */
    record Checked(CompiledRule rule, long unitId, Period period, RuleCheck.Outcome outcome) {
    }

    /** The cells of one unit and period a write changes. */
    private record Cell(long unitId, Period period) {
    }

    @Override
    public List<Finding> check(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Set<Long> written = new HashSet<>();
        changes.forEach(c -> written.add(c.indicatorId()));
        Versions versions = versionsReading(written);
        if (versions.rules().isEmpty()) {
            return List.of();
        }
        List<CompiledRule> rules = current(versions.rules());
        Map<Long, Measure> measures = measures(versions.indicators());
        // The cells per unit and period, and the rules that may check each: they read a changed indicator, their
        // subtree holds the unit, and they name its type or none.
        Map<Cell, List<Integer>> cells = new LinkedHashMap<>();
        Map<Cell, String> types = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Cell cell = new Cell(c.orgUnitId(), c.period());
            cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(i);
            types.put(cell, c.orgUnitType());
        }
        Map<Cell, List<CompiledRule>> candidates = new LinkedHashMap<>();
        cells.forEach((cell, indexes) -> {
            Change first = changes.get(indexes.get(0));
            List<CompiledRule> some = rules.stream()
                    .filter(r -> r.covers(first.orgUnitPath()) && r.typeMatches(first.orgUnitType())
                            && indexes.stream().anyMatch(i -> r.reads().contains(changes.get(i).indicatorId())))
                    .toList();
            if (!some.isEmpty()) {
                candidates.put(cell, some);
            }
        });
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Long> units = new HashSet<>();
        List<Period> periods = new ArrayList<>();
        candidates.keySet().forEach(cell -> {
            units.add(cell.unitId());
            periods.add(cell.period());
        });
        RuleValues before = units.size() == 1
                ? loadOne(measures,
                        changes.stream().filter(c -> units.contains(c.orgUnitId())).findFirst().orElseThrow(), periods)
                : load(measures, units, periods, true);
        Set<Integer> refused = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        // A refused change is taken out and its cell checked again without it; each round refuses at least one change,
        // so this ends.
        while (true) {
            RuleValues after = before.with(overlay(changes, refused));
            List<Finding> round = new ArrayList<>();
            Set<Integer> refusedNow = new HashSet<>();
            candidates.forEach((cell, some) -> {
                for (CompiledRule rule : some) {
                    if (!after.applies(rule, cell.unitId(), types.get(cell), cell.period())) {
                        continue;
                    }
                    RuleCheck.Outcome outcome = after.check(rule, cell.unitId(), cell.period());
                    if (!outcome.failed()) {
                        continue;
                    }
                    RuleFailure failure = failure(rule, outcome);
                    for (int i : cells.get(cell)) {
                        if (!refused.contains(i) && rule.reads().contains(changes.get(i).indicatorId())) {
                            boolean blocks = rule.severity() == RuleSeverity.BLOCK;
                            round.add(new Finding(i, blocks, failure));
                            if (blocks) {
                                refusedNow.add(i);
                            }
                        }
                    }
                }
            });
            if (refusedNow.isEmpty()) {
                findings.addAll(round);
                return findings;
            }
            round.stream().filter(Finding::blocks).forEach(findings::add);
            refused.addAll(refusedNow);
        }
    }

    /** Every rule's outcome at every unit of the list it applies to, for one period; only failures are kept. */
    List<Checked> failures(List<CompiledRule> rules, Map<Long, String> unitPaths, Map<Long, String> unitTypes,
            Collection<Long> roots, Period period) {
        if (rules.isEmpty() || unitPaths.isEmpty()) {
            return List.of();
        }
        RuleValues values = load(rules, roots, List.of(period), false);
        List<Checked> failed = new ArrayList<>();
        for (CompiledRule rule : rules) {
            unitPaths.forEach((unit, path) -> {
                if (rule.covers(path) && values.applies(rule, unit, unitTypes.get(unit), period)) {
                    RuleCheck.Outcome outcome = values.check(rule, unit, period);
                    if (outcome.failed()) {
                        failed.add(new Checked(rule, unit, period, outcome));
                    }
                }
            });
        }
        return failed;
    }

    /** One rule at one unit, whether or not it would apply there; with its outcome and whether it applies. */
    TestOutcome test(CompiledRule rule, long unitId, String unitType, Period period) {
        RuleValues values = load(List.of(rule), List.of(unitId), List.of(period), false);
        List<Expression.Ref> refs = new ArrayList<>(rule.definition().left().refs());
        refs.addAll(rule.definition().right().refs());
        return new TestOutcome(values.applies(rule, unitId, unitType, period), values.check(rule, unitId, period),
                refs.stream().distinct().map(ref -> new Reading(ref.text(), values.value(rule, ref, unitId, period)))
                        .toList());
    }

    record Reading(String ref, BigDecimal value) {
    }

    record TestOutcome(boolean applies, RuleCheck.Outcome outcome, List<Reading> readings) {
    }

    RuleFailure failure(CompiledRule rule, RuleCheck.Outcome outcome) {
        return new RuleFailure(rule.code(), rule.name(), rule.severity().name(), outcome.left(), outcome.right(),
                rule.describe(outcome));
    }

    /** The rules that read any of the indicators, parsed (from the cache while unchanged). One indexed query. */
    /** The rules reading any of the indicators, and every indicator they read, each with its version. */
    private record Versions(Map<Long, Instant> rules, Map<Long, Long> indicators) {
    }

    /**
     * One light query on the write path: which rules read the written indicators, and the versions of those rules and
     * of every indicator they read. Rules and measures are parsed and built once per version and kept, so a write
     * reads no rule or indicator row unless one changed (on any replica: the versions are in the database).
     */
    private Versions versionsReading(Collection<Long> indicatorIds) {
        String sql = "SELECT r.id, r.updated_at, i.id, i.version FROM validation_rule r "
                + "JOIN validation_rule_indicator ri ON ri.rule_id = r.id JOIN indicator i ON i.id = ri.indicator_id "
                + "WHERE r.id IN (SELECT w.rule_id FROM validation_rule_indicator w WHERE w.indicator_id IN ("
                + String.join(",", java.util.Collections.nCopies(indicatorIds.size(), "?")) + "))";
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            Map<Long, Instant> rules = new HashMap<>();
            Map<Long, Long> indicators = new HashMap<>();
            try (java.sql.PreparedStatement query = connection.prepareStatement(sql)) {
                int at = 1;
                for (Long id : indicatorIds) {
                    query.setLong(at++, id);
                }
                try (java.sql.ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rules.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                        indicators.put(rs.getLong(3), rs.getLong(4));
                    }
                }
            }
            return new Versions(rules, indicators);
        });
    }

    /** The rules of these versions, parsed; those changed since they were kept are read again. */
    private List<CompiledRule> current(Map<Long, Instant> versions) {
        List<Long> stale = versions.entrySet().stream().filter(e -> {
            CompiledRule known = compiled.get(e.getKey());
            return known == null || !sameInstant(known.version().toInstant(), e.getValue());
        }).map(Map.Entry::getKey).toList();
        if (!stale.isEmpty()) {
            em.createQuery("select distinct r from ValidationRule r join fetch r.orgUnit left join fetch r.reads "
                    + "where r.id in :ids", ValidationRule.class).setParameter("ids", stale).getResultList()
                    .forEach(this::compile);
        }
        return versions.keySet().stream().map(compiled::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The indicators' measures at these versions (a changed rollup changes values). */
    private Map<Long, Measure> measures(Map<Long, Long> versions) {
        List<Long> stale = versions.entrySet().stream().filter(e -> {
            VersionedMeasure known = measures.get(e.getKey());
            return known == null || known.version() != e.getValue();
        }).map(Map.Entry::getKey).toList();
        if (!stale.isEmpty()) {
            for (Indicator i : indicatorService.byIds(stale)) {
                measures.put(i.id, new VersionedMeasure(i.version, i.measure()));
            }
        }
        Map<Long, Measure> current = new HashMap<>();
        versions.keySet().forEach(id -> {
            VersionedMeasure known = measures.get(id);
            if (known != null) {
                current.put(id, known.measure());
            }
        });
        return current;
    }

    private record VersionedMeasure(long version, Measure measure) {
    }

    /** Equal to the millisecond: databases keep micro- or milliseconds of what Java wrote in nanoseconds. */
    private static boolean sameInstant(Instant a, Instant b) {
        return a.toEpochMilli() == b.toEpochMilli();
    }

    CompiledRule compile(ValidationRule rule) {
        CompiledRule known = compiled.get(rule.id);
        if (known != null && known.version().equals(rule.updatedAt)) {
            return known;
        }
        Map<String, Long> ids = new HashMap<>();
        Set<Long> reads = new HashSet<>();
        rule.reads.forEach(i -> {
            ids.put(i.code, i.id);
            reads.add(i.id);
        });
        ExpressionParser parser = new ExpressionParser(
                code -> ids.containsKey(code) ? Optional.of(code) : indicatorService.byCode(code).map(i -> i.code));
        CompiledRule made = new CompiledRule(rule.id, rule.code, rule.name, rule.orgUnit.path,
                new RuleCheck.Definition(parser.parse(rule.left), rule.operator, parser.parse(rule.right),
                        rule.tolerance, rule.missing),
                rule.severity, rule.appliesToTypes(), rule.message, Map.copyOf(ids), Set.copyOf(reads), rule.updatedAt);
        compiled.put(rule.id, made);
        return made;
    }

    void forget(long ruleId) {
        compiled.remove(ruleId);
    }

    /**
     * The figures the rules read in the units' subtrees over the periods, a year before them included (for
     * {@code lastYear}); {@code uncommitted}: as the current transaction sees them, else from the shared cache.
     */
    private RuleValues load(List<CompiledRule> rules, Collection<Long> units, List<Period> periods,
            boolean uncommitted) {
        Set<Long> indicators = new HashSet<>();
        rules.forEach(r -> indicators.addAll(r.reads()));
        Map<Long, Measure> measures = new HashMap<>();
        for (Indicator i : indicatorService.byIds(indicators)) {
            measures.put(i.id, i.measure());
        }
        return load(measures, units, periods, uncommitted);
    }

    /**
     * The one written unit's subtree in one query: the figures under its path, the shape read from their units' paths.
     * A unit between the written one and a unit with figures (a 学区 without figures of its own) gets a stand-in id:
     * it only passes its children's values up.
     */
    private RuleValues loadOne(Map<Long, Measure> measures, Change written, List<Period> periods) {
        Period span = span(periods);
        Map<String, Long> ids = new HashMap<>();
        String[] rootCodes = codes(written.orgUnitPath());
        String rootCode = rootCodes[rootCodes.length - 1];
        ids.put(rootCode, written.orgUnitId());
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        children.put(written.orgUnitId(), new ArrayList<>());
        types.put(written.orgUnitId(), written.orgUnitType());
        Map<SeriesKey, List<Figure>> figures = new HashMap<>();
        List<FigureStore.PlacedFigure> placed = figureStore.uncommittedUnder(written.orgUnitPath(), measures.keySet(),
                span);
        // Every unit with figures has its own id before any link is made; the others get stand-ins once.
        placed.forEach(f -> {
            String[] path = codes(f.path());
            ids.put(path[path.length - 1], f.orgUnitId());
        });
        long standIn = -1;
        for (FigureStore.PlacedFigure f : placed) {
            figures.computeIfAbsent(new SeriesKey(f.indicatorId(), f.orgUnitId()), k -> new ArrayList<>())
                    .add(f.figure());
            String[] path = codes(f.path());
            Long parent = written.orgUnitId();
            for (int at = rootCodes.length; at < path.length; at++) {
                Long id = ids.get(path[at]);
                if (id == null) {
                    id = standIn--;
                    ids.put(path[at], id);
                }
                if (!children.containsKey(id)) {
                    children.put(id, new ArrayList<>());
                    children.get(parent).add(id);
                }
                parent = id;
            }
        }
        figures.values().forEach(list -> list.sort(java.util.Comparator.comparing(Figure::period)));
        return new RuleValues(measures, children, types, figures);
    }

    private static String[] codes(String path) {
        return path.substring(1, path.length() - 1).split("/");
    }

    private static Period span(List<Period> periods) {
        int start = periods.stream().mapToInt(Period::startMonth).min().orElseThrow() - 12;
        int end = periods.stream().mapToInt(Period::endMonth).max().orElseThrow();
        return new Period(start, end);
    }

    private RuleValues load(Map<Long, Measure> measures, Collection<Long> units, List<Period> periods,
            boolean uncommitted) {
        OrgUnitService.Subtrees shape = orgUnits.below(units);
        int start = periods.stream().mapToInt(Period::startMonth).min().orElseThrow() - 12;
        int end = periods.stream().mapToInt(Period::endMonth).max().orElseThrow();
        Period span = new Period(start, end);
        Map<SeriesKey, List<Figure>> figures = uncommitted
                ? figureStore.uncommitted(measures.keySet(), shape.children().keySet(), span)
                : figureStore.figures(measures.keySet(), shape.children().keySet(), span);
        return new RuleValues(measures, shape.children(), shape.types(), figures);
    }

    private static Map<SeriesKey, Map<Period, BigDecimal>> overlay(List<Change> changes, Set<Integer> refused) {
        Map<SeriesKey, Map<Period, BigDecimal>> overlay = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!refused.contains(i)) {
                Change c = changes.get(i);
                overlay.computeIfAbsent(new SeriesKey(c.indicatorId(), c.orgUnitId()), k -> new HashMap<>())
                        .put(c.period(), c.value());
            }
        }
        return overlay;
    }
}
