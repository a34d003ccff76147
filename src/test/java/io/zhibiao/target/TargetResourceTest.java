package io.zhibiao.target;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TargetResourceTest {

    private String county;
    private String training;
    private String rate;

    @BeforeEach
    void setUp() {
        county = county();
        training = anIndicator().create();
        rate = anIndicator().percent().aggregation("LAST").frequency("YEARLY").create();
    }

    @Test
    void createsAndReadsATargetWithBaselineAndMilestones() {
        long id = aTarget().forIndicator(training).at(county).period("2025/2027").value("9000").baseline("2024", "2800")
                .milestone("2026", "6000").milestone("2025", "3000").with("title", "三年培训9000人次")
                .with("source", "三年内完成教师培训9000人次").create();

        json().get("/api/v1/targets/{id}", id).then().statusCode(200).body("period", equalTo("2025/2027"))
                .body("value", num("9000")).body("baseline.period", equalTo("2024")).body("baseline.value", num("2800"))
                .body("milestones.period", contains("2025", "2026")).body("title", equalTo("三年培训9000人次"))
                .body("planId", nullValue());
    }

    @Test
    void schoolYearPeriodIsAccepted() {
        long id = aTarget().forIndicator(training).at(county).period("2025-09/2026-08").value("1200").create();
        json().get("/api/v1/targets/{id}", id).then().body("period", equalTo("2025-09/2026-08"));
    }

    @Test
    void periodTextIsStoredCanonically() {
        long id = aTarget().forIndicator(training).at(county).period("2026-01/2026-12").value("1200").create();
        json().get("/api/v1/targets/{id}", id).then().body("period", equalTo("2026"));
    }

    @Test
    void listFiltersByOrgUnitIndicatorAndOverlappingPeriod() {
        long a = aTarget().forIndicator(training).at(county).period("2025").value("100").create();
        long b = aTarget().forIndicator(rate).at(county).period("2026").value("90").create();
        long c = aTarget().forIndicator(training).at(county).period("2025-09/2026-08").value("100").create();

        json().queryParam("orgUnit", county).get("/api/v1/targets").then().body("total", is(3));
        json().queryParam("orgUnit", county).queryParam("period", "2026").get("/api/v1/targets").then().body("items.id",
                contains((int) b, (int) c));
        json().queryParam("orgUnit", county).queryParam("indicator", training).queryParam("period", "2025-Q1")
                .get("/api/v1/targets").then().body("items.id", contains((int) a));
    }

    @Test
    void listFiltersByComputedStatus() {
        String unit = county();
        long achieved = aTarget().forIndicator(rate).at(unit).period("2025").value("80").create();
        long missed = aTarget().forIndicator(training).at(unit).period("2025").value("100").create();
        put(rate, unit, "2025", "85");
        put(training, unit, "2025-12", "10");

        json().queryParam("orgUnit", unit).queryParam("status", "ACHIEVED").get("/api/v1/targets").then()
                .body("total", is(1)).body("items[0].id", is((int) achieved));
        json().queryParam("orgUnit", unit).queryParam("status", "MISSED").get("/api/v1/targets").then().body("items.id",
                contains((int) missed));
        json().queryParam("status", "GREAT").get("/api/v1/targets").then().spec(problem(400)).body("errors[0].field",
                equalTo("status"));
    }

    @Test
    void updateReplacesTheTarget() {
        var builder = aTarget().forIndicator(training).at(county).period("2025").value("100").milestone("2025-H1",
                "40");
        long id = builder.create();
        Map<String, Object> body = builder.body();
        body.put("value", 120);
        body.remove("milestones");
        json().body(body).put("/api/v1/targets/{id}", id).then().statusCode(200).body("value", num("120"))
                .body("milestones.size()", is(0));
    }

    @Test
    void deleteRemovesTheTargetButNotItsFigures() {
        long id = aTarget().forIndicator(training).at(county).period("2025").value("100").create();
        put(training, county, "2025-01", "7");
        json().delete("/api/v1/targets/{id}", id).then().statusCode(204);
        json().get("/api/v1/targets/{id}", id).then().statusCode(404).body("code", equalTo("not_found"));
        json().get("/api/v1/observations/{i}/{o}/2025-01", training, county).then().statusCode(200);
    }

    @Test
    void sameIndicatorUnitAndPeriodTwiceIsAConflict() {
        aTarget().forIndicator(training).at(county).period("2024").value("100").create();
        json().body(aTarget().forIndicator(training).at(county).period("2024").value("200").body())
                .post("/api/v1/targets").then().statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    void malformedPeriodShowsTheAcceptedForms() {
        json().body(aTarget().forIndicator(training).at(county).period("2025-13").value("1").body())
                .post("/api/v1/targets").then().spec(problem(400)).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("months run from 01 to 12"));
        json().body(aTarget().forIndicator(training).at(county).period("FY2025").value("1").body())
                .post("/api/v1/targets").then().spec(problem(400))
                .body("errors[0].message", containsString("2025-09/2026-08"));
    }

    @Test
    void targetMustCoverWholeReportingPeriods() {
        json().body(aTarget().forIndicator(rate).at(county).period("2025-09/2026-08").value("90").body())
                .post("/api/v1/targets").then().spec(problem(400)).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("YEARLY"));
    }

    @Test
    void valuesAreCheckedAgainstTheIndicator() {
        json().body(aTarget().forIndicator(training).at(county).value("10.5").body()).post("/api/v1/targets").then()
                .spec(problem(400)).body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("whole number"));
        json().body(aTarget().forIndicator(rate).at(county).value("100.1").baseline("2024", "-1").body())
                .post("/api/v1/targets").then().spec(problem(400))
                .body("errors.field", contains("value", "baseline.value"));
        json().body(aTarget().forIndicator(training).at(county).value("1e16").body()).post("/api/v1/targets").then()
                .spec(problem(400)).body("errors[0].message", containsString("implausibly large"));
    }

    @Test
    void milestonesMustLieInsideThePeriodAndBeDistinct() {
        json().body(aTarget().forIndicator(training).at(county).period("2025").value("100").milestone("2026-01", "10")
                .milestone("2025", "50").milestone("2025-H1", "30").milestone("2025-06", "31").body())
                .post("/api/v1/targets").then().spec(problem(400))
                .body("errors.field", contains("milestones[0].period", "milestones[1].period", "milestones[3].period"));
    }

    @Test
    void baselinePeriodMustPrecedeTheTarget() {
        json().body(aTarget().forIndicator(training).at(county).period("2025").value("100").baseline("2025-Q1", null)
                .body()).post("/api/v1/targets").then().spec(problem(400))
                .body("errors[0].field", equalTo("baseline.period"));
    }

    @Test
    void toleranceOnlyForMaintainIndicators() {
        json().body(aTarget().forIndicator(training).at(county).value("100").tolerance("2").body())
                .post("/api/v1/targets").then().spec(problem(400)).body("errors[0].field", equalTo("tolerance"));
        String stable = anIndicator().percent().direction("MAINTAIN").aggregation("LAST").create();
        json().body(aTarget().forIndicator(stable).at(county).value("99").tolerance("-1").body())
                .post("/api/v1/targets").then().spec(problem(400)).body("errors[0].field", equalTo("tolerance"));
        long id = aTarget().forIndicator(stable).at(county).value("99").tolerance("0.5").create();
        json().get("/api/v1/targets/{id}", id).then().body("tolerance", num("0.5"));
    }

    @Test
    void unknownReferencesAreFieldErrors() {
        json().body(aTarget().forIndicator("nope").at("nowhere").value("1").with("planId", 999999).body())
                .post("/api/v1/targets").then().spec(problem(400)).body("errors.field", hasItem("indicatorCode"))
                .body("errors.field", hasItem("orgUnitCode")).body("errors.field", hasItem("planId"));
    }

    @Test
    void missingFieldsAreListed() {
        json().body(Map.of()).post("/api/v1/targets").then().spec(problem(400))
                .body("errors.field", hasItem("indicatorCode")).body("errors.field", hasItem("value"))
                .body("errors.field", hasItem("period"));
    }

    @Test
    void unknownTargetIsNotFound() {
        json().get("/api/v1/targets/999999").then().statusCode(404).body("code", equalTo("not_found"));
        json().get("/api/v1/targets/999999/progress").then().spec(problem(404));
        json().get("/api/v1/targets/999999/series").then().spec(problem(404));
        json().delete("/api/v1/targets/999999").then().spec(problem(404));
        json().body(aTarget().forIndicator(training).at(county).value("1").body()).put("/api/v1/targets/999999").then()
                .spec(problem(404));
    }

    @Test
    void badListParametersAreValidationErrors() {
        json().queryParam("period", "2025-Q9").get("/api/v1/targets").then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
        json().queryParam("plan", "x").get("/api/v1/targets").then().spec(problem(400)).body("errors[0].field",
                equalTo("plan"));
    }
}
