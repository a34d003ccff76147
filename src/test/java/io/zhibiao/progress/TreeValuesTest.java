package io.zhibiao.progress;

import static io.zhibiao.progress.GoalBuilder.aGoal;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.period.Period;
import io.zhibiao.progress.FigureSource.SeriesKey;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** design §6: values across the org tree, derived rates and forecasts, from its worked examples and rules. */
class TreeValuesTest {

    private static final long COUNTY = 1;
    private static final long S1 = 2;
    private static final long S2 = 3;
    private static final long S3 = 4;
    private static final long S4 = 5;
    private static final Map<Long, List<Long>> TREE = Map.of(COUNTY, List.of(S1, S2, S3, S4));

    private static final long TRAINING = 10;
    private static final long PASSED = 20;
    private static final long SAT = 21;
    private static final long RATE = 22;

    private final ProgressEngine engine = new ProgressEngine(Thresholds.DEFAULT);
    private final Map<SeriesKey, List<Figure>> figures = new HashMap<>();
    private final Map<Long, Set<Long>> reporters = new HashMap<>();
    private final Map<Long, Measure> measures = new HashMap<>(
            Map.of(TRAINING, new Measure(TRAINING, Aggregation.SUM, Rollup.SUM, 1, BigDecimal.ZERO, null, null), PASSED,
                    new Measure(PASSED, Aggregation.LAST, Rollup.SUM, 12, BigDecimal.ZERO, null, null), SAT,
                    new Measure(SAT, Aggregation.LAST, Rollup.SUM, 12, BigDecimal.ZERO, null, null), RATE,
                    new Measure(RATE, Aggregation.LAST, Rollup.NONE, 12, BigDecimal.ZERO, new BigDecimal(100),
                            new Measure.Formula(PASSED, SAT, new BigDecimal(100)))));

    private void post(long indicator, long unit, String period, String value) {
        figures.computeIfAbsent(new SeriesKey(indicator, unit), k -> new ArrayList<>())
                .add(new Figure(Period.parse(period), new BigDecimal(value)));
        reporters.computeIfAbsent(indicator, k -> new HashSet<>()).add(unit);
    }

    private Values values(long indicator, long unit) {
        return new TreeValues(measures, TREE, figures, reporters).of(indicator, unit);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** The tree example of §6: school trainings summed per school over time, then across schools. */
    @Nested
    class DesignTreeExample {

        private Progress county() {
            for (int month = 1; month <= 12; month++) {
                post(TRAINING, S1, String.format("2024-%02d", month), "100");
            }
            post(TRAINING, S1, "2025-01", "80");
            post(TRAINING, S1, "2025-02", "90");
            post(TRAINING, S2, "2025-01", "10");
            post(TRAINING, S2, "2025-02", "20");
            post(TRAINING, S2, "2025-03", "30");
            Goal goal = aGoal().unit("人次").period("2025").value("2000").build();
            return engine.compute(goal, values(TRAINING, COUNTY), YearMonth.of(2025, 3));
        }

        @Test
        void actualIsTheSumOfTheSchoolsSums() {
            Progress p = county();
            assertThat(p.actual()).isEqualByComparingTo("230");
            assertThat(p.source()).isEqualTo(Source.ROLLED_UP);
            assertThat(p.coverage()).isEqualTo(new Coverage(2, 2));
        }

        @Test
        void baselineProgressPaceAndStatusComeFromTheRollUp() {
            Progress p = county();
            assertThat(p.baseline()).isEqualByComparingTo("1200");
            assertThat(p.progress()).isEqualByComparingTo("0.115");
            assertThat(p.expected()).isEqualByComparingTo("500");
            assertThat(p.pace()).isEqualByComparingTo("0.46");
            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
            assertThat(p.complete()).isFalse();
        }

        @Test
        void yoyComparesTheSameRollUpAYearEarlier() {
            Progress p = county();
            assertThat(p.yoy().previous()).isEqualByComparingTo("300");
            assertThat(p.yoy().delta()).isEqualByComparingTo("-70");
        }

        /** S1: 170 + last year's Apr–Dec 900; S2: 60 + 9 × its mean 20 = 240. */
        @Test
        void forecastIsSeasonalWhereLastYearIsCompleteAndARunRateElsewhere() {
            Progress p = county();
            assertThat(p.forecast()).isEqualByComparingTo("1310");
            assertThat(p.forecastMet()).isFalse();
        }

        /** April: 230 + S1's last April (100) + S2's mean (20); December the whole forecast. */
        @Test
        void theSeriesCarriesTheForecastAfterAsOf() {
            county();
            Goal goal = aGoal().unit("人次").period("2025").value("2000").build();
            List<SeriesPoint> series = engine.series(goal, values(TRAINING, COUNTY), YearMonth.of(2025, 3));
            assertThat(series.get(2).forecast()).isNull();
            assertThat(series.get(2).cumulative()).isEqualByComparingTo("230");
            assertThat(series.get(3).forecast()).isEqualByComparingTo("350");
            assertThat(series.get(11).forecast()).isEqualByComparingTo("1310");
        }

        @Test
        void aSchoolOwnValueIsReportedWithoutCoverage() {
            county();
            Progress school = engine.compute(aGoal().period("2025").value("1000").build(), values(TRAINING, S2),
                    YearMonth.of(2025, 3));
            assertThat(school.actual()).isEqualByComparingTo("60");
            assertThat(school.source()).isEqualTo(Source.REPORTED);
            assertThat(school.coverage()).isNull();
        }
    }

    @Nested
    class OwnFiguresWin {

        @Test
        void aCountysOwnFigureWinsForItsWindowAndTheRollUpComesBackWithoutIt() {
            post(TRAINING, S1, "2025-01", "80");
            post(TRAINING, S2, "2025-01", "10");
            Period january = Period.parse("2025-01");
            assertThat(values(TRAINING, COUNTY).over(january).value()).isEqualByComparingTo("90");
            post(TRAINING, COUNTY, "2025-01", "95");
            Valued own = values(TRAINING, COUNTY).over(january);
            assertThat(own.value()).isEqualByComparingTo("95");
            assertThat(own.source()).isEqualTo(Source.REPORTED);
        }
    }

    @Nested
    class DerivedRates {

        private void threeSchools() {
            post(PASSED, S1, "2025", "58");
            post(SAT, S1, "2025", "120");
            post(PASSED, S2, "2025", "210");
            post(SAT, S2, "2025", "300");
            post(PASSED, S3, "2025", "31");
            post(SAT, S3, "2025", "80");
        }

        /** 299 ÷ 500 × 100, not the mean of the school rates (52.36). */
        @Test
        void theCountyRateIsTheSumOfNumeratorsOverTheSumOfDenominators() {
            threeSchools();
            Valued rate = values(RATE, COUNTY).over(Period.parse("2025"));
            assertThat(rate.value()).isEqualByComparingTo("59.8");
            assertThat(rate.source()).isEqualTo(Source.DERIVED);
            assertThat(rate.coverage()).isEqualTo(new Coverage(3, 3));
        }

        @Test
        void aSchoolThatReportedOnlyLastYearCountsInTheTotal() {
            threeSchools();
            post(PASSED, S4, "2024", "10");
            post(SAT, S4, "2024", "20");
            assertThat(values(RATE, COUNTY).over(Period.parse("2025")).coverage()).isEqualTo(new Coverage(3, 4));
        }

        @Test
        void aSchoolsRateIsItsOwnQuotientAndAZeroDenominatorGivesNoValue() {
            threeSchools();
            assertThat(Numbers.display(values(RATE, S1).over(Period.parse("2025")).value()))
                    .isEqualByComparingTo("48.3333");
            post(PASSED, S4, "2025", "0");
            post(SAT, S4, "2025", "0");
            assertThat(values(RATE, S4).over(Period.parse("2025")).value()).isNull();
        }

        @Test
        void aDerivedTargetIsCompleteWhenItsComponentsAre() {
            threeSchools();
            Goal goal = aGoal().percent().aggregation(Aggregation.LAST).period("2025").value("60").build();
            Progress p = engine.compute(goal, values(RATE, COUNTY), YearMonth.of(2025, 12));
            assertThat(p.actual()).isEqualByComparingTo("59.8");
            assertThat(p.complete()).isTrue();
            assertThat(p.status()).isEqualTo(Status.MISSED);
            assertThat(p.forecast()).isEqualByComparingTo("59.8");
        }
    }

    @Nested
    class RollUpRules {

        @Test
        void aRateIsNeverSummedAcrossUnits() {
            measures.put(TRAINING, new Measure(TRAINING, Aggregation.LAST, Rollup.NONE, 1, null, null, null));
            post(TRAINING, S1, "2025-01", "50");
            assertThat(values(TRAINING, COUNTY).over(Period.parse("2025")).value()).isNull();
        }

        @Test
        void averageMinAndMaxCombineTheChildrenThatHaveAValue() {
            post(TRAINING, S1, "2025-01", "10");
            post(TRAINING, S2, "2025-01", "30");
            for (Rollup rollup : List.of(Rollup.AVERAGE, Rollup.MIN, Rollup.MAX)) {
                measures.put(TRAINING, new Measure(TRAINING, Aggregation.SUM, rollup, 1, null, null, null));
                BigDecimal value = values(TRAINING, COUNTY).over(Period.parse("2025-01")).value();
                assertThat(value).as(rollup.name()).isEqualByComparingTo(switch (rollup) {
                    case AVERAGE -> "20";
                    case MIN -> "10";
                    default -> "30";
                });
            }
        }

        @Test
        void aRolledUpValueIsCompleteOnlyWhenEveryCountedChildIs() {
            post(PASSED, S1, "2025", "5");
            post(PASSED, S2, "2024", "5");
            Valued partial = values(PASSED, COUNTY).over(Period.parse("2025"));
            assertThat(partial.coverage()).isEqualTo(new Coverage(1, 2));
            assertThat(partial.completeThrough()).isLessThan(Period.parse("2025").endMonth());
            post(PASSED, S2, "2025", "7");
            assertThat(values(PASSED, COUNTY).over(Period.parse("2025")).completeThrough())
                    .isEqualTo(Period.parse("2025").endMonth());
        }
    }

    @Nested
    class Forecasts {

        private final Measure level = new Measure(1, Aggregation.LAST, Rollup.NONE, 1, BigDecimal.ZERO,
                new BigDecimal(100), null);

        @Test
        void aLevelFollowsTheLeastSquaresLineClippedToItsBounds() {
            List<Figure> rising = List.of(new Figure(Period.parse("2025-01"), d("60")),
                    new Figure(Period.parse("2025-02"), d("62")), new Figure(Period.parse("2025-03"), d("64")));
            Values values = TreeValues.reported(level, rising);
            // 64 + 9 months × 2 = 82 at December
            assertThat(values.forecast(Period.parse("2025"), Period.parse("2025-01/2025-03")))
                    .isEqualByComparingTo("82");
            List<Figure> steep = List.of(new Figure(Period.parse("2025-01"), d("80")),
                    new Figure(Period.parse("2025-02"), d("95")));
            assertThat(
                    TreeValues.reported(level, steep).forecast(Period.parse("2025"), Period.parse("2025-01/2025-02")))
                    .isEqualByComparingTo("100");
        }

        @Test
        void aNoisyLevelFollowsTheFittedLineNotTheLastStep() {
            List<Figure> noisy = List.of(new Figure(Period.parse("2025-01"), d("10")),
                    new Figure(Period.parse("2025-02"), d("14")), new Figure(Period.parse("2025-03"), d("12")),
                    new Figure(Period.parse("2025-04"), d("20")));
            // mean month 2.5, mean value 14, slope Σdx·dy / Σdx² = 14 / 5 = 2.8: December 14 + 2.8 × 9.5 = 40.6
            assertThat(
                    TreeValues.reported(level, noisy).forecast(Period.parse("2025"), Period.parse("2025-01/2025-04")))
                    .isEqualByComparingTo("40.6");
        }

        @Test
        void aSingleFigureIsCarriedForward() {
            Values values = TreeValues.reported(level, List.of(new Figure(Period.parse("2025-02"), d("70"))));
            assertThat(values.forecast(Period.parse("2025"), Period.parse("2025-01/2025-03")))
                    .isEqualByComparingTo("70");
        }

        @Test
        void quarterlyFlowsFillTheRemainingQuartersOnly() {
            Measure quarterly = new Measure(1, Aggregation.SUM, Rollup.SUM, 3, BigDecimal.ZERO, null, null);
            Values values = TreeValues.reported(quarterly, List.of(new Figure(Period.parse("2025-Q1"), d("30"))));
            // asOf May: Q2 has not ended, so Q2, Q3, Q4 are estimated at the run rate of 30
            assertThat(values.forecast(Period.parse("2025"), Period.parse("2025-01/2025-05")))
                    .isEqualByComparingTo("120");
            assertThat(TreeValues.remainingPeriods(Period.parse("2025"), Period.parse("2025-01/2025-05"), 3))
                    .containsExactly(Period.parse("2025-Q2"), Period.parse("2025-Q3"), Period.parse("2025-Q4"));
        }

        @Test
        void noForecastWithoutAnActual() {
            Progress p = engine.compute(aGoal().period("2025").value("10").build(), List.of(), YearMonth.of(2025, 6));
            assertThat(p.forecast()).isNull();
            assertThat(p.forecastMet()).isNull();
        }
    }

    @Nested
    class RankCounts {

        private static final long PREFECTURE = 100;
        private static final long A = 101;
        private static final long B = 102;
        private static final long A1 = 111;
        private static final long A2 = 112;
        private static final long B1 = 121;
        private static final long B2 = 122;
        private static final long SCORE = 30;
        private static final long TOP_THREE = 31;

        private final Map<Long, List<Long>> tree = Map.of(PREFECTURE, List.of(A, B), A, List.of(A1, A2), B,
                List.of(B1, B2), A1, List.of(), A2, List.of(), B1, List.of(), B2, List.of());
        private final Map<Long, String> types = Map.of(PREFECTURE, "PREFECTURE", A, "COUNTY", B, "COUNTY", A1, "SCHOOL",
                A2, "SCHOOL", B1, "SCHOOL", B2, "SCHOOL");

        private BigDecimal topThreeOf(long county) {
            measures.put(SCORE,
                    new Measure(SCORE, Aggregation.LAST, Rollup.NONE, 12, null, null, null, Direction.INCREASE, null));
            measures.put(TOP_THREE, new Measure(TOP_THREE, Aggregation.LAST, Rollup.NONE, 12, null, null, null,
                    Direction.INCREASE, new Measure.RankCount(SCORE, "PREFECTURE", "SCHOOL", 3)));
            return new TreeValues(measures, tree, types, figures, reporters).of(TOP_THREE, county)
                    .over(Period.parse("2025")).value();
        }

        @Test
        void countsTheCountysSchoolsInThePrefecturesTopThree() {
            post(SCORE, B1, "2025", "95");
            post(SCORE, A1, "2025", "90");
            post(SCORE, B2, "2025", "80");
            post(SCORE, A2, "2025", "70");
            assertThat(topThreeOf(A)).isEqualByComparingTo("1");
            assertThat(topThreeOf(B)).isEqualByComparingTo("2");
        }

        @Test
        void schoolsTiedOnTheLastPlaceBothCount() {
            post(SCORE, B1, "2025", "95");
            post(SCORE, A1, "2025", "90");
            post(SCORE, B2, "2025", "80");
            post(SCORE, A2, "2025", "80");
            assertThat(topThreeOf(A)).isEqualByComparingTo("2");
        }

        @Test
        void noFiguresNoValue() {
            assertThat(topThreeOf(A)).isNull();
        }
    }
}
