package io.zhibiao.alert;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertSubscriptionRequest", description = "Which events of which subtree a channel is told about.")
public record SubscriptionRequest(@Schema(description = "Channel id", example = "3", required = true) Long channel,
        @Schema(description = "The subtree watched", example = "qinghe-county", required = true) String orgUnitCode,
        @Schema(description = "TARGET_STATUS_CHANGED, FIGURES_OVERDUE, SUBMISSION_SUBMITTED, SUBMISSION_RETURNED, "
                + "SUBMISSION_APPROVED, VALIDATION_FAILED, REPORT_READY",
                example = "[\"TARGET_STATUS_CHANGED\", \"FIGURES_OVERDUE\"]", required = true) List<String> events,
        @Schema(description = "IMMEDIATE (default) or DAILY_DIGEST", example = "IMMEDIATE",
                nullable = true) String mode,
        @Schema(description = "Hour (0–23, zhibiao.time-zone) of the daily digest and of the 催报 list; default 8",
                example = "8", nullable = true) Integer digestHour) {
}
