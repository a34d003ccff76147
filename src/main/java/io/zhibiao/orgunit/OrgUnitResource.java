package io.zhibiao.orgunit;

import io.smallrye.mutiny.Uni;
import io.zhibiao.common.ImportSummary;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The administrative tree: prefecture › county › school")
public class OrgUnitResource {

    static final String EXAMPLE = """
            {"code": "qinghe-no1-middle", "name": "青禾县第一中学", "type": "SCHOOL", "parentCode": "qinghe-county"}""";

    static final String ROSTER_EXAMPLE = """
            {"orgUnits": [
              {"code": "qinghe-xq-east", "name": "东城学区", "type": "TOWNSHIP", "parentCode": "qinghe-county"},
              {"code": "qinghe-east-primary", "name": "东城小学", "type": "学校", "parentName": "东城学区",
               "openedAt": "2019-09"}
            ]}""";

    @Inject
    OrgUnitService service;

    @Inject
    RosterService roster;

    @Inject
    ZhibiaoConfig config;

    @POST
    @Operation(operationId = "createOrgUnit", summary = "Create an org unit",
            description = "A prefecture, county, district or school under its parent; its code is its key for ever.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "school", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location points to the new unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid OrgUnitRequest request, UriInfo uri) {
        OrgUnitView created = OrgUnitView.of(service.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listOrgUnits", summary = "List org units",
            description = "Ordered by tree path, so parents come before their children.")
    @APIResponse(responseCode = "200", description = "One page of org units")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<OrgUnitView> list(
            @Parameter(description = "Only direct children of this org unit",
                    example = "qinghe-county") @QueryParam("parent") String parent,
            @Parameter(description = "Only units of this type", example = "SCHOOL",
                    schema = @Schema(implementation = OrgUnitType.class)) @QueryParam("type") String type,
            @Parameter(description = "Only units whose name or code contains this text (case-insensitive): the unit "
                    + "pickers of the pages", example = "一中") @QueryParam("q") String q,
            @BeanParam PageParams paging) {
        if (q != null && q.length() > 100) {
            throw new io.zhibiao.common.ValidationFailed("q", "must be at most 100 characters");
        }
        return service
                .list(parent, Params.enumValue("type", type, OrgUnitType.class), q, paging.toRequest(config.paging()))
                .map(OrgUnitView::of);
    }

    @POST
    @Path("/batch")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", RosterRows.XLSX})
    @Operation(operationId = "importOrgUnits", summary = "Import a roster of org units (JSON, CSV or Excel)",
            description = "The school roster (学校名录) in one request: rows of code, name, type (SCHOOL or 学校, TOWNSHIP or "
                    + "学区, …), the parent by parentCode or by parentName (an existing unit or a row anywhere in the same "
                    + "file), openedAt and closedAt (YYYY-MM). A row is checked exactly like a single POST/PUT: a type "
                    + "under a parent of a level at least as deep, a parent inside the unit's own subtree (a cycle), an "
                    + "unknown or ambiguous parent name, a repeated code, a parent outside the caller's subtree are "
                    + "rejected with their field; rows under a rejected row are rejected too. An existing code updates that "
                    + "unit (or leaves it unchanged): the same file imported twice changes nothing. atomic=true (default): "
                    + "one bad row and nothing is written (409 with the summary); atomic=false: good rows are written, bad "
                    + "ones listed (200). dryRun=true checks and counts only. CSV and XLSX headers may use the field names or "
                    + "the template's Chinese titles (单位代码, 单位名称, 类型, 上级代码, 上级名称, 开办年月, 撤并年月); other "
                    + "columns are ignored. At most zhibiao.imports.max-roster-rows (50,000) rows.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterBatch.class),
                    examples = @ExampleObject(name = "a 学区 and its schools", value = ROSTER_EXAMPLE)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a 学区 and its schools", value = """
                            单位代码,单位名称,类型,上级代码,上级名称,开办年月,撤并年月
                            qinghe-xq-east,东城学区,学区,qinghe-county,,,
                            qinghe-east-primary,东城小学,学校,,东城学区,2019-09,
                            """)),
            @Content(mediaType = RosterRows.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200",
            description = "Imported (or checked, in a dry run); rejected rows listed when " + "not atomic",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "409", description = "Atomic roster with bad rows: nothing written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response importRoster(
            @Parameter(description = "Check and count only; write nothing", example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "false")) @QueryParam("dryRun") String dryRun,
            @Parameter(description = "All rows or none (default true)", example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "true")) @QueryParam("atomic") String atomic,
            @HeaderParam("Content-Type") String contentType, InputStream body) {
        RosterService.Outcome outcome = roster.importRoster(
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), body,
                Params.bool("dryRun", dryRun, false), Params.bool("atomic", atomic, true));
        return Response.status(outcome.status()).type(MediaType.APPLICATION_JSON).entity(outcome.summary()).build();
    }

    @GET
    @Path("/template")
    @Produces({RosterRows.XLSX, "text/csv"})
    @Operation(operationId = "getOrgUnitTemplate", summary = "Template of a roster (Excel or CSV)",
            description = "The roster's columns with their Chinese titles — in Excel with a second sheet that explains "
                    + "them and lists the unit types; fill it in and upload it to /org-units/batch.")
    @APIResponse(responseCode = "200", description = "The template",
            content = {
                    @Content(mediaType = RosterRows.XLSX,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response template(@Parameter(description = "xlsx (default) or csv (UTF-8 with a BOM, as Excel reads it)",
            example = "xlsx") @QueryParam("format") String format) {
        String chosen = format == null ? "xlsx" : format.strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("csv")) {
            byte[] csv = ("\uFEFF" + String.join(",", RosterColumn.TEMPLATE_TITLES) + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return Response.ok(csv, "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"roster-template.csv\"").build();
        }
        if (!chosen.equals("xlsx")) {
            throw new io.zhibiao.common.ValidationFailed("format", "'" + format + "' is not xlsx or csv");
        }
        StreamingOutput workbook = out -> RosterTemplate.write(out);
        return Response.ok(workbook, RosterRows.XLSX)
                .header("Content-Disposition", "attachment; filename=\"roster-template.xlsx\"; filename*=UTF-8''"
                        + "%E5%AD%A6%E6%A0%A1%E5%90%8D%E5%BD%95%E6%A8%A1%E6%9D%BF.xlsx")
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getOrgUnit", summary = "Get an org unit",
            description = "One org unit with its parent and path; 404 outside the caller's subtree.")
    @APIResponse(responseCode = "200", description = "The org unit")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<OrgUnitView> get(
            @Parameter(description = "Org unit code", example = "qinghe-county") @PathParam("code") String code) {
        return service.view(code);
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "updateOrgUnit", summary = "Update an org unit",
            description = "Renames, retypes or moves a unit; a move carries its whole subtree.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "school", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated org unit")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public OrgUnitView update(
            @Parameter(description = "Org unit code", example = "qinghe-no1-middle") @PathParam("code") String code,
            @NotNull(message = "a JSON body is required") @Valid OrgUnitRequest request) {
        return OrgUnitView.of(service.update(code, request));
    }

    @DELETE
    @Path("/{code}")
    @Operation(operationId = "deleteOrgUnit", summary = "Delete an org unit",
            description = "Refused with 409 while children, targets, observations or plans refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(
            @Parameter(description = "Org unit code", example = "qinghe-county") @PathParam("code") String code) {
        service.delete(code);
    }
}
