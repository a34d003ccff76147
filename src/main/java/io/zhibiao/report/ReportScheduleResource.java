package io.zhibiao.report;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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

@Path("/api/v1/report-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportScheduleResource {

    @Inject
    ScheduleService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReportSchedule", summary = "Make a unit's report on a day of each month",
            description = "On that day (zhibiao.time-zone; a 31 in a shorter month is its last day) the report of the "
                    + "period just ended is made and sent to the alert channel. ADMIN or PLANNER of the unit.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "Monthly PDF",
            value = """
                    {"orgUnitCode": "qinghe-county", "dayOfMonth": 6, "periodType": "MONTH", "format": "pdf", "channel": 3}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") ScheduleRequest request) {
        ReportSchedule s = service.create(request);
        return Response.created(URI.create("/api/v1/report-schedules/" + s.id)).entity(ScheduleView.of(s)).build();
    }

    @GET
    @Operation(operationId = "listReportSchedules", summary = "Report schedules of the caller's subtree",
            description = "Oldest first, each with the last period it reported.")
    @APIResponse(responseCode = "200", description = "The schedules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScheduleView.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "The monthly PDF", value = """
                            [{"id": 2, "orgUnitCode": "qinghe-county", "dayOfMonth": 6, "periodType": "MONTH",
                              "format": "pdf", "dataStatus": "all", "channel": 3, "lastPeriod": "2026-11",
                              "createdAt": "2026-03-01T09:10:00+08:00", "createdBy": "qinghe-planner"}]""")))
    public List<ScheduleView> list() {
        return service.list().stream().map(ScheduleView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteReportSchedule", summary = "Stop a report schedule",
            description = "ADMIN or PLANNER of its unit; reports it already made stay.")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@Parameter(description = "Schedule id", example = "2") @PathParam("id") long id) {
        service.delete(id);
        return Response.noContent().build();
    }
}
