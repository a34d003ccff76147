package io.zhibiao.report;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.eventually;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 月报 (design §8): asked for, produced in the background, read back as a user's viewer would. */
@QuarkusTest
class ReportTest {

    String county;
    String east;
    String west;
    String training;
    String rate;
    long trainingTarget;

    /**
     * A county whose two schools report 教师培训 (150 of 1,200 by March: OFF_TRACK, charted) and 本科上线率 (ranked); the
     * training target names its 责任单位 and has March's commentary; nobody has approved March yet.
     */
    @BeforeEach
    void countyWithMarch() {
        county = county();
        json().body(Map.of("code", county, "name", "青禾县", "type", "COUNTY")).put("/api/v1/org-units/{c}", county).then()
                .statusCode(200);
        east = orgUnit("SCHOOL", county);
        west = orgUnit("SCHOOL", county);
        training = anIndicator().with("name", "教师培训").create();
        rate = anIndicator().percent().aggregation("LAST").with("name", "本科上线率").create();
        trainingTarget = aTarget().forIndicator(training).at(county).period("2026").value("1200")
                .with("leadUnit", "基础教育股").create();
        aTarget().forIndicator(rate).at(county).period("2026").value("75.3").create();
        putMonths(training, east, 2026, 1, 3, "20");
        putMonths(training, west, 2026, 1, 3, "30");
        put(rate, east, "2026-03", "68.5");
        put(rate, west, "2026-03", "72");
        json().body(Map.of("progress", "一季度完成培训150人次。", "problems", "农村学校参训率偏低。", "nextSteps", "4月起送培下乡。"))
                .put("/api/v1/targets/{id}/commentary/2026-03", trainingTarget).then().statusCode(201);
    }

    private JsonPath done(String format) {
        return done(format, "all");
    }

    private JsonPath done(String format, String dataStatus) {
        long id = json()
                .body(Map.of("orgUnitCode", county, "period", "2026-03", "format", format, "dataStatus", dataStatus))
                .post("/api/v1/reports").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/reports/"))
                .body("state", equalTo("QUEUED")).extract().jsonPath().getLong("id");
        eventually(60, "report " + id, () -> List.of("DONE", "FAILED")
                .contains(json().get("/api/v1/reports/{id}", id).then().extract().path("state")));
        JsonPath report = json().get("/api/v1/reports/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("state")).as("report %s: %s", id, report.getString("error")).isEqualTo("DONE");
        return report;
    }

    private static byte[] file(JsonPath report) {
        return json().get(report.getString("fileUrl")).then().statusCode(200).extract().asByteArray();
    }

    @Test
    void aPdfInChineseWithTheApisFiguresAChartPerSlippingTargetAndUnapprovedOnEveryPage() throws IOException {
        JsonPath report = done("pdf");
        assertThat(report.getString("title")).isEqualTo("青禾县教育局2026年3月目标进展月报");
        byte[] pdf = file(report);
        assertThat(report.getLong("size")).isEqualTo(pdf.length);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("青禾县教育局2026年3月目标进展月报", "基础教育股", "一季度完成培训150人次", "农村学校参训率偏低", "4月起送培下乡", "落后",
                    "下级报送情况", "下级排名");
            // The actual of every target is the dashboard's at the report's month.
            List<Map<String, Object>> rows = json().queryParam("orgUnit", county).queryParam("period", "2026")
                    .queryParam("asOf", "2026-03").get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath()
                    .getList("targets");
            assertThat(rows).anyMatch(r -> r.get("actual") != null);
            for (Map<String, Object> row : rows) {
                if (row.get("actual") == null) {
                    assertThat(text).contains("无数据");
                    continue;
                }
                String actual = new java.math.BigDecimal(row.get("actual").toString()).stripTrailingZeros()
                        .toPlainString();
                assertThat(text).as("actual of %s", row.get("indicatorName")).contains(actual);
            }
            assertThat(text).contains("150人次", "68.5%", "72%");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            List<String> fonts = new ArrayList<>();
            int images = 0;
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p);
                assertThat(page.getMediaBox().getWidth()).as("A4 width").isBetween(594f, 596f);
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(p + 1);
                one.setEndPage(p + 1);
                String pageText = one.getText(doc);
                assertThat(pageText).as("page %d", p + 1).contains("未审核", "第 " + (p + 1) + " 页");
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertThat(fonts).anyMatch(f -> f.contains("NotoSansSC"));
            assertThat(images).as("a chart for the off-track target").isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void approvalTakesTheUnapprovedMarkAwayAndTheSameVersionGivesTheSameFigures() {
        JsonPath first = done("html");
        JsonPath again = done("html");
        assertThat(again.getLong("asOfVersion")).isEqualTo(first.getLong("asOfVersion"));
        String a = new String(file(first), java.nio.charset.StandardCharsets.UTF_8);
        String b = new String(file(again), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(a).contains("<div id=\"mark\">未审核</div>", "基础教育股");
        assertThat(withoutTime(b)).isEqualTo(withoutTime(a));

        for (String school : List.of(east, west)) {
            json().post("/api/v1/submissions/{u}/2026-03/submit", school).then().statusCode(200);
            json().post("/api/v1/submissions/{u}/2026-03/approve", school).then().statusCode(200);
        }
        JsonPath approved = done("html");
        assertThat(approved.getLong("asOfVersion")).isGreaterThan(first.getLong("asOfVersion"));
        String c = new String(file(approved), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(c).doesNotContain("<div id=\"mark\">").contains("已通过");
    }

    private static String withoutTime(String html) {
        return html.replaceAll("生成于 [0-9: -]+", "");
    }

    @Test
    void aWorkbookWithASheetPerSectionNumericCellsAndANativeChart() throws IOException {
        byte[] xlsx = file(done("xlsx"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("概览", "目标", "落后目标走势", "下级报送", "未通过校验", "下级排名");
            XSSFSheet targets = book.getSheet("目标");
            Row training = null;
            for (Row row : targets) {
                if ("教师培训".equals(row.getCell(0).getStringCellValue())) {
                    training = row;
                }
            }
            assertThat(training).isNotNull();
            assertThat(training.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(training.getCell(4).getNumericCellValue()).isEqualTo(150.0);
            assertThat(training.getCell(3).getNumericCellValue()).isEqualTo(1200.0);
            assertThat(training.getCell(10).getStringCellValue()).isEqualTo("基础教育股");
            assertThat(book.getSheet("落后目标走势").getDrawingPatriarch().getCharts()).isNotEmpty();
            assertThat(book.getSheet("下级报送").getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        json().body(Map.of("orgUnitCode", county, "period", "2026-03", "format", "docx")).post("/api/v1/reports").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("format"));
        json().body(Map.of("orgUnitCode", county, "period", "2099-05", "format", "pdf")).post("/api/v1/reports").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"));
        json().body(Map.of("orgUnitCode", county, "period", "2026-03-07", "format", "pdf")).post("/api/v1/reports")
                .then().spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"));
        json().body(Map.of("orgUnitCode", county, "period", "2026-03", "format", "pdf", "dataStatus", "some"))
                .post("/api/v1/reports").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("dataStatus"));
        json().body(Map.of("period", "2026-03", "format", "pdf")).post("/api/v1/reports").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("orgUnitCode"));
        json().body("").post("/api/v1/reports").then().spec(problem(400));
        json().body("{\"orgUnitCode\": [1]}").post("/api/v1/reports").then().spec(problem(400));
        String other = county();
        as(token("PLANNER", other)).body(Map.of("orgUnitCode", county, "period", "2026-03", "format", "pdf"))
                .post("/api/v1/reports").then().spec(problem(404, "not_found"));
        long id = done("html").getLong("id");
        as(token("VIEWER", other)).get("/api/v1/reports/{id}", id).then().spec(problem(404, "not_found"));
        as(token("VIEWER", other)).get("/api/v1/reports/{id}/file", id).then().spec(problem(404, "not_found"));
        json().get("/api/v1/reports/{id}", 987_654_321L).then().spec(problem(404, "not_found"));
        json().get("/api/v1/reports/x").then().spec(problem(404));
    }

    @Test
    void aViewerAsksForItsUnitsReportAndListsIt() {
        String viewer = token("VIEWER", county);
        long id = as(viewer).body(Map.of("orgUnitCode", county, "period", "2026-Q1", "format", "html"))
                .post("/api/v1/reports").then().statusCode(202).extract().jsonPath().getLong("id");
        eventually(60, "report " + id,
                () -> "DONE".equals(json().get("/api/v1/reports/{id}", id).then().extract().path("state")));
        as(viewer).queryParam("orgUnit", county).get("/api/v1/reports").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].title", equalTo("青禾县教育局2026年第一季度目标进展季报"))
                .body("items[0].requestedBy", startsWith(""));
        String html = as(viewer).get("/api/v1/reports/{id}/file", id).then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")).extract()
                .asString();
        assertThat(html).contains("青禾县教育局2026年第一季度目标进展季报", "150人次");
    }
}
