package io.zhibiao.validation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidationRule", description = "A validation rule as stored: expressions in canonical form (codes).")
public record RuleView(@Schema(example = "gaokao-admitted-le-sitting") String code,
        @Schema(example = "本科上线人数不超过参考人数") String name, @Schema(example = "qinghe-county") String orgUnitCode,
        @Schema(example = "gaokao-admitted") String left, @Schema(example = "<=") String operator,
        @Schema(example = "gaokao-sitting") String right, @Schema(nullable = true) BigDecimal tolerance,
        @Schema(example = "BLOCK") RuleSeverity severity,
        @Schema(example = "SKIP_IF_ANY_MISSING") MissingValues missing,
        @Schema(description = "Empty: every unit that posts a figure the rule reads") List<String> appliesTo,
        @Schema(nullable = true, example = "本科上线人数不能超过高考参考人数，请核对花名册") String message,
        @Schema(description = "Every indicator the rule reads",
                example = "[\"gaokao-admitted\", \"gaokao-sitting\"]") List<String> reads,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    static RuleView of(ValidationRule rule) {
        return new RuleView(rule.code, rule.name, rule.orgUnit.code, rule.left, rule.operator.symbol(), rule.right,
                rule.tolerance, rule.severity, rule.missing, List.copyOf(rule.appliesToTypes()), rule.message,
                rule.reads.stream().map(i -> i.code).sorted().toList(), rule.createdAt, rule.createdBy, rule.updatedAt,
                rule.updatedBy);
    }
}
