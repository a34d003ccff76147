package io.zhibiao.validation;

import io.zhibiao.common.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ValidationRuleRequest",
        description = "A rule comparing two expressions over indicator codes, checked in the org unit's subtree.")
public record RuleRequest(
        @NotBlank @Pattern(regexp = Texts.CODE_PATTERN,
                message = "letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit") @Schema(
                        description = "Ignored on PUT (the path names the rule)",
                        example = "gaokao-admitted-le-sitting") String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = Texts.ONE_LINE,
                message = "one line of text") @Schema(example = "本科上线人数不超过参考人数") String name,
        @NotBlank @Schema(example = "qinghe-county") String orgUnitCode,
        @NotBlank @Size(max = 2000) @Schema(
                description = "Indicator codes (or names), decimal numbers, + - * /, parentheses, prev(code), "
                        + "lastYear(code), children(code); put spaces around a minus between codes",
                example = "gaokao-admitted") String left,
        @NotBlank @Schema(enumeration = {
                "==", "!=", "<", "<=", ">", ">="}, example = "<=") String operator,
        @NotBlank @Size(max = 2000) @Schema(example = "gaokao-sitting") String right,
        @Schema(description = "Absolute tolerance of ==; not allowed with other operators",
                example = "0.5") BigDecimal tolerance,
        @Schema(description = "BLOCK refuses a write that makes the rule fail; WARN accepts it with a warning",
                enumeration = {"BLOCK", "WARN"}, example = "BLOCK") String severity,
        @Schema(description = "Default SKIP_IF_ANY_MISSING",
                enumeration = {"SKIP_IF_ANY_MISSING", "SKIP_IF_ALL_MISSING", "NEVER_SKIP"},
                example = "SKIP_IF_ANY_MISSING") String missing,
        @Schema(description = "Org-unit types the rule checks; default: every unit that posts a figure the rule "
                + "reads for the period") List<String> appliesTo,
        @Size(max = 500) @Schema(description = "What the clerk reads when the rule fails",
                example = "本科上线人数不能超过高考参考人数，请核对花名册") String message) {
}
