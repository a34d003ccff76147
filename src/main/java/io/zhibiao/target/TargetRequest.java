package io.zhibiao.target;

import io.zhibiao.common.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetRequest", description = "A target to create (POST) or the new state of one (PUT).")
public record TargetRequest(@NotBlank @Schema(example = "bk-rate") String indicatorCode,
        @NotBlank @Schema(example = "qinghe-county") String orgUnitCode,
        @NotBlank @Schema(
                description = "A year, half, quarter, month or a range START/END", example = "2025") String period,
        @NotNull @Schema(example = "75.3") BigDecimal value,
        @Schema(description = "MAINTAIN indicators only: allowed distance from the target",
                example = "0.5") BigDecimal tolerance,
        @Valid @Schema(
                description = "Known starting point; without a value it is derived from the figures of the baseline period") PeriodValue baseline,
        @Size(max = 120) List<@NotNull @Valid PeriodValue> milestones,
        @Schema(description = "Plan the target belongs to", example = "1") Long planId,
        @Size(max = 500) @Schema(example = "本科上线率达到75.3%") String title,
        @Size(max = 4000) @Schema(description = "Where the target comes from, usually the plan sentence",
                example = "本科上线率达到75.3%，比2024年增加10个百分点") String source,
        @Size(max = 4000) String note,
        @Size(max = 200) @Pattern(regexp = Texts.ONE_LINE, message = Texts.ONE_LINE_MESSAGE) @Schema(
                description = "责任单位/股室: who answers for the target", example = "基础教育股") String leadUnit,
        @Size(max = 20) @Schema(description = "协办单位",
                example = "[\"教研室\", \"招生办\"]") List<@NotBlank @Size(max = 200) @Pattern(regexp = Texts.ONE_LINE,
                        message = Texts.ONE_LINE_MESSAGE) String> coUnits,
        @Size(max = 100) @Pattern(regexp = Texts.ONE_LINE,
                message = Texts.ONE_LINE_MESSAGE) @Schema(description = "责任人", example = "王晓东") String responsible) {

    /** A target without responsibility fields (a PUT with this form clears them, as it does any field left out). */
    public TargetRequest(String indicatorCode, String orgUnitCode, String period, BigDecimal value,
            BigDecimal tolerance, PeriodValue baseline, List<PeriodValue> milestones, Long planId, String title,
            String source, String note) {
        this(indicatorCode, orgUnitCode, period, value, tolerance, baseline, milestones, planId, title, source, note,
                null, null, null);
    }
}
