package io.zhibiao.observation;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.zhibiao.support.Api;
import io.zhibiao.support.Fixtures;
import io.zhibiao.support.Sheets;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batch limits: too many rows is a 400 that writes nothing; the summary lists a bounded number of
 * conflicts.
 */
@QuarkusTest
@TestProfile(ImportLimitsTest.SmallLimits.class)
class ImportLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhibiao.imports.max-rows", "5", "zhibiao.imports.max-conflicts", "2",
                    "zhibiao.imports.chunk-size", "2", "zhibiao.imports.max-body-bytes", "16384",
                    "zhibiao.imports.max-cell-chars", "40", "zhibiao.imports.max-columns", "8");
        }
    }

    private static String file(String indicator, String unit, String... values) {
        StringBuilder csv = new StringBuilder("indicatorCode,orgUnitCode,period,value\n");
        for (int i = 0; i < values.length; i++) {
            csv.append(indicator).append(',').append(unit).append(String.format(",2025-%02d,", i + 1)).append(values[i])
                    .append('\n');
        }
        return csv.toString();
    }

    @TestHTTPResource("/api/v1/observations/batch")
    URI batch;

    /** The limit holds for a body sent in chunks (no Content-Length) as for one that declares its length. */
    @Test
    void aBodyBeyondTheLimitIs413HoweverItIsSent() throws Exception {
        byte[] big = ("indicatorCode,orgUnitCode,period,value\n" + "x,y,2025-01,1\n".repeat(2000))
                .getBytes(StandardCharsets.UTF_8);
        json().contentType("text/csv").body(big).post("/api/v1/observations/batch").then().spec(problem(413));
        HttpRequest chunked = HttpRequest.newBuilder(batch).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("payload_too_large");
    }

    /** The database import shares the import body limit: an oversized export is a 413 however it is sent. */
    @Test
    void anExportBeyondTheImportLimitIs413() throws Exception {
        byte[] big = ("{\"format\":\"zhibiao-export\"}\n" + "[1,\"x\"]\n".repeat(4000))
                .getBytes(StandardCharsets.UTF_8);
        json().contentType("application/x-ndjson").body(big).post("/api/v1/admin/import").then().spec(problem(413));
        HttpRequest chunked = HttpRequest.newBuilder(batch.resolve("/api/v1/admin/import"))
                .header("Authorization", "Bearer " + Api.ADMIN_TOKEN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("payload_too_large");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedAndNothingIsWritten() {
        String unit = county();
        String indicator = anIndicator().create();
        json().contentType("text/csv").body(file(indicator, unit, "1", "2", "3", "4", "5", "6"))
                .post("/api/v1/observations/batch").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("detail", containsString("at most 5 rows"));
        json().queryParam("indicator", indicator).get("/api/v1/observations").then().body("total", is(0));
        json().contentType("text/csv").body(file(indicator, unit, "1", "2", "3", "4", "5"))
                .post("/api/v1/observations/batch").then().statusCode(200).body("created", is(5));
    }

    @Test
    void conflictListIsCappedButCountsStayExact() {
        String unit = county();
        String indicator = anIndicator().create();
        json().contentType("text/csv").body(file(indicator, unit, "x", "-1", "1.5", "7"))
                .post("/api/v1/observations/batch?atomic=false").then().statusCode(200).body("rejected", is(3))
                .body("created", is(1)).body("conflicts.size()", is(2));
    }

    /**
     * Chunks of two rows: revisions of one chunk are still being stored (PostgreSQL COPY) while the
     * next chunk looks up codes it has not seen and reads what the earlier chunk wrote. Comments
     * with a tab, a line break and a backslash come back exactly.
     */
    @Test
    void laterChunksSeeEarlierOnesAndNewCodesAreLookedUpMidImport() {
        String unitA = county();
        String unitB = county();
        String first = anIndicator().create();
        String second = anIndicator().create();
        String comment = "line one\tcolumn\nline two \\ end";
        String csv = "indicatorCode,orgUnitCode,period,value,comment\n" + first + "," + unitA + ",2025-01,1,\n" + first
                + "," + unitA + ",2025-02,2,\"" + comment + "\"\n" + second + "," + unitB + ",2025-01,3,\n" + first
                + "," + unitA + ",2025-01,9,\n" + second + "," + unitB + ",2025-02,4,\n";
        json().contentType("text/csv").body(csv).post("/api/v1/observations/batch").then().statusCode(200)
                .body("created", is(4)).body("updated", is(1)).body("rejected", is(0));
        json().get("/api/v1/observations/" + first + "/" + unitA + "/2025-01").then().statusCode(200)
                .body("value", equalTo(9)).body("revision", is(2));
        json().get("/api/v1/observations/" + first + "/" + unitA + "/2025-01/revisions").then().statusCode(200)
                .body("size()", is(2)).body("[0].value", equalTo(1)).body("[0].operation", equalTo("CREATE"))
                .body("[1].value", equalTo(9)).body("[1].operation", equalTo("UPDATE"));
        json().get("/api/v1/observations/" + first + "/" + unitA + "/2025-02").then().statusCode(200).body("comment",
                equalTo(comment));
        json().get("/api/v1/observations/" + second + "/" + unitB + "/2025-02").then().statusCode(200)
                .body("value", equalTo(4)).body("revision", is(1));
    }

    @Test
    void aCellBeyondTheLimitMakesTheFileA400() {
        String school = Fixtures.orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        String csv = "indicatorCode,orgUnitCode,period,value,comment\n" + indicator + "," + school + ",2025-01,1,"
                + "备注".repeat(30) + "\n";
        json().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/observations/batch")
                .then().spec(problem(400)).body("detail", containsString("more than 40 characters"));
        byte[] workbook = Sheets.xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value", "comment"),
                List.of(indicator, school, "2025-01", 1, "备注".repeat(30))));
        json().contentType(ImportFormats.XLSX).body(workbook).post("/api/v1/observations/batch").then()
                .spec(problem(400)).body("detail", containsString("more than 40 characters"));
        json().get("/api/v1/observations/{i}/{o}/2025-01", indicator, school).then().spec(problem(404));
    }

    @Test
    void aLineWithTooManyCellsMakesTheFileA400() {
        String csv = "indicatorCode,orgUnitCode,period,value\n" + "a,b,2025-01,1" + ",".repeat(20) + "\n";
        json().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/observations/batch")
                .then().spec(problem(400)).body("detail", containsString("more than 8 cells"));
    }
}
