package io.zhibiao.reporting;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The org unit and reporting period that name one submission: the path of {@code /submissions/{orgUnit}/{period}},
 * declared once for the five operations on it. Both stay text here; {@link SubmissionService} resolves the unit and
 * parses the period, so a malformed one is a 400 that names it, not JAX-RS's 404 for a failed conversion.
 */
public class SubmissionKey {

    @PathParam("orgUnit")
    @Parameter(description = "Org unit code", example = "qinghe-east-primary")
    String orgUnit;

    @PathParam("period")
    @Parameter(description = "The reporting period: a month, quarter, half or year", example = "2026-03")
    String period;

    public String orgUnit() {
        return orgUnit;
    }

    public String period() {
        return period;
    }
}
