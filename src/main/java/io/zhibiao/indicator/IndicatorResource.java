package io.zhibiao.indicator;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
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

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "The shared catalogue of what is measured")
public class IndicatorResource {

    static final String EXAMPLE = """
            {"code": "bk-rate", "name": "本科上线率", "category": "教学质量", "valueType": "PERCENT",
             "direction": "INCREASE", "aggregation": "LAST", "frequency": "YEARLY"}""";

    @Inject
    IndicatorService service;

    @Inject
    ZhibiaoConfig config;

    @POST
    @Operation(operationId = "createIndicator", summary = "Create an indicator",
            description = "What is measured: value type, unit, direction, how figures aggregate over time and roll up the tree, and optionally a formula.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "undergraduate rate", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location points to the new indicator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid IndicatorRequest request, UriInfo uri) {
        IndicatorView created = IndicatorView.of(service.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listIndicators", summary = "List indicators", description = "Ordered by code.")
    @APIResponse(responseCode = "200", description = "One page of indicators")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<IndicatorView> list(@Parameter(description = "Only indicators of this category",
            example = "教学质量") @QueryParam("category") String category, @BeanParam PageParams paging) {
        return service.list(category, paging.toRequest(config.paging())).map(IndicatorView::of);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getIndicator", summary = "Get an indicator",
            description = "One indicator with its formula or rankCount, if derived.")
    @APIResponse(responseCode = "200", description = "The indicator")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public IndicatorView get(
            @Parameter(description = "Indicator code", example = "bk-rate") @PathParam("code") String code) {
        return IndicatorView.of(service.get(code));
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "updateIndicator", summary = "Update an indicator",
            description = "valueType and frequency cannot change once observations exist (409).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "undergraduate rate", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The updated indicator")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public IndicatorView update(
            @Parameter(description = "Indicator code", example = "bk-rate") @PathParam("code") String code,
            @NotNull(message = "a JSON body is required") @Valid IndicatorRequest request) {
        return IndicatorView.of(service.update(code, request));
    }

    @DELETE
    @Path("/{code}")
    @Operation(operationId = "deleteIndicator", summary = "Delete an indicator",
            description = "Refused with 409 while targets or observations refer to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@Parameter(description = "Indicator code", example = "bk-rate") @PathParam("code") String code) {
        service.delete(code);
    }
}
