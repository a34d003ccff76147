package io.zhibiao.common;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.zhibiao.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Business metrics, the request id on answers and in log lines, and the Grafana board that reads the metrics. */
@QuarkusTest
class ObservabilityTest {

    private static String metrics() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one Prometheus sample, 0 when it has not been written yet. */
    private static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void figuresImportsRejectedRowsAndReusedAnswersAreCounted() {
        String before = metrics();
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String indicator = anIndicator().create();
        put(indicator, school, "2025-01", "10");
        put(indicator, school, "2025-01", "11");
        String csv = "indicatorCode,orgUnitCode,period,value\n" + indicator + "," + school + ",2025-02,5\n" + indicator
                + ",no-such-unit,2025-02,5\n";
        json().contentType("text/csv").queryParam("atomic", false).body(csv).post("/api/v1/observations/batch").then()
                .statusCode(200);
        json().contentType("text/csv").queryParam("dryRun", true).queryParam("atomic", false).body(csv)
                .post("/api/v1/observations/batch").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                    .get("/api/v1/dashboard").then().statusCode(200);
        }
        String after = metrics();

        assertThat(delta(before, after, "zhibiao_figures_written_total{change=\"created\",via=\"single\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "zhibiao_figures_written_total{change=\"updated\",via=\"single\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "zhibiao_figures_written_total{change=\"created\",via=\"import\"}"))
                .isEqualTo(1);
        assertThat(delta(before, after, "zhibiao_imports_total{outcome=\"written\"}")).isEqualTo(1);
        assertThat(delta(before, after, "zhibiao_imports_total{outcome=\"dry_run\"}")).isEqualTo(1);
        // One rejected row in the written import and one in the dry run.
        assertThat(delta(before, after, "zhibiao_import_rows_rejected_total")).isEqualTo(2);
        assertThat(delta(before, after, "zhibiao_answers_total{kind=\"dashboard:json\",result=\"reused\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "zhibiao_data_version_asked_total")).isGreaterThanOrEqualTo(2);
    }

    private static double delta(String before, String after, String series) {
        return sample(after, series) - sample(before, series);
    }

    @Test
    void everyMetricOnTheGrafanaBoardExists() throws Exception {
        json().contentType("text/plain; charset=UTF-8").body("2026年工作要点\n完成教师培训9200人次。").post("/api/v1/extractions")
                .then().statusCode(200);
        String county = county();
        put(anIndicator().create(), county, "2025-01", "1");
        json().queryParam("orgUnit", county).queryParam("period", "2025").get("/api/v1/dashboard").then()
                .statusCode(200);
        String board = Files.readString(Path.of("k8s/grafana/zhibiao-dashboard.json"));
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern
                .compile("\\b(zhibiao_[a-z_]+?|http_server_requests_seconds|agroal_[a-z_]+?|jvm_memory_used_bytes)"
                        + "(_total|_bucket|_sum|_count)?\\b")
                .matcher(board);
        while (m.find()) {
            named.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
        assertThat(named).contains("zhibiao_figures_written_total", "zhibiao_answers_total");
        String metrics = metrics();
        for (String metric : named) {
            assertThat(metrics).as("the board's metric %s", metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    @Test
    void everyAnswerCarriesARequestIdThatTheLogLinesShare() throws Exception {
        json().get("/api/v1/org-units/{code}", "no-such-unit").then().statusCode(404).header(RequestIds.HEADER,
                matchesPattern("[0-9a-f-]{36}"));
        RestAssured.given().header(RequestIds.HEADER, "gw-7f3a.12").get("/q/health/live").then()
                .header(RequestIds.HEADER, equalTo("gw-7f3a.12"));
        // A header that could forge a log field is replaced, not echoed.
        RestAssured.given().header(RequestIds.HEADER, "x\" level=ERROR").get("/q/health/live").then()
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));

        String code = Api.unique("logged");
        json().header(RequestIds.HEADER, "req-" + code)
                .body("{\"code\":\"" + code + "\",\"name\":\"日志县\",\"type\":\"COUNTY\"}").post("/api/v1/org-units")
                .then().statusCode(201).header(RequestIds.HEADER, "req-" + code);
        String log = Files.readString(Path.of("target/zhibiao-test.log"));
        assertThat(log)
                .containsPattern("req-" + Pattern.quote(code) + " .*Org unit " + Pattern.quote(code) + " created");
    }
}
