package io.zhibiao.orgunit;

import io.zhibiao.common.Texts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitRequest",
        description = "An org unit to create (POST) or the new state of one (PUT; code may be left out). Types: PROVINCE › "
                + "PREFECTURE › COUNTY/DISTRICT › TOWNSHIP (学区) › SCHOOL/KINDERGARTEN › TEACHING_POINT (教学点); levels may be skipped.")
public record OrgUnitRequest(
        @Pattern(regexp = Texts.CODE_PATTERN, message = "must be 1–64 letters, digits, '.', '_' or '-'") @Schema(
                example = "qinghe-county") String code,
        @Pattern(regexp = Texts.ONE_LINE,
                message = Texts.ONE_LINE_MESSAGE) @NotBlank @Size(max = 200) @Schema(example = "青禾县教育局") String name,
        @NotNull @Schema(example = "COUNTY") OrgUnitType type,
        @Schema(description = "Code of the parent org unit; absent for a root.",
                example = "lanzhou-pref") String parentCode,
        @Schema(description = "First month the unit reports in (YYYY-MM); absent: always open",
                example = "2019-09") String openedAt,
        @Schema(description = "Last month the unit reports in, when it closed or merged (撤并), YYYY-MM; absent: open",
                example = "2026-07") String closedAt) {

    /** A unit without opening or closing month. */
    public OrgUnitRequest(String code, String name, OrgUnitType type, String parentCode) {
        this(code, name, type, parentCode, null, null);
    }
}
