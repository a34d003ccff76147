package io.zhibiao.commentary;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Commentary", description = "One version of the commentary on a target for a period.")
public record CommentaryView(@Schema(required = true, example = "12") long targetId,
        @Schema(example = "2026-03") String period,
        @Schema(required = true, description = "1 for the first version, one more for every change",
                example = "2") int revision,
        @Schema(description = "进展情况", example = "3月完成教师培训1,120人次，累计2,840人次。") String progress,
        @Schema(description = "存在问题", example = "农村学校教师工学矛盾突出。") String problems,
        @Schema(description = "下步措施", example = "4月起开展送培下乡。") String nextSteps, OffsetDateTime updatedAt,
        @Schema(example = "qinghe-planner") String updatedBy) {

    static CommentaryView of(Commentary c) {
        return new CommentaryView(c.target.id, c.span.text, c.revision, c.progress, c.problems, c.nextSteps,
                c.updatedAt, c.updatedBy);
    }
}
