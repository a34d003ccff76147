package io.zhibiao.commentary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CommentaryRequest", description = "What the unit says about a target for a period; at least one part.")
public record CommentaryRequest(
        @Size(max = 4000) @Schema(description = "进展情况",
                example = "3月完成教师培训1,120人次，累计2,840人次，达到年度目标的30.9%。") String progress,
        @Size(max = 4000) @Schema(description = "存在问题", example = "农村学校教师工学矛盾突出，参训率偏低。") String problems,
        @Size(max = 4000) @Schema(description = "下步措施", example = "4月起利用周末开展送培下乡，确保上半年完成4,600人次。") String nextSteps) {
}
