package io.zhibiao.ranking;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** design §6 through the API: school figures roll up to county targets, derived rates, rankings. */
@QuarkusTest
class AcrossTheTreeTest {

    private static final String PROGRESS = "/api/v1/targets/{id}/progress";

    @Test
    void aCountyTargetIsTrackedFromItsSchoolsFigures() {
        String county = county();
        String s1 = orgUnit("SCHOOL", county);
        String s2 = orgUnit("SCHOOL", county);
        orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        putMonths(training, s1, 2024, 1, 12, "100");
        put(training, s1, "2025-01", "80");
        put(training, s1, "2025-02", "90");
        put(training, s2, "2025-01", "10");
        put(training, s2, "2025-02", "20");
        put(training, s2, "2025-03", "30");
        long target = aTarget().forIndicator(training).at(county).period("2025").value("2000").create();
        json().queryParam("asOf", "2025-03").get(PROGRESS, target).then().statusCode(200).body("actual", num("230"))
                .body("source", equalTo("ROLLED_UP")).body("coverage.reporting", is(2)).body("coverage.total", is(2))
                .body("baseline", num("1200")).body("pace", num("0.46")).body("status", equalTo("OFF_TRACK"))
                .body("yoy.previous", num("300")).body("forecast", num("1310")).body("forecastMet", is(false));
        // The county's own figure wins for its window; deleted, the roll-up comes back.
        put(training, county, "2025-01", "500");
        json().queryParam("asOf", "2025-03").get(PROGRESS, target).then().body("actual", num("500"))
                .body("source", equalTo("REPORTED")).body("coverage", nullValue());
        json().delete("/api/v1/observations/{i}/{o}/2025-01", training, county).then().statusCode(204);
        json().queryParam("asOf", "2025-03").get(PROGRESS, target).then().body("actual", num("230"));
    }

    /** Coverage counts who ever reported, however long ago: figures far outside the target's years still count. */
    @Test
    void aSchoolThatReportedYearsAgoStillCountsInTheTotal() {
        String county = county();
        String enrolled = anIndicator().aggregation("LAST").frequency("YEARLY").unit("人").create();
        String early = orgUnit("SCHOOL", county);
        String current = orgUnit("SCHOOL", county);
        orgUnit("SCHOOL", county); // never reported
        put(enrolled, early, "2019", "40");
        put(enrolled, current, "2025", "70");
        long target = aTarget().forIndicator(enrolled).at(county).period("2025").value("100").create();
        json().queryParam("asOf", "2025-12").get(PROGRESS, target).then().statusCode(200).body("actual", num("70"))
                .body("coverage.reporting", is(1)).body("coverage.total", is(2)).body("complete", is(false));
        json().delete("/api/v1/observations/{i}/{o}/2019", enrolled, early).then().statusCode(204);
        json().queryParam("asOf", "2025-12").get(PROGRESS, target).then().statusCode(200)
                .body("coverage.reporting", is(1)).body("coverage.total", is(1)).body("complete", is(true));
    }

    @Test
    void aCountyRateIsTheSumOfNumeratorsOverTheSumOfDenominators() {
        String county = county();
        String passed = anIndicator().aggregation("LAST").frequency("YEARLY").unit("人").create();
        String sat = anIndicator().aggregation("LAST").frequency("YEARLY").unit("人").create();
        String rate = anIndicator().percent().aggregation("LAST").frequency("YEARLY")
                .with("formula", Map.of("numerator", passed, "denominator", sat)).create();
        String[][] schools = {{"58", "120"}, {"210", "300"}, {"31", "80"}};
        for (String[] figures : schools) {
            String school = orgUnit("SCHOOL", county);
            put(passed, school, "2025", figures[0]);
            put(sat, school, "2025", figures[1]);
        }
        orgUnit("SCHOOL", county); // never reported: not in the total
        long target = aTarget().forIndicator(rate).at(county).period("2025").value("60").create();
        json().queryParam("asOf", "2025-12").get(PROGRESS, target).then().statusCode(200).body("actual", num("59.8"))
                .body("source", equalTo("DERIVED")).body("coverage.reporting", is(3)).body("coverage.total", is(3))
                .body("complete", is(true)).body("status", equalTo("MISSED"));
        json().get("/api/v1/indicators/{c}", rate).then().body("formula.numerator", equalTo(passed))
                .body("formula.factor", num("100")).body("rollup", equalTo("NONE"));
        String school = orgUnit("SCHOOL", county);
        json().body(Map.of("value", 50)).put("/api/v1/observations/{i}/{o}/2025", rate, school).then()
                .spec(problem(400)).body("errors[0].field", equalTo("indicatorCode"))
                .body("errors[0].message", containsString("derived"));
    }

    @Test
    void badFormulasAndRollupsAreRefusedWithTheFieldNamed() {
        String count = anIndicator().create();
        String percent = anIndicator().percent().create();
        String derived = anIndicator().percent()
                .with("formula", Map.of("numerator", count, "denominator", anIndicator().create())).create();
        Object[][] cases = {{Map.of("numerator", "no-such-indicator", "denominator", count), "formula.numerator"},
                {Map.of("numerator", percent, "denominator", count), "formula.numerator"},
                {Map.of("numerator", count, "denominator", derived), "formula.denominator"}};
        for (Object[] c : cases) {
            json().body(anIndicator().percent().with("formula", c[0]).body()).post("/api/v1/indicators").then()
                    .spec(problem(400)).body("errors.field", contains(c[1]));
        }
        var self = anIndicator().percent();
        String code = (String) self.body().get("code");
        json().body(self.with("formula", Map.of("numerator", code, "denominator", count)).body())
                .post("/api/v1/indicators").then().spec(problem(400))
                .body("errors[0].field", equalTo("formula.numerator"));
        json().body(anIndicator().percent().with("rollup", "SUM").body()).post("/api/v1/indicators").then()
                .spec(problem(400)).body("errors[0].field", equalTo("rollup"));
        json().delete("/api/v1/indicators/{c}", count).then().spec(problem(409));
    }

    @Test
    void rankingsPutTheBestFirstAndTiesShareARank() {
        String county = county();
        String a = orgUnit("SCHOOL", county);
        String b = orgUnit("SCHOOL", county);
        String c = orgUnit("SCHOOL", county);
        String d = orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        put(training, a, "2025-01", "10");
        put(training, b, "2025-01", "20");
        put(training, c, "2025-01", "15");
        put(training, c, "2025-02", "5");
        long target = aTarget().forIndicator(training).at(b).period("2025").value("100").create();
        json().queryParam("indicator", training).queryParam("parent", county).queryParam("type", "SCHOOL")
                .queryParam("period", "2025").queryParam("asOf", "2025-02").get("/api/v1/rankings").then()
                .statusCode(200).body("total", is(4)).body("items.rank", contains(1, 1, 3, null))
                .body("items[2].orgUnitCode", equalTo(a)).body("items[3].orgUnitCode", equalTo(d))
                .body("items[3].value", nullValue())
                .body("items.find { it.orgUnitCode == '" + b + "' }.targetId", is((int) target));
        String other = county();
        as(token("VIEWER", other)).queryParam("indicator", training).queryParam("parent", county)
                .queryParam("type", "SCHOOL").queryParam("period", "2025").get("/api/v1/rankings").then()
                .spec(problem(404));
        json().queryParam("indicator", training).queryParam("parent", county).queryParam("type", "CASTLE")
                .queryParam("period", "2025").get("/api/v1/rankings").then().spec(problem(400));
        json().queryParam("parent", county).queryParam("type", "SCHOOL").queryParam("period", "2025")
                .get("/api/v1/rankings").then().spec(problem(400)).body("errors[0].field", equalTo("indicator"));
    }

    @Test
    void aDashboardTakesInTheSubtreeGroupsByCategoryAndIsFreshAfterEveryWrite() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String quality = anIndicator().with("category", "教学质量").create();
        String safety = anIndicator().with("category", "安全").create();
        aTarget().forIndicator(quality).at(county).period("2025").value("100").create();
        aTarget().forIndicator(safety).at(school).period("2025").value("10").create();
        put(quality, school, "2025-01", "40");
        var own = json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06");
        own.get("/api/v1/dashboard").then().statusCode(200).body("counts.total", is(1))
                .body("targets[0].actual", num("40")).body("categories", nullValue());
        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                .queryParam("includeDescendants", "true").queryParam("groupBy", "category").get("/api/v1/dashboard")
                .then().statusCode(200).body("counts.total", is(2))
                .body("targets.orgUnitCode", org.hamcrest.Matchers.containsInAnyOrder(county, school))
                .body("categories.category", contains("安全", "教学质量")).body("categories[0].counts.total", is(1));
        // The answer is reused until the next write, and never after it.
        put(quality, school, "2025-02", "30");
        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                .get("/api/v1/dashboard").then().body("targets[0].actual", num("70"));
        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("groupBy", "indicator")
                .get("/api/v1/dashboard").then().spec(problem(400)).body("errors[0].field", equalTo("groupBy"));
        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("includeDescendants", "maybe")
                .get("/api/v1/dashboard").then().spec(problem(400));
    }

    /** "有2所学校排名进入全州前3名": a target on a count of ranks, whose status follows the schools' figures. */
    @Test
    void aRankCountTargetChangesStatusWhenASchoolsFigureChanges() {
        String prefecture = json()
                .body(Map.of("code", io.zhibiao.support.Api.unique("p"), "name", "州", "type", "PREFECTURE"))
                .post("/api/v1/org-units").then().statusCode(201).extract().path("code");
        String countyA = orgUnit("COUNTY", prefecture);
        String countyB = orgUnit("COUNTY", prefecture);
        String a1 = orgUnit("SCHOOL", countyA);
        String a2 = orgUnit("SCHOOL", countyA);
        String b1 = orgUnit("SCHOOL", countyB);
        String b2 = orgUnit("SCHOOL", countyB);
        String score = anIndicator().aggregation("LAST").frequency("YEARLY").unit("分").create();
        String topThree = anIndicator().aggregation("LAST").frequency("YEARLY").unit("所")
                .with("formula",
                        Map.of("rankCount",
                                Map.of("indicator", score, "within", "PREFECTURE", "type", "SCHOOL", "top", 3)))
                .create();
        put(score, b1, "2025", "95");
        put(score, a1, "2025", "90");
        put(score, b2, "2025", "80");
        put(score, a2, "2025", "70");
        long target = aTarget().forIndicator(topThree).at(countyA).period("2025").value("2").create();
        json().queryParam("asOf", "2025-12").get(PROGRESS, target).then().statusCode(200).body("actual", num("1"))
                .body("source", equalTo("DERIVED")).body("status", equalTo("MISSED"));
        put(score, a2, "2025", "85");
        json().queryParam("asOf", "2025-12").get(PROGRESS, target).then().body("actual", num("2")).body("status",
                equalTo("ACHIEVED"));
        json().get("/api/v1/indicators/{c}", topThree).then().body("formula.rankCount.top", is(3))
                .body("formula.rankCount.within", equalTo("PREFECTURE"));
        json().body(anIndicator().aggregation("LAST")
                .with("formula",
                        Map.of("rankCount",
                                Map.of("indicator", score, "within", "SCHOOL", "type", "PREFECTURE", "top", 3)))
                .body()).post("/api/v1/indicators").then().spec(problem(400))
                .body("errors[0].field", equalTo("formula.rankCount.type"));
    }
}
