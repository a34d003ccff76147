package io.zhibiao.reporting;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.PeriodParams;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "上报 and 审核: a unit's period submitted, approved or returned, bottom-up")
public class SubmissionResource {

    private static final String PERIOD = "The reporting period: a month, quarter, half or year";

    @Inject
    SubmissionService service;

    @Inject
    ZhibiaoConfig config;

    @GET
    @Operation(operationId = "listSubmissions", summary = "List submissions",
            description = "Submissions (rows that left OPEN) in the caller's subtree, newest period first, each with "
                    + "what the caller may do with it.")
    @APIResponse(responseCode = "200", description = "One page of submissions")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PageResult<SubmissionView> list(
            @Parameter(description = "Only this unit's subtree",
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = PERIOD, example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period,
            @Parameter(description = "Only submissions in this state", example = "SUBMITTED",
                    schema = @Schema(implementation = Submission.State.class)) @QueryParam("state") String state,
            @BeanParam PageParams paging) {
        return service.list(orgUnit, period, Params.enumValue("state", state, Submission.State.class),
                paging.toRequest(config.paging()));
    }

    @GET
    @Path("/{orgUnit}/{period}")
    @Operation(operationId = "getSubmission", summary = "A unit's submission of a period, with its history",
            description = "OPEN when nothing happened yet; every transition with who, when and why.")
    @APIResponse(responseCode = "200", description = "The submission")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubmissionView get(@BeanParam SubmissionKey key) {
        return service.get(key.orgUnit(), key.period());
    }

    @POST
    @Path("/{orgUnit}/{period}/submit")
    @Operation(operationId = "submitPeriod", summary = "Submit a unit's period (上报)",
            description = "CLERK, PLANNER or ADMIN of the unit. Refused with 409 and the list of what is wrong while "
                    + "any of the unit's expected figures is missing or any reporting child is not APPROVED (逐级上报). "
                    + "From then on the unit's figures of the period take no writes (409 submission_locked).")
    @RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "note", value = "{\"reason\": \"已核对\"}")))
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SubmissionView submit(@BeanParam SubmissionKey key, @Valid SubmissionAction body) {
        return service.act(SubmissionEvent.Action.SUBMIT, key.orgUnit(), key.period(),
                body == null ? null : body.reason());
    }

    @POST
    @Path("/{orgUnit}/{period}/approve")
    @Operation(operationId = "approvePeriod", summary = "Approve a submitted period (审核通过)",
            description = "REVIEWER or ADMIN whose subtree holds the unit strictly below its scope root: nobody approves "
                    + "their own unit.")
    @RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "note", value = "{\"reason\": \"核对无误\"}")))
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SubmissionView approve(@BeanParam SubmissionKey key, @Valid SubmissionAction body) {
        return service.act(SubmissionEvent.Action.APPROVE, key.orgUnit(), key.period(),
                body == null ? null : body.reason());
    }

    @POST
    @Path("/{orgUnit}/{period}/return")
    @Operation(operationId = "returnPeriod", summary = "Return a submitted period with a reason (退回)",
            description = "As approve; the reason is required and shown to the unit, which can write again.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reason", value = "{\"reason\": \"上线人数与花名册不符\"}")))
    @APIResponse(responseCode = "200", description = "Returned")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SubmissionView returnPeriod(@BeanParam SubmissionKey key,
            @NotNull(message = "a JSON body with the reason is required") @Valid SubmissionAction body) {
        return service.act(SubmissionEvent.Action.RETURN, key.orgUnit(), key.period(), body.reason());
    }

    @POST
    @Path("/{orgUnit}/{period}/reopen")
    @Operation(operationId = "reopenPeriod", summary = "Reopen an approved period with a reason",
            description = "As approve; back to OPEN, and every approved submission above it for the same period too.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "reason", value = "{\"reason\": \"补报三月培训\"}")))
    @APIResponse(responseCode = "200", description = "Reopened")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public SubmissionView reopen(@BeanParam SubmissionKey key,
            @NotNull(message = "a JSON body with the reason is required") @Valid SubmissionAction body) {
        return service.act(SubmissionEvent.Action.REOPEN, key.orgUnit(), key.period(), body.reason());
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "actOnSubmissions", summary = "Approve, return or reopen many units' period at once",
            description = "Each unit is answered on its own (a refused one does not hold up the others).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "approve two schools",
            value = """
                    {"action": "APPROVE", "period": "2026-03", "orgUnits": ["qinghe-east-primary", "qinghe-exp-primary"]}""")))
    @APIResponse(responseCode = "200", description = "One result per unit, in the order given")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public List<SubmissionBatch.Result> batch(
            @NotNull(message = "a JSON body is required") @Valid SubmissionBatch request) {
        return service.batch(request);
    }
}
