package io.zhibiao.validation;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidationResult",
        description = "A rule failing at one unit for one period, computed from the current figures.")
public record ValidationResult(@Schema(example = "gaokao-admitted-le-sitting") String rule,
        @Schema(example = "本科上线人数不超过参考人数") String name, @Schema(example = "BLOCK") RuleSeverity severity,
        @Schema(example = "qinghe-no1-middle") String orgUnitCode, @Schema(example = "青禾县第一中学") String orgUnitName,
        @Schema(example = "2026-03") String period,
        @Schema(description = "The rule as written, canonical",
                example = "gaokao-admitted <= gaokao-sitting") String expression,
        @Schema(example = "130") BigDecimal left, @Schema(example = "120") BigDecimal right,
        @Schema(example = "本科上线人数不能超过高考参考人数，请核对花名册") String message) {
}
