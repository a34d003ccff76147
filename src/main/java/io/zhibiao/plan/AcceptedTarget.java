package io.zhibiao.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.zhibiao.indicator.IndicatorRequest;
import io.zhibiao.target.PeriodValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reviewed candidate to turn into a target. A candidate from an extraction can be sent back as it
 * is, with {@code indicatorCode} (an existing indicator) or {@code indicator} (one to create)
 * added; the fields that only describe the finding (unit, confidence, offsets …) are ignored.
 */
@JsonIgnoreProperties({"unit", "valueType", "direction", "category", "start", "end", "confidence", "alsoAt"})
@Schema(name = "AcceptedTarget")
public record AcceptedTarget(
        @Schema(description = "An existing indicator; or leave it out and describe a new one in indicator",
                example = "bk-rate") String indicatorCode,
        @Valid @Schema(
                description = "An indicator to create for this target (its code is then required)") IndicatorRequest indicator,
        @Schema(description = "Default: the unit named by orgUnitName, else the plan's org unit",
                example = "qinghe-county") String orgUnitCode,
        @Size(max = 200) @Schema(
                description = "A unit's name as the plan writes it, looked up under the plan's org unit",
                example = "县第一中学") String orgUnitName,
        @Schema(description = "Default: the plan period", example = "2026") String period,
        @NotNull @Schema(example = "68") BigDecimal value, BigDecimal tolerance, @Valid PeriodValue baseline,
        @Size(max = 120) List<@NotNull @Valid PeriodValue> milestones,
        @Size(max = 500) @Schema(description = "Becomes the target's title", example = "本科上线率") String name,
        @Size(max = 4000) @Schema(description = "Becomes the target's source",
                example = "本科上线率达到68%，比2025年增加5个百分点") String sentence,
        @Size(max = 4000) String note, @Size(max = 200) @Schema(description = "责任单位/股室; the candidate's leadUnit",
                example = "基础教育股") String leadUnit) {
}
