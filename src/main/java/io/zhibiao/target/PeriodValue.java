package io.zhibiao.target;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value tied to a period: a baseline or a milestone. */
@Schema(name = "PeriodValue")
public record PeriodValue(@Schema(example = "2024") String period, @Schema(example = "65.3") BigDecimal value) {
}
