package io.zhibiao.indicator;

import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a figure of an indicator may be: checked for every target value, baseline, milestone and
 * observation, single or batch, through this one class.
 */
public record ValueRules(ValueType valueType, BigDecimal minValue, BigDecimal maxValue) {

    /**
     * Beyond this magnitude a figure is a typo (or a unit mix-up), never a real count or amount.
     */
    public static final BigDecimal ABSURD = new BigDecimal("1000000000000000");

    public static final int MAX_DECIMALS = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The lower bound in force: the indicator's own, else 0 for counts and percentages. */
    public BigDecimal effectiveMin() {
        if (minValue != null) {
            return minValue;
        }
        return valueType == ValueType.DECIMAL ? null : BigDecimal.ZERO;
    }

    /** The upper bound in force: the indicator's own, else 100 for percentages. */
    public BigDecimal effectiveMax() {
        if (maxValue != null) {
            return maxValue;
        }
        return valueType == ValueType.PERCENT ? HUNDRED : null;
    }

    /** Why {@code value} is not acceptable, or empty when it is. */
    public Optional<String> violation(BigDecimal value) {
        if (value == null) {
            return Optional.of("is required");
        }
        if (value.abs().compareTo(ABSURD) >= 0) {
            return Optional.of(value.toPlainString() + " is implausibly large (limit ±10^15); check the unit");
        }
        if (Math.max(value.stripTrailingZeros().scale(), 0) > MAX_DECIMALS) {
            return Optional.of(value.toPlainString() + " has more than " + MAX_DECIMALS + " decimal places");
        }
        if (valueType == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(value.toPlainString() + " is not a whole number; this indicator counts whole units");
        }
        BigDecimal min = effectiveMin();
        if (min != null && value.compareTo(min) < 0) {
            return Optional
                    .of(value.toPlainString() + " is below the minimum " + min.stripTrailingZeros().toPlainString()
                            + (minValue == null ? " (counts and percentages are never negative)" : ""));
        }
        BigDecimal max = effectiveMax();
        if (max != null && value.compareTo(max) > 0) {
            return Optional
                    .of(value.toPlainString() + " is above the maximum " + max.stripTrailingZeros().toPlainString()
                            + (maxValue == null ? " (percentages run from 0 to 100)" : ""));
        }
        return Optional.empty();
    }
}
