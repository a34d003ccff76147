package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An immutable series of figures that keeps what was computed from it — its value over a window, its forecast of a
 * period — for as long as it lives. Kept figures ({@code observation/LoadedFigures}) hand an unchanged series the same
 * list from one load to the next, so after a write a dashboard recomputes only the series the write replaced and what
 * rolls them up, not the thousand school series under a county. A changed series is a new list with nothing kept.
 */
public final class KeptSeries extends AbstractList<Figure> implements RandomAccess {

    /** Windows and periods asked of one series: a dashboard's handful, more as asOf moves; beyond this, start over. */
    private static final int MAX_ANSWERS = 64;

    private static final Object ABSENT = new Object();

    private final Figure[] figures;
    private final Map<Key, Object> answers = new ConcurrentHashMap<>();

    private KeptSeries(Figure[] figures) {
        this.figures = figures;
    }

    /** The figures, in the order given (nulls refused, like List.copyOf). */
    public static KeptSeries of(Collection<Figure> figures) {
        Figure[] copy = figures.toArray(new Figure[0]);
        for (Figure figure : copy) {
            Objects.requireNonNull(figure);
        }
        return new KeptSeries(copy);
    }

    @Override
    public Figure get(int index) {
        return figures[index];
    }

    @Override
    public int size() {
        return figures.length;
    }

    /**
     * The answer for this measure, window and period (null for a value over the window), computed once. The answer may
     * depend on the figures, the measure's aggregation, reporting months and bounds, the window and the period — nothing
     * else.
     */
    @SuppressWarnings("unchecked")
    <T> T answer(Measure measure, Period window, Period period, Supplier<T> compute) {
        Key key = new Key(measure, window, period);
        Object known = answers.get(key);
        if (known != null) {
            return known == ABSENT ? null : (T) known;
        }
        T computed = compute.get();
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(key, computed == null ? ABSENT : computed);
        return computed;
    }

    /**
     * Written out rather than a record: a record's equals and hashCode go through method handles, which C1-compiled code
     * (the fast-start package) does not inline, and this key is looked up thousands of times per dashboard.
     */
    private static final class Key {

        private final Aggregation aggregation;
        private final int reportingMonths;
        private final BigDecimal lower;
        private final BigDecimal upper;
        private final Period window;
        private final Period period;
        private final int hash;

        Key(Measure measure, Period window, Period period) {
            this.aggregation = measure.aggregation();
            this.reportingMonths = measure.reportingMonths();
            this.lower = measure.lower();
            this.upper = measure.upper();
            this.window = window;
            this.period = period;
            int h = aggregation.ordinal();
            h = 31 * h + reportingMonths;
            h = 31 * h + window.startMonth();
            h = 31 * h + window.endMonth();
            h = 31 * h + (period == null ? -1 : period.startMonth());
            this.hash = 31 * h + (period == null ? -1 : period.endMonth());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && aggregation == k.aggregation
                    && reportingMonths == k.reportingMonths && sameMonths(window, k.window)
                    && sameMonths(period, k.period) && Objects.equals(lower, k.lower) && Objects.equals(upper, k.upper);
        }

        private static boolean sameMonths(Period a, Period b) {
            return a == b || a != null && b != null && a.startMonth() == b.startMonth() && a.endMonth() == b.endMonth();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
