package io.zhibiao.reporting;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubmissionBatch", description = "One action on the same period of many units, each answered.")
public record SubmissionBatch(@NotNull @Schema(example = "APPROVE") SubmissionEvent.Action action,
        @NotNull @Schema(example = "2026-03") String period,
        @NotEmpty @Size(max = 1000) @Schema(
                example = "[\"qinghe-east-primary\", \"qinghe-exp-primary\"]") List<String> orgUnits,
        @Size(max = 2000) @Schema(example = "核对无误") String reason) {

    @Schema(name = "SubmissionBatchResult")
    public record Result(@Schema(example = "qinghe-east-primary") String orgUnitCode,
            @Schema(example = "true") boolean ok, @Schema(example = "APPROVED", nullable = true) Submission.State state,
            @Schema(example = "conflict", nullable = true) String code, @Schema(nullable = true) String message) {
    }
}
