package io.zhibiao.observation;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A figure as a clerk sends it. On PUT the key comes from the path and the key fields may be left
 * out; in a batch row they are required. Both go through {@link ObservationValidator}.
 */
@Schema(name = "ObservationInput",
        description = "A figure to write. On PUT, indicatorCode, orgUnitCode and period may be left out; if given they must match the path.")
public record ObservationInput(@Schema(example = "teacher-training") String indicatorCode,
        @Schema(example = "qinghe-no1-middle") String orgUnitCode, @Schema(example = "2025-03") String period,
        @Schema(required = true, example = "820") BigDecimal value,
        @Schema(description = "Default FINAL", example = "FINAL") ObservationStatus status,
        @Schema(maxLength = 2000, example = "含寒假集中培训") String comment,
        @Schema(description = "true marks the cell not applicable (不适用) on PUT: no value, the reason in comment; "
                + "never counted as 0", example = "false") Boolean notApplicable) {

    public ObservationInput(String indicatorCode, String orgUnitCode, String period, BigDecimal value,
            ObservationStatus status, String comment) {
        this(indicatorCode, orgUnitCode, period, value, status, comment, null);
    }

    boolean marksNotApplicable() {
        return Boolean.TRUE.equals(notApplicable);
    }

    /** The text a field was given as, for an import conflict; null for no field or none given. */
    String text(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "indicatorCode" -> indicatorCode;
            case "orgUnitCode" -> orgUnitCode;
            case "period" -> period;
            case "value" -> value == null ? null : value.toPlainString();
            case "status" -> status == null ? null : status.name();
            case "comment" -> comment;
            default -> null;
        };
    }
}
