package io.zhibiao.target;

import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Coverage;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.Progress;
import io.zhibiao.progress.Source;
import io.zhibiao.progress.Status;
import io.zhibiao.progress.ValueType;
import io.zhibiao.progress.Yoy;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Progress", description = "Where one target stands at one month. Ratios are fractions: 0.75 is 75 %.")
public record ProgressView(@Schema(required = true, example = "1") long targetId,
        @Schema(example = "bk-rate") String indicatorCode, @Schema(example = "本科上线率") String indicatorName,
        @Schema(example = "qinghe-county") String orgUnitCode, @Schema(example = "2025") String period,
        @Schema(example = "2025-12") String asOf, @Schema(example = "%") String unit,
        @Schema(example = "PERCENT") ValueType valueType, @Schema(example = "INCREASE") Direction direction,
        @Schema(example = "LAST") Aggregation aggregation, @Schema(example = "75.3") BigDecimal target,
        @Schema(example = "65.3") BigDecimal baseline, @Schema(example = "2024") String baselinePeriod,
        @Schema(example = "72.8") BigDecimal actual,
        @Schema(description = "Period of the latest figure counted", example = "2025") String latestPeriod,
        @Schema(description = "Still missing (INCREASE/DECREASE) or distance from target (MAINTAIN); percentage points for PERCENT",
                example = "2.5") BigDecimal gap,
        @Schema(example = "false") Boolean met, @Schema(example = "0.75") BigDecimal progress,
        @Schema(description = "actual / target (完成率)", example = "0.9668") BigDecimal attainment,
        @Schema(example = "1") BigDecimal elapsed, @Schema(example = "75.3") BigDecimal expected,
        @Schema(example = "0.75") BigDecimal pace, @Schema(required = true, example = "true") boolean complete,
        @Schema(example = "MISSED") Status status, YoyView yoy,
        @Schema(description = "Where actual comes from: the unit's own figures, its formula, or its children's values; "
                + "null when there is no value", example = "REPORTED") Source source,
        @Schema(description = "For a rolled-up or derived value: how many direct children have a value, of those whose "
                + "subtree ever reported; null for a reported value") CoverageView coverage,
        @Schema(description = "Expected actual at the end of the period; equals actual when complete",
                example = "72.8") BigDecimal forecast,
        @Schema(description = "Whether the forecast meets the target", example = "false") Boolean forecastMet,
        @Schema(description = "责任单位 that answers for the target; null when none is named", example = "基础教育股",
                nullable = true) String leadUnit) {

    @Schema(name = "Coverage", description = "\"18 of 20 schools reported\"")
    public record CoverageView(@Schema(example = "18") int reporting, @Schema(example = "20") int total) {

        static CoverageView of(Coverage coverage) {
            return coverage == null ? null : new CoverageView(coverage.reporting(), coverage.total());
        }
    }

    @Schema(name = "Yoy", description = "The same actual over the window one year earlier.")
    public record YoyView(@Schema(example = "2024") String previousWindow,
            @Schema(example = "65.3") BigDecimal previous, @Schema(example = "7.5") BigDecimal delta,
            @Schema(description = "pp (percentage points) for PERCENT, else the indicator's unit",
                    example = "pp") String deltaUnit,
            @Schema(description = "delta / |previous| × 100; null for PERCENT or when previous is 0",
                    example = "11.4855") BigDecimal deltaPercent) {

        static YoyView of(Yoy yoy) {
            return new YoyView(yoy.previousWindow(), yoy.previous(), yoy.delta(), yoy.deltaUnit(), yoy.deltaPercent());
        }
    }

    public static ProgressView of(Target t, Progress p) {
        return new ProgressView(t.id, t.indicator.code, t.indicator.name, t.orgUnit.code, t.span.text,
                p.asOf().toString(), t.indicator.unit, t.indicator.valueType, t.indicator.direction,
                t.indicator.aggregation, p.target(), p.baseline(), p.baselinePeriod(), p.actual(), p.latestPeriod(),
                p.gap(), p.met(), p.progress(), p.attainment(), p.elapsed(), p.expected(), p.pace(), p.complete(),
                p.status(), YoyView.of(p.yoy()), p.source(), CoverageView.of(p.coverage()), p.forecast(),
                p.forecastMet(), t.leadUnit);
    }
}
