package io.zhibiao.validation;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.PeriodParams;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/validation-results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Validation rules")
public class ValidationResultResource {

    @Inject
    ValidationRuleService service;

    @Inject
    ZhibiaoConfig config;

    /** One page of failing rules. */
    @Schema(name = "ValidationResultPage")
    public record ResultPage(java.util.List<ValidationResult> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "1") long total) {
    }

    @GET
    @Operation(operationId = "listValidationResults", summary = "Rules failing in a subtree for a period",
            description = "Every failing (rule, unit) of the unit's subtree for the period, with both sides' values, "
                    + "recomputed from the current figures: a fixed figure makes its result disappear, and a rule "
                    + "created after the data shows the failures already there. BLOCK first.")
    @APIResponse(responseCode = "200", description = "One page of failures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultPage.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ResultPage list(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "A month, quarter, half or year", required = true, example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period,
            @Parameter(description = "Only BLOCK or only WARN rules",
                    schema = @Schema(enumeration = {"BLOCK", "WARN"})) @QueryParam("severity") String severity,
            @BeanParam PageParams paging) {
        PageResult<ValidationResult> page = service.results(orgUnit, period(period), severity(severity),
                paging.toRequest(config.paging()));
        return new ResultPage(page.items(), page.page(), page.size(), page.total());
    }

    static Period period(Period period) {
        return Params.required("period", period, "for example 2026-03");
    }

    private static RuleSeverity severity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RuleSeverity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("severity", "'" + text + "' is not BLOCK or WARN");
        }
    }
}
