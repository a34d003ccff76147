package io.zhibiao.common;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A validation rule that fails for a unit and period (design §7): in a refused write's problem, a warning of an
 * accepted one, a batch row's conflict.
 */
@Schema(name = "RuleFailure", description = "A validation rule failing with both sides' values.")
public record RuleFailure(@Schema(example = "gaokao-admitted-le-sitting") String rule,
        @Schema(example = "本科上线人数不超过参考人数") String name, @Schema(enumeration = {
                "BLOCK", "WARN"}, example = "BLOCK") String severity,
        @Schema(example = "130") BigDecimal left, @Schema(example = "120") BigDecimal right,
        @Schema(description = "The rule's message, or the comparison with its values",
                example = "本科上线人数不能超过高考参考人数") String message) {
}
