package io.zhibiao.ranking;

import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.progress.Status;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ranking", description = "Org units of a type under a parent, ranked by an indicator")
public record Ranking(@Schema(example = "teacher-training") String indicatorCode,
        @Schema(example = "qinghe-county") String parentCode, @Schema(example = "SCHOOL") OrgUnitType type,
        @Schema(example = "2025") String period, @Schema(example = "2025-06") String asOf, List<Item> items,
        @Schema(required = true, example = "0") int page, @Schema(required = true, example = "50") int size,
        @Schema(required = true, example = "200") long total) {

    @Schema(name = "RankingItem", description = "One org unit: its value over the period's window and its rank; "
            + "ties share a rank (1, 2, 2, 4), units without a value come last with rank null")
    public record Item(@Schema(example = "qinghe-no1-middle") String orgUnitCode,
            @Schema(example = "清河县第一中学") String name, @Schema(example = "820") BigDecimal value,
            @Schema(example = "1") Integer rank,
            @Schema(description = "The unit's target for this indicator and period, if it has one",
                    example = "12") Long targetId,
            @Schema(example = "ON_TRACK") Status status) {
    }
}
