package io.zhibiao.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.zhibiao.common.ComputedAnswers;
import io.zhibiao.common.ETags;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "Everything a progress screen polls, in one answer")
public class DashboardResource {

    @Inject
    DashboardService service;

    @Inject
    ComputedAnswers answers;

    @Inject
    Access access;

    @Inject
    DashboardEdge edge;

    @GET
    @Operation(operationId = "getDashboard", summary = "Dashboard of an org unit",
            description = "Status counts and the progress of every target of the org unit (with includeDescendants, of "
                    + "every unit under it) whose period overlaps `period`, worst first. Poll with If-None-Match: the "
                    + "answer is 304 until any write commits; a computed answer is reused until then.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Dashboard.class)),
            headers = @Header(name = "ETag", description = "Changes with every committed write",
                    schema = @Schema(type = SchemaType.STRING, example = "W/\"42-2025-06\"")))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> dashboard(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Period the targets overlap", required = true, example = "2025",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") Period period,
            @Parameter(
                    description = "Month to compute at; default the last complete month (the one before the current month), clipped into each target's period",
                    example = "2025-06",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") YearMonth month,
            @Parameter(description = "Also the targets of every unit under orgUnit, each row with its orgUnitCode",
                    example = "true",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "false")) @QueryParam("includeDescendants") String includeDescendants,
            @Parameter(description = "`category` adds the status counts per indicator category", example = "category",
                    schema = @Schema(enumeration = "category")) @QueryParam("groupBy") String groupBy,
            @Parameter(description = "all (default) or approved: only the figures of approved submissions count",
                    example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus,
            @Parameter(description = "The ETag of an earlier answer; 304 while nothing changed",
                    example = "W/\"42-2025-06\"") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpServerRequest request) {
        Params.required("orgUnit", orgUnit, null);
        Period parsedPeriod = Params.required("period", period, "for example 2025");
        boolean descendants = Params.bool("includeDescendants", includeDescendants, false);
        boolean approvedOnly = Params.approvedOnly(dataStatus);
        if (groupBy != null && !groupBy.equals("category")) {
            throw new ValidationFailed("groupBy", "'" + groupBy + "' is not a grouping; the one grouping is category");
        }
        String scope = access.caller().scopePath();
        // What a caller may see depends on its token: browsers may revalidate, shared caches must
        // not keep it.
        CacheControl revalidate = CacheControl.valueOf(DashboardEdge.CACHE_CONTROL);
        edge.validated(scope, request.query(), month);
        return answers.version().chain(version -> {
            EntityTag tag = new EntityTag(service.etag(version, month) + (approvedOnly ? "-approved" : ""), true);
            if (ETags.matches(ifNoneMatch, tag)) {
                return Uni.createFrom().item(Response.notModified(tag).cacheControl(revalidate).build());
            }
            return answers.json("dashboard", scope, version,
                    List.of(orgUnit, parsedPeriod, tag.getValue(), descendants, groupBy != null, approvedOnly),
                    () -> service.dashboard(orgUnit, parsedPeriod, month, descendants, groupBy != null, approvedOnly))
                    .map(dashboard -> {
                        edge.answered(scope, request.query(), month, tag.getValue(), dashboard);
                        return Response.ok(dashboard, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(revalidate)
                                .build();
                    });
        });
    }
}
