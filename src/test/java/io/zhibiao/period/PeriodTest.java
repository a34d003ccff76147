package io.zhibiao.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({"2025,       2025-01, 2025-12, YEAR,      12", "2025-H1,    2025-01, 2025-06, HALF_YEAR, 6",
            "2025-H2,    2025-07, 2025-12, HALF_YEAR, 6", "2025-Q3,    2025-07, 2025-09, QUARTER,   3",
            "2025-03,    2025-03, 2025-03, MONTH,     1", "2025/2027,  2025-01, 2027-12, RANGE,     36",
            "2025-09/2026-08, 2025-09, 2026-08, RANGE, 12",})
    void everyAcceptedFormIsAClosedRangeOfMonths(String text, String start, String end, PeriodType type, int months) {
        Period period = Period.parse(text);
        assertThat(period.start()).isEqualTo(YearMonth.parse(start));
        assertThat(period.end()).isEqualTo(YearMonth.parse(end));
        assertThat(period.type()).isEqualTo(type);
        assertThat(period.months()).isEqualTo(months);
        assertThat(period.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"2025-01/2025-12, 2025", "2025-Q1/2025-Q2, 2025-H1", "2025-04/2025-06, 2025-Q2",
            "2025-H2/2026-H1, 2025-07/2026-06", "2025/2025,       2025", " 2025-Q3 ,       2025-Q3",})
    void textIsCanonical(String text, String canonical) {
        assertThat(Period.parse(text).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "25", "2025-13", "2025-00", "2025-Q5", "2025-H3", "2025-3", "2025/", "/2025",
            "2027/2025", "2025-12/2025-01", "1899", "2200", "2025-q1", "２０２５", "2025/2026/2027", "abc", "2025-W01"})
    void malformedTextIsRefusedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(InvalidPeriodException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("accepted", "before it starts", "months run"));
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(InvalidPeriodException.class);
    }

    @Test
    void rangesAreRefusedWhereOnlyASinglePeriodMayStand() {
        assertThatThrownBy(() -> Period.parseSingle("2025/2026")).isInstanceOf(InvalidPeriodException.class)
                .hasMessageContaining("targets only");
        assertThat(Period.parseSingle("2025-Q2")).isEqualTo(Period.parse("2025-Q2"));
    }

    @Test
    void asOfIsAMonth() {
        assertThat(Period.parseMonth("2025-12")).isEqualTo(YearMonth.of(2025, 12));
        assertThatThrownBy(() -> Period.parseMonth("2025")).isInstanceOf(InvalidPeriodException.class);
        assertThatThrownBy(() -> Period.parseMonth("2025-13")).isInstanceOf(InvalidPeriodException.class);
    }

    @Test
    void previousYearShiftsTwelveMonthsKeepingTheForm() {
        assertThat(Period.parse("2025-Q1").previousYear()).hasToString("2024-Q1");
        assertThat(Period.parse("2025-09/2026-08").previousYear()).hasToString("2024-09/2025-08");
    }

    @Test
    void precedingPeriodHasTheSameLength() {
        assertThat(Period.parse("2025").precedingOfSameLength()).hasToString("2024");
        assertThat(Period.parse("2025/2027").precedingOfSameLength()).hasToString("2022/2024");
        assertThat(Period.parse("2025-Q1").precedingOfSameLength()).hasToString("2024-Q4");
        assertThat(Period.parse("2025-H2").precedingOfSameLength()).hasToString("2025-H1");
        assertThat(Period.parse("2025-01").precedingOfSameLength()).hasToString("2024-12");
    }

    @Test
    void containmentAndOverlap() {
        Period year = Period.parse("2025");
        assertThat(year.contains(Period.parse("2025-Q4"))).isTrue();
        assertThat(year.contains(Period.parse("2025-09/2026-08"))).isFalse();
        assertThat(year.overlaps(Period.parse("2025-09/2026-08"))).isTrue();
        assertThat(year.overlaps(Period.parse("2026-01"))).isFalse();
    }

    @Test
    void periodsOrderByStartThenEnd() {
        assertThat(Period.parse("2025-01")).isLessThan(Period.parse("2025-Q1"));
        assertThat(Period.parse("2025-Q1")).isLessThan(Period.parse("2025-02"));
    }
}
