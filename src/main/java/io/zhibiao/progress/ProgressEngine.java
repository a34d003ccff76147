package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * design §2 as plain functions: given a goal, the figures of its org unit and indicator, and a
 * month, computes actual, gap, progress, pace, status and the year-over-year delta.
 *
 * <p>All arithmetic keeps {@link Numbers#PRECISION}; rounding happens once, when the result is
 * built. The engine never touches a database: callers pass every figure that may count (the target
 * period, the baseline period and the same window a year earlier).
 */
public final class ProgressEngine {

    private final Thresholds thresholds;

    public ProgressEngine(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The default {@code asOf}: the last complete month (the one before {@code today}'s) clipped into the target period,
     * so a running month is never treated as over.
     */
    public static YearMonth defaultAsOf(Period period, YearMonth lastComplete) {
        if (lastComplete.isBefore(period.start())) {
            return period.start();
        }
        return lastComplete.isAfter(period.end()) ? period.end() : lastComplete;
    }

    /** The last complete month on a day of {@code month}: the month before it. */
    public static YearMonth lastCompleteMonth(YearMonth month) {
        return month.minusMonths(1);
    }

    /** §2 for one series of figures, with nothing around it in the tree (a month is its reporting period). */
    public Progress compute(Goal goal, List<Figure> figures, YearMonth asOf) {
        return compute(goal, alone(goal, figures), asOf);
    }

    private static Values alone(Goal goal, List<Figure> figures) {
        return TreeValues.reported(new Measure(0, goal.aggregation(), Rollup.NONE, 1, null, null, null), figures);
    }

    public Progress compute(Goal goal, Values values, YearMonth asOf) {
        Period period = goal.period();
        Optional<Period> window = window(period, asOf);
        Valued valued = window.map(values::over).orElse(Valued.NONE);

        BigDecimal target = goal.value();
        BigDecimal actual = valued.value();
        BigDecimal baseline = baseline(goal, values);
        BigDecimal start = goal.aggregation() == Aggregation.SUM ? BigDecimal.ZERO : baseline;
        int elapsedMonths = window.map(Period::months).orElse(0);

        BigDecimal gap = actual == null ? null : gap(goal.direction(), target, actual);
        Boolean met = actual == null ? null : met(goal, actual);
        BigDecimal progress = progress(goal, actual, start);
        BigDecimal attainment = actual == null || Numbers.isZero(target) ? null : Numbers.divide(actual, target);
        BigDecimal elapsed = Numbers.divide(BigDecimal.valueOf(elapsedMonths), BigDecimal.valueOf(period.months()));
        BigDecimal expected = start == null ? null : expected(goal, start, elapsedMonths);
        BigDecimal expectedProgress = expected == null || target.compareTo(start) == 0
                ? null
                : Numbers.divide(expected.subtract(start), target.subtract(start));
        BigDecimal pace = progress == null || expectedProgress == null || Numbers.isZero(expectedProgress)
                ? null
                : Numbers.divide(progress, expectedProgress);
        boolean complete = actual != null && valued.completeThrough() >= period.endMonth();

        Status status = status(goal, actual, met, complete, expected, pace);
        Yoy yoy = yoy(goal, values, window.orElse(null), actual);
        BigDecimal forecast = actual == null ? null : complete ? actual : values.forecast(period, window.orElseThrow());
        Boolean forecastMet = forecast == null ? null : met(goal, forecast);

        return new Progress(asOf, Numbers.display(target), Numbers.display(baseline),
                goal.effectiveBaselinePeriod().toString(), Numbers.display(actual),
                valued.latest() == null ? null : valued.latest().toString(), Numbers.display(gap), met,
                Numbers.display(progress), Numbers.display(attainment), Numbers.display(elapsed),
                Numbers.display(expected), Numbers.display(pace), complete, status, yoy, valued.source(),
                valued.coverage(), Numbers.display(forecast), forecastMet);
    }

    /**
     * Month by month over the target period; months after {@code asOf} carry only the trajectory.
     */
    public List<SeriesPoint> series(Goal goal, List<Figure> figures, YearMonth asOf) {
        return series(goal, alone(goal, figures), asOf);
    }

    public List<SeriesPoint> series(Goal goal, Values values, YearMonth asOf) {
        Period period = goal.period();
        BigDecimal baseline = baseline(goal, values);
        BigDecimal start = goal.aggregation() == Aggregation.SUM ? BigDecimal.ZERO : baseline;
        int lastKnown = Period.index(asOf);
        Optional<Period> window = window(period, asOf);
        boolean anyActual = window.map(w -> values.over(w).isPresent()).orElse(false);
        List<SeriesPoint> points = new ArrayList<>(period.months());
        for (int month = period.startMonth(); month <= period.endMonth(); month++) {
            Period thisMonth = new Period(month, month);
            Period soFar = new Period(period.startMonth(), month);
            boolean known = month <= lastKnown;
            points.add(new SeriesPoint(thisMonth.toString(),
                    known ? Numbers.display(values.over(thisMonth).value()) : null,
                    known ? Numbers.display(values.over(soFar).value()) : null,
                    start == null ? null : Numbers.display(expected(goal, start, soFar.months())),
                    Numbers.display(values.over(thisMonth.previousYear()).value()),
                    Numbers.display(values.over(soFar.previousYear()).value()),
                    // After asOf: where the forecast puts the running actual at the end of the month.
                    known || !anyActual ? null : Numbers.display(values.forecast(soFar, window.orElseThrow()))));
        }
        return points;
    }

    /** W = [P.start, min(asOf, P.end)]; empty when asOf is before P. */
    static Optional<Period> window(Period period, YearMonth asOf) {
        int last = Math.min(Period.index(asOf), period.endMonth());
        return last < period.startMonth() ? Optional.empty() : Optional.of(new Period(period.startMonth(), last));
    }

    /** A figure counts when its period starts inside the window. */
    static List<Figure> countedIn(List<Figure> figures, Period window) {
        List<Figure> counted = new ArrayList<>();
        for (Figure f : figures) {
            if (window.contains(f.period().startMonth())) {
                counted.add(f);
            }
        }
        return counted;
    }

    static BigDecimal aggregate(Aggregation aggregation, List<Figure> counted) {
        if (counted.isEmpty()) {
            return null;
        }
        return switch (aggregation) {
            case SUM -> sum(counted);
            case LAST -> latest(counted).orElseThrow().value();
            case AVERAGE -> Numbers.divide(sum(counted), BigDecimal.valueOf(counted.size()));
            case MAX -> counted.stream().map(Figure::value).max(Comparator.naturalOrder()).orElseThrow();
            case MIN -> counted.stream().map(Figure::value).min(Comparator.naturalOrder()).orElseThrow();
        };
    }

    private static BigDecimal sum(List<Figure> figures) {
        return figures.stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The figure with the latest period end; on equal ends the one that starts later (the finer
     * figure).
     */
    static Optional<Figure> latest(List<Figure> counted) {
        return counted.stream().max(Comparator.comparingInt((Figure f) -> f.period().endMonth())
                .thenComparingInt(f -> f.period().startMonth()));
    }

    static BigDecimal baseline(Goal goal, Values values) {
        if (goal.baselineValue() != null) {
            return goal.baselineValue();
        }
        return values.over(goal.effectiveBaselinePeriod()).value();
    }

    static BigDecimal gap(Direction direction, BigDecimal target, BigDecimal actual) {
        return direction == Direction.INCREASE ? target.subtract(actual) : actual.subtract(target);
    }

    static boolean met(Goal goal, BigDecimal actual) {
        return switch (goal.direction()) {
            case INCREASE -> actual.compareTo(goal.value()) >= 0;
            case DECREASE -> actual.compareTo(goal.value()) <= 0;
            case MAINTAIN -> actual.subtract(goal.value()).abs()
                    .compareTo(goal.tolerance() == null ? BigDecimal.ZERO : goal.tolerance()) <= 0;
        };
    }

    private static BigDecimal progress(Goal goal, BigDecimal actual, BigDecimal start) {
        if (actual == null || start == null || goal.value().compareTo(start) == 0 || goal.isCap()) {
            return null;
        }
        return Numbers.divide(actual.subtract(start), goal.value().subtract(start));
    }

    /**
     * The trajectory's value after {@code elapsedMonths} months of the period: linear from start to
     * target, or piecewise linear through the milestones, each due at the end of its period.
     */
    static BigDecimal expected(Goal goal, BigDecimal start, int elapsedMonths) {
        int fromMonths = 0;
        BigDecimal fromValue = start;
        for (Milestone milestone : sortedMilestones(goal)) {
            int dueMonths = milestone.period().endMonth() - goal.period().startMonth() + 1;
            if (elapsedMonths <= dueMonths) {
                return interpolate(fromMonths, fromValue, dueMonths, milestone.value(), elapsedMonths);
            }
            fromMonths = dueMonths;
            fromValue = milestone.value();
        }
        return interpolate(fromMonths, fromValue, goal.period().months(), goal.value(), elapsedMonths);
    }

    private static List<Milestone> sortedMilestones(Goal goal) {
        return goal.milestones().stream().sorted(Comparator.comparing(Milestone::period)).toList();
    }

    private static BigDecimal interpolate(int fromMonths, BigDecimal fromValue, int toMonths, BigDecimal toValue,
            int at) {
        if (toMonths == fromMonths) {
            return toValue;
        }
        BigDecimal share = Numbers.divide(BigDecimal.valueOf(at - fromMonths),
                BigDecimal.valueOf(toMonths - fromMonths));
        return fromValue.add(toValue.subtract(fromValue).multiply(share, Numbers.PRECISION), Numbers.PRECISION);
    }

    private Status status(Goal goal, BigDecimal actual, Boolean met, boolean complete, BigDecimal expected,
            BigDecimal pace) {
        if (actual == null) {
            return Status.NO_DATA;
        }
        boolean increasingFlow = goal.direction() == Direction.INCREASE && goal.aggregation() == Aggregation.SUM;
        if (met && (complete || increasingFlow || goal.aggregation() != Aggregation.SUM)) {
            return Status.ACHIEVED;
        }
        if ((complete && !met) || (goal.isCap() && actual.compareTo(goal.value()) > 0)) {
            return Status.MISSED;
        }
        if (goal.isCap()) {
            return actual.compareTo(expected) <= 0 ? Status.ON_TRACK : Status.AT_RISK;
        }
        if (goal.direction() == Direction.MAINTAIN) {
            return met ? Status.ON_TRACK : Status.OFF_TRACK;
        }
        if (pace == null) {
            return Status.AT_RISK;
        }
        if (pace.compareTo(thresholds.onTrack()) >= 0) {
            return Status.ON_TRACK;
        }
        return pace.compareTo(thresholds.atRisk()) >= 0 ? Status.AT_RISK : Status.OFF_TRACK;
    }

    private static Yoy yoy(Goal goal, Values values, Period window, BigDecimal actual) {
        String deltaUnit = goal.valueType() == ValueType.PERCENT ? "pp" : goal.unit();
        if (window == null) {
            return new Yoy(null, null, null, deltaUnit, null);
        }
        Period previousWindow = window.previousYear();
        BigDecimal previous = values.over(previousWindow).value();
        BigDecimal delta = actual == null || previous == null ? null : actual.subtract(previous);
        BigDecimal deltaPercent = delta == null || goal.valueType() == ValueType.PERCENT || Numbers.isZero(previous)
                ? null
                : Numbers.divide(delta, previous.abs()).multiply(BigDecimal.valueOf(100));
        return new Yoy(previousWindow.toString(), Numbers.display(previous), Numbers.display(delta), deltaUnit,
                Numbers.display(deltaPercent));
    }

    /**
     * The window of figures the engine may look at for a goal: baseline, target period and the year
     * before.
     */
    public static Period figuresNeeded(Goal goal) {
        Period period = goal.period();
        Period baseline = goal.effectiveBaselinePeriod();
        int first = Math.min(Math.min(period.startMonth() - 12, baseline.startMonth()), period.startMonth());
        int last = Math.max(period.endMonth(), baseline.endMonth());
        return new Period(first, last);
    }
}
