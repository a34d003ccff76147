package io.zhibiao.progress;

import static io.zhibiao.progress.Aggregation.AVERAGE;
import static io.zhibiao.progress.Aggregation.LAST;
import static io.zhibiao.progress.Aggregation.MAX;
import static io.zhibiao.progress.Aggregation.MIN;
import static io.zhibiao.progress.Aggregation.SUM;
import static io.zhibiao.progress.Direction.DECREASE;
import static io.zhibiao.progress.Direction.INCREASE;
import static io.zhibiao.progress.Direction.MAINTAIN;
import static io.zhibiao.progress.GoalBuilder.aGoal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProgressEngineTest {

    private final ProgressEngine engine = new ProgressEngine(Thresholds.DEFAULT);

    private static Figure fig(String period, String value) {
        return new Figure(Period.parse(period), new BigDecimal(value));
    }

    /**
     * One figure per month of {@code year} from {@code firstMonth} to {@code lastMonth}, all equal
     * to {@code value}.
     */
    private static List<Figure> monthly(int year, int firstMonth, int lastMonth, String value) {
        List<Figure> figures = new ArrayList<>();
        for (int m = firstMonth; m <= lastMonth; m++) {
            figures.add(fig(String.format("%d-%02d", year, m), value));
        }
        return figures;
    }

    private static List<Figure> concat(List<Figure> a, List<Figure> b) {
        List<Figure> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static YearMonth ym(String text) {
        return YearMonth.parse(text);
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Nested
    class DesignWorkedExample {

        private final Goal bkRate = aGoal().percent().direction(INCREASE).aggregation(LAST).period("2025").value("75.3")
                .baseline("65.3").baselinePeriod("2024").build();

        @Test
        void undergraduateRateShortOfTargetAtYearEndIsMissed() {
            Progress p = engine.compute(bkRate, List.of(fig("2025", "72.8")), ym("2025-12"));

            assertThat(p.actual()).isEqualByComparingTo("72.8");
            assertThat(p.gap()).isEqualTo(d("2.5"));
            assertThat(p.progress()).isEqualTo(d("0.75"));
            assertThat(p.attainment()).isEqualTo(d("0.9668"));
            assertThat(p.complete()).isTrue();
            assertThat(p.met()).isFalse();
            assertThat(p.status()).isEqualTo(Status.MISSED);
            assertThat(p.baseline()).isEqualTo(d("65.3"));
            assertThat(p.baselinePeriod()).isEqualTo("2024");
            assertThat(p.elapsed()).isEqualTo(d("1"));
            assertThat(p.expected()).isEqualTo(d("75.3"));
            assertThat(p.pace()).isEqualTo(d("0.75"));
            assertThat(p.latestPeriod()).isEqualTo("2025");
        }

        @Test
        void yoyOfAPercentIsInPercentagePointsWithoutPercentChange() {
            Progress p = engine.compute(bkRate, List.of(fig("2024", "65.3"), fig("2025", "72.8")), ym("2025-12"));

            assertThat(p.yoy().previousWindow()).isEqualTo("2024");
            assertThat(p.yoy().previous()).isEqualTo(d("65.3"));
            assertThat(p.yoy().delta()).isEqualTo(d("7.5"));
            assertThat(p.yoy().deltaUnit()).isEqualTo("pp");
            assertThat(p.yoy().deltaPercent()).isNull();
        }
    }

    @Nested
    class Window {

        @Test
        void figureCountsWhenItsPeriodStartsInsideTheWindow() {
            Goal goal = aGoal().aggregation(LAST).period("2025").value("10").baseline("0").build();
            // A yearly figure starts in January, so it already counts in January.
            Progress p = engine.compute(goal, List.of(fig("2025", "4")), ym("2025-01"));
            assertThat(p.actual()).isEqualTo(d("4"));
        }

        @Test
        void figuresAfterAsOfDoNotCount() {
            Goal goal = aGoal().period("2025").value("1200").build();
            Progress p = engine.compute(goal, monthly(2025, 1, 12, "100"), ym("2025-03"));
            assertThat(p.actual()).isEqualTo(d("300"));
            assertThat(p.latestPeriod()).isEqualTo("2025-03");
        }

        @Test
        void figuresBeforeThePeriodDoNotCount() {
            Goal goal = aGoal().period("2025").value("1200").build();
            Progress p = engine.compute(goal, monthly(2024, 1, 12, "100"), ym("2025-06"));
            assertThat(p.actual()).isNull();
            assertThat(p.status()).isEqualTo(Status.NO_DATA);
        }

        @Test
        void asOfAfterThePeriodIsClippedToItsEnd() {
            Goal goal = aGoal().period("2025").value("1200").build();
            Progress p = engine.compute(goal, concat(monthly(2025, 1, 12, "100"), monthly(2026, 1, 3, "100")),
                    ym("2026-03"));
            assertThat(p.actual()).isEqualTo(d("1200"));
            assertThat(p.elapsed()).isEqualTo(d("1"));
            assertThat(p.asOf()).isEqualTo(ym("2026-03"));
        }

        @Test
        void asOfBeforeThePeriodHasNothingElapsed() {
            Goal goal = aGoal().period("2025").value("1200").build();
            Progress p = engine.compute(goal, monthly(2024, 1, 12, "100"), ym("2024-11"));
            assertThat(p.elapsed()).isEqualTo(d("0"));
            assertThat(p.actual()).isNull();
            assertThat(p.expected()).isEqualTo(d("0"));
            assertThat(p.status()).isEqualTo(Status.NO_DATA);
            assertThat(p.yoy().previousWindow()).isNull();
        }

        @Test
        void defaultAsOfIsTheLastCompleteMonthClippedIntoThePeriod() {
            assertThat(ProgressEngine.lastCompleteMonth(ym("2026-12"))).isEqualTo(ym("2026-11"));
            assertThat(ProgressEngine.lastCompleteMonth(ym("2026-01"))).isEqualTo(ym("2025-12"));
            Period p2025 = Period.parse("2025");
            assertThat(ProgressEngine.defaultAsOf(p2025, ym("2025-07"))).isEqualTo(ym("2025-07"));
            assertThat(ProgressEngine.defaultAsOf(p2025, ym("2026-11"))).isEqualTo(ym("2025-12"));
            assertThat(ProgressEngine.defaultAsOf(p2025, ym("2024-03"))).isEqualTo(ym("2025-01"));
        }
    }

    @Nested
    class Aggregations {

        private final List<Figure> figures = List.of(fig("2025-01", "3"), fig("2025-02", "9"), fig("2025-03", "4"));

        private BigDecimal actual(Aggregation aggregation) {
            Goal goal = aGoal().aggregation(aggregation).period("2025").value("10").baseline("0").build();
            return engine.compute(goal, figures, ym("2025-12")).actual();
        }

        @Test
        void sumAddsTheCountedFigures() {
            assertThat(actual(SUM)).isEqualTo(d("16"));
        }

        @Test
        void lastTakesTheFigureWithTheLatestPeriodEnd() {
            assertThat(actual(LAST)).isEqualTo(d("4"));
        }

        @Test
        void lastPrefersTheLaterEndOverTheLaterStartWhenFrequenciesMix() {
            Goal goal = aGoal().aggregation(LAST).period("2025").value("10").baseline("0").build();
            Progress p = engine.compute(goal, List.of(fig("2025-Q2", "7"), fig("2025-05", "2")), ym("2025-12"));
            assertThat(p.actual()).isEqualTo(d("7"));
        }

        @Test
        void averageIsRoundedOnlyAtTheEnd() {
            assertThat(actual(AVERAGE)).isEqualTo(d("5.3333"));
        }

        @Test
        void maxAndMinPickTheExtremes() {
            assertThat(actual(MAX)).isEqualTo(d("9"));
            assertThat(actual(MIN)).isEqualTo(d("3"));
        }
    }

    @Nested
    class Baseline {

        @Test
        void explicitBaselineValueWins() {
            Goal goal = aGoal().percent().aggregation(LAST).period("2025").value("95").baseline("93.4").build();
            Progress p = engine.compute(goal, List.of(fig("2024", "90")), ym("2025-06"));
            assertThat(p.baseline()).isEqualTo(d("93.4"));
            assertThat(p.baselinePeriod()).isEqualTo("2024");
        }

        @Test
        void baselineComesFromThePeriodOfTheSameLengthJustBefore() {
            Goal goal = aGoal().percent().aggregation(LAST).period("2025").value("95").build();
            Progress p = engine.compute(goal, List.of(fig("2023", "88"), fig("2024", "90"), fig("2025", "92.5")),
                    ym("2025-12"));
            assertThat(p.baseline()).isEqualTo(d("90"));
            assertThat(p.progress()).isEqualTo(d("0.5"));
        }

        @Test
        void multiYearTargetTakesTheThreeYearsBeforeAsBaseline() {
            Goal goal = aGoal().aggregation(LAST).unit("座").period("2025/2027").value("2").build();
            Progress p = engine.compute(goal, List.of(fig("2022", "0"), fig("2024", "1"), fig("2026", "2")),
                    ym("2026-12"));
            assertThat(p.baselinePeriod()).isEqualTo("2022/2024");
            assertThat(p.baseline()).isEqualTo(d("1"));
        }

        @Test
        void explicitBaselinePeriodIsAggregated() {
            Goal goal = aGoal().aggregation(AVERAGE).period("2025").value("100").baselinePeriod("2024-H2").build();
            Progress p = engine.compute(goal, concat(monthly(2024, 7, 11, "60"), List.of(fig("2024-12", "90"))),
                    ym("2025-01"));
            assertThat(p.baseline()).isEqualTo(d("65"));
            assertThat(p.baselinePeriod()).isEqualTo("2024-H2");
        }

        @Test
        void missingBaselineLeavesProgressExpectedAndPaceUnknown() {
            Goal goal = aGoal().percent().aggregation(LAST).period("2025").value("95").build();
            Progress p = engine.compute(goal, List.of(fig("2025-03", "92")), ym("2025-06"));
            assertThat(p.baseline()).isNull();
            assertThat(p.progress()).isNull();
            assertThat(p.expected()).isNull();
            assertThat(p.pace()).isNull();
            assertThat(p.gap()).isEqualTo(d("3"));
            assertThat(p.status()).isEqualTo(Status.AT_RISK);
        }

        @Test
        void sumStartsFromZeroWhateverTheBaseline() {
            Goal goal = aGoal().unit("人次").period("2025").value("9200").baseline("8000").build();
            Progress p = engine.compute(goal, monthly(2025, 1, 6, "800"), ym("2025-06"));
            assertThat(p.baseline()).isEqualTo(d("8000"));
            assertThat(p.progress()).isEqualTo(d("0.5217"));
            assertThat(p.expected()).isEqualTo(d("4600"));
        }
    }

    @Nested
    class IncreasingFlow {

        private final Goal training = aGoal().unit("人次").period("2025").value("9200").build();

        @Test
        void teacherTrainingOnPace() {
            Progress p = engine.compute(training, monthly(2025, 1, 6, "800"), ym("2025-06"));
            assertThat(p.actual()).isEqualTo(d("4800"));
            assertThat(p.gap()).isEqualTo(d("4400"));
            assertThat(p.elapsed()).isEqualTo(d("0.5"));
            assertThat(p.expected()).isEqualTo(d("4600"));
            assertThat(p.pace()).isEqualTo(d("1.0435"));
            assertThat(p.complete()).isFalse();
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void paceJustBelowOnTrackThresholdIsAtRisk() {
            // 4370 / 4600 = 0.95 exactly -> ON_TRACK; 4369 -> AT_RISK
            List<Figure> figures = List.of(fig("2025-01", "4370"));
            assertThat(engine.compute(training, figures, ym("2025-06")).status()).isEqualTo(Status.ON_TRACK);
            assertThat(engine.compute(training, List.of(fig("2025-01", "4369")), ym("2025-06")).status())
                    .isEqualTo(Status.AT_RISK);
        }

        @Test
        void paceAtTheAtRiskThresholdIsAtRiskAndBelowIsOffTrack() {
            // expected 4600: 0.85 * 4600 = 3910
            assertThat(engine.compute(training, List.of(fig("2025-01", "3910")), ym("2025-06")).status())
                    .isEqualTo(Status.AT_RISK);
            assertThat(engine.compute(training, List.of(fig("2025-01", "3909")), ym("2025-06")).status())
                    .isEqualTo(Status.OFF_TRACK);
        }

        @Test
        void reachedBeforeYearEndIsAchievedAtOnce() {
            Progress p = engine.compute(training, List.of(fig("2025-03", "9300")), ym("2025-04"));
            assertThat(p.met()).isTrue();
            assertThat(p.complete()).isFalse();
            assertThat(p.gap()).isEqualTo(d("-100"));
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void decemberFigureCompletesTheYearAndShortfallIsMissed() {
            Progress p = engine.compute(training, monthly(2025, 1, 12, "700"), ym("2025-12"));
            assertThat(p.complete()).isTrue();
            assertThat(p.actual()).isEqualTo(d("8400"));
            assertThat(p.status()).isEqualTo(Status.MISSED);
        }

        @Test
        void thresholdsAreConfigurable() {
            ProgressEngine lenient = new ProgressEngine(new Thresholds(d("0.8"), d("0.5")));
            assertThat(lenient.compute(training, List.of(fig("2025-01", "3700")), ym("2025-06")).status())
                    .isEqualTo(Status.ON_TRACK);
            assertThatThrownBy(() -> new Thresholds(d("0.5"), d("0.8"))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void yoyOfACountHasPercentChange() {
            Progress p = engine.compute(training, concat(monthly(2024, 1, 6, "500"), monthly(2025, 1, 6, "800")),
                    ym("2025-06"));
            assertThat(p.yoy().previousWindow()).isEqualTo("2024-H1");
            assertThat(p.yoy().previous()).isEqualTo(d("3000"));
            assertThat(p.yoy().delta()).isEqualTo(d("1800"));
            assertThat(p.yoy().deltaUnit()).isEqualTo("人次");
            assertThat(p.yoy().deltaPercent()).isEqualTo(d("60"));
        }

        @Test
        void yoyPercentChangeIsNullWhenPreviousIsZero() {
            Progress p = engine.compute(training, List.of(fig("2024-01", "0"), fig("2025-01", "10")), ym("2025-01"));
            assertThat(p.yoy().delta()).isEqualTo(d("10"));
            assertThat(p.yoy().deltaPercent()).isNull();
        }

        @Test
        void yoyPercentChangeUsesTheAbsolutePrevious() {
            Goal balance = aGoal().decimal("亿元").aggregation(LAST).period("2025").value("1").baseline("0").build();
            Progress p = engine.compute(balance, List.of(fig("2024-03", "-2"), fig("2025-03", "1")), ym("2025-03"));
            assertThat(p.yoy().delta()).isEqualTo(d("3"));
            assertThat(p.yoy().deltaPercent()).isEqualTo(d("150"));
        }

        @Test
        void yoyWithoutLastYearFiguresHasNoPrevious() {
            Progress p = engine.compute(training, monthly(2025, 1, 2, "800"), ym("2025-02"));
            assertThat(p.yoy().previousWindow()).isEqualTo("2024-01/2024-02");
            assertThat(p.yoy().previous()).isNull();
            assertThat(p.yoy().delta()).isNull();
            assertThat(p.yoy().deltaPercent()).isNull();
        }
    }

    @Nested
    class IncreasingLevel {

        private final Goal enrolment = aGoal().percent().aggregation(LAST).period("2025").value("95").baseline("93.4")
                .build();

        @Test
        void levelMetMidYearIsAchieved() {
            Progress p = engine.compute(enrolment, List.of(fig("2025-05", "95.2")), ym("2025-06"));
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
            assertThat(p.latestPeriod()).isEqualTo("2025-05");
        }

        @Test
        void progressBelowStartIsNegative() {
            Progress p = engine.compute(enrolment, List.of(fig("2025-06", "92.6")), ym("2025-06"));
            assertThat(p.progress()).isEqualTo(d("-0.5"));
            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        }

        @Test
        void quarterlyRetentionRateCountsTheQuarterFromItsFirstMonth() {
            Goal retention = aGoal().percent().aggregation(LAST).period("2025").value("99").baseline("98").build();
            List<Figure> figures = List.of(fig("2025-Q1", "98.3"), fig("2025-Q2", "98.6"), fig("2025-Q3", "98.7"));
            Progress p = engine.compute(retention, figures, ym("2025-08"));
            assertThat(p.actual()).isEqualTo(d("98.7"));
            assertThat(p.latestPeriod()).isEqualTo("2025-Q3");
            assertThat(p.elapsed()).isEqualTo(d("0.6667"));
            assertThat(p.expected()).isEqualTo(d("98.6667"));
            // progress 0.7 / expectedProgress 0.666.. = 1.05
            assertThat(p.pace()).isEqualTo(d("1.05"));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void fourthQuarterFigureCompletesTheYear() {
            Goal retention = aGoal().percent().aggregation(LAST).period("2025").value("99").baseline("98").build();
            Progress p = engine.compute(retention, List.of(fig("2025-Q4", "98.9")), ym("2025-12"));
            assertThat(p.complete()).isTrue();
            assertThat(p.status()).isEqualTo(Status.MISSED);
        }

        @Test
        void targetEqualToStartHasNoProgressAndIsAtRisk() {
            Goal flat = aGoal().percent().aggregation(LAST).period("2025").value("99").baseline("99").build();
            Progress p = engine.compute(flat, List.of(fig("2025-03", "98.5")), ym("2025-03"));
            assertThat(p.progress()).isNull();
            assertThat(p.pace()).isNull();
            assertThat(p.status()).isEqualTo(Status.AT_RISK);
        }
    }

    @Nested
    class DecreasingCap {

        private final Goal drowning = aGoal().unit("起").direction(DECREASE).period("2025").value("0").build();

        @Test
        void zeroIncidentsSoFarIsOnTrack() {
            Progress p = engine.compute(drowning, monthly(2025, 1, 5, "0"), ym("2025-05"));
            assertThat(p.actual()).isEqualTo(d("0"));
            assertThat(p.met()).isTrue();
            assertThat(p.progress()).isNull();
            assertThat(p.attainment()).isNull();
            assertThat(p.gap()).isEqualTo(d("0"));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void decreasingCapIsMissedOnceExceeded() {
            Progress p = engine.compute(drowning, List.of(fig("2025-03", "1")), ym("2025-05"));
            assertThat(p.gap()).isEqualTo(d("1"));
            assertThat(p.met()).isFalse();
            assertThat(p.status()).isEqualTo(Status.MISSED);
        }

        @Test
        void capHeldThroughDecemberIsAchieved() {
            Progress p = engine.compute(drowning, monthly(2025, 1, 12, "0"), ym("2025-12"));
            assertThat(p.complete()).isTrue();
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void capAheadOfItsLinearAllowanceIsAtRisk() {
            Goal incidents = aGoal().unit("起").direction(DECREASE).period("2025").value("12").build();
            // expected after 3 months: 3; actual 5 <= 12 but > 3
            Progress p = engine.compute(incidents, List.of(fig("2025-01", "5")), ym("2025-03"));
            assertThat(p.expected()).isEqualTo(d("3"));
            assertThat(p.status()).isEqualTo(Status.AT_RISK);
            Progress within = engine.compute(incidents, List.of(fig("2025-01", "3")), ym("2025-03"));
            assertThat(within.status()).isEqualTo(Status.ON_TRACK);
            assertThat(within.attainment()).isEqualTo(d("0.25"));
        }
    }

    @Nested
    class DecreasingLevel {

        private final Goal myopia = aGoal().percent().direction(DECREASE).aggregation(LAST).period("2026").value("52")
                .baseline("53.5").baselinePeriod("2025").build();

        @Test
        void myopiaRateFallingFasterThanPlannedIsOnTrack() {
            Progress p = engine.compute(myopia, List.of(fig("2026-06", "52.6")), ym("2026-06"));
            assertThat(p.gap()).isEqualTo(d("0.6"));
            assertThat(p.progress()).isEqualTo(d("0.6"));
            assertThat(p.expected()).isEqualTo(d("52.75"));
            assertThat(p.pace()).isEqualTo(d("1.2"));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void myopiaRateRisingIsOffTrack() {
            Progress p = engine.compute(myopia, List.of(fig("2026-06", "54")), ym("2026-06"));
            assertThat(p.progress()).isEqualTo(d("-0.3333"));
            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        }

        @Test
        void myopiaRateBelowTargetIsAchieved() {
            Progress p = engine.compute(myopia, List.of(fig("2026-03", "51.9")), ym("2026-06"));
            assertThat(p.met()).isTrue();
            assertThat(p.gap()).isEqualTo(d("-0.1"));
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
        }
    }

    @Nested
    class Maintain {

        private final Goal retention = aGoal().percent().direction(MAINTAIN).aggregation(LAST).period("2025")
                .value("99").tolerance("0.5").baseline("99").build();

        @Test
        void withinToleranceIsAchievedForALevel() {
            Progress p = engine.compute(retention, List.of(fig("2025-03", "98.6")), ym("2025-03"));
            assertThat(p.gap()).isEqualTo(d("-0.4"));
            assertThat(p.met()).isTrue();
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void toleranceBoundaryIsInclusive() {
            assertThat(engine.compute(retention, List.of(fig("2025-03", "99.5")), ym("2025-03")).met()).isTrue();
            assertThat(engine.compute(retention, List.of(fig("2025-03", "99.51")), ym("2025-03")).met()).isFalse();
        }

        @Test
        void outsideToleranceIsMissedOnceCompleteAndOffTrackBefore() {
            Goal flow = aGoal().direction(MAINTAIN).period("2025").value("100").tolerance("5").build();
            assertThat(engine.compute(flow, List.of(fig("2025-01", "50")), ym("2025-06")).status())
                    .isEqualTo(Status.OFF_TRACK);
            assertThat(engine.compute(flow, List.of(fig("2025-01", "98")), ym("2025-06")).status())
                    .isEqualTo(Status.ON_TRACK);
            assertThat(engine.compute(flow, monthly(2025, 1, 12, "1"), ym("2025-12")).status())
                    .isEqualTo(Status.MISSED);
        }

        @Test
        void missingToleranceMeansExactly() {
            Goal exact = aGoal().percent().direction(MAINTAIN).aggregation(LAST).period("2025").value("100").build();
            assertThat(engine.compute(exact, List.of(fig("2025-02", "100")), ym("2025-02")).met()).isTrue();
            assertThat(engine.compute(exact, List.of(fig("2025-02", "99.9")), ym("2025-02")).met()).isFalse();
        }

        @Test
        void levelOutsideToleranceBeforeYearEndIsJudgedByPace() {
            // An unmet level is neither ACHIEVED (rule 2) nor complete (rule 3), so MAINTAIN's own
            // rule decides.
            Progress p = engine.compute(retention, List.of(fig("2025-03", "97")), ym("2025-03"));
            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        }
    }

    @Nested
    class ZeroTargets {

        @Test
        void attainmentIsNullForAZeroTarget() {
            Goal dropouts = aGoal().direction(DECREASE).aggregation(LAST).period("2025").value("0").baseline("3")
                    .build();
            Progress p = engine.compute(dropouts, List.of(fig("2025-04", "1")), ym("2025-06"));
            assertThat(p.attainment()).isNull();
            assertThat(p.progress()).isEqualTo(d("0.6667"));
            assertThat(p.expected()).isEqualTo(d("1.5"));
            assertThat(p.pace()).isEqualTo(d("1.3333"));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }
    }

    @Nested
    class Milestones {

        private final Goal pools = aGoal().unit("座").aggregation(LAST).period("2025/2027").value("2").baseline("0")
                .milestone("2025", "0").milestone("2026", "1").build();

        @Test
        void expectedFollowsThePiecewiseTrajectory() {
            assertThat(engine.compute(pools, List.of(fig("2025", "0")), ym("2025-12")).expected()).isEqualTo(d("0"));
            assertThat(engine.compute(pools, List.of(fig("2026", "0")), ym("2026-06")).expected()).isEqualTo(d("0.5"));
            assertThat(engine.compute(pools, List.of(fig("2026", "1")), ym("2026-12")).expected()).isEqualTo(d("1"));
            assertThat(engine.compute(pools, List.of(fig("2027", "1")), ym("2027-06")).expected()).isEqualTo(d("1.5"));
        }

        @Test
        void paceIsMeasuredAgainstTheMilestoneTrajectory() {
            Progress p = engine.compute(pools, List.of(fig("2026", "1")), ym("2026-12"));
            assertThat(p.progress()).isEqualTo(d("0.5"));
            assertThat(p.elapsed()).isEqualTo(d("0.6667"));
            assertThat(p.pace()).isEqualTo(d("1"));
            assertThat(p.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void zeroExpectedProgressLeavesPaceNull() {
            Progress p = engine.compute(pools, List.of(fig("2025", "0")), ym("2025-12"));
            assertThat(p.pace()).isNull();
            assertThat(p.status()).isEqualTo(Status.AT_RISK);
        }

        @Test
        void milestonesGivenOutOfOrderAreSorted() {
            Goal reversed = aGoal().unit("座").aggregation(LAST).period("2025/2027").value("2").baseline("0")
                    .milestone("2026", "1").milestone("2025", "0").build();
            assertThat(engine.compute(reversed, List.of(), ym("2026-06")).expected()).isEqualTo(d("0.5"));
        }
    }

    @Nested
    class SchoolYear {

        private final Goal schoolYear = aGoal().unit("人次").period("2025-09/2026-08").value("1200").build();

        @Test
        void schoolYearWindowCrossesTheCalendarYear() {
            Progress p = engine.compute(schoolYear, concat(monthly(2025, 9, 12, "100"), monthly(2026, 1, 2, "100")),
                    ym("2026-02"));
            assertThat(p.actual()).isEqualTo(d("600"));
            assertThat(p.elapsed()).isEqualTo(d("0.5"));
            assertThat(p.expected()).isEqualTo(d("600"));
            assertThat(p.pace()).isEqualTo(d("1"));
            assertThat(p.baselinePeriod()).isEqualTo("2024-09/2025-08");
            assertThat(p.yoy().previousWindow()).isEqualTo("2024-09/2025-02");
        }

        @Test
        void augustFigureCompletesTheSchoolYear() {
            Progress p = engine.compute(schoolYear, concat(monthly(2025, 9, 12, "100"), monthly(2026, 1, 8, "100")),
                    ym("2026-08"));
            assertThat(p.complete()).isTrue();
            assertThat(p.status()).isEqualTo(Status.ACHIEVED);
        }
    }

    @Nested
    class Rounding {

        @Test
        void roundsHalfUpToFourPlacesAndDropsTrailingZeros() {
            assertThat(Numbers.display(d("0.96679946"))).isEqualTo(d("0.9668"));
            assertThat(Numbers.display(d("0.12345"))).isEqualTo(d("0.1235"));
            assertThat(Numbers.display(d("2.5000"))).isEqualTo(d("2.5"));
            assertThat(Numbers.display(d("100.000")).toPlainString()).isEqualTo("100");
            assertThat(Numbers.display(d("-0.00004"))).isEqualByComparingTo("0");
        }

        @Test
        void paceIsComputedFromTheUnroundedProgress() {
            // progress = 1/3, expectedProgress = 5/12 -> pace 0.8 exactly; rounded inputs would
            // give 0.79998.
            Goal goal = aGoal().period("2025").value("3").build();
            Progress p = engine.compute(goal, List.of(fig("2025-01", "1")), ym("2025-05"));
            assertThat(p.progress()).isEqualTo(d("0.3333"));
            assertThat(p.pace()).isEqualTo(d("0.8"));
            assertThat(p.status()).isEqualTo(Status.OFF_TRACK);
        }
    }

    @Nested
    class Series {

        @Test
        void seriesShowsEachMonthWithRunningTotalsAndLastYear() {
            Goal goal = aGoal().unit("人次").period("2025").value("1200").build();
            List<Figure> figures = concat(monthly(2024, 1, 12, "90"), monthly(2025, 1, 3, "100"));
            List<SeriesPoint> series = engine.series(goal, figures, ym("2025-03"));

            assertThat(series).hasSize(12);
            assertThat(series.get(1))
                    .isEqualTo(new SeriesPoint("2025-02", d("100"), d("200"), d("200"), d("90"), d("180"), null));
            SeriesPoint april = series.get(3);
            assertThat(april.value()).isNull();
            assertThat(april.cumulative()).isNull();
            assertThat(april.expected()).isEqualTo(d("400"));
            assertThat(april.previousYearCumulative()).isEqualTo(d("360"));
        }
    }
}
