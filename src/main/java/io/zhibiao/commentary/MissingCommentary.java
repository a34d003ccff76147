package io.zhibiao.commentary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MissingCommentary",
        description = "A target off track, at risk or missed at the period's end with no commentary for the period.")
public record MissingCommentary(@Schema(required = true, example = "12") long targetId,
        @Schema(example = "teacher-training") String indicatorCode, @Schema(example = "教师培训") String indicatorName,
        @Schema(example = "qinghe-county") String orgUnitCode, @Schema(example = "青禾县") String orgUnitName,
        @Schema(example = "OFF_TRACK") String status,
        @Schema(description = "责任单位/股室", nullable = true, example = "教师发展中心") String leadUnit) {
}
