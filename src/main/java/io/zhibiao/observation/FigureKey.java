package io.zhibiao.observation;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The indicator, org unit and period that name one figure: the path of
 * {@code /observations/{indicatorCode}/{orgUnitCode}/{period}}, declared once for the four operations on it. The period
 * stays text here, unlike the periods other operations take ({@code common/PeriodParams}): it is a field of the figure
 * written, checked against the indicator's frequency (design §3) by the same validator a batch row goes through, so a
 * figure put by path and the same figure in a file answer the same errors.
 */
public class FigureKey {

    @PathParam("indicatorCode")
    @Parameter(description = "Indicator code", example = "teacher-training")
    String indicatorCode;

    @PathParam("orgUnitCode")
    @Parameter(description = "Org unit code", example = "qinghe-no1-middle")
    String orgUnitCode;

    @PathParam("period")
    @Parameter(description = "Period of the indicator's frequency", example = "2025-03")
    String period;

    public String indicatorCode() {
        return indicatorCode;
    }

    public String orgUnitCode() {
        return orgUnitCode;
    }

    public String period() {
        return period;
    }
}
