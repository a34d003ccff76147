package io.zhibiao.reporting;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.AdjustableClock;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * design §7 on a county with two 学区 and five schools — one directly under the county, one closed — reporting March
 * 2027 (a period still ahead, so that figures written now are on time; the clock is moved to write late ones).
 */
@QuarkusTest
class ReportingStatusTest {

    private static final String STATUS = "/api/v1/reporting-status";

    @Inject
    AdjustableClock clock;

    private String c;
    private String t1;
    private String t2;
    private String s1;
    private String s2;
    private String s3;
    private String s4;
    private String training;
    private String investment;

    private static String row(String code, String field) {
        return "items.find { it.orgUnitCode == '" + code + "' }." + field;
    }

    @BeforeEach
    void tree() {
        c = county();
        t1 = orgUnit("TOWNSHIP", c);
        t2 = orgUnit("TOWNSHIP", c);
        s1 = orgUnit("SCHOOL", t1);
        s2 = orgUnit("SCHOOL", t1);
        s3 = orgUnit("SCHOOL", t2);
        s4 = orgUnit("SCHOOL", c);
        json().body(Map.of("code", unique("closed"), "name", "老街小学", "type", "SCHOOL", "parentCode", t2, "closedAt",
                "2025-06")).post("/api/v1/org-units").then().statusCode(201);
        training = anIndicator().create();
        investment = anIndicator().with("rollup", "NONE").create();
        aTarget().forIndicator(training).at(c).period("2027").value("1000").create();
        aTarget().forIndicator(investment).at(c).period("2027").value("2").create();
        put(training, s1, "2027-03", "40");
        put(training, s3, "2027-03", "30");
    }

    @Test
    void theCountyCountsItsOpenSchoolsAndItsOwnCells() {
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-04-08").get(STATUS)
                .then().statusCode(200).body("groupBy", equalTo("child")).body("summary.expected", is(5))
                .body("summary.filled", is(2)).body("summary.onTime", is(2)).body("summary.late", is(0))
                .body("summary.missing", is(3)).body("summary.completeness", num("0.4"))
                .body("summary.timeliness", num("0.4")).body("summary.submission", equalTo("OPEN"))
                // The unit's own cells first, then each child's subtree in tree order (by path).
                .body("items[0].orgUnitCode", equalTo(c)).body("items.orgUnitCode", containsInAnyOrder(c, t1, t2, s4))
                .body("items[0].expected", is(1)).body("items[0].missing", is(1)).body(row(t1, "expected"), is(2))
                .body(row(t1, "filled"), is(1)).body(row(t1, "missing"), is(1)).body(row(t2, "expected"), is(1))
                .body(row(t2, "filled"), is(1)).body(row(s4, "expected"), is(1)).body(row(s4, "missing"), is(1));
        // Before the due date (5 days after March), nothing is missing yet.
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-04-05").get(STATUS)
                .then().body("summary.missing", is(0)).body("summary.completeness", num("0.4"));
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-04-08")
                .queryParam("groupBy", "unit").get(STATUS).then().statusCode(200)
                .body("items.orgUnitCode", containsInAnyOrder(c, s1, s2, s3, s4));
    }

    @Test
    void theMissingListGivesEachUnitsPath() {
        String countyName = json().get("/api/v1/org-units/{c}", c).then().extract().path("name");
        String t1Name = json().get("/api/v1/org-units/{c}", t1).then().extract().path("name");
        String s2Name = json().get("/api/v1/org-units/{c}", s2).then().extract().path("name");
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-04-08")
                .get(STATUS + "/missing").then().statusCode(200).body("total", is(3))
                .body("items.orgUnitCode", containsInAnyOrder(c, s2, s4))
                .body("items.find { it.orgUnitCode == '" + s2 + "' }.path", contains(countyName, t1Name, s2Name))
                .body("items.find { it.orgUnitCode == '" + s2 + "' }.indicatorCode", equalTo(training))
                .body("items.find { it.orgUnitCode == '" + s2 + "' }.dueDate", equalTo("2027-04-05"))
                .body("items.find { it.orgUnitCode == '" + c + "' }.indicatorCode", equalTo(investment));
    }

    @Test
    void aFigureWrittenAfterTheDueDateIsLateNotMissing() {
        Duration toThe8th = Duration.between(OffsetDateTime.now(clock),
                OffsetDateTime.parse("2027-04-08T10:00:00+08:00"));
        clock.advance(toThe8th);
        try {
            put(training, s2, "2027-03", "25");
        } finally {
            clock.reset();
        }
        json().queryParam("orgUnit", t1).queryParam("period", "2027-03").queryParam("asOf", "2027-04-09").get(STATUS)
                .then().body("summary.filled", is(2)).body("summary.onTime", is(1)).body("summary.late", is(1))
                .body("summary.missing", is(0)).body("summary.timeliness", num("0.5"));
    }

    @Test
    void answersAreTaggedScopedAndCheckedLikeDashboards() {
        var first = json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-04-08")
                .get(STATUS).then().statusCode(200).extract();
        String tag = first.header("ETag");
        json().header("If-None-Match", tag).queryParam("orgUnit", c).queryParam("period", "2027-03")
                .queryParam("asOf", "2027-04-08").get(STATUS).then().statusCode(304);
        put(training, s4, "2027-03", "10");
        json().header("If-None-Match", tag).queryParam("orgUnit", c).queryParam("period", "2027-03")
                .queryParam("asOf", "2027-04-08").get(STATUS).then().statusCode(200).body("summary.filled", is(3));

        String viewer = token("VIEWER", t1);
        as(viewer).queryParam("orgUnit", c).queryParam("period", "2027-03").get(STATUS).then()
                .spec(problem(404, "not_found"));
        as(viewer).queryParam("orgUnit", t1).queryParam("period", "2027-03").get(STATUS).then().statusCode(200)
                .body("items", hasSize(3));
        json().queryParam("orgUnit", c).queryParam("period", "2027/2028").get(STATUS).then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"));
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("asOf", "2027-4-8").get(STATUS)
                .then().spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("asOf"));
        json().queryParam("orgUnit", c).queryParam("period", "2027-03").queryParam("groupBy", "school").get(STATUS)
                .then().spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("groupBy"));
        json().queryParam("period", "2027-03").get(STATUS).then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("orgUnit"));
        json().queryParam("orgUnit", "no-such-unit").queryParam("period", "2027-03").get(STATUS + "/missing").then()
                .spec(problem(404, "not_found"));
    }

    @Test
    void aUnitWithNothingExpectedHasNoRatios() {
        String lone = county();
        json().queryParam("orgUnit", lone).queryParam("period", "2027-03").get(STATUS).then().statusCode(200)
                .body("summary.expected", is(0)).body("summary.completeness", nullValue());
    }
}
