package io.zhibiao.observation;

import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "Figures posted by data clerks, with their full history")
public class ObservationResource {

    static final String XLSX = ImportFormats.XLSX;
    static final String BATCH_EXAMPLE = """
            {"observations": [
              {"indicatorCode": "teacher-training", "orgUnitCode": "qinghe-no1-middle", "period": "2025-03", "value": 820},
              {"indicatorCode": "teacher-training", "orgUnitCode": "qinghe-no2-middle", "period": "2025-03", "value": 610,
               "status": "PROVISIONAL", "comment": "待教研室核实"}]}""";

    static final String CSV_EXAMPLE = """
            indicatorCode,orgUnitCode,period,value,status,comment
            teacher-training,qinghe-no1-middle,2025-03,820,,
            teacher-training,qinghe-no2-middle,2025-03,610,PROVISIONAL,待教研室核实
            """;

    @Inject
    ObservationMetrics metrics;

    @Inject
    ObservationService service;

    @Inject
    ImportService imports;

    @Inject
    TemplateService templates;

    @Inject
    ZhibiaoConfig config;

    @PUT
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(operationId = "putObservation", summary = "Write a figure",
            description = "Idempotent upsert on (indicator, org unit, period). 201 when created, 200 otherwise; "
                    + "re-putting identical content writes no revision. The ETag is the revision; send it back in If-Match "
                    + "to refuse overwriting someone else's change.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "monthly figure",
                            value = "{\"value\": 820, \"status\": \"FINAL\", \"comment\": \"含寒假集中培训\"}")))
    @APIResponse(responseCode = "200", description = "Updated or unchanged",
            headers = @Header(name = "ETag", description = "The revision",
                    schema = @Schema(type = SchemaType.STRING, example = "\"2\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "The revision",
                    schema = @Schema(type = SchemaType.STRING, example = "\"2\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "PeriodLocked")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleFailed")
    public Response put(@BeanParam FigureKey key, @Parameter(description = "Revision the change is based on",
            example = "\"2\"") @HeaderParam("If-Match") String ifMatch, ObservationInput body) {
        if (body == null) {
            throw new ValidationFailed("value", "is required; send {\"value\": …}");
        }
        ObservationService.Written written = service.put(key.indicatorCode(), key.orgUnitCode(), key.period(), body,
                ifMatch);
        metrics.put(written.outcome());
        Response.Status status = written.outcome() == WriteOutcome.CREATED
                ? Response.Status.CREATED
                : Response.Status.OK;
        return Response.status(status).tag(etag(written.observation()))
                .entity(ObservationView.of(written.observation(), written.warnings())).build();
    }

    @GET
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(operationId = "getObservation", summary = "Read a figure",
            description = "The current figure with its revision as ETag; 404 when it was never posted or is deleted.")
    @APIResponse(responseCode = "200", description = "The observation",
            headers = @Header(name = "ETag", description = "The revision",
                    schema = @Schema(type = SchemaType.STRING, example = "\"2\"")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@BeanParam FigureKey key) {
        Observation o = service.get(key.indicatorCode(), key.orgUnitCode(), key.period());
        return Response.ok(ObservationView.of(o)).tag(etag(o)).build();
    }

    @DELETE
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(operationId = "deleteObservation", summary = "Delete a figure",
            description = "The figure stops counting; its history stays under /revisions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "PeriodLocked")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleFailed")
    public void delete(@BeanParam FigureKey key, @Parameter(description = "Revision the delete is based on",
            example = "\"2\"") @HeaderParam("If-Match") String ifMatch) {
        service.delete(key.indicatorCode(), key.orgUnitCode(), key.period(), ifMatch);
    }

    @GET
    @Path("/{indicatorCode}/{orgUnitCode}/{period}/revisions")
    @Operation(operationId = "listObservationRevisions", summary = "History of a figure",
            description = "Every change, oldest first, including deletes.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RevisionView> revisions(@BeanParam FigureKey key) {
        return service.revisions(key.indicatorCode(), key.orgUnitCode(), key.period()).stream().map(RevisionView::of)
                .toList();
    }

    @GET
    @Operation(operationId = "listObservations", summary = "List figures",
            description = "Current figures, ordered by indicator, org unit and period.")
    @APIResponse(responseCode = "200", description = "One page of observations")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<ObservationView> list(
            @Parameter(description = "Only this indicator",
                    example = "teacher-training") @QueryParam("indicator") String indicator,
            @Parameter(description = "Only this org unit",
                    example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Only figures starting in or after this period", example = "2025",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("from") Period from,
            @Parameter(description = "Only figures ending in or before this period", example = "2025",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("to") Period to,
            @BeanParam PageParams paging) {
        var filter = new ObservationService.Filter(indicator, orgUnit, from, to);
        return service.list(filter, paging.toRequest(config.paging())).map(ObservationView::of);
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @Operation(operationId = "importObservations", summary = "Import many figures (JSON, CSV or Excel)",
            description = "Every row is validated exactly like a single PUT. atomic=true (default): one bad row and nothing is "
                    + "written (409 with the summary). atomic=false: good rows are written, bad ones listed (200). dryRun=true "
                    + "checks and counts without writing. CSV is UTF-8 (BOM optional) with the header "
                    + "indicatorCode,orgUnitCode,period,value,status,comment; XLSX reads the first sheet, including the template's "
                    + "Chinese titles. Rows with an empty value write nothing. A repeat with the same Idempotency-Key within "
                    + "48 hours by the same caller answers the first summary and applies nothing; the same key with another "
                    + "request (body, content type or options) is a 422.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationBatch.class),
                    examples = @ExampleObject(name = "two schools", value = BATCH_EXAMPLE)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two schools", value = CSV_EXAMPLE)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200",
            description = "Imported (or checked, in a dry run); rejected rows listed when not atomic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "Atomic import with bad rows: nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response batch(@BeanParam ImportOptions options, @HeaderParam("Content-Type") String contentType,
            InputStream body) throws Exception {
        return run(contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), body, options);
    }

    @POST
    @Path("/batch/csv")
    @Consumes("text/csv")
    @Operation(operationId = "importObservationsCsv", summary = "Import many figures from a CSV file",
            description = "The CSV form of importObservations, for clients whose generator sends one media type per "
                    + "operation: the same rules, options and answers. UTF-8 (BOM optional), header "
                    + "indicatorCode,orgUnitCode,period,value,status,comment.")
    @RequestBody(required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "two schools", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200",
            description = "Imported (or checked, in a dry run); rejected rows listed when not atomic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "Atomic import with bad rows: nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response batchCsv(@BeanParam ImportOptions options, InputStream body) throws Exception {
        return run("text/csv", body, options);
    }

    @POST
    @Path("/batch/xlsx")
    @Consumes(XLSX)
    @Operation(operationId = "importObservationsXlsx", summary = "Import many figures from an Excel file",
            description = "The Excel form of importObservations, for clients whose generator sends one media type per "
                    + "operation: the same rules, options and answers. The first sheet is read, including the "
                    + "template's Chinese titles.")
    @RequestBody(required = true,
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "200",
            description = "Imported (or checked, in a dry run); rejected rows listed when not atomic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "Atomic import with bad rows: nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response batchXlsx(@BeanParam ImportOptions options, InputStream body) throws Exception {
        return run(XLSX, body, options);
    }

    /** One import path for every format and every operation that names one. */
    private Response run(String type, InputStream body, ImportOptions options) throws Exception {
        ImportService.Outcome outcome = imports.run(type, body, options.dryRun(), options.atomic(),
                options.idempotencyKey());
        if (!outcome.replayed()) {
            metrics.imported(outcome);
        }
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.summary()).build();
    }

    @GET
    @Path("/template")
    @Produces(XLSX)
    @Operation(operationId = "getObservationTemplate", summary = "Excel form for one org unit and month",
            description = "One row per indicator the org unit has a target for in that month, with the current figure. Fill in "
                    + "数值 (and 备注), upload it to /observations/batch; untouched rows stay unchanged.")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response template(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Month", required = true, example = "2025-03",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") YearMonth period) {
        YearMonth month = unitAndMonth(orgUnit, period);
        templates.lines(orgUnit, month); // fail with 404 before streaming starts
        StreamingOutput stream = out -> templates.write(orgUnit, month, out);
        return Response.ok(stream, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + orgUnit + "-" + month + ".xlsx\"").build();
    }

    @GET
    @Path("/form")
    @Operation(operationId = "getEntryForm", summary = "A clerk's monthly form as JSON",
            description = "The rows of the Excel template for one org unit and month — every indicator it has a target "
                    + "for — each with its current figure (post changes with its revision in If-Match), the previous "
                    + "reporting period's figure and the same period a year earlier. What the 填报 page shows.")
    @APIResponse(responseCode = "200", description = "The form",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntryForm.class),
                    examples = @ExampleObject(name = "a school in March", value = FORM_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public EntryForm form(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Month", required = true, example = "2025-03",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") YearMonth period) {
        YearMonth month = unitAndMonth(orgUnit, period);
        return templates.form(orgUnit, month);
    }

    private static final String FORM_EXAMPLE = """
            {"orgUnitCode": "qinghe-no1-middle", "orgUnitName": "清河县第一中学", "month": "2025-03", "rows": [
              {"indicatorCode": "teacher-training", "indicatorName": "教师培训", "unit": "人次", "valueType": "INTEGER",
               "category": "师资建设", "period": "2025-03", "current": null,
               "previous": {"period": "2025-02", "value": 812}, "lastYear": {"period": "2024-03", "value": 640}}]}
            """;

    /** The org unit and month the template and the form are for: both required, the month as 2025-03. */
    private static YearMonth unitAndMonth(String orgUnit, YearMonth period) {
        Params.required("orgUnit", orgUnit, null);
        return Params.required("period", period, "a month such as 2025-03");
    }

    private static EntityTag etag(Observation o) {
        return new EntityTag(String.valueOf(o.revision));
    }
}
