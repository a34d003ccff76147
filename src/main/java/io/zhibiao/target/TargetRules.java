package io.zhibiao.target;

import io.zhibiao.common.FieldError;
import io.zhibiao.common.FieldErrors;
import io.zhibiao.indicator.Frequency;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.ValueRules;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Direction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a target request that need no database: milestones, tolerance, period alignment.
 */
final class TargetRules {

    private TargetRules() {
    }

    static List<MilestoneValue> milestones(TargetRequest request, Indicator indicator, Period period,
            List<FieldError> errors) {
        List<MilestoneValue> result = new ArrayList<>();
        if (request.milestones() == null) {
            return result;
        }
        Set<Integer> dueMonths = new HashSet<>();
        for (int i = 0; i < request.milestones().size(); i++) {
            PeriodValue m = request.milestones().get(i);
            String field = "milestones[" + i + "]";
            Period due = FieldErrors.period(errors, field + ".period", m.period());
            if (due != null && period != null) {
                if (!period.contains(due) || due.endMonth() >= period.endMonth()) {
                    errors.add(new FieldError(field + ".period", "must lie inside the target period " + period
                            + " and end before it does (the target is the last milestone)"));
                } else if (!dueMonths.add(due.endMonth())) {
                    errors.add(new FieldError(field + ".period",
                            "another milestone is already due at the end of " + due.end()));
                }
            }
            if (indicator != null) {
                indicator.rules().violation(m.value())
                        .ifPresent(msg -> errors.add(new FieldError(field + ".value", msg)));
            }
            if (due != null && m.value() != null) {
                result.add(new MilestoneValue(due.toString(), m.value()));
            }
        }
        return result;
    }

    static void checkTolerance(Indicator indicator, BigDecimal tolerance, List<FieldError> errors) {
        if (tolerance == null) {
            return;
        }
        if (indicator.direction != Direction.MAINTAIN) {
            errors.add(new FieldError("tolerance",
                    "applies to MAINTAIN indicators only; '" + indicator.code + "' is " + indicator.direction));
        } else if (tolerance.signum() < 0) {
            errors.add(new FieldError("tolerance", "must not be negative"));
        } else if (tolerance.compareTo(ValueRules.ABSURD) >= 0) {
            errors.add(new FieldError("tolerance", "is implausibly large"));
        }
    }

    /** A target must cover whole reporting periods, or its figures would never fall inside it. */
    static Optional<String> alignment(Frequency frequency, Period period) {
        int step = frequency.periodType().months();
        if (Math.floorMod(period.startMonth(), step) == 0 && period.months() % step == 0) {
            return Optional.empty();
        }
        return Optional.of("'" + period + "' does not cover whole reporting periods of a " + frequency
                + " indicator (figures such as " + frequency.example() + ")");
    }
}
