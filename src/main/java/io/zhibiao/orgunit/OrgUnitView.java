package io.zhibiao.orgunit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnit", description = "A node of the administrative tree.")
public record OrgUnitView(@Schema(required = true, example = "qinghe-county") String code,
        @Schema(required = true, example = "青禾县教育局") String name,
        @Schema(required = true, example = "COUNTY") OrgUnitType type,
        @Schema(example = "lanzhou-pref") String parentCode,
        @Schema(required = true, description = "Codes from the root to this unit.",
                example = "[\"lanzhou-pref\", \"qinghe-county\"]") List<String> path,
        @Schema(description = "First month the unit reports in; null: always open", example = "2019-09",
                nullable = true) String openedAt,
        @Schema(description = "Last month the unit reports in (closed or merged after it); null: open",
                example = "2026-07", nullable = true) String closedAt,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** The parent's code is the path's last but one: reading it costs no load of the parent. */
    static OrgUnitView of(OrgUnit unit) {
        List<String> path = Arrays.stream(unit.path.split("/")).filter(s -> !s.isEmpty()).toList();
        return new OrgUnitView(unit.code, unit.name, unit.type, path.size() < 2 ? null : path.get(path.size() - 2),
                path, OrgUnitRules.month(unit.openedMonth), OrgUnitRules.month(unit.closedMonth), unit.createdAt,
                unit.updatedAt);
    }
}
