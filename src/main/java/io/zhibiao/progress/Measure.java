package io.zhibiao.progress;

import java.math.BigDecimal;

/**
 * How one indicator's values behave across time and the tree.
 *
 * @param reportingMonths length of the period clerks report in (1, 3, 6 or 12): the steps a forecast fills
 * @param lower lowest possible value (0 for counts and rates), or null
 * @param upper highest possible value (100 for rates), or null
 * @param formula how the value is derived from other indicators, or null
 */
public record Measure(long indicatorId, Aggregation aggregation, Rollup rollup, int reportingMonths, BigDecimal lower,
        BigDecimal upper, Formula formula, Direction direction, RankCount rankCount) {

    public Measure(long indicatorId, Aggregation aggregation, Rollup rollup, int reportingMonths, BigDecimal lower,
            BigDecimal upper, Formula formula) {
        this(indicatorId, aggregation, rollup, reportingMonths, lower, upper, formula, Direction.INCREASE, null);
    }

    /**
     * value = how many of the unit's descendants of org-unit {@code type} rank within the first {@code top} among all
     * units of that type under their ancestor of type {@code within}, ranked by the indicator (design §6).
     */
    public record RankCount(long indicatorId, String within, String type, int top) {
    }

    /** value = numerator ÷ denominator × factor, both components valued by the same rules. */
    public record Formula(long numeratorId, long denominatorId, BigDecimal factor) {
    }

    BigDecimal clip(BigDecimal value) {
        if (lower != null && value.compareTo(lower) < 0) {
            return lower;
        }
        return upper != null && value.compareTo(upper) > 0 ? upper : value;
    }
}
