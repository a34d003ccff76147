package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;

/** The values of one indicator at one org unit, over any window: what the engine computes a target from. */
public interface Values {

    Valued over(Period window);

    /**
     * The value expected over {@code period} once it is over, when figures count through {@code window} (design §6,
     * Forecast); unrounded, null when nothing counts.
     */
    BigDecimal forecast(Period period, Period window);
}
