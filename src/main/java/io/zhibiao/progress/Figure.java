package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;

/**
 * One observed value of one org unit and indicator for one period: the engine's only input data.
 */
public record Figure(Period period, BigDecimal value) {
}
