package io.zhibiao.orgunit;

import io.smallrye.mutiny.Uni;
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

    @Inject
    OrgUnitService service;

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
            @BeanParam PageParams paging) {
        return service
                .list(parent, Params.enumValue("type", type, OrgUnitType.class), paging.toRequest(config.paging()))
                .map(OrgUnitView::of);
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
            @Parameter(description = "Org unit code", example = "qinghe-county") @PathParam("code") String code,
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
