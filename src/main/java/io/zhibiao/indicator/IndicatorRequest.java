package io.zhibiao.indicator;

import io.zhibiao.common.Texts;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.Rollup;
import io.zhibiao.progress.ValueType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IndicatorRequest",
        description = "An indicator to create (POST) or the new state of one (PUT; code may be left out).")
public record IndicatorRequest(
        @Pattern(regexp = Texts.CODE_PATTERN,
                message = "must be 1–64 letters, digits, '.', '_' or '-'") @Schema(example = "bk-rate") String code,
        @Pattern(regexp = Texts.ONE_LINE,
                message = Texts.ONE_LINE_MESSAGE) @NotBlank @Size(max = 200) @Schema(example = "本科上线率") String name,
        @Size(max = 100) @Schema(example = "教学质量") String category,
        @Size(max = 2000) @Schema(
                example = "Share of candidates above the undergraduate cut-off in the gaokao") String description,
        @Size(max = 20) @Schema(description = "Display unit; required except for PERCENT, which defaults to %",
                example = "%") String unit,
        @NotNull @Schema(example = "PERCENT") ValueType valueType,
        @NotNull @Schema(example = "INCREASE") Direction direction,
        @NotNull @Schema(example = "LAST") Aggregation aggregation,
        @Schema(description = "Period type clerks report in; default MONTHLY", example = "YEARLY") Frequency frequency,
        @Schema(description = "Lowest acceptable figure; default 0 for INTEGER and PERCENT") BigDecimal minValue,
        @Schema(description = "Highest acceptable figure; default 100 for PERCENT") BigDecimal maxValue,
        @Schema(description = "How children's values combine into a parent's; default SUM for INTEGER and "
                + "DECIMAL, NONE for PERCENT, which never sums or averages", example = "NONE") Rollup rollup,
        @Valid @Schema(description = "Makes the indicator derived: numerator ÷ denominator × factor; it then takes no "
                + "observations") FormulaRequest formula,
        @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(366) @Schema(
                description = "Days after a period ends by which its figures are due; default "
                        + "zhibiao.reporting.due-days (5)",
                example = "5") Integer dueDays) {

    /** An indicator with the default due date. */
    public IndicatorRequest(String code, String name, String category, String description, String unit,
            ValueType valueType, Direction direction, Aggregation aggregation, Frequency frequency, BigDecimal minValue,
            BigDecimal maxValue, Rollup rollup, FormulaRequest formula) {
        this(code, name, category, description, unit, valueType, direction, aggregation, frequency, minValue, maxValue,
                rollup, formula, null);
    }

    @Schema(name = "Formula", description = "Either a ratio — value = numerator ÷ denominator × factor, each component "
            + "valued at the same org unit and window, so at a county Σ numerators ÷ Σ denominators — or a rankCount")
    public record FormulaRequest(
            @Schema(description = "Code of an indicator without a formula, not PERCENT",
                    example = "bk-passed") String numerator,
            @Schema(description = "Code of an indicator without a formula, not PERCENT",
                    example = "gk-candidates") String denominator,
            @Schema(description = "Default 100 for a PERCENT indicator, else 1", example = "100") BigDecimal factor,
            @Valid @Schema(description = "Instead of a ratio: how many of the unit's units of `type` rank in the top "
                    + "`top` among all units of `type` under their ancestor of type `within`") RankCountRequest rankCount) {
    }

    @Schema(name = "RankCount", description = "\"有3所学校排名进入全州前10名\": the count of units ranked in the top")
    public record RankCountRequest(
            @NotBlank @Schema(description = "The indicator ranked (without a formula)",
                    example = "bk-passed") String indicator,
            @NotNull @Schema(description = "The level the ranking spans", example = "PREFECTURE") OrgUnitType within,
            @NotNull @Schema(description = "The units ranked and counted", example = "SCHOOL") OrgUnitType type,
            @NotNull @Min(1) @Schema(example = "10") Integer top) {
    }
}
