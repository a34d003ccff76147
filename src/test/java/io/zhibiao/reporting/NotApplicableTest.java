package io.zhibiao.reporting;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** design §7: a cell marked not applicable (不适用) with a reason — never a 0, settled in completeness. */
@QuarkusTest
class NotApplicableTest {

    private static final String P = "2027-03";
    private static final String OBS = "/api/v1/observations/{i}/{o}/{p}";
    private static final Map<String, Object> NOT_APPLICABLE = Map.of("notApplicable", true, "comment", "本校无高中");

    private String c;
    private String school;
    private String senior;
    private String training;

    @BeforeEach
    void tree() {
        c = county();
        school = orgUnit("SCHOOL", c);
        senior = anIndicator().create();
        training = anIndicator().create();
        aTarget().forIndicator(senior).at(c).period("2027").value("100").create();
        aTarget().forIndicator(training).at(c).period("2027").value("100").create();
    }

    @Test
    void aMarkedCellIsCompleteButNeverAFigure() {
        json().body(NOT_APPLICABLE).put(OBS, senior, school, P).then().statusCode(201).body("notApplicable", is(true))
                .body("value", nullValue()).body("comment", equalTo("本校无高中"));
        json().get(OBS, senior, school, P).then().statusCode(200).body("notApplicable", is(true));
        json().body(NOT_APPLICABLE).put(OBS, senior, school, P).then().statusCode(200).body("revision", is(1));
        json().get(OBS + "/revisions", senior, school, P).then().body("operation", contains("NOT_APPLICABLE"));
        put(training, school, P, "12");

        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("asOf", "2027-04-30")
                .queryParam("groupBy", "unit").get("/api/v1/reporting-status").then().statusCode(200)
                .body("summary.expected", is(2)).body("summary.filled", is(1)).body("summary.notApplicable", is(1))
                .body("summary.missing", is(0)).body("summary.completeness", num("1"));
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("asOf", "2027-04-30")
                .get("/api/v1/reporting-status/missing").then().body("total", is(0));
        // Never counted as 0: the county's value is its one school's, and it has none.
        json().queryParam("orgUnit", c).queryParam("indicator", senior).get("/api/v1/observations").then().body("total",
                is(0));
        json().post("/api/v1/submissions/{u}/{p}/submit", school, P).then().statusCode(200);
    }

    @Test
    void aFigureReplacesTheMarkAndADeleteTakesItBack() {
        json().body(NOT_APPLICABLE).put(OBS, senior, school, P).then().statusCode(201);
        json().body(Map.of("value", 5)).put(OBS, senior, school, P).then().statusCode(201)
                .body("notApplicable", is(false)).body("value", num("5"));
        // Read, then changed, then read again: the kept first-filled cells follow every change.
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("asOf", "2027-04-30")
                .get("/api/v1/reporting-status").then().body("summary.filled", is(1))
                .body("summary.notApplicable", is(0));
        json().body(NOT_APPLICABLE).put(OBS, senior, school, P).then().statusCode(200).body("value", nullValue());
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("asOf", "2027-04-30")
                .get("/api/v1/reporting-status").then().body("summary.filled", is(0))
                .body("summary.notApplicable", is(1));
        json().delete(OBS, senior, school, P).then().statusCode(204);
        json().get(OBS, senior, school, P).then().spec(problem(404, "not_found"));
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("asOf", "2027-04-30")
                .get("/api/v1/reporting-status").then().body("summary.notApplicable", is(0))
                .body("summary.missing", is(2));
    }

    @Test
    void aMarkNeedsAReasonAndNoValueAndIsMadeOneCellAtATime() {
        json().body(Map.of("notApplicable", "yes", "comment", "本校无高中")).put(OBS, senior, school, P).then()
                .spec(problem(400, "validation_failed")).body("detail", containsString("true or false"));
        json().body(Map.of("notApplicable", true)).put(OBS, senior, school, P).then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("comment"));
        Map<String, Object> both = new HashMap<>(NOT_APPLICABLE);
        both.put("value", 0);
        json().body(both).put(OBS, senior, school, P).then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("value"));
        Map<String, Object> row = new HashMap<>(NOT_APPLICABLE);
        row.putAll(Map.of("indicatorCode", senior, "orgUnitCode", school, "period", P));
        json().queryParam("atomic", "false").body(Map.of("observations", List.of(row)))
                .post("/api/v1/observations/batch").then().statusCode(200).body("rejected", is(1))
                .body("conflicts[0].field", equalTo("notApplicable"));
        json().get(OBS, senior, school, P).then().spec(problem(404, "not_found"));
    }
}
