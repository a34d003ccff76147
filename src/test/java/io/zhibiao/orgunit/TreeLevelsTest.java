package io.zhibiao.orgunit;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real tree (design §1): 学区 between county and schools, 教学点 under a school, schools that close. */
@QuarkusTest
class TreeLevelsTest {

    private static String unit(String type, String parent, String closedAt) {
        String code = unique(type.toLowerCase());
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("code", code, "name", "单位" + code, "type", type, "parentCode", parent));
        if (closedAt != null) {
            body.put("closedAt", closedAt);
        }
        json().body(body).post("/api/v1/org-units").then().statusCode(201);
        return code;
    }

    @Test
    void aCountyTargetRollsUpFromSchoolsThroughTheirTownship() {
        String county = county();
        String township = orgUnit("TOWNSHIP", county);
        String school = orgUnit("SCHOOL", township);
        String point = orgUnit("TEACHING_POINT", school);
        String middle = orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        long target = aTarget().forIndicator(training).at(county).period("2025").value("1000").create();
        put(training, point, "2025-01", "5");
        put(training, school, "2025-01", "40");
        put(training, middle, "2025-01", "100");

        // The school posted its own figure: it wins over its teaching point's (design §6, reported first).
        json().queryParam("asOf", "2025-01").get("/api/v1/targets/{id}/progress", target).then().statusCode(200)
                .body("actual", num("140")).body("source", equalTo("ROLLED_UP")).body("coverage.reporting", is(2))
                .body("coverage.total", is(2));
        // Ranked among all the county's schools, whatever level they sit at.
        json().queryParam("indicator", training).queryParam("parent", county).queryParam("type", "SCHOOL")
                .queryParam("period", "2025").queryParam("asOf", "2025-01").get("/api/v1/rankings").then()
                .statusCode(200).body("items.orgUnitCode", contains(middle, school));
        // A clerk of the 学区 writes for its teaching point.
        as(token("CLERK", township)).body(Map.of("value", 7))
                .put("/api/v1/observations/{i}/{o}/2025-02", training, point).then().statusCode(201);
    }

    @Test
    void aClosedSchoolExpectsNothingAfterItClosesAndKeepsItsHistory() {
        String county = county();
        String closed = unit("SCHOOL", county, "2025-06");
        String training = anIndicator().create();
        long target = aTarget().forIndicator(training).at(county).period("2025").value("100").create();
        put(training, closed, "2025-03", "30");

        json().queryParam("orgUnit", closed).queryParam("period", "2025-05").get("/api/v1/observations/form").then()
                .statusCode(200).body("rows", hasSize(1));
        json().queryParam("orgUnit", closed).queryParam("period", "2025-07").get("/api/v1/observations/form").then()
                .statusCode(200).body("rows", hasSize(0));
        json().queryParam("asOf", "2025-12").get("/api/v1/targets/{id}/progress", target).then().body("actual",
                num("30"));
        json().get("/api/v1/org-units/{c}", closed).then().body("closedAt", equalTo("2025-06")).body("openedAt",
                equalTo(null));
    }

    @Test
    void levelsMayBeSkippedButNeverReversed() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        orgUnit("TEACHING_POINT", county); // a 教学点 straight under the county
        json().body(Map.of("code", unique("t"), "name", "学区", "type", "TOWNSHIP", "parentCode", school))
                .post("/api/v1/org-units").then().statusCode(400).body("errors[0].field", equalTo("type"));
        json().body(Map.of("code", unique("t"), "name", "学校", "type", "SCHOOL", "parentCode", county, "openedAt",
                "2026-09", "closedAt", "2025-07")).post("/api/v1/org-units").then().statusCode(400)
                .body("errors[0].field", equalTo("closedAt"));
        json().body(Map.of("code", unique("t"), "name", "学校", "type", "SCHOOL", "parentCode", county, "openedAt",
                "2026-13")).post("/api/v1/org-units").then().statusCode(400)
                .body("errors[0].field", equalTo("openedAt"));
    }
}
