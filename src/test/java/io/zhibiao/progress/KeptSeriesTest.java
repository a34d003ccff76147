package io.zhibiao.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.period.Period;
import io.zhibiao.progress.FigureSource.SeriesKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A series keeps what was computed from it; whatever an answer depends on is part of what it is kept under. */
class KeptSeriesTest {

    private static final Measure TRAINING = new Measure(1, Aggregation.SUM, Rollup.SUM, 1, BigDecimal.ZERO, null, null);
    private static final Measure ENROLLED = new Measure(2, Aggregation.LAST, Rollup.SUM, 1, BigDecimal.ZERO, null,
            null);
    private static final Period YEAR = Period.parse("2025");
    private static final Period FIRST_HALF = Period.parse("2025-01/2025-06");

    private static KeptSeries series(String... values) {
        List<Figure> figures = new ArrayList<>();
        for (int m = 0; m < values.length; m++) {
            figures.add(new Figure(Period.parse("2025-%02d".formatted(m + 1)), new BigDecimal(values[m])));
        }
        return KeptSeries.of(figures);
    }

    @Test
    void isTheListOfItsFigures() {
        KeptSeries kept = series("10", "20");
        assertThat(kept).containsExactly(new Figure(Period.parse("2025-01"), new BigDecimal("10")),
                new Figure(Period.parse("2025-02"), new BigDecimal("20")));
        assertThat(kept).isEqualTo(List.copyOf(kept));
    }

    @Test
    void computesOnceForEachAggregationBoundsWindowAndPeriod() {
        KeptSeries figures = series("10", "20", "30");
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            figures.answer(TRAINING, FIRST_HALF, null, computed::incrementAndGet);
        }
        // Another indicator that counts the same way gets the same answer from the same figures.
        figures.answer(new Measure(9, Aggregation.SUM, Rollup.NONE, 1, BigDecimal.ZERO, null, null), FIRST_HALF, null,
                computed::incrementAndGet);
        assertThat(computed).hasValue(1);
        figures.answer(TRAINING, Period.parse("2025-01/2025-02"), null, computed::incrementAndGet);
        figures.answer(ENROLLED, FIRST_HALF, null, computed::incrementAndGet);
        figures.answer(TRAINING, FIRST_HALF, YEAR, computed::incrementAndGet);
        figures.answer(new Measure(1, Aggregation.SUM, Rollup.SUM, 3, BigDecimal.ZERO, null, null), FIRST_HALF, YEAR,
                computed::incrementAndGet);
        figures.answer(new Measure(1, Aggregation.SUM, Rollup.SUM, 1, BigDecimal.ZERO, new BigDecimal(25), null),
                FIRST_HALF, YEAR, computed::incrementAndGet);
        figures.answer(new Measure(1, Aggregation.SUM, Rollup.SUM, 1, null, null, null), FIRST_HALF, YEAR,
                computed::incrementAndGet);
        assertThat(computed).hasValue(7);
    }

    @Test
    void aNewListWithTheSameFiguresKeepsNothingOfTheOld() {
        AtomicInteger computed = new AtomicInteger();
        series("10", "20").answer(TRAINING, FIRST_HALF, null, computed::incrementAndGet);
        series("10", "20").answer(TRAINING, FIRST_HALF, null, computed::incrementAndGet);
        assertThat(computed).hasValue(2);
    }

    @Test
    void anAbsentAnswerIsKeptToo() {
        KeptSeries figures = series("10");
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Object answer = figures.answer(TRAINING, Period.parse("2024"), null, () -> {
                computed.incrementAndGet();
                return null;
            });
            assertThat(answer).isNull();
        }
        assertThat(computed).hasValue(1);
    }

    /**
     * Loads that share unchanged series with the load before, as kept figures do, while random series change between
     * them: every value and forecast equals what the same figures give as plain lists.
     */
    @Test
    void keptAnswersAlwaysEqualFreshOnesWhileSeriesChange() {
        Random random = new Random(42);
        long county = 100;
        List<Long> schools = List.of(101L, 102L, 103L, 104L, 105L);
        Map<Long, List<Long>> tree = Map.of(county, schools);
        Measure capped = new Measure(3, Aggregation.LAST, Rollup.AVERAGE, 3, BigDecimal.ZERO, new BigDecimal(300),
                null);
        Map<Long, Measure> measures = Map.of(TRAINING.indicatorId(), TRAINING, ENROLLED.indicatorId(), ENROLLED,
                capped.indicatorId(), capped);
        Map<SeriesKey, KeptSeries> figures = new HashMap<>();
        for (Measure measure : measures.values()) {
            for (long school : schools) {
                figures.put(new SeriesKey(measure.indicatorId(), school), randomSeries(random));
            }
        }
        for (int load = 0; load < 80; load++) {
            // One or two series change (a new list); the others are the lists of the load before, answers and all.
            for (int c = 0; c < 1 + random.nextInt(2); c++) {
                long indicator = 1 + random.nextInt(measures.size());
                figures.put(new SeriesKey(indicator, schools.get(random.nextInt(schools.size()))),
                        randomSeries(random));
            }
            Map<SeriesKey, List<Figure>> plain = new HashMap<>();
            Map<Long, Set<Long>> reporters = new HashMap<>();
            figures.forEach((key, list) -> {
                plain.put(key, List.copyOf(list));
                if (!list.isEmpty()) {
                    reporters.computeIfAbsent(key.indicatorId(), k -> new HashSet<>()).add(key.orgUnitId());
                }
            });
            TreeValues kept = new TreeValues(measures, tree, Map.<SeriesKey, List<Figure>>copyOf(figures), reporters);
            TreeValues fresh = new TreeValues(measures, tree, plain, reporters);
            int start = YEAR.startMonth() + random.nextInt(6);
            Period window = new Period(start, start + random.nextInt(6));
            for (Measure measure : measures.values()) {
                for (long unit : List.of(county, schools.get(random.nextInt(schools.size())))) {
                    Values a = kept.of(measure.indicatorId(), unit);
                    Values b = fresh.of(measure.indicatorId(), unit);
                    assertThat(a.over(window)).as("load %d, value of %d at %d", load, measure.indicatorId(), unit)
                            .isEqualTo(b.over(window));
                    assertThat(a.forecast(YEAR, window))
                            .as("load %d, forecast of %d at %d", load, measure.indicatorId(), unit)
                            .isEqualTo(b.forecast(YEAR, window));
                }
            }
        }
    }

    /** Up to 12 months of 2025, some skipped; sometimes nothing at all. */
    private static KeptSeries randomSeries(Random random) {
        List<Figure> figures = new ArrayList<>();
        int months = random.nextInt(13);
        for (int m = 1; m <= months; m++) {
            if (random.nextInt(4) > 0) {
                figures.add(
                        new Figure(Period.parse("2025-%02d".formatted(m)), BigDecimal.valueOf(random.nextInt(500))));
            }
        }
        return KeptSeries.of(figures);
    }
}
