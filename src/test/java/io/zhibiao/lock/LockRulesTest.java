package io.zhibiao.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.period.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LockRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final LockRules.Lock prefectureYear = new LockRules.Lock(1, "/pref/", "pref", null, Period.parse("2025"));
    private final LockRules.Lock oneIndicator = new LockRules.Lock(2, "/pref/county/", "county", 7L,
            Period.parse("2026-Q1"));

    @Test
    void lockCoversTheWholeSubtreeForEveryPeriodInside() {
        LockRules rules = new LockRules(List.of(prefectureYear), OptionalInt.empty());
        assertThat(rules.violation("/pref/county/school/", 1, Period.parse("2025-03"), TODAY)).isPresent();
        assertThat(rules.violation("/pref/county/school/", 1, Period.parse("2025-Q4"), TODAY)).isPresent();
        assertThat(rules.violation("/pref/county/school/", 1, Period.parse("2026-01"), TODAY)).isEmpty();
        assertThat(rules.violation("/other/", 1, Period.parse("2025-03"), TODAY)).isEmpty();
    }

    @Test
    void indicatorLockLeavesOtherIndicatorsOpen() {
        LockRules rules = new LockRules(List.of(oneIndicator), OptionalInt.empty());
        assertThat(rules.violation("/pref/county/", 7, Period.parse("2026-02"), TODAY)).isPresent();
        assertThat(rules.violation("/pref/county/", 8, Period.parse("2026-02"), TODAY)).isEmpty();
    }

    @Test
    void periodReachingBeyondTheLockIsNotInsideIt() {
        LockRules rules = new LockRules(List.of(oneIndicator), OptionalInt.empty());
        assertThat(rules.violation("/pref/county/", 7, Period.parse("2026"), TODAY)).isEmpty();
    }

    @Test
    void automaticLockClosesAPeriodDaysAfterItEnds() {
        LockRules rules = new LockRules(List.of(), OptionalInt.of(10));
        // October ends on the 31st; ten days later, on 10 November, it is still open; on the 11th
        // it is closed.
        assertThat(rules.violation("/a/", 1, Period.parse("2026-10"), LocalDate.of(2026, 11, 10))).isEmpty();
        assertThat(rules.violation("/a/", 1, Period.parse("2026-10"), LocalDate.of(2026, 11, 11)))
                .hasValueSatisfying(m -> assertThat(m).contains("closed automatically on 2026-11-10"));
        assertThat(new LockRules(List.of(), OptionalInt.empty()).violation("/a/", 1, Period.parse("2020-01"), TODAY))
                .isEmpty();
    }
}
