package io.zhibiao.plan;

import io.zhibiao.common.Bodies;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/extractions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class ExtractionResource {

    static final String PLAN_EXAMPLE = """
            青禾县教育局2026年工作要点
            三、高中教育
            6.普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。""";

    static final String HTML_EXAMPLE = """
            <html><body><h1>青禾县教育局2026年工作要点</h1><h2>三、高中教育</h2>
            <p>6.普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。</p></body></html>""";

    static final String EXTRACTION_EXAMPLE = """
            {"year": 2026, "candidates": [
              {"name": "普通高中计划招生", "value": 2600, "unit": "人", "valueType": "INTEGER", "direction": "INCREASE",
               "period": "2026", "baseline": null, "orgUnitName": null, "category": "高中教育",
               "sentence": "普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。", "start": 33, "end": 37,
               "confidence": 0.9, "note": null, "leadUnit": null, "alsoAt": []},
              {"name": "本科上线率", "value": 68, "unit": "%", "valueType": "PERCENT", "direction": "INCREASE",
               "period": "2026", "baseline": {"period": "2025", "value": 63}, "orgUnitName": null, "category": "高中教育",
               "sentence": "普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。", "start": 46, "end": 48,
               "confidence": 0.9, "note": null, "leadUnit": null, "alsoAt": []}], "text": null}""";

    @Inject
    PlanService service;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Bodies bodies;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, PlanDocuments.DOCX, PlanDocuments.PDF})
    @Operation(operationId = "extractTargets", summary = "Find the targets in a plan (text, Word, PDF or web page)",
            description = "Reads a work plan (工作要点) and answers the quantitative targets it sets, for review; nothing "
                    + "is stored. Rule-based and deterministic. The plan may be pasted text (UTF-8), a Word .docx "
                    + "(paragraphs and tables, merged cells resolved), a PDF with a text layer (columns of tables "
                    + "recovered from glyph positions) or a web page (text/html in its declared charset; <table> read "
                    + "as tables, scripts and navigation dropped). A document is read into the same text a pasted plan "
                    + "is — a table row one line of tab-separated cells — so every format gives the same candidates, and "
                    + "the answer's text is that derived text. Advertising, URLs, dates, document numbers, titles, "
                    + "quotations, list numbering and report sections (工作总结) never yield candidates. At most "
                    + PlanRequest.MAX_TEXT + " characters of text (413 beyond); a password-protected, macro-enabled or "
                    + "old .doc file is a 415, a PDF with JavaScript, a scan without text or a zip bomb a 400.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "county plan", value = PLAN_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "county plan", value = HTML_EXAMPLE)),
            @Content(mediaType = PlanDocuments.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PlanDocuments.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The candidates, in text order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Extraction.class),
                    examples = @ExampleObject(name = "county plan", value = EXTRACTION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Extraction extract(
            @Parameter(description = "Plan year; default the year of the title or opening lines", example = "2026",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            @Context HttpHeaders headers, InputStream body) {
        byte[] bytes = bodies.readAtMost(body, config.security().maxBodyBytes());
        return service.extract(DocumentBody.of(headers.getMediaType(), bytes), year(year));
    }

    static Integer year(String text) {
        Integer year = Params.integer("year", text);
        if (year != null && (year < Period.MIN_YEAR || year > Period.MAX_YEAR)) {
            throw new ValidationFailed("year", "must be between " + Period.MIN_YEAR + " and " + Period.MAX_YEAR);
        }
        return year;
    }

}
