package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the engine needs to know about a target and its indicator.
 *
 * @param baselineValue the planner's baseline, or null to derive it from figures
 * @param baselinePeriod the planner's baseline period, or null for the period of the same length
 *     just before
 * @param tolerance MAINTAIN only; null means 0
 */
public record Goal(ValueType valueType, String unit, Direction direction, Aggregation aggregation, Period period,
        BigDecimal value, BigDecimal tolerance, BigDecimal baselineValue, Period baselinePeriod,
        List<Milestone> milestones) {

    public Goal {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** The baseline period in force: the planner's, or the one just before the target period. */
    public Period effectiveBaselinePeriod() {
        return baselinePeriod != null ? baselinePeriod : period.precedingOfSameLength();
    }

    /**
     * A cap on a flow (incidents): progress and pace are meaningless, only the running total
     * matters.
     */
    public boolean isCap() {
        return direction == Direction.DECREASE && aggregation == Aggregation.SUM;
    }
}
