package io.zhibiao.orgunit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnit", description = "A node of the administrative tree.")
public record OrgUnitView(@Schema(example = "qinghe-county") String code, @Schema(example = "青禾县教育局") String name,
        @Schema(example = "COUNTY") OrgUnitType type, @Schema(example = "lanzhou-pref") String parentCode,
        @Schema(description = "Codes from the root to this unit.",
                example = "[\"lanzhou-pref\", \"qinghe-county\"]") List<String> path,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.type, unit.parent == null ? null : unit.parent.code,
                Arrays.stream(unit.path.split("/")).filter(s -> !s.isEmpty()).toList(), unit.createdAt, unit.updatedAt);
    }
}
