package io.zhibiao.plan;

import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.county;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.zhibiao.support.Documents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans sent as Word files, PDFs and web pages, through POST /extractions and POST /plans, as a planner sends them. */
@QuarkusTest
class PlanDocumentResourceTest {

    private static final String DOCX = PlanDocuments.DOCX;

    /** The candidates of an answer, and each one's figure as it stands in the answer's text. */
    private static List<String> figures(JsonPath answer, String text) {
        List<Map<String, Object>> candidates = answer.getList("candidates");
        return candidates.stream()
                .map(c -> c.get("name") + "=" + text.substring(text.offsetByCodePoints(0, (Integer) c.get("start")),
                        text.offsetByCodePoints(0, (Integer) c.get("end"))))
                .toList();
    }

    @Test
    void aWordPlanGivesItsCandidatesAndTheTextTheirOffsetsPointInto() {
        JsonPath answer = as(ADMIN_TOKEN).contentType(DOCX).body(Documents.docx(PlanDocumentsTest.PLAN))
                .post("/api/v1/extractions").then().statusCode(200).body("year", equalTo(2026))
                .body("text", containsString("学前教育\t普惠性幼儿园覆盖率（%）\t85\t88\t预期性")).extract().jsonPath();
        assertThat(figures(answer, answer.getString("text"))).contains("本科上线率=68", "学前三年毛入园率=92", "普惠性幼儿园覆盖率=88",
                "九年义务教育巩固率=98", "教师培训=9200");
    }

    @Test
    void theSamePlanAsTextWordPdfAndWebPageGivesTheSameCandidates() {
        List<Object> plan = PlanDocumentsTest.PLAN;
        List<List<Object>> answers = List.of(
                as(ADMIN_TOKEN).contentType("text/plain; charset=utf-8").body(Documents.text(plan))
                        .post("/api/v1/extractions").then().statusCode(200).body("text", nullValue()).extract()
                        .jsonPath().getList("candidates.collect { [it.name, it.value, it.period, it.category] }"),
                as(ADMIN_TOKEN).contentType(DOCX).body(Documents.docx(plan)).post("/api/v1/extractions").then()
                        .statusCode(200).extract().jsonPath()
                        .getList("candidates.collect { [it.name, it.value, it.period, it.category] }"),
                as(ADMIN_TOKEN).contentType("application/pdf").body(Documents.pdf(plan)).post("/api/v1/extractions")
                        .then().statusCode(200).extract().jsonPath()
                        .getList("candidates.collect { [it.name, it.value, it.period, it.category] }"),
                as(ADMIN_TOKEN).contentType("text/html").body(Documents.html(plan).getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/extractions").then().statusCode(200).extract().jsonPath()
                        .getList("candidates.collect { [it.name, it.value, it.period, it.category] }"));
        assertThat(answers.get(0)).hasSize(PlanDocumentsTest.EXPECTED.size());
        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
    }

    @Test
    void aGbkWebPageIsReadInItsDeclaredCharset() {
        String page = "<html><body><p>青禾县教育局2026年工作要点</p><p>1.新建幼儿园3所。</p></body></html>";
        as(ADMIN_TOKEN).contentType("text/html; charset=GBK").body(page.getBytes(Charset.forName("GBK")))
                .post("/api/v1/extractions").then().statusCode(200).body("candidates.name", hasItem("新建幼儿园"))
                .body("text", equalTo("青禾县教育局2026年工作要点\n1.新建幼儿园3所。\n"));
    }

    @Test
    void aWordPlanIsStoredWithItsDerivedTextAndExtractedLikeTheUpload() {
        String county = county();
        String id = as(ADMIN_TOKEN).contentType(DOCX).queryParam("orgUnitCode", county).queryParam("period", "2026")
                .body(Documents.docx(PlanDocumentsTest.PLAN)).post("/api/v1/plans").then().statusCode(201)
                .header("Location", containsString("/api/v1/plans/")).body("format", equalTo("DOCX"))
                .body("title", equalTo("青禾县教育局2026年工作要点")).body("orgUnitCode", equalTo(county))
                .body("text", containsString("\t")).extract().path("id").toString();
        String text = as(ADMIN_TOKEN).get("/api/v1/plans/" + id).then().statusCode(200).body("format", equalTo("DOCX"))
                .extract().path("text");
        JsonPath extracted = as(ADMIN_TOKEN).post("/api/v1/plans/" + id + "/extract").then().statusCode(200)
                .body("text", nullValue()).extract().jsonPath();
        assertThat(figures(extracted, text)).contains("学前三年毛入园率=92", "九年义务教育巩固率=98");
        as(ADMIN_TOKEN).get("/api/v1/plans?orgUnit=" + county).then().statusCode(200).body("items.format",
                hasItem("DOCX"));
    }

    @Test
    void aPdfPlanIsStoredWithTheTitleGivenAndAJsonPlanIsText() {
        String county = county();
        as(ADMIN_TOKEN).contentType("application/pdf").queryParam("orgUnitCode", county).queryParam("period", "2026")
                .queryParam("title", "青禾县2026年要点（PDF）").body(Documents.pdf(PlanDocumentsTest.PLAN))
                .post("/api/v1/plans").then().statusCode(201).body("format", equalTo("PDF"))
                .body("title", equalTo("青禾县2026年要点（PDF）"));
        as(ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("orgUnitCode", county, "title", "文本", "period", "2026", "text", "新建幼儿园3所。"))
                .post("/api/v1/plans").then().statusCode(201).body("format", equalTo("TEXT"));
    }

    @Test
    void aDocumentWithoutItsOrgUnitOrPeriodIsRefusedNamingBoth() {
        as(ADMIN_TOKEN).contentType(DOCX).body(Documents.docx(PlanDocumentsTest.PLAN)).post("/api/v1/plans").then()
                .spec(problem(400)).body("errors.field", hasItems("orgUnitCode", "period"));
        as(ADMIN_TOKEN).contentType(DOCX).queryParam("orgUnitCode", "no-such-unit").queryParam("period", "2026")
                .body(Documents.docx(PlanDocumentsTest.PLAN)).post("/api/v1/plans").then().spec(problem(400))
                .body("errors.field", hasItem("orgUnitCode"));
    }

    @Test
    void aViewerCannotStoreADocumentPlan() {
        String county = county();
        as(token("VIEWER", county)).contentType(DOCX).queryParam("orgUnitCode", county).queryParam("period", "2026")
                .body(Documents.docx(PlanDocumentsTest.PLAN)).post("/api/v1/plans").then().spec(problem(403));
    }

    @Test
    void hostileDocumentsAre4xxWithTheirReasonInChinese() throws Exception {
        as(ADMIN_TOKEN).contentType(DOCX).body(HostileDocumentsTest.zipBomb()).post("/api/v1/extractions").then()
                .spec(problem(413)).body("detail", containsString("inflates beyond"));
        as(ADMIN_TOKEN).contentType(DOCX).header("Accept-Language", "zh-CN").body(HostileDocumentsTest.macros())
                .post("/api/v1/extractions").then().spec(problem(415)).body("detail", containsString("宏"));
        as(ADMIN_TOKEN).contentType("application/pdf").header("Accept-Language", "zh-CN")
                .body(HostileDocumentsTest.javaScriptPdf()).post("/api/v1/extractions").then().spec(problem(400))
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("脚本"));
        as(ADMIN_TOKEN).contentType("application/pdf").body(HostileDocumentsTest.passwordPdf())
                .post("/api/v1/extractions").then().spec(problem(415));
        as(ADMIN_TOKEN).contentType(DOCX).body(HostileDocumentsTest.externalEntity()).post("/api/v1/extractions").then()
                .spec(problem(400)).body("errors[0].message", notNullValue());
    }

    @Test
    void aWebPageBeyondTheBodyLimitIsA413() {
        byte[] page = ("<html><body>" + "<p>新建幼儿园3所。</p>".repeat(1_000_000) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        as(ADMIN_TOKEN).contentType("text/html").body(page).post("/api/v1/extractions").then().spec(problem(413));
    }

    @Test
    void aTypeThatIsNoPlanIsA415NamingTheTypesRead() {
        as(ADMIN_TOKEN).contentType("application/msword").body(new byte[]{1, 2, 3}).post("/api/v1/extractions").then()
                .spec(problem(415));
        as(ADMIN_TOKEN).contentType("image/png").queryParam("orgUnitCode", "x").queryParam("period", "2026")
                .body(new byte[]{1, 2, 3}).post("/api/v1/plans").then().spec(problem(415));
    }

    @Test
    void anEmptyDocumentBodyIsA400() {
        as(ADMIN_TOKEN).contentType(DOCX).post("/api/v1/extractions").then().spec(problem(400)).body("errors[0].field",
                equalTo("body"));
        as(ADMIN_TOKEN).contentType("text/html").body("<html><script>x()</script></html>").post("/api/v1/extractions")
                .then().spec(problem(400)).body("errors", hasSize(1));
    }
}
