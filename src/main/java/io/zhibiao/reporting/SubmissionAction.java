package io.zhibiao.reporting;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubmissionAction", description = "Why: required to return or reopen, optional otherwise.")
public record SubmissionAction(@Size(max = 2000) @Schema(example = "上线人数与花名册不符") String reason) {
}
