package io.zhibiao.alert;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alert-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertDeliveryResource {

    @Inject
    AlertService service;

    @Inject
    ZhibiaoConfig config;

    @Schema(name = "AlertDeliveryPage")
    public record Page(List<DeliveryView> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "12") long total) {
    }

    @GET
    @Operation(operationId = "listAlertDeliveries", summary = "Messages sent, waiting or failed, with every try",
            description = "Newest first, for the channels of the caller's subtree; each with every attempt and the "
                    + "receiver's answer.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Page list(@Parameter(description = "Channel id", example = "3") @QueryParam("channel") String channel,
            @Parameter(description = "PENDING, SENT or FAILED", example = "FAILED") @QueryParam("status") String status,
            @BeanParam PageParams paging) {
        PageResult<DeliveryView> found = service.deliveries(Params.id("channel", channel),
                Params.enumValue("status", status, AlertDelivery.Status.class), paging.toRequest(config.paging()));
        return new Page(found.items(), found.page(), found.size(), found.total());
    }
}
