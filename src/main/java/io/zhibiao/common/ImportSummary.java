package io.zhibiao.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportSummary", description = "What a batch did, row by row where a row had a problem.")
public record ImportSummary(@Schema(
        description = "SUCCESS; WARNING when rows were rejected (non-atomic) or flagged; ERROR when nothing was written",
        example = "SUCCESS") Status status, @Schema(required = true, example = "false") boolean dryRun,
        @Schema(required = true, example = "true") boolean atomic,
        @Schema(required = true, example = "120") long received, @Schema(required = true, example = "80") long created,
        @Schema(required = true, example = "30") long updated,
        @Schema(required = true,
                description = "Identical to the stored figure, or an empty value cell: nothing written",
                example = "10") long unchanged,
        @Schema(required = true, example = "0") long rejected,
        @Schema(required = true, description = "Accepted but flagged OUTLIER", example = "0") long flagged,
        @Schema(description = "One entry per rejected or flagged row (at most zhibiao.imports.max-conflicts)") List<Conflict> conflicts) {

    @Schema(name = "ImportStatus")
    public enum Status {
        SUCCESS, WARNING, ERROR
    }

    @Schema(name = "ImportConflict")
    public record Conflict(
            @Schema(description = "0-based position in the JSON array, or data row of the CSV/XLSX (header excluded)",
                    example = "7") long index,
            @Schema(example = "value") String field, @Schema(example = "12.5") String value,
            @Schema(description = "validation_failed, period_locked or outlier",
                    example = "validation_failed") String code,
            @Schema(example = "12.5 is not a whole number; this indicator counts whole units") String message) {
    }
}
