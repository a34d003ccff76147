package io.zhibiao.indicator;

import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.Numbers;
import io.zhibiao.progress.Rollup;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicator", description = "What is measured and how it behaves.")
public record IndicatorView(@Schema(required = true, example = "bk-rate") String code,
        @Schema(required = true, example = "本科上线率") String name, @Schema(example = "教学质量") String category,
        String description, @Schema(example = "%") String unit,
        @Schema(required = true, example = "PERCENT") ValueType valueType,
        @Schema(required = true, example = "INCREASE") Direction direction,
        @Schema(required = true, example = "LAST") Aggregation aggregation,
        @Schema(example = "YEARLY") Frequency frequency, @Schema(example = "0") BigDecimal minValue,
        @Schema(example = "100") BigDecimal maxValue, @Schema(example = "NONE") Rollup rollup, FormulaView formula,
        @Schema(description = "Days after a period ends by which its figures are due; null: the service's default "
                + "(zhibiao.reporting.due-days, 5)", example = "5", nullable = true) Integer dueDays,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @Schema(name = "FormulaView", description = "value = numerator ÷ denominator × factor, or a rankCount")
    public record FormulaView(@Schema(example = "bk-passed") String numerator,
            @Schema(example = "gk-candidates") String denominator, @Schema(example = "100") BigDecimal factor,
            RankCountView rankCount) {
    }

    @Schema(name = "RankCountView")
    public record RankCountView(@Schema(example = "bk-passed") String indicator,
            @Schema(example = "PREFECTURE") OrgUnitType within, @Schema(example = "SCHOOL") OrgUnitType type,
            @Schema(example = "10") int top) {
    }

    private static FormulaView formula(Indicator i) {
        if (i.numerator != null) {
            return new FormulaView(i.numerator.code, i.denominator.code, plain(i.factor), null);
        }
        return i.rankIndicator == null
                ? null
                : new FormulaView(null, null, null,
                        new RankCountView(i.rankIndicator.code, i.rankWithin, i.rankType, i.rankTop));
    }

    static IndicatorView of(Indicator i) {
        ValueRules rules = i.rules();
        return new IndicatorView(i.code, i.name, i.category, i.description, i.unit, i.valueType, i.direction,
                i.aggregation, i.frequency, plain(rules.effectiveMin()), plain(rules.effectiveMax()), i.rollup,
                formula(i), i.dueDays, i.createdAt, i.updatedAt);
    }

    private static BigDecimal plain(BigDecimal value) {
        return Numbers.display(value);
    }
}
