package io.zhibiao.observation;

import io.zhibiao.common.RuleFailure;
import io.zhibiao.progress.Numbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Observation", description = "The current figure for (indicator, org unit, period).")
public record ObservationView(@Schema(example = "teacher-training") String indicatorCode,
        @Schema(example = "qinghe-no1-middle") String orgUnitCode, @Schema(example = "2025-03") String period,
        @Schema(nullable = true, description = "null when the cell is marked not applicable",
                example = "820") BigDecimal value,
        @Schema(example = "FINAL") ObservationStatus status, @Schema(example = "含寒假集中培训") String comment,
        @Schema(required = true, description = "Incremented by every change; also the ETag",
                example = "2") int revision,
        OffsetDateTime updatedAt,
        @Schema(description = "Token name or JWT subject of the last writer",
                example = "qinghe-no1-clerk") String updatedBy,
        @Schema(description = "Data-quality flags: OUTLIER when far from the unit's own history (accepted, but worth a look)",
                example = "[]") List<String> flags,
        @Schema(description = "The WARN validation rules this write made fail (accepted); empty on reads and when "
                + "none did") List<RuleFailure> warnings,
        @Schema(required = true, description = "Marked not applicable (不适用): no value, the reason in comment",
                example = "false") boolean notApplicable) {

    static ObservationView of(Observation o) {
        return of(o, List.of());
    }

    static ObservationView of(Observation o, List<RuleFailure> warnings) {
        return new ObservationView(o.indicator.code, o.orgUnit.code, o.span.text, Numbers.display(o.value), o.status,
                o.comment, o.revision, o.updatedAt, o.updatedBy,
                o.flags == null ? List.of() : List.of(o.flags.split(",")), warnings, o.notApplicable);
    }
}
