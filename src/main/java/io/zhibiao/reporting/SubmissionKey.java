package io.zhibiao.reporting;

import io.zhibiao.common.PeriodParams;
import io.zhibiao.period.Period;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The org unit and reporting period that name one submission: the path of {@code /submissions/{orgUnit}/{period}},
 * declared once for the five operations on it. The period is converted by {@link PeriodParams} (a malformed one is a 400
 * that names it); {@link SubmissionService} resolves the unit.
 */
public class SubmissionKey {

    @PathParam("orgUnit")
    @Parameter(description = "Org unit code", example = "qinghe-east-primary")
    String orgUnit;

    @PathParam("period")
    @PeriodParams.Single
    @Parameter(description = "The reporting period: a month, quarter, half or year", example = "2026-03",
            schema = @Schema(type = SchemaType.STRING))
    Period period;

    public String orgUnit() {
        return orgUnit;
    }

    public Period period() {
        return period;
    }
}
