package io.zhibiao.ranking;

import io.smallrye.mutiny.Uni;
import io.zhibiao.common.ComputedAnswers;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageRequest;
import io.zhibiao.common.Params;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import io.zhibiao.target.ProgressService;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rankings", description = "Org units ranked by an indicator")
public class RankingResource {

    @Inject
    RankingService service;

    @Inject
    ZhibiaoConfig config;

    @Inject
    ComputedAnswers answers;

    @Inject
    Access access;

    @Inject
    ProgressService progress;

    @GET
    @Operation(operationId = "getRanking", summary = "Rank org units by an indicator",
            description = "Every descendant of `parent` of org-unit `type`, valued over the period's window by the rules "
                    + "of progress (own figures, formula, children), best first by the indicator's direction; ties "
                    + "share a rank, units without a value come last. A parent outside the caller's subtree is a 404.")
    @APIResponse(responseCode = "200", description = "One page of the ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Ranking.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Ranking> ranking(
            @Parameter(description = "Indicator code", required = true,
                    example = "teacher-training") @QueryParam("indicator") String indicator,
            @Parameter(description = "Org unit whose descendants are ranked", required = true,
                    example = "qinghe-county") @QueryParam("parent") String parent,
            @Parameter(description = "Org-unit type to rank", required = true, example = "SCHOOL",
                    schema = @Schema(implementation = OrgUnitType.class)) @QueryParam("type") String type,
            @Parameter(description = "Period whose window values the units", required = true, example = "2025",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") Period period,
            @Parameter(description = "Month to value at; default the last complete month clipped into the period",
                    example = "2025-06",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") YearMonth month,
            @Parameter(description = "all (default) or approved: only the figures of approved submissions count",
                    example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus,
            @BeanParam PageParams paging) {
        Params.required("indicator", indicator, null);
        Params.required("parent", parent, null);
        OrgUnitType unitType = Params.enumValue("type", Params.required("type", type, null), OrgUnitType.class);
        Period parsed = Params.required("period", period, "for example 2025");
        PageRequest page = paging.toRequest(config.paging());
        boolean approvedOnly = Params.approvedOnly(dataStatus);
        return answers.current("ranking", access.caller().scopePath(),
                List.of(indicator, parent, unitType, parsed, month != null ? month : progress.lastCompleteMonth(), page,
                        approvedOnly),
                () -> service.ranking(indicator, parent, unitType, parsed, month, page, approvedOnly));
    }
}
