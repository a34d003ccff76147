package io.zhibiao.report;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "月报, 季报, 年报 as PDF, Excel or HTML, produced in the background")
public class ReportResource {

    @Inject
    ReportService service;

    @Inject
    ZhibiaoConfig config;

    @Schema(name = "ReportPage")
    public record Page(List<ReportView> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "3") long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReport", summary = "Ask for a report",
            description = "Queued (202); the worker reads the unit's targets, commentary, reporting status, open "
                    + "validation failures and the children's rankings at one data version and lays them out. Poll "
                    + "the Location until state is DONE, then fetch fileUrl. Any role may ask for a report of a unit "
                    + "it can read; the report reads with the asker's scope.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "March", value = """
                    {"orgUnitCode": "qinghe-county", "period": "2026-03", "format": "pdf", "dataStatus": "all"}""")))
    @APIResponse(responseCode = "202", description = "Queued",
            headers = @Header(name = "Location", description = "The report",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyReports")
    public Response create(@NotNull(message = "a JSON body is required") ReportRequest request) {
        Report report = service.request(request);
        return Response.accepted(ReportView.of(report)).location(URI.create("/api/v1/reports/" + report.id)).build();
    }

    @GET
    @Operation(operationId = "listReports", summary = "Reports asked for",
            description = "Newest first, within the caller's subtree; with orgUnit, that unit's only.")
    @APIResponse(responseCode = "200", description = "One page of reports",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page list(@Parameter(description = "Only this org unit's reports",
            example = "qinghe-county") @QueryParam("orgUnit") String orgUnit, @BeanParam PageParams paging) {
        PageResult<Report> found = service.list(orgUnit == null || orgUnit.isBlank() ? null : orgUnit.strip(),
                paging.toRequest(config.paging()));
        return new Page(found.items().stream().map(ReportView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReport", summary = "Where a report stands",
            description = "QUEUED, RUNNING, DONE (with sha256, size, asOfVersion and fileUrl) or FAILED (with error).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ReportView get(@Parameter(description = "Report id", example = "1") @PathParam("id") long id) {
        return ReportView.of(service.get(id));
    }

    @GET
    @Path("/{id}/file")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html",
            MediaType.APPLICATION_JSON})
    @Operation(operationId = "getReportFile", summary = "The report's document",
            description = "The PDF, workbook or HTML page, named after the report's title; 404 until DONE and after "
                    + "it expired.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = "application/pdf",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            format = "binary")),
            @Content(mediaType = "text/html",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response file(@Parameter(description = "Report id", example = "1") @PathParam("id") long id) {
        Report report = service.get(id);
        byte[] content = service.file(report);
        String name = (report.title == null ? "report-" + report.id : report.title) + "." + report.format.extension;
        return Response.ok(content, report.format.mediaType).header("Content-Disposition",
                "attachment; filename=\"report-" + report.id + "." + report.format.extension + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("ETag", "\"" + report.sha256 + "\"").build();
    }
}
