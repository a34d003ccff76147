package io.zhibiao.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details with Zhibiao's stable {@code code}. */
@Schema(name = "Problem",
        description = "RFC 9457 problem details. `code` is stable and meant for programs; `detail` for people.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(@Schema(example = "https://zhibiao.io/problems/validation_failed") String type,
        @Schema(example = "Validation failed") String title, @Schema(example = "400") int status,
        @Schema(example = "period: '2025-13' has month 13; months run from 01 to 12") String detail,
        @Schema(example = "validation_failed", enumeration = {
                "validation_failed", "not_found", "conflict", "precondition_failed", "period_locked", "unauthorized",
                "forbidden", "method_not_allowed", "not_acceptable", "unsupported_media_type", "payload_too_large",
                "too_many_streams", "submission_locked", "internal_error"}) String code,
        @Schema(example = "/api/v1/targets") String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://zhibiao.io/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_BASE + code, title, status, detail, code, instance, errors);
    }
}
