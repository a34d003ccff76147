package io.zhibiao.validation;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidationRuleTest", description = "One rule evaluated at one unit and period, nothing stored.")
public record RuleTest(@Schema(example = "gaokao-admitted-le-sitting") String rule,
        @Schema(example = "qinghe-no1-middle") String orgUnitCode, @Schema(example = "2026-03") String period,
        @Schema(required = true,
                description = "Whether the rule checks this unit at all (its type, or its own figures)") boolean applies,
        @Schema(enumeration = {
                "PASSED", "FAILED", "SKIPPED"}, example = "FAILED") String verdict,
        @Schema(nullable = true, example = "130") BigDecimal left,
        @Schema(nullable = true, example = "120") BigDecimal right,
        @Schema(nullable = true, description = "Why the rule was not checked",
                example = "a value is missing") String skippedBecause,
        @Schema(nullable = true, example = "本科上线人数不能超过高考参考人数") String message,
        @Schema(description = "The value each reference stands for (null: missing)") List<Reading> readings) {

    @Schema(name = "ValidationRuleReading")
    public record Reading(@Schema(example = "lastYear(teacher-training)") String ref,
            @Schema(nullable = true, example = "200") BigDecimal value) {
    }
}
