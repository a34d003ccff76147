package io.zhibiao.reporting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportingStatus",
        description = "Completeness and timeliness of a period's figures: the unit's whole subtree (summary), and per "
                + "row the unit's own cells and each direct child's subtree (groupBy=child) or every unit that expects "
                + "figures (groupBy=unit).")
public record ReportingStatus(@Schema(example = "qinghe-county") String orgUnitCode,
        @Schema(example = "2026-03") String period,
        @Schema(description = "The day that decides on time, late and missing", example = "2026-04-08") String asOf,
        @Schema(example = "child") String groupBy, ReportingRow summary, List<ReportingRow> items,
        @Schema(required = true, example = "0") int page, @Schema(required = true, example = "50") int size,
        @Schema(required = true, example = "3") long total) {
}
