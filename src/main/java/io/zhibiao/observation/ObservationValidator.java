package io.zhibiao.observation;

import io.zhibiao.common.FieldError;
import io.zhibiao.common.Texts;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one set of rules every observation write passes, single or batch: codes exist, the period is
 * of the indicator's frequency, the value fits the indicator. Lookups are passed in so a batch can
 * resolve codes from memory while a single write asks the database.
 */
public final class ObservationValidator {

    public static final int MAX_COMMENT = 2000;

    /** A row that passed every rule, with its references resolved and its text normalised. */
    public record Valid(Indicator indicator, OrgUnit orgUnit, Period period, BigDecimal value, ObservationStatus status,
            String comment, boolean notApplicable) {

        public Valid(Indicator indicator, OrgUnit orgUnit, Period period, BigDecimal value, ObservationStatus status,
                String comment) {
            this(indicator, orgUnit, period, value, status, comment, false);
        }
    }

    /**
     * Either a valid row or the reasons it is not; {@code unknownCode}, when a code names nothing the caller can see,
     * is that error (a PUT whose path names nothing is a 404, a batch row with it a conflict).
     */
    public record Result(Valid valid, List<FieldError> errors, FieldError unknownCode) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Function<String, Optional<Indicator>> indicators;
    private final Function<String, Optional<OrgUnit>> orgUnits;

    public ObservationValidator(Function<String, Optional<Indicator>> indicators,
            Function<String, Optional<OrgUnit>> orgUnits) {
        this.indicators = indicators;
        this.orgUnits = orgUnits;
    }

    public Result validate(ObservationInput input) {
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        Indicator indicator = lookup(errors, unknown, "indicatorCode", input.indicatorCode(), indicators, "indicator");
        OrgUnit orgUnit = lookup(errors, unknown, "orgUnitCode", input.orgUnitCode(), orgUnits, "org unit");
        FieldError unknownCode = unknown.isEmpty() ? null : unknown.get(0);
        Period period = null;
        try {
            period = Period.parseSingle(input.period());
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError("period", e.getMessage()));
        }
        if (indicator != null && indicator.isDerived()) {
            errors.add(
                    new FieldError("indicatorCode", "'" + indicator.code + "' is derived from a formula and takes no "
                            + "figures; post its numerator and denominator instead"));
            indicator = null;
        }
        if (indicator != null && period != null && period.type() != indicator.frequency.periodType()) {
            errors.add(new FieldError("period",
                    "'" + period + "' is not a " + indicator.frequency + " period; '" + indicator.code
                            + "' is reported as " + indicator.frequency + " (for example "
                            + indicator.frequency.example() + ")"));
        }
        String comment = Texts.trimToNull(input.comment());
        if (input.marksNotApplicable()) {
            // 不适用: no value, and the reason is what the reviewer reads instead of a figure.
            if (input.value() != null) {
                errors.add(new FieldError("value", "leave it out: a cell marked not applicable has no value"));
            }
            if (comment == null) {
                errors.add(new FieldError("comment", "is required: say why the cell does not apply"));
            }
        } else if (indicator != null) {
            indicator.rules().violation(input.value()).ifPresent(m -> errors.add(new FieldError("value", m)));
        } else if (input.value() == null) {
            errors.add(new FieldError("value", "is required"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors, unknownCode);
        }
        ObservationStatus status = input.status() == null ? ObservationStatus.FINAL : input.status();
        return new Result(
                new Valid(indicator, orgUnit, period, input.value(), status, comment, input.marksNotApplicable()),
                List.of(), null);
    }

    private static <T> T lookup(List<FieldError> errors, List<FieldError> unknown, String field, String code,
            Function<String, Optional<T>> finder, String what) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        Optional<T> found = finder.apply(code);
        if (found.isEmpty()) {
            FieldError error = new FieldError(field, what + " '" + code + "' does not exist");
            errors.add(error);
            unknown.add(error);
        }
        return found.orElse(null);
    }
}
