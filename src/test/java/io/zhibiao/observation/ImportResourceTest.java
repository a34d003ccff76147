package io.zhibiao.observation;

import static io.zhibiao.support.Api.as;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.zhibiao.support.Api;
import io.zhibiao.support.Sheets;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    private static final String BATCH = "/api/v1/observations/batch";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "indicatorCode,orgUnitCode,period,value,status,comment\n";

    @Inject
    ImportFaults faults;

    private String county;
    private String school;
    private String other;
    private String training;

    @BeforeEach
    void setUp() {
        county = county();
        school = orgUnit("SCHOOL", county);
        other = orgUnit("SCHOOL", county);
        training = anIndicator().create();
    }

    private ValidatableResponse csv(String body, String query) {
        return json().contentType("text/csv; charset=utf-8").body(body.getBytes(StandardCharsets.UTF_8))
                .post(BATCH + query).then();
    }

    private String rows(String... lines) {
        return HEADER + String.join("\n", lines) + "\n";
    }

    private long revisions(String unit, String period) {
        return json().get("/api/v1/observations/{i}/{o}/{p}/revisions", training, unit, period).then().extract()
                .jsonPath().getList("$").size();
    }

    @Test
    void jsonBatchCreatesUpdatesAndCountsUnchanged() {
        put(training, school, "2025-01", "10");
        String body = """
                {"observations": [
                  {"indicatorCode": "%1$s", "orgUnitCode": "%2$s", "period": "2025-01", "value": 10},
                  {"indicatorCode": "%1$s", "orgUnitCode": "%2$s", "period": "2025-02", "value": 12, "comment": "含寒假"},
                  {"indicatorCode": "%1$s", "orgUnitCode": "%3$s", "period": "2025-01", "value": 7, "status": "PROVISIONAL"}]}"""
                .formatted(training, school, other);
        json().body(body).post(BATCH).then().statusCode(200).body("status", equalTo("SUCCESS"))
                .body("dryRun", is(false)).body("atomic", is(true)).body("received", is(3)).body("created", is(2))
                .body("updated", is(0)).body("unchanged", is(1)).body("rejected", is(0))
                .body("conflicts.size()", is(0));
        json().get("/api/v1/observations/{i}/{o}/2025-02", training, school).then().body("comment", equalTo("含寒假"))
                .body("revision", is(1)).body("updatedBy", equalTo("bootstrap-admin"));
        json().get("/api/v1/observations/{i}/{o}/2025-01", training, other).then().body("status",
                equalTo("PROVISIONAL"));
    }

    @Test
    void sameCsvTwiceIsUnchangedTheSecondTime() {
        String file = rows(training + "," + school + ",2025-03,100,,", training + "," + other + ",2025-03,90,,备注");
        csv(file, "").statusCode(200).body("created", is(2));
        csv(file, "").statusCode(200).body("created", is(0)).body("updated", is(0)).body("unchanged", is(2));
        assertThat(revisions(school, "2025-03")).isEqualTo(1);
    }

    @Test
    void theCsvAndExcelOperationsImportLikeTheBatchAndRefuseOtherFormats() {
        String file = "indicatorCode,orgUnitCode,period,value\n" + training + "," + school + ",2025-05,5\n";
        json().contentType("text/csv").body(file).post(BATCH + "/csv?dryRun=true").then().statusCode(200)
                .body("dryRun", is(true)).body("created", is(1));
        json().contentType("text/csv").body(file).post(BATCH + "/csv").then().statusCode(200).body("created", is(1));
        byte[] sheet = Sheets.xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                List.of(training, school, "2025-06", 6)));
        json().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(sheet)
                .post(BATCH + "/xlsx").then().statusCode(200).body("created", is(1));
        json().get("/api/v1/observations/{i}/{o}/2025-06", training, school).then().body("value", is(6));
        // Each names its one format: the other, or JSON, is a 415 and writes nothing.
        json().contentType("text/csv").body(file).post(BATCH + "/xlsx").then()
                .spec(problem(415, "unsupported_media_type"));
        json().body("{\"observations\": []}").post(BATCH + "/csv").then().spec(problem(415, "unsupported_media_type"));
        // A bad row is the same 409 with nothing written, as for the batch.
        json().contentType("text/csv").body(file.replace(",5\n", ",abc\n").replace("2025-05", "2025-07"))
                .post(BATCH + "/csv").then().statusCode(409).body("rejected", is(1));
        json().get("/api/v1/observations/{i}/{o}/2025-07", training, school).then().statusCode(404);
    }

    @Test
    void csvWithBomAndOnlyTheRequiredColumns() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String file = "indicatorCode,orgUnitCode,period,value\n" + training + "," + school + ",2025-04,5\n";
        byte[] body = new byte[bom.length + file.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, body, 0, 3);
        System.arraycopy(file.getBytes(StandardCharsets.UTF_8), 0, body, 3, body.length - 3);
        json().contentType("text/csv").body(body).post(BATCH).then().statusCode(200).body("created", is(1));
    }

    @Test
    void atomicImportWithOneBadLineWritesNothing() {
        String file = rows(training + "," + school + ",2025-05,1,,", training + "," + school + ",2025-06,2.5,,",
                training + "," + school + ",2025-07,3,,");
        csv(file, "").statusCode(409).body("status", equalTo("ERROR")).body("rejected", is(1)).body("created", is(0))
                .body("conflicts[0].index", is(1)).body("conflicts[0].field", equalTo("value"))
                .body("conflicts[0].value", equalTo("2.5")).body("conflicts[0].code", equalTo("validation_failed"))
                .body("conflicts[0].message", containsString("whole number"));
        json().get("/api/v1/observations/{i}/{o}/2025-05", training, school).then().spec(problem(404));
    }

    @Test
    void nonAtomicImportWritesTheGoodRowsAndListsTheBad() {
        String file = rows(training + "," + school + ",2025-05,1,,", training + ",nowhere,2025-06,2,,",
                training + "," + school + ",2025-Q3,3,,", training + "," + school + ",2025-08,abc,,");
        csv(file, "?atomic=false").statusCode(200).body("status", equalTo("WARNING")).body("created", is(1))
                .body("rejected", is(3)).body("conflicts.index", contains(1, 2, 3))
                .body("conflicts.field", contains("orgUnitCode", "period", "value"));
        json().get("/api/v1/observations/{i}/{o}/2025-05", training, school).then().statusCode(200);
    }

    @Test
    void dryRunCountsWithoutWriting() {
        csv(rows(training + "," + school + ",2025-09,4,,"), "?dryRun=true").statusCode(200).body("dryRun", is(true))
                .body("created", is(1));
        json().get("/api/v1/observations/{i}/{o}/2025-09", training, school).then().spec(problem(404));
        csv(rows(training + "," + school + ",2025-09,4,,"), "?dryRun=maybe").spec(problem(400)).body("errors[0].field",
                equalTo("dryRun"));
    }

    @Test
    void repeatedIdempotencyKeyAnswersTheFirstSummaryAndAppliesNothing() {
        String key = Api.unique("upload");
        json().header("Idempotency-Key", key).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-10,4,,")).post(BATCH).then().statusCode(200)
                .body("created", is(1));
        json().header("Idempotency-Key", key).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-10,4,,")).post(BATCH).then().statusCode(200)
                .body("created", is(1)).body("received", is(1));
        // The same key with another body is not a retry: 422, and nothing of it is applied.
        json().header("Idempotency-Key", key).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-10,99,,", training + "," + school + ",2025-11,1,,"))
                .post(BATCH).then().spec(problem(422, "idempotency_key_reused"));
        json().header("Idempotency-Key", key).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-10,4,,")).post(BATCH + "?atomic=false").then()
                .spec(problem(422, "idempotency_key_reused"));
        json().get("/api/v1/observations/{i}/{o}/2025-10", training, school).then().body("value", is(4));
        json().get("/api/v1/observations/{i}/{o}/2025-11", training, school).then().spec(problem(404));
        // The same key from another token is another request.
        as(token("CLERK", school)).header("Idempotency-Key", key).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-11,1,,")).post(BATCH).then().statusCode(200)
                .body("created", is(1));
    }

    @Test
    void clerkCannotHideAnotherSchoolsRowInABatch() {
        String clerk = token("CLERK", school);
        as(clerk).contentType("text/csv")
                .body(rows(training + "," + school + ",2025-01,1,,", training + "," + other + ",2025-01,1,,"))
                .post(BATCH).then().statusCode(409).body("conflicts[0].index", is(1))
                // Another subtree's school reads like an unknown code: the clerk learns nothing about it.
                .body("conflicts[0].code", equalTo("validation_failed"))
                .body("conflicts[0].message", equalTo("orgUnitCode: org unit '" + other + "' does not exist"));
        json().get("/api/v1/observations/{i}/{o}/2025-01", training, school).then().spec(problem(404));
        as(token("VIEWER", school)).contentType("text/csv").body(rows(training + "," + school + ",2025-01,1,,"))
                .post(BATCH).then().spec(problem(403));
    }

    @Test
    void outlierIsAcceptedButFlagged() {
        putMonths(training, school, 2024, 1, 8, "100");
        csv(rows(training + "," + school + ",2024-09,900,,"), "").statusCode(200).body("status", equalTo("WARNING"))
                .body("flagged", is(1)).body("created", is(1)).body("conflicts[0].code", equalTo("outlier"));
        json().get("/api/v1/observations/{i}/{o}/2024-09", training, school).then().body("flags", contains("OUTLIER"));
        json().body(Map.of("value", 101)).put("/api/v1/observations/{i}/{o}/2024-10", training, school).then()
                .body("flags.size()", is(0));
        json().body(Map.of("value", 1)).put("/api/v1/observations/{i}/{o}/2024-11", training, school).then()
                .body("flags", contains("OUTLIER"));
    }

    /**
     * An import reads the recent months of every series first and looks further back only for series that came up
     * short: figures posted once a year, years ago, still make the history an outlier is judged on.
     */
    @Test
    void sparseHistoryOlderThanAYearStillCounts() {
        for (int year = 2016; year <= 2022; year++) {
            json().body(Map.of("value", 100)).put("/api/v1/observations/{i}/{o}/" + year + "-03", training, school)
                    .then().statusCode(201);
        }
        csv(rows(training + "," + school + ",2024-03,900,,", training + "," + school + ",2024-04,100,,"), "")
                .statusCode(200).body("flagged", is(1)).body("conflicts[0].index", is(0))
                .body("conflicts[0].code", equalTo("outlier"));
    }

    /**
     * Only the last 12 figures before a month count: a level that changed a year ago is the new
     * normal.
     */
    @Test
    void outlierRuleLooksAtTheLastTwelveFiguresOnly() {
        putMonths(training, school, 2022, 1, 12, "100");
        putMonths(training, school, 2023, 1, 12, "1000");
        csv(rows(training + "," + school + ",2024-01,1000,,", training + "," + school + ",2024-02,100,,"), "")
                .statusCode(200).body("flagged", is(1)).body("conflicts.size()", is(1))
                .body("conflicts[0].index", is(1)).body("conflicts[0].code", equalTo("outlier"));
    }

    @Test
    void failureAtTheLastRowLeavesNoneOfTheRows() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int m = 1; m <= 12; m++) {
            file.append(training).append(',').append(school).append(String.format(",2023-%02d,1,,%n", m));
        }
        // The whole file is one chunk: every row is written before the failure after the last one.
        faults.failAfter(12);
        try {
            csv(file.toString(), "").statusCode(500).body("code", equalTo("internal_error"));
        } finally {
            faults.clear();
        }
        json().queryParam("indicator", training).queryParam("orgUnit", school).get("/api/v1/observations").then()
                .body("total", is(0));
    }

    @Test
    void sixteenClientsWritingOneCellGetConsecutiveRevisions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int value = 100 + i;
            writers.add(() -> json().body(Map.of("value", value))
                    .put("/api/v1/observations/{i}/{o}/2025-12", training, school).then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(writers)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 200 || s == 201).filteredOn(s -> s == 201).hasSize(1);
        List<Integer> revisionNumbers = json().get("/api/v1/observations/{i}/{o}/2025-12/revisions", training, school)
                .then().extract().jsonPath().getList("revision", Integer.class);
        assertThat(revisionNumbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
    }

    @Test
    void xlsxUploadReadsTheFirstSheet() throws IOException {
        byte[] workbook = workbook(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                List.of(training, school, "2025-03", 42)));
        json().contentType(XLSX).body(workbook).post(BATCH).then().statusCode(200).body("created", is(1));
        json().get("/api/v1/observations/{i}/{o}/2025-03", training, school).then().body("value", is(42));
    }

    @Test
    void templateRoundTripsAndTakesFilledInValues() throws IOException {
        String rate = anIndicator().percent().aggregation("LAST").frequency("QUARTERLY").create();
        aTarget().forIndicator(training).at(school).period("2025").value("100").create();
        aTarget().forIndicator(rate).at(school).period("2025").value("99").create();
        put(training, school, "2025-03", "8");

        byte[] template = json().accept(XLSX).queryParam("orgUnit", school).queryParam("period", "2025-03")
                .get("/api/v1/observations/template").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        List<List<String>> sheet = read(template);
        assertThat(sheet.get(0)).containsExactly("指标代码", "指标名称", "计量单位", "单位代码", "期间", "数值", "状态", "备注");
        assertThat(sheet).hasSize(3);
        assertThat(sheet.stream().skip(1).map(r -> r.get(4)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("2025-03", "2025-Q1");

        json().contentType(XLSX).body(template).post(BATCH).then().statusCode(200).body("received", is(2))
                .body("unchanged", is(2)).body("created", is(0)).body("updated", is(0));

        List<List<Object>> filled = new ArrayList<>();
        for (List<String> row : sheet) {
            List<Object> copy = new ArrayList<>(row);
            if (row.get(0).equals(training)) {
                copy.set(5, 9);
            } else if (row.get(0).equals(rate)) {
                copy.set(5, 98.7);
            }
            filled.add(copy);
        }
        json().contentType(XLSX).body(workbook(filled)).post(BATCH).then().statusCode(200).body("created", is(1))
                .body("updated", is(1));
        json().accept(XLSX).queryParam("orgUnit", "nowhere").queryParam("period", "2025-03")
                .get("/api/v1/observations/template").then().spec(problem(404));
        json().accept(XLSX).queryParam("orgUnit", school).queryParam("period", "2025")
                .get("/api/v1/observations/template").then().spec(problem(400))
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void badFilesAre400ProblemsThatSayWhatIsWrong() throws IOException {
        csv("", "").statusCode(400).body("code", equalTo("validation_failed")).body("detail", containsString("empty"));
        csv("indicator,unit,when,value\nx,y,2025-01,1\n", "").spec(problem(400)).body("detail",
                containsString("unknown column"));
        csv("indicatorCode,orgUnitCode,period\n", "").spec(problem(400)).body("detail", containsString("lacks value"));
        json().contentType("text/csv").body(new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0x7F}).post(BATCH).then()
                .spec(problem(400));
        json().contentType("text/csv")
                .body((HEADER + training + "," + school + ",2025-01,1,,一月").getBytes(Charset.forName("GBK")))
                .post(BATCH).then().spec(problem(400)).body("detail", containsString("UTF-8"));
        json().contentType(XLSX).body("PK this is not a workbook".getBytes(StandardCharsets.UTF_8)).post(BATCH).then()
                .spec(problem(400)).body("detail", containsString("XLSX"));
        json().contentType(XLSX).body(new byte[0]).post(BATCH).then().spec(problem(400));
        json().contentType("application/pdf").body(new byte[]{1}).post(BATCH).then().spec(problem(415));
        json().body("{\"rows\": []}").post(BATCH).then().spec(problem(400));
        json().body("{\"observations\": [{\"value\": 1}").post(BATCH).then().spec(problem(400));

        ByteArrayOutputStream formula = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(formula, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("s");
            List<String> header = List.of("indicatorCode", "orgUnitCode", "period", "value");
            for (int c = 0; c < 4; c++) {
                ws.value(0, c, header.get(c));
            }
            ws.value(1, 0, training);
            ws.value(1, 1, school);
            ws.value(1, 2, "2025-01");
            ws.formula(1, 3, "1+1");
            ws.value(2, 0, training);
            ws.value(2, 1, school);
            ws.value(2, 2, "2025-02");
            ws.value(2, 3, LocalDate.of(2025, 2, 1));
            ws.style(2, 3).format("yyyy-mm-dd").set();
        }
        json().contentType(XLSX).body(formula.toByteArray()).post(BATCH + "?atomic=false").then().statusCode(200)
                .body("rejected", is(2)).body("conflicts[0].message", containsString("formula"))
                .body("conflicts[1].message", containsString("date"));
    }

    private static byte[] workbook(List<? extends List<?>> rows) {
        return Sheets.xlsx(rows);
    }

    private static List<List<String>> read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                var rows = wb.getFirstSheet().openStream()) {
            List<List<String>> result = new ArrayList<>();
            for (Row row : rows.toList()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    cells.add(c < row.getCellCount() && row.getCell(c) != null ? row.getCell(c).getText() : "");
                }
                result.add(cells);
            }
            return result;
        }
    }

    @Test
    void rowsThatAreNoObjectsAreRejectedRowsWithPlainMessages() {
        json().body("{\"observations\": [null, 1, \"x\", []]}").post(BATCH + "?atomic=false").then().statusCode(200)
                .body("received", is(4)).body("rejected", is(4)).body("conflicts.message",
                        contains("each observation must be a JSON object, not null",
                                "each observation must be a JSON object, not number",
                                "each observation must be a JSON object, not string",
                                "each observation must be a JSON object, not array"));
        json().body("{\"observations\": [{\"indicatorCode\": [1], \"value\": {}}]}").post(BATCH).then().statusCode(409)
                .body("conflicts[0].message", not(containsString("io.zhibiao")))
                .body("conflicts[0].message", not(containsString("java.")));
    }

    @Test
    void csvFaultsAreReportedAsCsv() {
        csv(rows(training + "," + school + ",2025-01,\"12,,"), "").spec(problem(400))
                .body("detail", containsString("CSV")).body("detail", not(containsString("JSON")));
        // A thousands separator without quotes spills into a cell the header does not name.
        csv(HEADER.replace(",status,comment", "") + training + "," + school + ",2025-02,1,200\n", "?atomic=false")
                .statusCode(200).body("rejected", is(1)).body("conflicts[0].message", containsString("cell 5"));
        csv(HEADER.replace(",status,comment", "") + training + "," + school + ",2025-02,1200,,\n", "").statusCode(200)
                .body("created", is(1));
    }
}
