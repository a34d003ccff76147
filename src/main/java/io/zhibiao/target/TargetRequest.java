package io.zhibiao.target;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
        @Size(max = 4000) String note) {
}
