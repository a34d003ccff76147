package io.zhibiao.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportRequest", description = "A report to produce.")
public record ReportRequest(
        @Schema(description = "The unit the report is about", example = "qinghe-county",
                required = true) String orgUnitCode,
        @Schema(description = "A month (月报), quarter (季报), half or year (年报) that has begun", example = "2026-03",
                required = true) String period,
        @Schema(description = "pdf, xlsx or html", example = "pdf", required = true) String format,
        @Schema(description = "all (default: every figure, marked 未审核 while any counted submission is not approved) "
                + "or approved (only the figures of approved submissions)", example = "all",
                nullable = true) String dataStatus) {
}
