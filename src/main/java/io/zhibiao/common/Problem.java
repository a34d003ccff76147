package io.zhibiao.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details with Zhibiao's stable {@code code}. */
@Schema(name = "Problem",
        description = "RFC 9457 problem details. `code` is stable and meant for programs; `detail` for people.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(@Schema(example = "https://zhibiao.io/problems/validation_failed") String type,
        @Schema(example = "Validation failed") String title, @Schema(required = true, example = "400") int status,
        @Schema(example = "period: '2025-13' has month 13; months run from 01 to 12") String detail,
        @Schema(example = "validation_failed", enumeration = {
                "validation_failed", "not_found", "conflict", "precondition_failed", "period_locked", "unauthorized",
                "forbidden", "method_not_allowed", "not_acceptable", "unsupported_media_type", "payload_too_large",
                "too_many_streams", "too_many_reports", "submission_locked", "validation_rule_failed",
                "internal_error"}) String code,
        @Schema(example = "/api/v1/targets") String instance,
        @Schema(description = "validation_failed: one entry per invalid field") List<FieldError> errors,
        @Schema(description = "validation_rule_failed: the (first) rule the write made fail",
                example = "gaokao-admitted-le-sitting") String rule,
        @Schema(description = "validation_rule_failed: the value of the rule's left side",
                example = "130") java.math.BigDecimal left,
        @Schema(description = "validation_rule_failed: the value of the rule's right side",
                example = "120") java.math.BigDecimal right,
        @Schema(description = "validation_rule_failed: the rule's message",
                example = "本科上线人数不能超过高考参考人数") String message,
        @Schema(description = "validation_rule_failed: every rule the write made fail") List<RuleFailure> failures) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://zhibiao.io/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, instance, errors, null, null, null, null,
                null);
    }

    /** The same problem naming the rules a write made fail (the first one also at the top level, design §7). */
    public Problem withFailures(List<RuleFailure> all) {
        if (all == null || all.isEmpty()) {
            return this;
        }
        RuleFailure first = all.get(0);
        return new Problem(type, title, status, detail, code, instance, errors, first.rule(), first.left(),
                first.right(), first.message(), all);
    }
}
