package io.zhibiao.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportScheduleRequest", description = "Make the report of the period just ended on a day of the month "
        + "and send it to an alert channel.")
public record ScheduleRequest(@Schema(example = "qinghe-county", required = true) String orgUnitCode,
        @Schema(description = "1–31; in a shorter month its last day", example = "6",
                required = true) Integer dayOfMonth,
        @Schema(description = "MONTH (月报, default), QUARTER (季报: in the month after a quarter) or YEAR (年报: in "
                + "January)", example = "MONTH", nullable = true) String periodType,
        @Schema(description = "pdf (default), xlsx or html", example = "pdf", nullable = true) String format,
        @Schema(description = "Alert channel id the report is sent to", example = "3", required = true) Long channel,
        @Schema(description = "all (default) or approved", example = "all", nullable = true) String dataStatus) {
}
