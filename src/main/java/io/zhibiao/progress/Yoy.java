package io.zhibiao.progress;

import java.math.BigDecimal;

/** Year-over-year comparison of the actual with the same window one year earlier. */
public record Yoy(String previousWindow, BigDecimal previous, BigDecimal delta, String deltaUnit,
        BigDecimal deltaPercent) {
}
