package io.zhibiao.reporting;

import io.zhibiao.common.DataVersion;
import io.zhibiao.common.ETags;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.Params;
import io.zhibiao.common.PeriodParams;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import io.zhibiao.security.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reporting-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reporting", description = "Who has reported a period, on time or late, and who is still missing (催报)")
public class ReportingResource {

    @Inject
    ReportingService service;

    @Inject
    DataVersion versions;

    @Inject
    Access access;

    @Inject
    ZhibiaoConfig config;

    private static final String DATA_STATUS = "all (default) or approved: only the cells of units whose submission of "
            + "the period is APPROVED count as filled";

    /** The missing cells, one page, as the list shape. */
    @Schema(name = "MissingCellPage")
    public record MissingPage(java.util.List<MissingCell> items, @Schema(required = true, example = "0") int page,
            @Schema(required = true, example = "50") int size, @Schema(required = true, example = "3") long total) {
    }

    @GET
    @Operation(operationId = "getReportingStatus", summary = "Completeness and timeliness of a period",
            description = "For the unit and each direct child (groupBy=child) or every unit that expects figures "
                    + "(groupBy=unit): cells expected (the form rows where the figures originate: the schools, not again "
                    + "their 学区 or county; closed units expect nothing), filled, on time (first written by the due "
                    + "date: the period's end plus the indicator's dueDays), late, missing (still empty after the due "
                    + "date), completeness and timeliness. A child's row sums its whole subtree. ETag'd like dashboards.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportingStatus.class)),
            headers = @Header(name = "ETag", description = "Changes with every committed write and with asOf",
                    schema = @Schema(type = SchemaType.STRING, example = "W/\"42-2026-03-2026-04-08-child\"")))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response status(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "The reporting period: a month, quarter, half or year", required = true,
                    example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period,
            @Parameter(description = "The day that decides on time, late and missing (YYYY-MM-DD); default today",
                    example = "2026-04-08") @QueryParam("asOf") String asOf,
            @Parameter(
                    description = "child (default): the unit and each direct child's subtree; unit: every unit "
                            + "that expects figures",
                    example = "child",
                    schema = @Schema(enumeration = {"child", "unit"})) @QueryParam("groupBy") String groupBy,
            @Parameter(description = DATA_STATUS, example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus,
            @Parameter(description = "The ETag of an earlier answer; 304 while nothing changed",
                    example = "W/\"42-2026-03-2026-04-08-child\"") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @BeanParam PageParams paging) {
        String code = Params.required("orgUnit", orgUnit, "for example qinghe-county");
        Period p = Params.required("period", period, "for example 2026-03");
        LocalDate day = day(asOf);
        ReportingService.GroupBy grouping = grouping(groupBy);
        boolean approvedOnly = Params.approvedOnly(dataStatus);
        var page = paging.toRequest(config.paging());
        return tagged(ifNoneMatch,
                String.join("-", code, p.toString(), day.toString(), grouping.name(), approvedOnly ? "approved" : "all",
                        String.valueOf(page.page()), String.valueOf(page.size())),
                () -> service.status(code, p, day, grouping, approvedOnly, page));
    }

    @GET
    @Path("/missing")
    @Operation(operationId = "listMissingFigures", summary = "The 催报 list: figures missing after their due date",
            description = "Every expected cell of the subtree still empty after its due date, with the path from the "
                    + "unit asked about down to the unit that owes it. ETag'd like dashboards.")
    @APIResponse(responseCode = "200", description = "One page of missing cells",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MissingPage.class)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response missing(
            @Parameter(description = "Org unit code", required = true,
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "The reporting period: a month, quarter, half or year", required = true,
                    example = "2026-03",
                    schema = @Schema(
                            type = SchemaType.STRING)) @QueryParam("period") @PeriodParams.Single Period period,
            @Parameter(description = "The day that decides what is past due (YYYY-MM-DD); default today",
                    example = "2026-04-08") @QueryParam("asOf") String asOf,
            @Parameter(description = DATA_STATUS, example = "approved",
                    schema = @Schema(enumeration = {"all", "approved"})) @QueryParam("dataStatus") String dataStatus,
            @Parameter(description = "The ETag of an earlier answer; 304 while nothing changed",
                    example = "W/\"42-2026-03-2026-04-08\"") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @BeanParam PageParams paging) {
        String code = Params.required("orgUnit", orgUnit, "for example qinghe-county");
        Period p = Params.required("period", period, "for example 2026-03");
        LocalDate day = day(asOf);
        boolean approvedOnly = Params.approvedOnly(dataStatus);
        var page = paging.toRequest(config.paging());
        return tagged(
                ifNoneMatch, String.join("-", "missing", code, p.toString(), day.toString(),
                        approvedOnly ? "approved" : "all", String.valueOf(page.page()), String.valueOf(page.size())),
                () -> {
                    PageResult<MissingCell> found = service.missing(code, p, day, approvedOnly, page);
                    return new MissingPage(found.items(), found.page(), found.size(), found.total());
                });
    }

    /** 304 while nothing was written since the caller's answer; the tag names the version and what was asked. */
    private Response tagged(String ifNoneMatch, String question, Supplier<Object> answer) {
        long version = versions.current();
        // The scope decides what the answer holds: a tag never matches another subtree's answer.
        String scope = access.caller().scopePath() == null
                ? "all"
                : Integer.toHexString(access.caller().scopePath().hashCode());
        EntityTag tag = new EntityTag(version + "-" + scope + "-" + question, true);
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        if (ETags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(revalidate).build();
        }
        return Response.ok(answer.get(), MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(revalidate).build();
    }

    private LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return service.today();
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("asOf", "'" + asOf + "' is not a day; expected the form 2026-04-08");
        }
    }

    private static ReportingService.GroupBy grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return ReportingService.GroupBy.CHILD;
        }
        return switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
            case "child" -> ReportingService.GroupBy.CHILD;
            case "unit" -> ReportingService.GroupBy.UNIT;
            default -> throw new ValidationFailed("groupBy", "'" + groupBy + "' is not child or unit");
        };
    }
}
