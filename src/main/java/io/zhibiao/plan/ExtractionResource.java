package io.zhibiao.plan;

import io.zhibiao.common.Bodies;
import io.zhibiao.common.Params;
import io.zhibiao.common.TextRule;
import io.zhibiao.common.Texts;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.period.Period;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    static final String EXTRACTION_EXAMPLE = """
            {"year": 2026, "candidates": [
              {"name": "普通高中计划招生", "value": 2600, "unit": "人", "valueType": "INTEGER", "direction": "INCREASE",
               "period": "2026", "baseline": null, "orgUnitName": null, "category": "高中教育",
               "sentence": "普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。", "start": 33, "end": 37,
               "confidence": 0.9, "note": null, "leadUnit": null, "alsoAt": []},
              {"name": "本科上线率", "value": 68, "unit": "%", "valueType": "PERCENT", "direction": "INCREASE",
               "period": "2026", "baseline": {"period": "2025", "value": 63}, "orgUnitName": null, "category": "高中教育",
               "sentence": "普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。", "start": 46, "end": 48,
               "confidence": 0.9, "note": null, "leadUnit": null, "alsoAt": []}]}""";

    @Inject
    PlanService service;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Bodies bodies;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(operationId = "extractTargets", summary = "Find the targets in a plan text",
            description = "Reads a work plan (工作要点) pasted as UTF-8 text and answers the quantitative targets it sets, "
                    + "for review; nothing is stored. Rule-based and deterministic. Advertising, URLs, dates, document "
                    + "numbers, titles, quotations, list numbering and report sections (工作总结) never yield candidates. At most "
                    + PlanRequest.MAX_TEXT + " characters, as for a stored plan (413 beyond).")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "county plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The candidates, in text order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Extraction.class),
                    examples = @ExampleObject(name = "county plan", value = EXTRACTION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Extraction extract(@Parameter(description = "Plan year; default the year of the title or opening lines",
            example = "2026", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            InputStream body) {
        byte[] text = bodies.readAtMost(body, config.security().maxBodyBytes());
        return service.extract(utf8(text), year(year));
    }

    static Integer year(String text) {
        Integer year = Params.integer("year", text);
        if (year != null && (year < Period.MIN_YEAR || year > Period.MAX_YEAR)) {
            throw new ValidationFailed("year", "must be between " + Period.MIN_YEAR + " and " + Period.MAX_YEAR);
        }
        return year;
    }

    /** Plans arrive as UTF-8; anything else is refused rather than read as mojibake. */
    static String utf8(byte[] body) {
        try {
            String text = Texts.strictUtf8().decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
            TextRule.violation(text).ifPresent(message -> {
                throw new ValidationFailed("body", message);
            });
            return text;
        } catch (CharacterCodingException e) {
            throw new ValidationFailed("body", "the text is not valid UTF-8; save the plan as UTF-8 and send it again");
        }
    }
}
