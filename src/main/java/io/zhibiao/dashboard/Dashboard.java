package io.zhibiao.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.zhibiao.progress.Status;
import io.zhibiao.target.ProgressView;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dashboard", description = "Status counts and one progress row per target, worst first.")
public record Dashboard(@Schema(example = "qinghe-county") String orgUnitCode, @Schema(example = "2025") String period,
        @Schema(description = "The asOf requested, or the last complete month (the month before the current one)",
                example = "2025-06") String asOf,
        Counts counts, List<ProgressView> targets,
        @Schema(description = "With groupBy=category: the counts per indicator category (null: no category), in "
                + "category order; otherwise null", nullable = true) List<CategoryCounts> categories) {

    @Schema(name = "CategoryCounts")
    public record CategoryCounts(@Schema(example = "教学质量", nullable = true) String category, Counts counts) {
    }

    @Schema(name = "StatusCounts")
    public record Counts(@JsonProperty("ACHIEVED") @Schema(example = "3") long achieved,
            @JsonProperty("ON_TRACK") @Schema(example = "9") long onTrack,
            @JsonProperty("AT_RISK") @Schema(example = "2") long atRisk,
            @JsonProperty("OFF_TRACK") @Schema(example = "1") long offTrack,
            @JsonProperty("MISSED") @Schema(example = "1") long missed,
            @JsonProperty("NO_DATA") @Schema(example = "4") long noData, @Schema(example = "20") long total) {

        static Counts of(Map<Status, Long> byStatus) {
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new Counts(n(byStatus, Status.ACHIEVED), n(byStatus, Status.ON_TRACK), n(byStatus, Status.AT_RISK),
                    n(byStatus, Status.OFF_TRACK), n(byStatus, Status.MISSED), n(byStatus, Status.NO_DATA), total);
        }

        private static long n(Map<Status, Long> byStatus, Status status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }
}
