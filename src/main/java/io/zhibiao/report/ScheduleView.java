package io.zhibiao.report;

import io.zhibiao.period.PeriodType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReportSchedule")
public record ScheduleView(@Schema(required = true, example = "2") long id,
        @Schema(example = "qinghe-county") String orgUnitCode, @Schema(required = true, example = "6") int dayOfMonth,
        @Schema(example = "MONTH") PeriodType periodType, @Schema(example = "pdf") String format,
        @Schema(example = "all") String dataStatus, @Schema(required = true, example = "3") long channel,
        @Schema(description = "The last period reported", example = "2026-03", nullable = true) String lastPeriod,
        @Schema(example = "qinghe-planner") String createdBy, OffsetDateTime createdAt) {

    static ScheduleView of(ReportSchedule s) {
        return new ScheduleView(s.id, s.orgUnit.code, s.dayOfMonth, s.periodType, s.format.extension, s.dataStatus,
                s.channel.id, s.lastPeriod, s.createdBy, s.createdAt);
    }
}
