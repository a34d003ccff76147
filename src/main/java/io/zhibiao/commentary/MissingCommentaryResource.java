package io.zhibiao.commentary;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.PeriodParams;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/commentary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commentary")
public class MissingCommentaryResource {

    @Inject
    CommentaryService service;

    @Inject
    ZhibiaoConfig config;

    /** One page of targets without commentary. */
    @Schema(name = "MissingCommentaryPage")
    public record MissingPage(java.util.List<MissingCommentary> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "2") long total) {
    }

    @GET
    @Path("/missing")
    @Operation(operationId = "listMissingCommentary", summary = "Slipping targets nobody has explained",
            description = "The targets of the unit's subtree that are OFF_TRACK, AT_RISK or MISSED at the period's end "
                    + "and have no commentary for the period.")
    @APIResponse(responseCode = "200", description = "One page of targets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MissingPage.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MissingPage missing(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "A month, quarter, half or year", required = true, example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period,
            @BeanParam PageParams paging) {
        String code = Params.required("orgUnit", orgUnit, "for example qinghe-county");
        Period p = Params.required("period", period, "for example 2026-03");
        PageResult<MissingCommentary> found = service.missing(code, p, paging.toRequest(config.paging()));
        return new MissingPage(found.items(), found.page(), found.size(), found.total());
    }
}
