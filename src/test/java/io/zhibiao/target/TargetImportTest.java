package io.zhibiao.target;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Sheets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A 目标表 imported at once: every row created as POST /targets would, or named with its problem. */
@QuarkusTest
class TargetImportTest {

    private static final String BATCH = "/api/v1/targets/batch";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aCsvOfTargetsIsCreatedWithBaselines() {
        String county = county();
        String training = anIndicator().create();
        String rate = anIndicator().percent().aggregation("LAST").frequency("YEARLY").create();
        String csv = "指标代码,单位代码,期间,目标值,基线期间,基线值,标题\n" + training + "," + county + ",2027,7000,,,全年培训\n" + rate + ","
                + county + ",2027,70,2026,67,本科上线率\n";
        json().contentType("text/csv; charset=utf-8").body(csv).post(BATCH).then().statusCode(200)
                .body("status", equalTo("SUCCESS")).body("created", equalTo(2));
        json().queryParam("orgUnit", county).queryParam("indicator", rate).get("/api/v1/targets").then()
                .body("items", hasSize(1)).body("items[0].baseline.value", num("67"))
                .body("items[0].title", equalTo("本科上线率"));
    }

    @Test
    void badRowsAreNamedAndNothingIsWrittenUnlessAskedTo() {
        String county = county();
        String training = anIndicator().create();
        String monthly = anIndicator().create();
        byte[] workbook = Sheets.xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                List.of(training, county, "2027", "100"), List.of("no-such-indicator", county, "2027", "5"),
                List.of(training, county, "2027", "200"), List.of(monthly, county, "2027-Q5", "1")));
        json().contentType(XLSX).body(workbook).post(BATCH).then().statusCode(409).body("status", equalTo("ERROR"))
                .body("created", equalTo(0)).body("rejected", equalTo(3)).body("conflicts[0].index", equalTo(1))
                .body("conflicts[0].field", equalTo("indicatorCode")).body("conflicts[1].index", equalTo(2))
                .body("conflicts[1].message", containsString("row 0")).body("conflicts[2].field", equalTo("period"));
        json().queryParam("orgUnit", county).get("/api/v1/targets").then().body("items", hasSize(0));

        json().contentType(XLSX).body(workbook).queryParam("atomic", "false").post(BATCH).then().statusCode(200)
                .body("status", equalTo("WARNING")).body("created", equalTo(1));
        json().queryParam("orgUnit", county).get("/api/v1/targets").then().body("items", hasSize(1))
                .body("items[0].value", num("100"));
    }

    @Test
    void aDryRunWritesNothingAndTheRulesOfASinglePostHold() {
        String county = county();
        String training = anIndicator().create();
        json().body(Map.of("targets",
                List.of(Map.of("indicatorCode", training, "orgUnitCode", county, "period", "2027", "value", 10))))
                .queryParam("dryRun", "true").post(BATCH).then().statusCode(200).body("dryRun", equalTo(true))
                .body("created", equalTo(0)).body("rejected", equalTo(0));
        json().queryParam("orgUnit", county).get("/api/v1/targets").then().body("items", hasSize(0));
        as(token("CLERK", county)).body(Map.of("targets", List.of())).post(BATCH).then()
                .spec(problem(403, "forbidden"));
        json().contentType("text/csv; charset=utf-8").body("指标代码,期间\nx,2027\n").post(BATCH).then()
                .spec(problem(400, "validation_failed")).body("detail", containsString("orgUnitCode"));
        json().body("{\"rows\": []}").post(BATCH).then().spec(problem(400, "validation_failed"));
    }
}
