package io.zhibiao.observation;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The indicator, org unit and period that name one figure: the path of
 * {@code /observations/{indicatorCode}/{orgUnitCode}/{period}}, declared once for the four operations on it. The period
 * stays text here; {@link ObservationService} parses it against the indicator's frequency (design §3), so a malformed
 * one is a 400 that names it, not JAX-RS's 404 for a failed conversion.
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
