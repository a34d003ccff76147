package io.zhibiao.progress;

import io.zhibiao.period.Period;
import io.zhibiao.progress.FigureSource.SeriesKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * design §6 as plain functions: the value of an indicator for an org unit over a window is its own figures if it has
 * any, else its formula, else its children's values combined — time first, then the tree, recursively. The same rules
 * give forecasts. Holds everything it needs in memory (the figures of a subtree, its shape, the indicators), so one
 * load serves any number of targets, windows and rankings.
 */
public final class TreeValues {

    private final Map<Long, Measure> measures;
    private final Map<Long, List<Long>> children;
    private final Map<SeriesKey, List<Figure>> figures;
    private final Map<Long, Set<Long>> reporters;
    private final Map<Long, String> types;
    private final Map<Long, Long> parents = new HashMap<>();
    private final Map<SeriesKey, Boolean> everReported = new HashMap<>();
    // Targets share indicators (a rate and its components, a dashboard's rows), so values are computed once per load.
    private final Map<WindowKey, Valued> values = new HashMap<>();
    private final Map<ForecastKey, Optional<BigDecimal>> forecasts = new HashMap<>();

    // Equals and hashCode written out, as in SeriesKey: looked up thousands of times per dashboard.
    private record WindowKey(long indicator, long unit, Period window) {

        @Override
        public boolean equals(Object o) {
            return o instanceof WindowKey k && indicator == k.indicator && unit == k.unit && window.equals(k.window);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(indicator * 31 + unit) * 31 + window.hashCode();
        }
    }

    private record ForecastKey(long indicator, long unit, Period period, Period window) {

        @Override
        public boolean equals(Object o) {
            return o instanceof ForecastKey k && indicator == k.indicator && unit == k.unit && period.equals(k.period)
                    && window.equals(k.window);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(indicator * 31 + unit) * 31 + period.hashCode()) * 31 + window.hashCode();
        }
    }

    /**
     * @param measures every indicator that may be asked for, with its formula components
     * @param children the children of every org unit of the subtrees that may be asked for
     * @param figures the current figures of those indicators and org units over every window that may be asked for
     * @param reporters per indicator, the org units that ever posted a figure of it (at any time)
     */
    public TreeValues(Map<Long, Measure> measures, Map<Long, List<Long>> children, Map<SeriesKey, List<Figure>> figures,
            Map<Long, Set<Long>> reporters) {
        this(measures, children, Map.of(), figures, reporters);
    }

    /** @param types the org-unit type of every unit in {@code children} (rankCount formulas need them) */
    public TreeValues(Map<Long, Measure> measures, Map<Long, List<Long>> children, Map<Long, String> types,
            Map<SeriesKey, List<Figure>> figures, Map<Long, Set<Long>> reporters) {
        this.measures = measures;
        this.children = children;
        this.types = types;
        this.figures = figures;
        this.reporters = reporters;
        children.forEach((parent, kids) -> kids.forEach(kid -> parents.put(kid, parent)));
    }

    /** One series of figures with nothing around it: §2 without the tree. */
    public static Values reported(Measure measure, List<Figure> figures) {
        SeriesKey key = new SeriesKey(measure.indicatorId(), 0);
        return new TreeValues(Map.of(measure.indicatorId(), measure), Map.of(), Map.of(key, figures),
                Map.of(measure.indicatorId(), figures.isEmpty() ? Set.of() : Set.of(0L))).of(measure.indicatorId(), 0);
    }

    public Values of(long indicatorId, long orgUnitId) {
        return new Values() {

            @Override
            public Valued over(Period window) {
                return value(indicatorId, orgUnitId, window);
            }

            @Override
            public BigDecimal forecast(Period period, Period window) {
                return TreeValues.this.forecast(indicatorId, orgUnitId, period, window);
            }
        };
    }

    Valued value(long indicator, long unit, Period window) {
        WindowKey key = new WindowKey(indicator, unit, window);
        Valued known = values.get(key);
        if (known == null) {
            // Not computeIfAbsent: the computation recurses into the same map.
            known = compute(indicator, unit, window);
            values.put(key, known);
        }
        return known;
    }

    private Valued compute(long indicator, long unit, Period window) {
        Measure measure = measures.get(indicator);
        List<Figure> all = figuresOf(indicator, unit);
        Valued own = all instanceof KeptSeries kept
                ? kept.answer(measure, window, null, () -> ownValue(measure, all, window))
                : ownValue(measure, all, window);
        if (own != null) {
            return own;
        }
        if (measure.rankCount() != null) {
            Measure.RankCount rank = measure.rankCount();
            BigDecimal count = rankCount(rank, unit, u -> value(rank.indicatorId(), u, window).value());
            Valued counted = value(rank.indicatorId(), unit, window);
            return new Valued(count, count == null ? null : Source.DERIVED, counted.coverage(), counted.latest(),
                    counted.completeThrough());
        }
        if (measure.formula() != null) {
            Measure.Formula formula = measure.formula();
            Valued numerator = value(formula.numeratorId(), unit, window);
            Valued denominator = value(formula.denominatorId(), unit, window);
            BigDecimal value = !numerator.isPresent() || !denominator.isPresent() || Numbers.isZero(denominator.value())
                    ? null
                    : Numbers.divide(numerator.value(), denominator.value()).multiply(formula.factor(),
                            Numbers.PRECISION);
            return new Valued(value, value == null ? null : Source.DERIVED, denominator.coverage(),
                    later(numerator.latest(), denominator.latest()),
                    Math.min(numerator.completeThrough(), denominator.completeThrough()));
        }
        List<Long> kids = children.getOrDefault(unit, List.of());
        if (measure.rollup() == Rollup.NONE || kids.isEmpty()) {
            return Valued.NONE;
        }
        List<BigDecimal> values = new ArrayList<>();
        int total = 0;
        int completeThrough = Integer.MAX_VALUE;
        Period latest = null;
        for (long kid : kids) {
            Valued child = value(indicator, kid, window);
            if (child.isPresent()) {
                values.add(child.value());
                latest = later(latest, child.latest());
            }
            if (child.isPresent() || everReported(indicator, kid)) {
                total++;
                completeThrough = Math.min(completeThrough, child.completeThrough());
            }
        }
        Coverage coverage = new Coverage(values.size(), total);
        return values.isEmpty()
                ? new Valued(null, null, coverage, null, Integer.MIN_VALUE)
                : new Valued(combine(measure.rollup(), values), Source.ROLLED_UP, coverage, latest, completeThrough);
    }

    /**
     * The unit's children's values combined by the indicator's rollup, leaving out the unit's own figures (a rule's
     * {@code children(code)}, design §7); null when no child has a value or the indicator does not roll up.
     */
    public BigDecimal childrenValue(long indicator, long unit, Period window) {
        Measure measure = measures.get(indicator);
        if (measure == null || measure.rollup() == Rollup.NONE) {
            return null;
        }
        List<BigDecimal> values = new ArrayList<>();
        for (long kid : children.getOrDefault(unit, List.of())) {
            Valued child = value(indicator, kid, window);
            if (child.isPresent()) {
                values.add(child.value());
            }
        }
        return values.isEmpty() ? null : combine(measure.rollup(), values);
    }

    BigDecimal forecast(long indicator, long unit, Period period, Period window) {
        ForecastKey key = new ForecastKey(indicator, unit, period, window);
        Optional<BigDecimal> known = forecasts.get(key);
        if (known == null) {
            known = Optional.ofNullable(computeForecast(indicator, unit, period, window));
            forecasts.put(key, known);
        }
        return known.orElse(null);
    }

    private BigDecimal computeForecast(long indicator, long unit, Period period, Period window) {
        Measure measure = measures.get(indicator);
        List<Figure> all = figuresOf(indicator, unit);
        Optional<BigDecimal> own = all instanceof KeptSeries kept
                ? kept.answer(measure, window, period, () -> ownForecast(measure, all, period, window))
                : ownForecast(measure, all, period, window);
        if (own.isPresent()) {
            return own.get();
        }
        if (measure.rankCount() != null) {
            Measure.RankCount rank = measure.rankCount();
            return rankCount(rank, unit, u -> forecast(rank.indicatorId(), u, period, window));
        }
        if (measure.formula() != null) {
            Measure.Formula formula = measure.formula();
            BigDecimal numerator = forecast(formula.numeratorId(), unit, period, window);
            BigDecimal denominator = forecast(formula.denominatorId(), unit, period, window);
            return numerator == null || denominator == null || Numbers.isZero(denominator)
                    ? null
                    : Numbers.divide(numerator, denominator).multiply(formula.factor(), Numbers.PRECISION);
        }
        if (measure.rollup() == Rollup.NONE) {
            return null;
        }
        List<BigDecimal> forecasts = new ArrayList<>();
        for (long kid : children.getOrDefault(unit, List.of())) {
            BigDecimal child = forecast(indicator, kid, period, window);
            if (child != null) {
                forecasts.add(child);
            }
        }
        return forecasts.isEmpty() ? null : combine(measure.rollup(), forecasts);
    }

    /** The value of a unit's own figures over the window; null when none of them is counted in it. */
    private static Valued ownValue(Measure measure, List<Figure> all, Period window) {
        List<Figure> own = ProgressEngine.countedIn(all, window);
        if (own.isEmpty()) {
            return null;
        }
        Figure latest = ProgressEngine.latest(own).orElseThrow();
        return new Valued(ProgressEngine.aggregate(measure.aggregation(), own), Source.REPORTED, null, latest.period(),
                latest.period().endMonth());
    }

    /** The forecast from a unit's own figures; empty when none of them is counted in the window. */
    private static Optional<BigDecimal> ownForecast(Measure measure, List<Figure> all, Period period, Period window) {
        List<Figure> own = ProgressEngine.countedIn(all, window);
        return own.isEmpty() ? Optional.empty() : Optional.of(forecastReported(measure, all, own, period, window));
    }

    /**
     * How many of the unit's descendants (or itself) of the counted type rank within the top among all units of that
     * type under their ancestor of the {@code within} type; null when no unit of any of those rankings has a value.
     */
    private BigDecimal rankCount(Measure.RankCount rank, long unit, Function<Long, BigDecimal> valueOf) {
        Direction direction = measures.get(rank.indicatorId()).direction();
        Map<Long, Map<Long, Integer>> ranksByAnchor = new HashMap<>();
        boolean anyValue = false;
        int within = 0;
        for (long member : ofType(unit, rank.type())) {
            Long anchor = ancestorOfType(member, rank.within());
            if (anchor == null) {
                continue;
            }
            Map<Long, Integer> ranks = ranksByAnchor.computeIfAbsent(anchor, a -> {
                List<Long> group = ofType(a, rank.type());
                List<Integer> ranked = Ranks.of(group.stream().map(valueOf).toList(), direction);
                Map<Long, Integer> byUnit = new HashMap<>();
                for (int i = 0; i < group.size(); i++) {
                    if (ranked.get(i) != null) {
                        byUnit.put(group.get(i), ranked.get(i));
                    }
                }
                return byUnit;
            });
            anyValue |= !ranks.isEmpty();
            Integer position = ranks.get(member);
            if (position != null && position <= rank.top()) {
                within++;
            }
        }
        return anyValue ? BigDecimal.valueOf(within) : null;
    }

    /** The unit and every unit under it of the given type. */
    private List<Long> ofType(long root, String type) {
        List<Long> found = new ArrayList<>();
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long unit = pending.remove(pending.size() - 1);
            if (type.equals(types.get(unit))) {
                found.add(unit);
            }
            pending.addAll(children.getOrDefault(unit, List.of()));
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** The nearest unit above (or the unit itself) of the given type, or null. */
    private Long ancestorOfType(long unit, String type) {
        for (Long at = unit; at != null; at = parents.get(at)) {
            if (type.equals(types.get(at))) {
                return at;
            }
        }
        return null;
    }

    /**
     * Every reporting period of the target period after the window gets an estimate: for flows last year's figure
     * when last year has one for every such period, else the run rate; for levels the least-squares line through the
     * counted figures. Estimates stay within the indicator's bounds.
     */
    static BigDecimal forecastReported(Measure measure, List<Figure> all, List<Figure> counted, Period period,
            Period window) {
        List<Period> remaining = new ArrayList<>();
        for (Period p : remainingPeriods(period, window, measure.reportingMonths())) {
            if (sumIn(counted, p) == null) {
                remaining.add(p);
            }
        }
        List<Figure> combined = new ArrayList<>(counted);
        if (measure.aggregation() == Aggregation.SUM) {
            // Loops, not streams: a dashboard forecasts every series under a county, thousands per answer.
            List<BigDecimal> lastYear = new ArrayList<>(remaining.size());
            for (Period p : remaining) {
                lastYear.add(sumIn(all, p.previousYear()));
            }
            boolean lastYearComplete = !lastYear.contains(null);
            BigDecimal runRate = Numbers.divide(ProgressEngine.aggregate(Aggregation.SUM, counted),
                    BigDecimal.valueOf(counted.size()));
            for (int i = 0; i < remaining.size(); i++) {
                BigDecimal estimate = lastYearComplete ? lastYear.get(i) : runRate;
                combined.add(new Figure(remaining.get(i), measure.clip(estimate)));
            }
        } else {
            Line line = Line.through(counted);
            for (Period p : remaining) {
                combined.add(new Figure(p, measure.clip(line.at(p.endMonth()))));
            }
        }
        return ProgressEngine.aggregate(measure.aggregation(), combined);
    }

    /** The sum of the figures whose period starts inside the window, or null when there is none. */
    private static BigDecimal sumIn(List<Figure> figures, Period window) {
        BigDecimal sum = null;
        for (Figure f : figures) {
            if (window.contains(f.period().startMonth())) {
                sum = sum == null ? f.value() : sum.add(f.value());
            }
        }
        return sum;
    }

    /**
     * The reporting periods (aligned to the calendar) of the period that end after the window: a quarter that has
     * begun but not ended by {@code asOf} still needs its estimate.
     */
    static List<Period> remainingPeriods(Period period, Period window, int reportingMonths) {
        List<Period> remaining = new ArrayList<>();
        int start = window.endMonth() + 1;
        start -= Math.floorMod(start, reportingMonths);
        for (; start + reportingMonths - 1 <= period.endMonth(); start += reportingMonths) {
            remaining.add(new Period(start, start + reportingMonths - 1));
        }
        return remaining;
    }

    /**
     * The least-squares line through the figures (x: each figure's last month); flat at the latest value otherwise.
     * Kept as exact sums, so a line costs two divisions: the slope, and the value at a month.
     */
    private record Line(long n, long sumX, BigDecimal sumY, BigDecimal slope) {

        static Line through(List<Figure> figures) {
            BigDecimal latest = ProgressEngine.latest(figures).orElseThrow().value();
            long n = figures.size();
            long sumX = 0;
            long sumXX = 0;
            BigDecimal sumY = BigDecimal.ZERO;
            BigDecimal sumXY = BigDecimal.ZERO;
            for (Figure f : figures) {
                long x = f.period().endMonth();
                sumX += x;
                sumXX += x * x;
                sumY = sumY.add(f.value());
                sumXY = sumXY.add(f.value().multiply(BigDecimal.valueOf(x)));
            }
            long spread = n * sumXX - sumX * sumX;
            if (n < 2 || spread == 0) {
                return new Line(1, 0, latest, BigDecimal.ZERO);
            }
            BigDecimal slope = Numbers.divide(
                    sumXY.multiply(BigDecimal.valueOf(n)).subtract(sumY.multiply(BigDecimal.valueOf(sumX))),
                    BigDecimal.valueOf(spread));
            return new Line(n, sumX, sumY, slope);
        }

        /** (Σy + slope · (n·month − Σx)) / n, the mean plus the slope times the distance from the mean month. */
        BigDecimal at(int month) {
            BigDecimal offset = slope.multiply(BigDecimal.valueOf(n * month - sumX), Numbers.PRECISION);
            return Numbers.divide(sumY.add(offset, Numbers.PRECISION), BigDecimal.valueOf(n));
        }
    }

    static BigDecimal combine(Rollup rollup, List<BigDecimal> values) {
        return switch (rollup) {
            case SUM -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVERAGE -> Numbers.divide(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    BigDecimal.valueOf(values.size()));
            case MIN -> values.stream().min(Comparator.naturalOrder()).orElseThrow();
            case MAX -> values.stream().max(Comparator.naturalOrder()).orElseThrow();
            case NONE -> throw new IllegalArgumentException("NONE does not combine");
        };
    }

    /** Whether the org unit or any unit under it ever posted a figure of the indicator. */
    private boolean everReported(long indicator, long unit) {
        SeriesKey key = new SeriesKey(indicator, unit);
        Boolean known = everReported.get(key);
        if (known != null) {
            return known;
        }
        boolean reported = reporters.getOrDefault(indicator, Set.of()).contains(unit)
                || children.getOrDefault(unit, List.of()).stream().anyMatch(kid -> everReported(indicator, kid));
        everReported.put(key, reported);
        return reported;
    }

    private List<Figure> figuresOf(long indicator, long unit) {
        return figures.getOrDefault(new SeriesKey(indicator, unit), List.of());
    }

    private static Period later(Period a, Period b) {
        if (a == null) {
            return b;
        }
        return b == null || a.endMonth() >= b.endMonth() ? a : b;
    }
}
