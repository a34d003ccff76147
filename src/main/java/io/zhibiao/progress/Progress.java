package io.zhibiao.progress;

import java.math.BigDecimal;
import java.time.YearMonth;

/** The engine's answer for one target at one month; every number already rounded for display. */
public record Progress(YearMonth asOf, BigDecimal target, BigDecimal baseline, String baselinePeriod, BigDecimal actual,
        String latestPeriod, BigDecimal gap, Boolean met, BigDecimal progress, BigDecimal attainment,
        BigDecimal elapsed, BigDecimal expected, BigDecimal pace, boolean complete, Status status, Yoy yoy,
        Source source, Coverage coverage, BigDecimal forecast, Boolean forecastMet) {
}
