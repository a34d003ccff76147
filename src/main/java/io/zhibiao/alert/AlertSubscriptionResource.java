package io.zhibiao.alert;

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

@Path("/api/v1/alert-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertSubscriptionResource {

    @Inject
    AlertService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAlertSubscription", summary = "Tell a channel about a subtree's events",
            description = "ADMIN or PLANNER of the unit and of the channel's unit. IMMEDIATE: one message per channel "
                    + "for what one commit changed; DAILY_DIGEST: one message at digestHour. FIGURES_OVERDUE is the "
                    + "催报 list, once a day at digestHour.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "Status changes",
            value = """
                    {"channel": 3, "orgUnitCode": "qinghe-county", "events": ["TARGET_STATUS_CHANGED"], "mode": "IMMEDIATE"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") SubscriptionRequest request) {
        AlertSubscription s = service.subscribe(request);
        return Response.created(URI.create("/api/v1/alert-subscriptions/" + s.id)).entity(SubscriptionView.of(s))
                .build();
    }

    @GET
    @Operation(operationId = "listAlertSubscriptions", summary = "Subscriptions of the caller's subtree",
            description = "Oldest first, each with its channel's name, events, mode and digest hour.")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "Status changes of the county", value = """
                            [{"id": 5, "channel": 3, "channelName": "县局领导钉钉群", "orgUnitCode": "qinghe-county",
                              "events": ["TARGET_STATUS_CHANGED", "FIGURES_OVERDUE"], "mode": "IMMEDIATE",
                              "digestHour": 8, "createdAt": "2026-03-01T09:05:00+08:00",
                              "createdBy": "qinghe-planner"}]""")))
    public List<SubscriptionView> list() {
        return service.subscriptions().stream().map(SubscriptionView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteAlertSubscription", summary = "Stop a subscription",
            description = "ADMIN or PLANNER of its unit. Lines waiting for its digest go with it.")
    @APIResponse(responseCode = "204", description = "Stopped")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@Parameter(description = "Subscription id", example = "5") @PathParam("id") long id) {
        service.unsubscribe(id);
        return Response.noContent().build();
    }
}
