package io.zhibiao.reporting;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** design §7: 上报 → 审核, bottom-up, with the figures held while submitted or approved. */
@QuarkusTest
class SubmissionTest {

    private static final String P = "2027-03";

    private String c;
    private String t;
    private String s1;
    private String s2;
    private String training;

    @BeforeEach
    void tree() {
        c = county();
        t = orgUnit("TOWNSHIP", c);
        s1 = orgUnit("SCHOOL", t);
        s2 = orgUnit("SCHOOL", t);
        training = anIndicator().create();
        aTarget().forIndicator(training).at(c).period("2027").value("1000").create();
    }

    private static String path(String unit, String action) {
        return "/api/v1/submissions/" + unit + "/" + P + (action == null ? "" : "/" + action);
    }

    private static RequestSpecification body(RequestSpecification spec, String reason) {
        return reason == null ? spec : spec.body(Map.of("reason", reason));
    }

    @Test
    void aSchoolSubmitsIsReturnedWithAReasonAndIsApprovedInTheEnd() {
        String clerk = token("CLERK", s1);
        String reviewer = token("REVIEWER", t);
        as(clerk).post(path(s1, "submit")).then().spec(problem(409, "conflict")).body("detail",
                containsString("missing figures"));
        put(training, s1, P, "40");
        as(clerk).post(path(s1, "submit")).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("allowedActions", hasSize(0));

        // Held: every write path refuses the cell, naming the state.
        as(clerk).body(Map.of("value", 41)).put("/api/v1/observations/{i}/{o}/{p}", training, s1, P).then()
                .spec(problem(409, "submission_locked")).body("detail", containsString("SUBMITTED"));
        as(clerk).delete("/api/v1/observations/{i}/{o}/{p}", training, s1, P).then()
                .spec(problem(409, "submission_locked"));
        String csv = "indicatorCode,orgUnitCode,period,value\n" + training + "," + s1 + "," + P + ",42\n" + training
                + "," + s1 + ",2027-04,7\n";
        json().contentType("text/csv; charset=utf-8").queryParam("atomic", "false").body(csv)
                .post("/api/v1/observations/batch").then().statusCode(200).body("created", is(1))
                .body("conflicts[0].index", is(0)).body("conflicts[0].code", equalTo("submission_locked"));

        // The 学区's reviewer sees what it may do, and returns it with a reason.
        as(reviewer).get(path(s1, null)).then().statusCode(200).body("allowedActions", contains("APPROVE", "RETURN"));
        as(reviewer).post(path(s1, "return")).then().spec(problem(400, "validation_failed"));
        body(as(reviewer), "").post(path(s1, "return")).then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("reason"));
        body(as(reviewer), "上线人数与花名册不符").post(path(s1, "return")).then().statusCode(200).body("state",
                equalTo("RETURNED"));
        as(clerk).get(path(s1, null)).then().body("history.action", contains("SUBMIT", "RETURN"))
                .body("history[1].reason", equalTo("上线人数与花名册不符")).body("allowedActions", contains("SUBMIT"));
        as(clerk).body(Map.of("value", 41)).put("/api/v1/observations/{i}/{o}/{p}", training, s1, P).then()
                .statusCode(200);
        as(clerk).post(path(s1, "submit")).then().statusCode(200);
        as(clerk).post(path(s1, "approve")).then().spec(problem(403, "forbidden"));
        as(reviewer).post(path(s1, "approve")).then().statusCode(200).body("state", equalTo("APPROVED"));
        as(clerk).body(Map.of("value", 43)).put("/api/v1/observations/{i}/{o}/{p}", training, s1, P).then()
                .spec(problem(409, "submission_locked"));
        json().queryParam("orgUnit", t).queryParam("period", P).queryParam("groupBy", "unit")
                .get("/api/v1/reporting-status").then()
                .body("items.find { it.orgUnitCode == '" + s1 + "' }.submission", equalTo("APPROVED"));
    }

    @Test
    void aTownshipSubmitsAfterItsSchoolsAreApprovedAndNobodyApprovesTheirOwnUnit() {
        String reviewer = token("REVIEWER", t);
        put(training, s1, P, "40");
        json().post(path(s1, "submit")).then().statusCode(200);
        as(reviewer).post(path(s1, "approve")).then().statusCode(200);
        String schoolName = json().get("/api/v1/org-units/{c}", s2).then().extract().path("name");
        json().post(path(t, "submit")).then().spec(problem(409, "conflict")).body("detail",
                containsString("not yet approved: " + schoolName));
        put(training, s2, P, "30");
        json().post(path(s2, "submit")).then().statusCode(200);
        // What the 学区 can report upward: only its approved school's cell counts as filled.
        json().queryParam("orgUnit", t).queryParam("period", P).get("/api/v1/reporting-status").then()
                .body("summary.filled", is(2));
        json().queryParam("orgUnit", t).queryParam("period", P).queryParam("dataStatus", "approved")
                .get("/api/v1/reporting-status").then().body("summary.filled", is(1));
        json().queryParam("orgUnit", t).queryParam("period", P).queryParam("dataStatus", "maybe")
                .get("/api/v1/reporting-status").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("dataStatus"));
        as(reviewer).post(path(s2, "approve")).then().statusCode(200);
        json().post(path(t, "submit")).then().statusCode(200).body("state", equalTo("SUBMITTED"));
        as(reviewer).post(path(t, "approve")).then().spec(problem(403, "forbidden")).body("detail",
                containsString("own unit"));
        as(token("REVIEWER", c)).post(path(t, "approve")).then().statusCode(200);

        // Reopening a school reopens the approved 学区 above it.
        body(as(reviewer), "补报三月培训").post(path(s1, "reopen")).then().statusCode(200).body("state", equalTo("OPEN"));
        json().get(path(t, null)).then().body("state", equalTo("OPEN")).body("history[-1].reason",
                containsString("补报三月培训"));
    }

    @Test
    void everyTransitionIsOnTheChangesFeed() {
        put(training, s1, P, "40");
        json().post(path(s1, "submit")).then().statusCode(200);
        body(as(token("REVIEWER", t)), "请核对").post(path(s1, "return")).then().statusCode(200);
        json().post(path(s1, "submit")).then().statusCode(200);
        as(token("REVIEWER", t)).post(path(s1, "approve")).then().statusCode(200);
        // The school's own feed (a token scoped to it sees only its subtree): the figure, then every transition.
        as(token("VIEWER", s1)).queryParam("since", 0).get("/api/v1/changes").then().statusCode(200)
                .body("items.type", contains("OBSERVATION", "SUBMISSION", "SUBMISSION", "SUBMISSION", "SUBMISSION"))
                .body("items.operation", contains("CREATE", "SUBMIT", "RETURN", "SUBMIT", "APPROVE"))
                .body("items.status", contains("FINAL", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED"))
                .body("items[4].period", equalTo(P)).body("items[4].orgUnitCode", equalTo(s1));
    }

    @Test
    void reviewersActInTheirSubtreeOnlyAndOnlyOnWhatIsSubmitted() {
        String otherTownship = orgUnit("TOWNSHIP", c);
        as(token("REVIEWER", otherTownship)).post(path(s1, "approve")).then().spec(problem(404, "not_found"));
        as(token("REVIEWER", t)).post(path(s1, "approve")).then().spec(problem(409, "conflict")).body("detail",
                containsString("OPEN"));
        as(token("VIEWER", t)).post(path(s1, "submit")).then().spec(problem(403, "forbidden"));
        json().post("/api/v1/submissions/" + s1 + "/2027/submit").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("period"));
        json().post("/api/v1/submissions/" + s1 + "/2027-13/submit").then().spec(problem(400, "validation_failed"));
        json().queryParam("state", "MAYBE").get("/api/v1/submissions").then().spec(problem(400, "validation_failed"));
    }

    @Test
    void manyAreApprovedAtOnceEachAnswered() {
        put(training, s1, P, "40");
        json().post(path(s1, "submit")).then().statusCode(200);
        as(token("REVIEWER", t)).body(Map.of("action", "APPROVE", "period", P, "orgUnits", List.of(s1, s2)))
                .post("/api/v1/submissions/batch").then().statusCode(200).body("[0].ok", is(true))
                .body("[0].state", equalTo("APPROVED")).body("[1].ok", is(false)).body("[1].code", equalTo("conflict"));
        json().queryParam("orgUnit", t).queryParam("state", "APPROVED").get("/api/v1/submissions").then()
                .statusCode(200).body("items.orgUnitCode", contains(s1));
        json().body(Map.of("action", "SUBMIT", "period", P, "orgUnits", List.of(s1))).post("/api/v1/submissions/batch")
                .then().spec(problem(400, "validation_failed"));
    }

    /** Writers racing a submission: what was acknowledged before it is what is stored, and nothing lands after it. */
    @Test
    void eightWritersRacingASubmissionNeverLandAfterIt() throws Exception {
        List<String> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String indicator = anIndicator().create();
            aTarget().forIndicator(indicator).at(c).period("2027").value("1000").create();
            put(indicator, s1, P, "1");
            cells.add(indicator);
        }
        put(training, s1, P, "1");
        java.util.concurrent.ConcurrentHashMap<String, Integer> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean submitted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger lateAcks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
        for (String indicator : cells) {
            writers.add(pool.submit(() -> {
                for (int v = 2; v < 10_000; v++) {
                    boolean after = submitted.get();
                    int status = json().body(Map.of("value", v))
                            .put("/api/v1/observations/{i}/{o}/{p}", indicator, s1, P).then().extract().statusCode();
                    if (status == 200) {
                        acknowledged.put(indicator, v);
                        if (after) {
                            lateAcks.incrementAndGet();
                        }
                    } else {
                        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(409);
                        return;
                    }
                }
            }));
        }
        Thread.sleep(300);
        json().post(path(s1, "submit")).then().statusCode(200);
        submitted.set(true);
        for (var w : writers) {
            w.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(lateAcks.get()).as("writes acknowledged after the submission")
                .isZero();
        for (String indicator : cells) {
            String stored = json().get("/api/v1/observations/{i}/{o}/{p}", indicator, s1, P).then().extract()
                    .path("value").toString();
            org.assertj.core.api.Assertions.assertThat(stored).as(indicator)
                    .isEqualTo(String.valueOf(acknowledged.getOrDefault(indicator, 1)));
        }
    }

    @Test
    void approvedDataCountsOnlyTheFiguresOfApprovedSubmissions() {
        long target = json().queryParam("orgUnit", c).queryParam("indicator", training).get("/api/v1/targets").then()
                .extract().jsonPath().getLong("items[0].id");
        put(training, s1, P, "40");
        put(training, s2, P, "30");
        var before = json().queryParam("orgUnit", c).queryParam("period", "2027").queryParam("asOf", P)
                .queryParam("dataStatus", "approved").get("/api/v1/dashboard").then().statusCode(200)
                .body("targets[0].actual", equalTo(null)).extract();
        json().post(path(s1, "submit")).then().statusCode(200);
        as(token("REVIEWER", t)).post(path(s1, "approve")).then().statusCode(200);

        json().header("If-None-Match", before.header("ETag")).queryParam("orgUnit", c).queryParam("period", "2027")
                .queryParam("asOf", P).queryParam("dataStatus", "approved").get("/api/v1/dashboard").then()
                .statusCode(200).body("targets[0].actual", is(40));
        json().queryParam("orgUnit", c).queryParam("period", "2027").queryParam("asOf", P).get("/api/v1/dashboard")
                .then().body("targets[0].actual", is(70));
        json().queryParam("asOf", P).queryParam("dataStatus", "approved").get("/api/v1/targets/{id}/progress", target)
                .then().body("actual", is(40)).body("coverage.reporting", is(1));
        json().queryParam("asOf", P).queryParam("dataStatus", "approved").get("/api/v1/targets/{id}/series", target)
                .then().body("[2].value", is(40));
        json().queryParam("indicator", training).queryParam("parent", c).queryParam("type", "SCHOOL")
                .queryParam("period", "2027").queryParam("asOf", P).queryParam("dataStatus", "approved")
                .get("/api/v1/rankings").then().body("items[0].orgUnitCode", equalTo(s1))
                .body("items[1].value", equalTo(null));
        json().queryParam("orgUnit", c).queryParam("period", "2027").queryParam("dataStatus", "maybe")
                .get("/api/v1/dashboard").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("dataStatus"));
    }
}
