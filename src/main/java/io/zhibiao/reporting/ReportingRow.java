package io.zhibiao.reporting;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingRow", description = "How far a unit (or a child's whole subtree) has reported a period.")
public record ReportingRow(@Schema(example = "qinghe-xq-east") String orgUnitCode,
        @Schema(example = "东城学区") String name, @Schema(example = "TOWNSHIP") String type,
        @Schema(description = "Cells expected: the form rows where the figures originate", example = "24") int expected,
        @Schema(example = "20") int filled,
        @Schema(description = "Cells marked not applicable", example = "0") int notApplicable,
        @Schema(description = "Filled by the due date", example = "18") int onTime,
        @Schema(description = "Filled after the due date", example = "2") int late,
        @Schema(description = "Still empty after the due date", example = "4") int missing,
        @Schema(description = "(filled + notApplicable) ÷ expected; null when nothing is expected", example = "0.8333",
                nullable = true) BigDecimal completeness,
        @Schema(description = "onTime ÷ expected; null when nothing is expected", example = "0.75",
                nullable = true) BigDecimal timeliness,
        @Schema(description = "The unit's submission of the period: OPEN, SUBMITTED, APPROVED or RETURNED",
                example = "SUBMITTED") String submission) {
}
