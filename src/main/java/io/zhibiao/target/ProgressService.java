package io.zhibiao.target;

import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource;
import io.zhibiao.progress.FigureSource.SeriesKey;
import io.zhibiao.progress.Measure;
import io.zhibiao.progress.ProgressEngine;
import io.zhibiao.progress.SeriesPoint;
import io.zhibiao.progress.Thresholds;
import io.zhibiao.progress.TreeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Feeds targets and their figures to the engine: one figure query for any number of targets. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {

    private final ProgressEngine engine;
    private final FigureSource figures;
    private final OrgUnitService orgUnits;
    private final Clock clock;

    @Inject
    jakarta.enterprise.inject.Instance<ApprovedPeriods> approvals;

    @Inject
    public ProgressService(ZhibiaoConfig config, FigureSource figures, OrgUnitService orgUnits, Clock clock) {
        this.engine = new ProgressEngine(
                new Thresholds(config.progress().onTrackPace(), config.progress().atRiskPace()));
        this.figures = figures;
        this.orgUnits = orgUnits;
        this.clock = clock;
    }

    /**
     * Progress of each target, in the given order; {@code asOf} null means each target's default
     * month.
     */
    public List<ProgressView> progress(Collection<Target> targets, YearMonth asOf) {
        return progress(targets, asOf, false);
    }

    /** The same, counting only the figures of approved submissions when {@code approvedOnly} (dataStatus=approved). */
    public List<ProgressView> progress(Collection<Target> targets, YearMonth asOf, boolean approvedOnly) {
        TreeValues values = load(targets, approvedOnly);
        return targets.stream().map(t -> ProgressView.of(t,
                engine.compute(t.goal(), values.of(t.indicator.id, t.orgUnit.id), asOfFor(t, asOf)))).toList();
    }

    public ProgressView progress(Target target, YearMonth asOf) {
        return progress(List.of(target), asOf).get(0);
    }

    public List<SeriesPoint> series(Target target, YearMonth asOf) {
        return series(target, asOf, false);
    }

    public List<SeriesPoint> series(Target target, YearMonth asOf, boolean approvedOnly) {
        return engine.series(target.goal(),
                load(List.of(target), approvedOnly).of(target.indicator.id, target.orgUnit.id), asOfFor(target, asOf));
    }

    /** The month a request without {@code asOf} counts up to: the one before today's in the bureau's zone (§2). */
    public YearMonth lastCompleteMonth() {
        return ProgressEngine.lastCompleteMonth(YearMonth.now(clock));
    }

    private YearMonth asOfFor(Target target, YearMonth asOf) {
        return asOf != null ? asOf : ProgressEngine.defaultAsOf(target.period(), lastCompleteMonth());
    }

    /**
     * Everything the targets' values may need, in at most four queries: the subtrees under their org units, the figures of
     * their indicators (and formula components) there, and who ever reported them.
     */
    private TreeValues load(Collection<Target> targets, boolean approvedOnly) {
        if (targets.isEmpty()) {
            return new TreeValues(Map.of(), Map.of(), Map.of(), Map.of());
        }
        Period span = targets.stream().map(t -> ProgressEngine.figuresNeeded(t.goal())).reduce(
                (a, b) -> new Period(Math.min(a.startMonth(), b.startMonth()), Math.max(a.endMonth(), b.endMonth())))
                .orElseThrow();
        // A rankCount ranks units beyond the target's unit: under its ancestor of the formula's `within` type.
        List<OrgUnit> roots = targets.stream().map(
                t -> t.indicator.rankWithin == null ? t.orgUnit : ancestorOfType(t.orgUnit, t.indicator.rankWithin))
                .distinct().toList();
        return load(targets.stream().map(t -> t.indicator).distinct().toList(), outermost(roots), span, approvedOnly);
    }

    private static OrgUnit ancestorOfType(OrgUnit unit, OrgUnitType type) {
        for (OrgUnit at = unit; at != null; at = at.parent) {
            if (at.type == type) {
                return at;
            }
        }
        return unit;
    }

    /** The units not under another of them: a county and its schools need the county's subtree only. */
    static List<OrgUnit> outermost(List<OrgUnit> units) {
        List<OrgUnit> byDepth = units.stream().sorted(Comparator.comparingInt(u -> u.path.length())).toList();
        List<OrgUnit> kept = new ArrayList<>();
        for (OrgUnit unit : byDepth) {
            if (kept.stream().noneMatch(k -> unit.path.startsWith(k.path))) {
                kept.add(unit);
            }
        }
        return kept;
    }

    /** The values of the indicators anywhere under the roots, from figures whose period starts inside the span. */
    public TreeValues load(Collection<Indicator> indicators, Collection<OrgUnit> roots, Period span) {
        return load(indicators, roots, span, false);
    }

    /** The same; with {@code approvedOnly} a figure counts only when its unit's period is APPROVED. */
    public TreeValues load(Collection<Indicator> indicators, Collection<OrgUnit> roots, Period span,
            boolean approvedOnly) {
        Map<Long, Measure> measures = new HashMap<>();
        for (Indicator indicator : indicators) {
            measures.put(indicator.id, indicator.measure());
            for (Indicator component : new Indicator[]{indicator.numerator, indicator.denominator,
                    indicator.rankIndicator}) {
                if (component != null) {
                    measures.put(component.id, component.measure());
                }
            }
        }
        OrgUnitService.Subtrees tree = orgUnits.under(roots);
        Set<Long> units = tree.children().keySet();
        Map<SeriesKey, List<Figure>> found = figures.figures(measures.keySet(), units, span);
        if (approvedOnly) {
            found = approvedFigures(found, units);
        }
        return new TreeValues(measures, tree.children(), tree.types(), found, reporters(measures, units, found));
    }

    /** Only the figures of approved periods (none when no feature offers approvals). */
    private Map<SeriesKey, List<Figure>> approvedFigures(Map<SeriesKey, List<Figure>> found, Set<Long> units) {
        Set<String> approved = approvals.isResolvable() ? approvals.get().approved(units) : Set.of();
        Map<SeriesKey, List<Figure>> kept = new HashMap<>();
        found.forEach((key, list) -> {
            List<Figure> figures = list.stream()
                    .filter(f -> approved.contains(
                            ApprovedPeriods.key(key.orgUnitId(), f.period().startMonth(), f.period().endMonth())))
                    .toList();
            if (!figures.isEmpty()) {
                kept.put(key, figures);
            }
        });
        return kept;
    }

    /**
     * Per indicator, the units that ever reported it: every series with figures in the span did; only the others are
     * asked of the database. Derived indicators take no figures, so they are never asked.
     */
    private Map<Long, Set<Long>> reporters(Map<Long, Measure> measures, Set<Long> units,
            Map<SeriesKey, List<Figure>> found) {
        Map<Long, Set<Long>> reporters = new HashMap<>();
        found.keySet().forEach(
                key -> reporters.computeIfAbsent(key.indicatorId(), k -> new HashSet<>()).add(key.orgUnitId()));
        Set<Long> unknownIndicators = new HashSet<>();
        Set<Long> unknownUnits = new HashSet<>();
        for (Measure measure : measures.values()) {
            if (measure.formula() != null || measure.rankCount() != null) {
                continue;
            }
            for (long unit : units) {
                if (!found.containsKey(new SeriesKey(measure.indicatorId(), unit))) {
                    unknownIndicators.add(measure.indicatorId());
                    unknownUnits.add(unit);
                }
            }
        }
        figures.reporters(unknownIndicators, unknownUnits).forEach(
                (indicator, known) -> reporters.computeIfAbsent(indicator, k -> new HashSet<>()).addAll(known));
        return reporters;
    }
}
