package io.zhibiao.report;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Report", description = "A report and where its production stands.")
public record ReportView(@Schema(required = true, example = "1") long id,
        @Schema(example = "qinghe-county") String orgUnitCode, @Schema(example = "青禾县") String orgUnitName,
        @Schema(example = "2026-03") String period, @Schema(example = "pdf") String format,
        @Schema(example = "all") String dataStatus, @Schema(example = "DONE") Report.State state,
        @Schema(example = "青禾县教育局2026年3月目标进展月报", nullable = true) String title,
        @Schema(description = "The data version the report's figures are read at (the dashboard's ETag names it too)",
                example = "412", nullable = true) Long asOfVersion,
        @Schema(description = "SHA-256 of the document, hex",
                example = "9f2c5a0e4b7d8c1f3a6e9b2d5c8f1a4e7b0d3c6f9a2e5b8d1c4f7a0e3b6d9c2f",
                nullable = true) String sha256,
        @Schema(description = "Bytes of the document", example = "184233", nullable = true) Long size,
        @Schema(description = "Why production failed", nullable = true) String error,
        @Schema(example = "qinghe-planner") String requestedBy, OffsetDateTime createdAt,
        @Schema(description = "When the worker took it", nullable = true) OffsetDateTime startedAt,
        @Schema(nullable = true) OffsetDateTime finishedAt, OffsetDateTime expiresAt,
        @Schema(description = "Where the document is, once DONE", example = "/api/v1/reports/1/file",
                nullable = true) String fileUrl) {

    static ReportView of(Report r) {
        return new ReportView(r.id, r.orgUnit.code, r.orgUnit.name, r.period, r.format.extension, r.dataStatus, r.state,
                r.title, r.asOfVersion, r.sha256, r.size, r.error, r.requestedBy, r.createdAt, r.startedAt,
                r.finishedAt, r.expiresAt, r.state == Report.State.DONE ? "/api/v1/reports/" + r.id + "/file" : null);
    }
}
