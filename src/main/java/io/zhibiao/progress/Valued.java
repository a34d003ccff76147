package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;

/**
 * The value of an indicator for an org unit over a window, unrounded, with where it came from.
 *
 * @param latest the latest period among the figures behind it
 * @param completeThrough the last month through which every figure behind it is known: complete for a target period
 *     ending at or before it
 * @param coverage null for a reported value
 */
public record Valued(BigDecimal value, Source source, Coverage coverage, Period latest, int completeThrough) {

    static final Valued NONE = new Valued(null, null, null, null, Integer.MIN_VALUE);

    boolean isPresent() {
        return value != null;
    }
}
