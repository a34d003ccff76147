package io.zhibiao.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One problem with one field of the request.")
public record FieldError(@Schema(example = "period") String field,
        @Schema(example = "'2025-13' has month 13; months run from 01 to 12") String message) {
}
