package io.zhibiao.observation;

import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clerk's monthly form as JSON: the rows of the Excel template, with last period's and last year's figure. */
@Schema(name = "EntryForm", description = "One row per indicator the org unit has a target for in the month (the "
        + "rows of the Excel template), each with its current figure and the figures to compare with.")
public record EntryForm(@Schema(example = "qinghe-no1-middle") String orgUnitCode,
        @Schema(example = "清河县第一中学") String orgUnitName, @Schema(example = "2025-03") String month, List<Row> rows) {

    @Schema(name = "EntryFormRow")
    public record Row(@Schema(example = "teacher-training") String indicatorCode,
            @Schema(example = "教师培训") String indicatorName, @Schema(example = "人次") String unit,
            @Schema(example = "INTEGER") ValueType valueType, @Schema(example = "师资建设") String category,
            @Schema(description = "The reporting period of the indicator's frequency that holds the month",
                    example = "2025-03") String period,
            @Schema(description = "The figure stored for the period, if any") ObservationView current,
            @Schema(description = "The previous reporting period's figure, if any") Figure previous,
            @Schema(description = "The same period a year earlier, if any") Figure lastYear) {
    }

    @Schema(name = "EntryFormFigure")
    public record Figure(@Schema(example = "2025-02") String period, @Schema(example = "812") BigDecimal value) {
    }
}
