package io.zhibiao.reporting;

import io.zhibiao.common.PageRequest;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.observation.ObservationService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Rollup;
import io.zhibiao.target.Target;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completeness and timeliness of a reporting period (design §7): which cells each unit of a subtree is expected to fill
 * ({@link ExpectedCells}), which it filled and when, which are late and which still missing after their due date.
 * Every count of a subtree is the sum of its units' own counts, so a county's figures are exactly its schools'.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportingService {

    public enum GroupBy {
        CHILD, UNIT
    }

    /** Everything one computation reads, in six queries whatever the size of the subtree. */
    private record Loaded(OrgUnit root, List<OrgUnit> units, Map<Long, OrgUnit> byId, Map<String, OrgUnit> byCode,
            ExpectedCells cells, Map<Long, Indicator> indicators, Map<String, OffsetDateTime> firstFilled,
            Set<String> notApplicable, Period period, LocalDate asOf) {

        /** Filled, or marked not applicable: nothing more is owed. */
        boolean settled(long unitId, long indicatorId) {
            String key = unitId + "/" + indicatorId;
            return firstFilled.containsKey(key) || notApplicable.contains(key);
        }

        LocalDate due(Indicator indicator, int defaultDays) {
            int days = indicator.dueDays != null ? indicator.dueDays : defaultDays;
            return period.end().atEndOfMonth().plusDays(days);
        }
    }

    /** The counts of one unit's own expected cells. */
    private record Counts(int expected, int filled, int notApplicable, int onTime, int late, int missing) {

        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(expected + o.expected, filled + o.filled, notApplicable + o.notApplicable,
                    onTime + o.onTime, late + o.late, missing + o.missing);
        }
    }

    @Inject
    OrgUnitService orgUnits;

    @Inject
    TargetService targets;

    @Inject
    ObservationService observations;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Clock clock;

    @Inject
    SubmissionService submissions;

    /** What a submission needs (design §7): the unit's own cells filled, its reporting children approved. */
    public record Readiness(int expectedInSubtree, List<String> unfilled, List<OrgUnit> reportingChildren) {
    }

    /** Whether the unit may submit the period: its own unfilled cells and the children that report at all. */
    public Readiness readiness(OrgUnit unit, Period period) {
        Loaded l = load(unit, period, today());
        List<String> unfilled = new ArrayList<>();
        for (long indicatorId : l.cells().expected(unit.id)) {
            if (!l.settled(unit.id, indicatorId)) {
                unfilled.add(l.indicators().get(indicatorId).name);
            }
        }
        int inSubtree = 0;
        for (long id : l.cells().subtree(unit.id)) {
            inSubtree += l.cells().expected(id).size();
        }
        List<OrgUnit> children = new ArrayList<>();
        for (long child : l.cells().children(unit.id)) {
            int expected = 0;
            for (long id : l.cells().subtree(child)) {
                expected += l.cells().expected(id).size();
            }
            if (expected > 0) {
                children.add(l.byId().get(child));
            }
        }
        return new Readiness(inSubtree, unfilled, children);
    }

    /** A reporting period: a single month, quarter, half or year. */
    public static Period reportingPeriod(String text) {
        return io.zhibiao.common.Params.singlePeriod("period", text);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ReportingStatus status(String orgUnitCode, Period period, LocalDate asOf, GroupBy groupBy,
            PageRequest page) {
        return status(orgUnitCode, period, asOf, groupBy, false, page);
    }

    /**
     * With {@code approvedOnly} (dataStatus=approved) a cell counts as filled only when its unit's submission of the
     * period is APPROVED: what the bureau can report upward.
     */
    public ReportingStatus status(String orgUnitCode, Period period, LocalDate asOf, GroupBy groupBy,
            boolean approvedOnly, PageRequest page) {
        Loaded all = load(orgUnitCode, period, asOf);
        Map<Long, Submission.State> states = submissions.statesUnder(all.root(), period);
        Loaded l = approvedOnly ? approved(all, states) : all;
        Map<Long, Counts> own = new HashMap<>();
        for (OrgUnit u : l.units()) {
            own.put(u.id, counts(l, u));
        }
        List<ReportingRow> rows = new ArrayList<>();
        if (groupBy == GroupBy.CHILD) {
            rows.add(row(l.root(), own.get(l.root().id), states));
            for (long child : l.cells().children(l.root().id)) {
                rows.add(row(l.byId().get(child), sum(l, own, child), states));
            }
        } else {
            for (OrgUnit u : l.units()) {
                Counts c = own.get(u.id);
                if (c.expected() > 0) {
                    rows.add(row(u, c, states));
                }
            }
        }
        var slice = io.zhibiao.common.PageResult.slice(rows, page);
        return new ReportingStatus(l.root().code, period.toString(), asOf.toString(), groupBy.name().toLowerCase(),
                row(l.root(), sum(l, own, l.root().id), states), slice.items(), slice.page(), slice.size(),
                slice.total());
    }

    /** The 催报 list: every expected cell still empty after its due date, with the path to its unit. */
    public io.zhibiao.common.PageResult<MissingCell> missing(String orgUnitCode, Period period, LocalDate asOf,
            PageRequest page) {
        return missing(orgUnitCode, period, asOf, false, page);
    }

    public io.zhibiao.common.PageResult<MissingCell> missing(String orgUnitCode, Period period, LocalDate asOf,
            boolean approvedOnly, PageRequest page) {
        Loaded all = load(orgUnitCode, period, asOf);
        Loaded l = approvedOnly ? approved(all, submissions.statesUnder(all.root(), period)) : all;
        int defaultDays = config.reporting().dueDays();
        List<MissingCell> missing = new ArrayList<>();
        for (OrgUnit u : l.units()) {
            for (long indicatorId : l.cells().expected(u.id)) {
                Indicator indicator = l.indicators().get(indicatorId);
                LocalDate due = l.due(indicator, defaultDays);
                if (!l.settled(u.id, indicatorId) && asOf.isAfter(due)) {
                    missing.add(new MissingCell(u.code, u.name, pathNames(l, u), indicator.code, indicator.name,
                            period.toString(), due.toString()));
                }
            }
        }
        return io.zhibiao.common.PageResult.slice(missing, page);
    }

    /** The same, with only the cells of units whose period is APPROVED counted as filled or not applicable. */
    private static Loaded approved(Loaded l, Map<Long, Submission.State> states) {
        java.util.function.Predicate<String> approvedUnit = cell -> states
                .get(Long.valueOf(cell.substring(0, cell.indexOf('/')))) == Submission.State.APPROVED;
        Map<String, OffsetDateTime> first = new HashMap<>();
        l.firstFilled().forEach((cell, at) -> {
            if (approvedUnit.test(cell)) {
                first.put(cell, at);
            }
        });
        Set<String> na = new java.util.HashSet<>();
        l.notApplicable().stream().filter(approvedUnit).forEach(na::add);
        return new Loaded(l.root(), l.units(), l.byId(), l.byCode(), l.cells(), l.indicators(), first, na, l.period(),
                l.asOf());
    }

    private Loaded load(String orgUnitCode, Period period, LocalDate asOf) {
        return load(orgUnits.get(orgUnitCode), period, asOf);
    }

    private Loaded load(OrgUnit root, Period period, LocalDate asOf) {
        List<OrgUnit> units = orgUnits.subtree(root);
        List<String> ancestorCodes = Arrays.stream(root.path.split("/")).filter(s -> !s.isEmpty())
                .filter(c -> !c.equals(root.code)).toList();
        List<OrgUnit> ancestors = orgUnits.byCodes(ancestorCodes);
        Map<Long, OrgUnit> byId = new HashMap<>();
        Map<String, OrgUnit> byCode = new HashMap<>();
        units.forEach(u -> {
            byId.put(u.id, u);
            byCode.put(u.code, u);
        });
        int months = period.months();
        Map<Long, Indicator> indicators = new HashMap<>();
        List<ExpectedCells.Demand> demands = new ArrayList<>();
        for (Target t : targets.findUnder(root, period)) {
            demands.addAll(demands(t, t.orgUnit.id, months, indicators));
        }
        List<ExpectedCells.Demand> inherited = new ArrayList<>();
        for (Target t : targets.findAt(ancestors, period)) {
            inherited.addAll(demands(t, t.orgUnit.id, months, indicators));
        }
        List<ExpectedCells.Unit> tree = units.stream().map(u -> new ExpectedCells.Unit(u.id,
                u.id.equals(root.id) ? null : parentId(u, byCode), u.type.name(), openDuring(u, period))).toList();
        ExpectedCells cells = new ExpectedCells(tree, demands, inherited);
        Map<String, OffsetDateTime> first = observations.firstFilled(root, period);
        return new Loaded(root, units, byId, byCode, cells, indicators, first, observations.notApplicable(root, period),
                period, asOf);
    }

    /** The parent's id, read from the materialised path (no load of the parent). */
    private static Long parentId(OrgUnit u, Map<String, OrgUnit> byCode) {
        String[] codes = u.path.substring(1, u.path.length() - 1).split("/");
        OrgUnit parent = codes.length < 2 ? null : byCode.get(codes[codes.length - 2]);
        return parent == null ? null : parent.id;
    }

    /** Open for at least one month of the period: a school closing in June still reports the first half. */
    private static boolean openDuring(OrgUnit u, Period period) {
        for (int m = period.startMonth(); m <= period.endMonth(); m++) {
            if (u.isOpenIn(m)) {
                return true;
            }
        }
        return false;
    }

    /** What a target asks of the units: per posted indicator of the period's type, whether it rolls up. */
    private static List<ExpectedCells.Demand> demands(Target t, long unitId, int months,
            Map<Long, Indicator> indicators) {
        Indicator i = t.indicator;
        List<ExpectedCells.Demand> out = new ArrayList<>();
        if (i.rankIndicator != null) {
            for (Indicator c : components(i.rankIndicator)) {
                if (reportedIn(c, months)) {
                    indicators.put(c.id, c);
                    out.add(new ExpectedCells.Demand(unitId, Set.of(c.id), true, i.rankType.name()));
                }
            }
            return out;
        }
        for (Indicator c : components(i)) {
            if (reportedIn(c, months)) {
                indicators.put(c.id, c);
                out.add(new ExpectedCells.Demand(unitId, Set.of(c.id), c.rollup != Rollup.NONE, null));
            }
        }
        return out;
    }

    private static List<Indicator> components(Indicator i) {
        return i.numerator != null ? List.of(i.numerator, i.denominator) : List.of(i);
    }

    private static boolean reportedIn(Indicator i, int months) {
        return i.frequency.periodType().months() == months;
    }

    private Counts counts(Loaded l, OrgUnit u) {
        int defaultDays = config.reporting().dueDays();
        int expected = 0;
        int filled = 0;
        int onTime = 0;
        int late = 0;
        int missing = 0;
        int notApplicable = 0;
        for (long indicatorId : l.cells().expected(u.id)) {
            expected++;
            if (l.notApplicable().contains(u.id + "/" + indicatorId)) {
                notApplicable++;
                continue;
            }
            LocalDate due = l.due(l.indicators().get(indicatorId), defaultDays);
            OffsetDateTime first = l.firstFilled().get(u.id + "/" + indicatorId);
            if (first != null) {
                filled++;
                if (first.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(due)) {
                    late++;
                } else {
                    onTime++;
                }
            } else if (l.asOf().isAfter(due)) {
                missing++;
            }
        }
        return new Counts(expected, filled, notApplicable, onTime, late, missing);
    }

    private static Counts sum(Loaded l, Map<Long, Counts> own, long unitId) {
        Counts total = Counts.ZERO;
        for (long id : l.cells().subtree(unitId)) {
            total = total.plus(own.getOrDefault(id, Counts.ZERO));
        }
        return total;
    }

    private static ReportingRow row(OrgUnit u, Counts c, Map<Long, Submission.State> states) {
        return new ReportingRow(u.code, u.name, u.type.name(), c.expected(), c.filled(), c.notApplicable(), c.onTime(),
                c.late(), c.missing(), ratio(c.filled() + c.notApplicable(), c.expected()),
                ratio(c.onTime(), c.expected()), states.getOrDefault(u.id, Submission.State.OPEN).name());
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
    }

    private static List<String> pathNames(Loaded l, OrgUnit u) {
        List<String> names = new ArrayList<>();
        for (String code : u.path.split("/")) {
            OrgUnit unit = code.isEmpty() ? null : l.byCode().get(code);
            if (unit != null) {
                names.add(unit.name);
            }
        }
        return names;
    }
}
