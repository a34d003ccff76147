package io.zhibiao.reporting;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Submission", description = "The state of a unit's reporting period and what the caller may do with it.")
public record SubmissionView(@Schema(example = "qinghe-east-primary") String orgUnitCode,
        @Schema(example = "东城小学") String name, @Schema(example = "2026-03") String period,
        @Schema(example = "SUBMITTED") Submission.State state,
        @Schema(description = "Last transition; null while OPEN without history",
                nullable = true) OffsetDateTime updatedAt,
        @Schema(example = "east-primary-clerk", nullable = true) String updatedBy,
        @Schema(description = "What the caller may do now",
                example = "[\"APPROVE\", \"RETURN\"]") List<SubmissionEvent.Action> allowedActions,
        @Schema(description = "Every transition, oldest first") List<Step> history) {

    @Schema(name = "SubmissionStep")
    public record Step(@Schema(example = "RETURN") SubmissionEvent.Action action,
            @Schema(example = "RETURNED") Submission.State state, @Schema(example = "xq-east-reviewer") String by,
            OffsetDateTime at, @Schema(example = "上线人数与花名册不符", nullable = true) String reason) {
    }
}
