package io.zhibiao.reporting;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MissingCell", description = "A figure still missing after its due date: one line of the 催报 list.")
public record MissingCell(@Schema(example = "qinghe-east-primary") String orgUnitCode,
        @Schema(example = "东城小学") String name,
        @Schema(description = "Names from the unit asked about down to this one",
                example = "[\"青禾县教育局\", \"东城学区\", \"东城小学\"]") List<String> path,
        @Schema(example = "teacher-training") String indicatorCode, @Schema(example = "教师培训") String indicatorName,
        @Schema(example = "2026-03") String period, @Schema(example = "2026-04-05") String dueDate) {
}
