package io.zhibiao.orgunit;

import io.zhibiao.common.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitRequest",
        description = "An org unit to create (POST) or the new state of one (PUT; code may be left out).")
public record OrgUnitRequest(
        @Pattern(regexp = Texts.CODE_PATTERN, message = "must be 1–64 letters, digits, '.', '_' or '-'") @Schema(
                example = "qinghe-county") String code,
        @Pattern(regexp = Texts.ONE_LINE,
                message = Texts.ONE_LINE_MESSAGE) @NotBlank @Size(max = 200) @Schema(example = "青禾县教育局") String name,
        @NotNull @Schema(example = "COUNTY") OrgUnitType type,
        @Schema(description = "Code of the parent org unit; absent for a root.",
                example = "lanzhou-pref") String parentCode) {
}
