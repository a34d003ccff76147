package io.zhibiao.target;

import io.smallrye.mutiny.Uni;
import io.zhibiao.common.ComputedAnswers;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import io.zhibiao.progress.SeriesPoint;
import io.zhibiao.progress.Status;
import io.zhibiao.security.Access;
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
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "What each org unit must reach, and how far it has come")
public class TargetResource {

    static final String EXAMPLE = """
            {"indicatorCode": "bk-rate", "orgUnitCode": "qinghe-county", "period": "2025", "value": 75.3,
             "baseline": {"period": "2024", "value": 65.3}, "title": "本科上线率达到75.3%",
             "source": "本科上线率达到75.3%，比2024年增加10个百分点"}""";

    @Inject
    TargetService service;

    @Inject
    ProgressService progress;

    @Inject
    ZhibiaoConfig config;

    @Inject
    ComputedAnswers answers;

    @Inject
    Access access;

    @Inject
    TargetImport imports;

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", TargetImport.XLSX})
    @Operation(operationId = "importTargets", summary = "Import targets (JSON, CSV or Excel)",
            description = "A 目标表 in one request: rows of indicatorCode, orgUnitCode, period, value and optionally "
                    + "baseline.period, baseline.value, tolerance, title (or the Chinese titles 指标代码, 单位代码, 期间, 目标值, "
                    + "基线期间, 基线值, 容差, 标题). Each row is created exactly as POST /targets would, with the same "
                    + "errors; a row setting a target the file already set is rejected. atomic=true (default): one bad row "
                    + "and nothing is written (409 with the summary); atomic=false: good rows are written. dryRun=true "
                    + "checks only. At most 5,000 rows.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetBatch.class),
                    examples = @ExampleObject(name = "two targets",
                            value = """
                                    {"targets": [{"indicatorCode": "teacher-training", "orgUnitCode": "qinghe-county", "period": "2027",
                                      "value": 7000},
                                     {"indicatorCode": "bk-rate", "orgUnitCode": "qinghe-county", "period": "2027", "value": 70,
                                      "baseline": {"period": "2026", "value": 67}}]}""")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two targets", value = """
                            指标代码,单位代码,期间,目标值,基线期间,基线值
                            teacher-training,qinghe-county,2027,7000,,
                            bk-rate,qinghe-county,2027,70,2026,67
                            """)),
            @Content(mediaType = TargetImport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200",
            description = "Created (or checked, in a dry run); rejected rows listed when " + "not atomic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = io.zhibiao.common.ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "Atomic import with bad rows: nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = io.zhibiao.common.ImportSummary.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response importTargets(
            @Parameter(description = "Check only; write nothing", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "All rows or none (default true)", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "true")) @QueryParam("atomic") String atomic,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType, java.io.InputStream body) {
        TargetImport.Outcome outcome = imports.run(
                contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT), body,
                Params.bool("dryRun", dryRun, false), Params.bool("atomic", atomic, true));
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.summary()).build();
    }

    @POST
    @Operation(operationId = "createTarget", summary = "Create a target",
            description = "A target for an indicator at an org unit over a period, with an optional baseline, tolerance and milestones; duplicates of (indicator, org unit, period) are a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "undergraduate rate", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location points to the new target",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid TargetRequest request, UriInfo uri) {
        TargetView created = TargetView.of(service.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listTargets", summary = "List targets",
            description = "Ordered by id. The status filter computes progress at the last complete month.")
    @APIResponse(responseCode = "200", description = "One page of targets")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<TargetView> list(
            @Parameter(description = "Only targets of this org unit",
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Only targets of this indicator",
                    example = "bk-rate") @QueryParam("indicator") String indicator,
            @Parameter(description = "Only targets whose period overlaps this period", example = "2025",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") Period period,
            @Parameter(description = "Only targets of this plan", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("plan") String plan,
            @Parameter(description = "Only targets whose indicator has this category",
                    example = "教学质量") @QueryParam("category") String category,
            @Parameter(description = "Only targets with this status now", example = "AT_RISK",
                    schema = @Schema(implementation = Status.class)) @QueryParam("status") String statusText,
            @BeanParam PageParams pageParams) {
        PageRequest paging = pageParams.toRequest(config.paging());
        Status status = Params.enumValue("status", statusText, Status.class);
        var filter = new TargetService.Filter(orgUnit, indicator, period, Params.id("plan", plan), category);
        if (status == null) {
            return service.list(filter, paging).map(TargetView::of);
        }
        List<Target> all = service.find(filter);
        List<ProgressView> computed = progress.progress(all, null);
        List<TargetView> matching = IntStream.range(0, all.size()).filter(i -> computed.get(i).status() == status)
                .mapToObj(i -> TargetView.of(all.get(i))).toList();
        return PageResult.slice(matching, paging);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTarget", summary = "Get a target",
            description = "One target as defined; its progress is under /progress.")
    @APIResponse(responseCode = "200", description = "The target")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TargetView get(@Parameter(description = "Target id", example = "1") @PathParam("id") long id) {
        return TargetView.of(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateTarget", summary = "Replace a target",
            description = "Replaces every field of the target; progress is recomputed from the figures on the next read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "undergraduate rate", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated target")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TargetView update(@Parameter(description = "Target id", example = "1") @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid TargetRequest request) {
        return TargetView.of(service.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteTarget", summary = "Delete a target",
            description = "Observations stay: they belong to the indicator and org unit, not to the target.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = "Target id", example = "1") @PathParam("id") long id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(operationId = "getTargetProgress", summary = "Progress of a target",
            description = "Actual, gap, progress, pace, status, year-over-year delta and forecast at a month, valued "
                    + "from the unit's own figures, its indicator's formula, or its children; reused "
                    + "until the next committed write.")
    @APIResponse(responseCode = "200", description = "The progress object")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<ProgressView> progress(@Parameter(description = "Target id", example = "1") @PathParam("id") long id,
            @Parameter(
                    description = "Month to compute at; default the last complete month (the one before the current month in the bureau's zone) clipped into the target period",
                    example = "2025-12",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") YearMonth month,
            @Parameter(description = DATA_STATUS, example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus) {
        boolean approvedOnly = Params.approvedOnly(dataStatus);
        return answers.current("progress", access.caller().scopePath(),
                List.of(id, month != null ? month : progress.lastCompleteMonth(), approvedOnly),
                () -> progress.progress(List.of(service.get(id)), month, approvedOnly).get(0));
    }

    @GET
    @Path("/{id}/series")
    @Operation(operationId = "getTargetSeries", summary = "Month-by-month series of a target",
            description = "One point per month of the target period: the figure that starts in it, the running actual, the trajectory and the same for the year before. Months after asOf carry only the trajectory and last year.")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<SeriesPoint> series(@Parameter(description = "Target id", example = "1") @PathParam("id") long id,
            @Parameter(description = "Last month with actual figures; default the last complete month",
                    example = "2025-06", schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") YearMonth asOf,
            @Parameter(description = DATA_STATUS, example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus) {
        return progress.series(service.get(id), asOf, Params.approvedOnly(dataStatus));
    }

    static final String DATA_STATUS = "all (default) or approved: only the figures of approved submissions count "
            + "(the numbers a bureau reports upward)";
}
