package io.zhibiao.progress;

import java.math.BigDecimal;

/**
 * One month of a target's series: the figure that starts in it, the running actual, and the same
 * for a year before.
 */
public record SeriesPoint(String period, BigDecimal value, BigDecimal cumulative, BigDecimal expected,
        BigDecimal previousYearValue, BigDecimal previousYearCumulative, BigDecimal forecast) {
}
