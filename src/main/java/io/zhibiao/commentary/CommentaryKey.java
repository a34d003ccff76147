package io.zhibiao.commentary;

import io.zhibiao.common.PeriodParams;
import io.zhibiao.period.Period;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The target and period that name one commentary: the path of {@code /targets/{id}/commentary/{period}}, declared once
 * for the three operations on it. The period is converted by {@code common/PeriodParams} (one reporting period; a
 * malformed one is a 400 that names it); {@link CommentaryService} checks it lies in the target's period.
 */
public class CommentaryKey {

    @PathParam("id")
    @Parameter(description = "Target id", example = "12")
    long id;

    @PathParam("period")
    @PeriodParams.Single
    @Parameter(description = "A month, quarter, half or year of the target's period", example = "2026-03",
            schema = @Schema(type = SchemaType.STRING))
    Period period;

    public long targetId() {
        return id;
    }

    public Period period() {
        return period;
    }
}
