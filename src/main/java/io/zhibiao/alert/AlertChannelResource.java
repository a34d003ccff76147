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

@Path("/api/v1/alert-channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "DingTalk, WeCom, webhook and e-mail alerts: channels, subscriptions, deliveries")
public class AlertChannelResource {

    @Inject
    AlertService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAlertChannel", summary = "Add an alert channel",
            description = "ADMIN or PLANNER of the unit. A DINGTALK channel is the group robot's webhook with its 加签 "
                    + "secret; WECOM the robot's webhook (its key is in the URL); WEBHOOK any URL, signed with the "
                    + "secret; EMAIL mailto: addresses. The secret is never answered.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "DingTalk", value = """
                    {"name": "县局领导钉钉群", "type": "DINGTALK", "orgUnitCode": "qinghe-county",
                     "url": "https://oapi.dingtalk.com/robot/send?access_token=0d3c5a7e",
                     "secret": "SEC8b1e5c0f2d4a"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") ChannelRequest request) {
        AlertChannel c = service.createChannel(request);
        return Response.created(URI.create("/api/v1/alert-channels/" + c.id)).entity(ChannelView.of(c)).build();
    }

    @GET
    @Operation(operationId = "listAlertChannels", summary = "Alert channels of the caller's subtree",
            description = "Oldest first; secrets are never answered, a robot's URL only masked (hasSecret says whether one "
                    + "is set).")
    @APIResponse(responseCode = "200", description = "The channels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChannelView.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "One DingTalk group", value = """
                            [{"id": 3, "name": "县局领导钉钉群", "type": "DINGTALK", "orgUnitCode": "qinghe-county",
                              "url": "https://oapi.dingtalk.com/robot/send?access_token=…5a7e", "hasSecret": true,
                              "createdAt": "2026-03-01T09:00:00+08:00", "createdBy": "qinghe-planner"}]""")))
    public List<ChannelView> list() {
        return service.channels().stream().map(ChannelView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlertChannel", summary = "One alert channel",
            description = "404 for a channel outside the caller's subtree; the secret is never answered.")
    @APIResponse(responseCode = "200", description = "The channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ChannelView get(@Parameter(description = "Channel id", example = "3") @PathParam("id") long id) {
        return ChannelView.of(service.channel(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteAlertChannel", summary = "Remove an alert channel",
            description = "Its subscriptions, schedules and deliveries go with it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@Parameter(description = "Channel id", example = "3") @PathParam("id") long id) {
        service.deleteChannel(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(operationId = "testAlertChannel", summary = "Send a test message now",
            description = "Answers the delivery with its one try and the receiver's answer (SENT, or PENDING with the "
                    + "error: it is retried like any message).")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeliveryView test(@Parameter(description = "Channel id", example = "3") @PathParam("id") long id) {
        AlertDelivery d = service.test(id);
        return DeliveryView.of(d, AlertAttempt.list("deliveryId = ?1 order by id", d.id));
    }
}
