package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;

/** An intermediate value a target expects to be reached by the end of {@code period}. */
public record Milestone(Period period, BigDecimal value) {
}
