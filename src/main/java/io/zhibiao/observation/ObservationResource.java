package io.zhibiao.observation;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Inject
    ObservationService service;

    @Inject
    ZhibiaoConfig config;

    @PUT
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(summary = "Write a figure",
            description = "Idempotent upsert on (indicator, org unit, period). 201 when created, 200 otherwise; "
                    + "re-putting identical content writes no revision. The ETag is the revision; send it back in If-Match "
                    + "to refuse overwriting someone else's change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "monthly figure", value = "{\"value\": 820, \"status\": \"FINAL\", \"comment\": \"含寒假集中培训\"}")))
    @APIResponse(responseCode = "200", description = "Updated or unchanged", headers = @Header(name = "ETag", description = "The revision"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "ETag", description = "The revision"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response put(@Parameter(description = "Indicator code", example = "teacher-training") @PathParam("indicatorCode") String indicatorCode,
                        @Parameter(description = "Org unit code", example = "qinghe-no1-middle") @PathParam("orgUnitCode") String orgUnitCode,
                        @Parameter(description = "Period of the indicator's frequency", example = "2025-03") @PathParam("period") String period,
                        @Parameter(description = "Revision the change is based on", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
                        ObservationInput body) {
        if (body == null) {
            throw new ValidationFailed("value", "is required; send {\"value\": …}");
        }
        ObservationService.Written written = service.put(indicatorCode, orgUnitCode, period, body, ifMatch);
        Response.Status status = written.outcome() == ObservationService.Outcome.CREATED
                ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).tag(etag(written.observation())).entity(ObservationView.of(written.observation())).build();
    }

    @GET
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(summary = "Read a figure")
    @APIResponse(responseCode = "200", description = "The observation", headers = @Header(name = "ETag", description = "The revision"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@Parameter(description = "Indicator code", example = "teacher-training") @PathParam("indicatorCode") String indicatorCode,
                        @Parameter(description = "Org unit code", example = "qinghe-no1-middle") @PathParam("orgUnitCode") String orgUnitCode,
                        @Parameter(description = "Period", example = "2025-03") @PathParam("period") String period) {
        Observation o = service.get(indicatorCode, orgUnitCode, period);
        return Response.ok(ObservationView.of(o)).tag(etag(o)).build();
    }

    @DELETE
    @Path("/{indicatorCode}/{orgUnitCode}/{period}")
    @Operation(summary = "Delete a figure", description = "The figure stops counting; its history stays under /revisions.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@Parameter(description = "Indicator code", example = "teacher-training") @PathParam("indicatorCode") String indicatorCode,
                       @Parameter(description = "Org unit code", example = "qinghe-no1-middle") @PathParam("orgUnitCode") String orgUnitCode,
                       @Parameter(description = "Period", example = "2025-03") @PathParam("period") String period,
                       @Parameter(description = "Revision the delete is based on", example = "\"2\"") @HeaderParam("If-Match") String ifMatch) {
        service.delete(indicatorCode, orgUnitCode, period, ifMatch);
    }

    @GET
    @Path("/{indicatorCode}/{orgUnitCode}/{period}/revisions")
    @Operation(summary = "History of a figure", description = "Every change, oldest first, including deletes.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<RevisionView> revisions(
            @Parameter(description = "Indicator code", example = "teacher-training") @PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "Org unit code", example = "qinghe-no1-middle") @PathParam("orgUnitCode") String orgUnitCode,
            @Parameter(description = "Period", example = "2025-03") @PathParam("period") String period) {
        return service.revisions(indicatorCode, orgUnitCode, period).stream().map(RevisionView::of).toList();
    }

    @GET
    @Operation(summary = "List figures", description = "Current figures, ordered by indicator, org unit and period.")
    @APIResponse(responseCode = "200", description = "One page of observations")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<ObservationView> list(
            @Parameter(description = "Only this indicator", example = "teacher-training") @QueryParam("indicator") String indicator,
            @Parameter(description = "Only this org unit", example = "qinghe-no1-middle") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Only figures starting in or after this period", example = "2025") @QueryParam("from") String from,
            @Parameter(description = "Only figures ending in or before this period", example = "2025") @QueryParam("to") String to,
            @BeanParam PageParams paging) {
        var filter = new ObservationService.Filter(indicator, orgUnit, Params.period("from", from), Params.period("to", to));
        return service.list(filter, paging.toRequest(config.paging())).map(ObservationView::of);
    }

    private static EntityTag etag(Observation o) {
        return new EntityTag(String.valueOf(o.revision));
    }
}
