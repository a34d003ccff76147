package io.zhibiao.lock;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LockRequest", description = "Closes a period for changes in an org unit's subtree.")
public record LockRequest(@NotBlank @Schema(example = "lanzhou-pref") String orgUnitCode,
        @NotBlank @Schema(description = "Every observation period inside it is locked", example = "2025") String period,
        @Schema(description = "Only this indicator; default all", example = "teacher-training") String indicatorCode) {
}
