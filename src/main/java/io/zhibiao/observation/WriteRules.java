package io.zhibiao.observation;

import io.zhibiao.common.RuleFailure;
import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.util.List;

/**
 * The validation rules a write is checked against (design §7), offered by the validation feature. Every write path —
 * PUT, DELETE, every batch format and the Excel form — asks it under the write gate with the figures it is about to
 * change, so the rules see exactly the data the write leaves behind.
 */
public interface WriteRules {

    /** One figure a write changes: its value after the write, null when deleted. */
    record Change(long indicatorId, long orgUnitId, String orgUnitPath, String orgUnitType, Period period,
            BigDecimal value) {
    }

    /**
     * A rule the changes make fail, blaming one change (by its index): a BLOCK finding refuses it, a WARN finding
     * travels with the answer.
     */
    record Finding(int change, boolean blocks, RuleFailure failure) {
    }

    /**
     * Checks the changes as applied together. A change a BLOCK rule refuses is taken out and the rest checked again
     * without it, so the findings describe what is written. Costs one indexed query when no rule reads the indicators.
     */
    List<Finding> check(List<Change> changes);

    /** No rules at all (a build without the validation feature). */
    WriteRules NONE = changes -> List.of();
}
