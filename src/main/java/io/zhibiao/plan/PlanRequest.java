package io.zhibiao.plan;

import io.zhibiao.common.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanRequest", description = "A work plan to store: whose it is, which period it covers, and its text.")
public record PlanRequest(@NotBlank @Schema(example = "qinghe-county") String orgUnitCode,
        @Pattern(regexp = Texts.ONE_LINE, message = Texts.ONE_LINE_MESSAGE) @NotBlank @Size(max = 500) @Schema(
                example = "青禾县教育局2026年工作要点") String title,
        @NotBlank @Schema(
                description = "The plan year (or a range of years); extraction reads periods in its first year",
                example = "2026") String period,
        @NotBlank @Size(max = PlanRequest.MAX_TEXT) @Schema(description = "The plan as written, one paragraph per line",
                example = "一、高中教育\\n1.本科上线率达到68%，比2025年增加5个百分点。") String text) {

    public static final int MAX_TEXT = 1_000_000;
}
