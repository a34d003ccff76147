package io.zhibiao.validation;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.PeriodParams;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/validation-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Validation rules",
        description = "校验: figures checked against each other on every write (BLOCK refuses, WARN warns)")
public class ValidationRuleResource {

    private static final String EXAMPLE = """
            {"code": "gaokao-admitted-le-sitting", "name": "本科上线人数不超过参考人数", "orgUnitCode": "qinghe-county",
             "left": "gaokao-admitted", "operator": "<=", "right": "gaokao-sitting", "severity": "BLOCK",
             "message": "本科上线人数不能超过高考参考人数，请核对花名册"}""";

    @Inject
    ValidationRuleService service;

    @Inject
    ZhibiaoConfig config;

    /** One page of rules. */
    @Schema(name = "ValidationRulePage")
    public record RulePage(java.util.List<RuleView> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "1") long total) {
    }

    @POST
    @Operation(operationId = "createValidationRule", summary = "Create a validation rule",
            description = "PLANNER or ADMIN of the rule's org unit. The rule checks the unit's subtree from now on: "
                    + "a write that makes a BLOCK rule fail is refused (422 validation_rule_failed), a WARN rule's "
                    + "failure travels with the answer. Expressions name indicator codes (or unique indicator names), "
                    + "decimal numbers, + - * /, parentheses, prev(code), lastYear(code) and children(code); a "
                    + "mistake is a 400 naming the side and the character position.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "admitted not above sitting", value = EXAMPLE),
            @ExampleObject(name = "training at most three times last year",
                    value = "{\"code\": \"training-vs-last-year\", \"name\": \"培训人次不超过上年三倍\", "
                            + "\"orgUnitCode\": \"qinghe-county\", \"left\": \"teacher-training\", \"operator\": "
                            + "\"<=\", \"right\": \"3 * lastYear(teacher-training)\", \"severity\": \"WARN\"}")}))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid RuleRequest request, UriInfo uri) {
        RuleView created = RuleView.of(service.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listValidationRules", summary = "List validation rules",
            description = "The rules the caller sees: those of its subtree and those of the units above it, which "
                    + "check its units too.")
    @APIResponse(responseCode = "200", description = "One page of rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RulePage.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RulePage list(
            @Parameter(description = "Only the rules that check this org unit or units below it",
                    example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Only the rules that read this indicator",
                    example = "gaokao-admitted") @QueryParam("indicator") String indicator,
            @BeanParam PageParams paging) {
        PageResult<RuleView> page = service.list(orgUnit, indicator, paging.toRequest(config.paging()))
                .map(RuleView::of);
        return new RulePage(page.items(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getValidationRule", summary = "Get a validation rule",
            description = "One rule as stored: its expressions in canonical form (codes), where it applies and every "
                    + "indicator it reads.")
    @APIResponse(responseCode = "200", description = "The rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RuleView get(@Parameter(description = "Rule code",
            example = "gaokao-admitted-le-sitting") @PathParam("code") String code) {
        return RuleView.of(service.get(code));
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "updateValidationRule", summary = "Change a validation rule",
            description = "Replaces every field but the code. Checked as on creation.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "warn instead of block", value = """
                    {"code": "gaokao-admitted-le-sitting", "name": "本科上线人数不超过参考人数", "orgUnitCode": "qinghe-county",
                     "left": "gaokao-admitted", "operator": "<=", "right": "gaokao-sitting", "severity": "WARN"}""")))
    @APIResponse(responseCode = "200", description = "The rule as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RuleView update(
            @Parameter(description = "Rule code",
                    example = "gaokao-admitted-le-sitting") @PathParam("code") String code,
            @NotNull(message = "a JSON body is required") @Valid RuleRequest request) {
        return RuleView.of(service.update(code, request));
    }

    @DELETE
    @Path("/{code}")
    @Operation(operationId = "deleteValidationRule", summary = "Delete a validation rule",
            description = "PLANNER or ADMIN of the rule's org unit. Writes are no longer checked against it; figures "
                    + "it refused stay refused, those it warned about stay stored.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@Parameter(description = "Rule code",
            example = "gaokao-admitted-le-sitting") @PathParam("code") String code) {
        service.delete(code);
        return Response.noContent().build();
    }

    @POST
    @Path("/{code}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "testValidationRule", summary = "Evaluate a rule at one unit and period",
            description = "Evaluates the stored rule against the current figures without storing anything: the "
                    + "verdict, both sides' values and the value of every reference.")
    @APIResponse(responseCode = "200", description = "The evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleTest.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RuleTest test(
            @Parameter(description = "Rule code",
                    example = "gaokao-admitted-le-sitting") @PathParam("code") String code,
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "A month, quarter, half or year", required = true, example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period) {
        return service.test(code, orgUnit, ValidationResultResource.period(period));
    }
}
