package io.zhibiao.plan;

import io.zhibiao.common.Bodies;
import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    static final String PLAN_EXAMPLE = """
            {"orgUnitCode": "qinghe-county", "title": "青禾县教育局2026年工作要点", "period": "2026",
             "text": "青禾县教育局2026年工作要点\\n三、高中教育\\n6.本科上线率达到68%，比2025年增加5个百分点。"}""";

    static final String CREATE_DESCRIPTION = "Keeps the plan so that it can be extracted and its targets traced back "
            + "to it: as JSON with its text, or as the document itself — a Word .docx, a PDF with a text layer, a web "
            + "page (text/html, in its declared charset) or plain UTF-8 text — with orgUnitCode, period and title "
            + "(default: the document's first line) as query parameters. A document's stored text is the text derived "
            + "from it (tables as lines of tab-separated cells): the text the review page shows and the candidates "
            + "point into; the format it came in is kept as format. The same limits and refusals as POST /extractions.";

    static final String ACCEPT_EXAMPLE = """
            {"targets": [
              {"indicatorCode": "bk-rate", "name": "本科上线率", "value": 68, "period": "2026",
               "baseline": {"period": "2025", "value": 63}, "sentence": "本科上线率达到68%，比2025年增加5个百分点。"},
              {"indicator": {"code": "junior-enrolment", "name": "初中招生", "unit": "人", "valueType": "INTEGER",
                             "direction": "INCREASE", "aggregation": "SUM", "frequency": "YEARLY", "category": "义务教育"},
               "orgUnitCode": "qinghe-no1-middle", "name": "初中招生", "value": 820, "period": "2026",
               "sentence": "县第一中学和县第二中学完成初中招生分别为820人、760人。"}]}""";

    @Inject
    PlanService service;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Bodies bodies;

    @POST
    @Consumes({PlanDocuments.DOCX, PlanDocuments.PDF, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN})
    @Operation(operationId = "createPlan", summary = "Store a plan", description = CREATE_DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "county plan", value = ExtractionResource.PLAN_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "county plan", value = ExtractionResource.HTML_EXAMPLE)),
            @Content(mediaType = PlanDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PlanDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored; Location points to the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response createFromDocument(
            @Parameter(description = "The plan's org unit (document bodies only)",
                    example = "qinghe-county") @QueryParam("orgUnitCode") String orgUnitCode,
            @Parameter(description = "The plan year or range of years (document bodies only)",
                    example = "2026") @QueryParam("period") String period,
            @Parameter(description = "The plan's title (document bodies only); default its first line",
                    example = "青禾县教育局2026年工作要点") @QueryParam("title") String title,
            @Context HttpHeaders headers, InputStream body, @Context UriInfo uri) {
        byte[] bytes = bodies.readAtMost(body, config.security().maxBodyBytes());
        return created(service.create(orgUnitCode, title, period, DocumentBody.of(headers.getMediaType(), bytes)), uri);
    }

    @POST
    @Operation(operationId = "createPlan", summary = "Store a plan", description = CREATE_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "county plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored; Location points to the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") @Valid PlanRequest request, UriInfo uri) {
        return created(service.create(request), uri);
    }

    /** 201 with the stored plan, its text included, and Location pointing to it. */
    private static Response created(Plan plan, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(plan.id)).build())
                .entity(PlanView.of(plan, true, 0)).build();
    }

    @GET
    @Operation(operationId = "listPlans", summary = "List plans", description = "Ordered by id, without their text.")
    @APIResponse(responseCode = "200", description = "One page of plans")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<PlanView> list(
            @Parameter(description = "Only plans of this org unit",
                    example = "qinghe-county") @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Only plans whose period overlaps this period", example = "2026",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("period") Period period,
            @BeanParam PageParams pageParams) {
        PageResult<Plan> page = service.list(orgUnit, period, pageParams.toRequest(config.paging()));
        Map<Long, Long> counts = service.targetCounts(page.items());
        return page.map(plan -> PlanView.of(plan, false, counts.getOrDefault(plan.id, 0L)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlan", summary = "Get a plan, with its text",
            description = "One work plan with its text and how many targets were accepted from it.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PlanView get(@Parameter(description = "Plan id", example = "1") @PathParam("id") long id) {
        Plan plan = service.get(id);
        return PlanView.of(plan, true, service.targetCounts(List.of(plan)).getOrDefault(plan.id, 0L));
    }

    @POST
    @Path("/{id}/extract")
    @Operation(operationId = "extractPlanTargets", summary = "Find the targets in a stored plan",
            description = "The same extraction as POST /extractions, on the plan's text, with periods read in the plan's first year.")
    @APIResponse(responseCode = "200", description = "The candidates, in text order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Extraction.class),
                    examples = @ExampleObject(name = "county plan", value = ExtractionResource.EXTRACTION_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Extraction extract(@Parameter(description = "Plan id", example = "1") @PathParam("id") long id) {
        return service.extract(id);
    }

    @POST
    @Path("/{id}/targets")
    @Operation(operationId = "acceptPlanTargets", summary = "Accept reviewed candidates as targets",
            description = "Creates one target per item with planId set and the candidate's sentence as source, through the "
                    + "same validation as POST /targets, all or none: a bad item answers 400 (fields prefixed targets[i]) "
                    + "or 409, and nothing is created. Items are applied in order, so a later item may use an indicator "
                    + "an earlier one creates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two candidates", value = ACCEPT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The targets created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcceptedTargets.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response accept(@Parameter(description = "Plan id", example = "1") @PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid AcceptRequest request, UriInfo uri) {
        AcceptedTargets accepted = service.accept(id, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/targets").queryParam("plan", id).build())
                .entity(accepted).build();
    }
}
