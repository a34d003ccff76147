package io.zhibiao.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QualityRuleTest {

    private static List<BigDecimal> figures(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }

    @Test
    void fewerThanSixFiguresNeverFlag() {
        assertThat(QualityRule.check(new BigDecimal("9999"), figures("100", "101", "99", "100", "102"))).isEmpty();
    }

    @Test
    void valueBeyondFiveMedianAbsoluteDeviationsIsAnOutlier() {
        // median 100.5, deviations .5,.5,1.5,1.5,2.5,2.5 -> MAD 1.5; flagged beyond 7.5 either side
        List<BigDecimal> history = figures("100", "101", "99", "102", "98", "103");
        assertThat(QualityRule.check(new BigDecimal("108"), history)).isEmpty();
        assertThat(QualityRule.check(new BigDecimal("108.1"), history)).contains(QualityRule.OUTLIER);
        assertThat(QualityRule.check(new BigDecimal("93"), history)).isEmpty();
        assertThat(QualityRule.check(new BigDecimal("92.9"), history)).contains(QualityRule.OUTLIER);
    }

    @Test
    void oneOddMonthInTheHistoryDoesNotMoveTheRule() {
        List<BigDecimal> history = figures("100", "101", "99", "5000", "100", "102", "98");
        assertThat(QualityRule.check(new BigDecimal("103"), history)).isEmpty();
    }

    @Test
    void onlyTheLastTwelveFiguresCount() {
        List<BigDecimal> history = Stream.concat(figures("1", "1", "1", "1", "1", "1").stream(),
                figures("500", "501", "499", "500", "502", "498", "500", "501", "499", "500", "502", "498").stream())
                .toList();
        assertThat(QualityRule.check(new BigDecimal("500"), history)).isEmpty();
        assertThat(QualityRule.check(new BigDecimal("1"), history)).contains(QualityRule.OUTLIER);
    }

    @Test
    void flatHistoryMeasuresAgainstATenthOfItsLevel() {
        List<BigDecimal> flat = figures("100", "100", "100", "100", "100", "100");
        assertThat(QualityRule.check(new BigDecimal("150"), flat)).isEmpty();
        assertThat(QualityRule.check(new BigDecimal("151"), flat)).contains(QualityRule.OUTLIER);
        List<BigDecimal> zeros = figures("0", "0", "0", "0", "0", "0");
        assertThat(QualityRule.check(new BigDecimal("5"), zeros)).isEmpty();
        assertThat(QualityRule.check(new BigDecimal("6"), zeros)).contains(QualityRule.OUTLIER);
    }
}
