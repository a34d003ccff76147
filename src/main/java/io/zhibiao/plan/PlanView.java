package io.zhibiao.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan", description = "A work-plan document of an org unit; its targets carry its id as planId.")
public record PlanView(@Schema(example = "1") Long id, @Schema(example = "qinghe-county") String orgUnitCode,
        @Schema(example = "青禾县教育局2026年工作要点") String title, @Schema(example = "2026") String period,
        @Schema(required = true, description = "Characters of text", example = "1830") int textLength,
        @Schema(required = true,
                description = "What the plan was read from; for a document, its text is the text " + "derived from it",
                example = "TEXT") PlanDocuments.Format format,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "The plan text; left out of lists") String text,
        @Schema(required = true, description = "Targets accepted from this plan so far",
                example = "3") long targetCount,
        OffsetDateTime createdAt, @Schema(example = "planner-qinghe") String createdBy) {

    static PlanView of(Plan plan, boolean withText, long targetCount) {
        return new PlanView(plan.id, plan.orgUnit.code, plan.title, plan.span.text, plan.text.length(),
                PlanDocuments.Format.valueOf(plan.format), withText ? plan.text : null, targetCount, plan.createdAt,
                plan.createdBy);
    }
}
