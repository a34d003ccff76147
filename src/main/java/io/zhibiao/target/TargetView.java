package io.zhibiao.target;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Numbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Target", description = "The value an indicator must reach for one org unit over one period.")
public record TargetView(@Schema(required = true, example = "1") Long id,
        @Schema(required = true, example = "bk-rate") String indicatorCode,
        @Schema(required = true, example = "qinghe-county") String orgUnitCode,
        @Schema(required = true, example = "2025") String period,
        @Schema(required = true, example = "75.3") BigDecimal value, BigDecimal tolerance, PeriodValue baseline,
        List<PeriodValue> milestones, Long planId, @Schema(example = "本科上线率达到75.3%") String title, String source,
        String note, @Schema(description = "责任单位/股室", example = "基础教育股") String leadUnit,
        @Schema(description = "协办单位") List<String> coUnits,
        @Schema(description = "责任人", example = "王晓东") String responsible, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static TargetView of(Target t) {
        PeriodValue baseline = t.baselinePeriod == null && t.baselineValue == null
                ? null
                : new PeriodValue(t.baselinePeriod, Numbers.display(t.baselineValue));
        List<PeriodValue> milestones = t.milestones.stream()
                .map(m -> new PeriodValue(m.period, Numbers.display(m.value)))
                .sorted(Comparator.comparing(m -> Period.parse(m.period()))).toList();
        return new TargetView(t.id, t.indicator.code, t.orgUnit.code, t.span.text, Numbers.display(t.value),
                Numbers.display(t.tolerance), baseline, milestones, t.planId, t.title, t.source, t.note, t.leadUnit,
                t.coUnitList(), t.responsible, t.createdAt, t.updatedAt);
    }
}
