package io.zhibiao.observation;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ObservationResourceTest {

    private String school;
    private String training;

    @BeforeEach
    void setUp() {
        school = orgUnit("SCHOOL", county());
        training = anIndicator().create();
    }

    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";

    private static Map<String, Object> value(String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("value", new BigDecimal(value));
        return body;
    }

    @Test
    void putCreatesThenUpdatesWithRevisionsAsETags() {
        json().body(value("820")).put(CELL, training, school, "2025-03").then().statusCode(201).header("ETag", "\"1\"")
                .body("value", num("820")).body("revision", is(1)).body("status", equalTo("FINAL"))
                .body("updatedBy", equalTo("bootstrap-admin")).body("updatedAt", notNullValue());

        Map<String, Object> corrected = value("830");
        corrected.put("comment", "补录两名");
        corrected.put("status", "PROVISIONAL");
        json().body(corrected).put(CELL, training, school, "2025-03").then().statusCode(200).header("ETag", "\"2\"")
                .body("revision", is(2)).body("comment", equalTo("补录两名"));

        json().get(CELL, training, school, "2025-03").then().statusCode(200).header("ETag", "\"2\"")
                .body("value", num("830")).body("status", equalTo("PROVISIONAL"));
    }

    @Test
    void identicalPutWritesNoRevision() {
        put(training, school, "2025-04", "100");
        json().body(value("100.000")).put(CELL, training, school, "2025-04").then().statusCode(200).body("revision",
                is(1));
        json().get(CELL + "/revisions", training, school, "2025-04").then().body("size()", is(1));
    }

    @Test
    void revisionsKeepEveryChangeIncludingDeletes() {
        put(training, school, "2025-05", "10");
        put(training, school, "2025-05", "12");
        json().delete(CELL, training, school, "2025-05").then().statusCode(204);
        json().get(CELL, training, school, "2025-05").then().statusCode(404).body("code", equalTo("not_found"));
        json().body(value("13")).put(CELL, training, school, "2025-05").then().statusCode(201).body("revision", is(4));

        json().get(CELL + "/revisions", training, school, "2025-05").then().statusCode(200)
                .body("revision", contains(1, 2, 3, 4))
                .body("operation", contains("CREATE", "UPDATE", "DELETE", "CREATE")).body("[1].value", num("12"))
                .body("[0].changedBy", equalTo("bootstrap-admin")).body("[0].changedAt", notNullValue());
    }

    @Test
    void staleIfMatchIsRefused() {
        put(training, school, "2025-06", "10");
        put(training, school, "2025-06", "11");
        json().header("If-Match", "\"1\"").body(value("12")).put(CELL, training, school, "2025-06").then()
                .statusCode(412).body("code", equalTo("precondition_failed"));
        json().header("If-Match", "\"2\"").body(value("12")).put(CELL, training, school, "2025-06").then()
                .statusCode(200).body("revision", is(3));
        json().header("If-Match", "\"2\"").delete(CELL, training, school, "2025-06").then().spec(problem(412));
        json().header("If-Match", "\"9\"").body(value("1")).put(CELL, training, school, "2025-07").then()
                .spec(problem(412));
    }

    @Test
    void periodOfAnotherFrequencyIsRefused() {
        json().body(value("5")).put(CELL, training, school, "2025-Q1").then().spec(problem(400))
                .body("errors[0].field", equalTo("period")).body("errors[0].message", containsString("MONTHLY"));
        json().body(value("5")).put(CELL, training, school, "2025").then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
    }

    @Test
    void quarterlyIndicatorTakesQuarters() {
        String retention = anIndicator().percent().aggregation("LAST").frequency("QUARTERLY").create();
        json().body(value("98.6")).put(CELL, retention, school, "2025-Q2").then().statusCode(201);
        json().body(value("98.6")).put(CELL, retention, school, "2025-05").then().spec(problem(400));
    }

    @Test
    void valuesMustFitTheIndicator() {
        String rate = anIndicator().percent().aggregation("LAST").create();
        json().body(value("100.5")).put(CELL, rate, school, "2025-01").then().spec(problem(400))
                .body("errors[0].field", equalTo("value")).body("errors[0].message", containsString("0 to 100"));
        json().body(value("-1")).put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].message", containsString("never negative"));
        json().body(value("3.5")).put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].message", containsString("whole number"));
        json().body(value("1.1234567")).put(CELL, rate, school, "2025-01").then().spec(problem(400))
                .body("errors[0].message", containsString("decimal places"));
        json().body(value("99999999999999999")).put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].message", containsString("implausibly large"));
        String capped = anIndicator().with("maxValue", 50).create();
        json().body(value("51")).put(CELL, capped, school, "2025-01").then().spec(problem(400))
                .body("errors[0].message", containsString("maximum 50"));
    }

    @Test
    void missingValueAndBadBodiesAreValidationErrors() {
        json().body(Map.of("comment", "no value")).put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].field", equalTo("value"));
        json().body("{\"value\": \"abc\"}").put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].field", equalTo("value"));
        json().body("{\"value\": 1, \"revision\": 3}").put(CELL, training, school, "2025-01").then().spec(problem(400))
                .body("errors[0].field", equalTo("revision"));
        json().put(CELL, training, school, "2025-01").then().statusCode(400).body("code", equalTo("validation_failed"));
        json().body("{\"value\": 1, \"status\": \"DRAFT\"}").put(CELL, training, school, "2025-01").then()
                .spec(problem(400)).body("errors[0].field", equalTo("status"));
    }

    @Test
    void keyInTheBodyMustMatchThePath() {
        Map<String, Object> body = value("1");
        body.put("period", "2025-02");
        json().body(body).put(CELL, training, school, "2025-01").then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
        body.put("period", "2025-01");
        body.put("indicatorCode", training);
        json().body(body).put(CELL, training, school, "2025-01").then().statusCode(201);
    }

    @Test
    void unknownCodesAndMalformedPeriodsAreFieldErrors() {
        // A path that names nothing is a 404, for a PUT as for the GET of the same path.
        json().body(value("1")).put(CELL, "nope", school, "2025-01").then().spec(problem(404)).body("detail",
                equalTo("indicator 'nope' does not exist"));
        json().body(value("1")).put(CELL, training, "nowhere", "2025-01").then().spec(problem(404)).body("detail",
                equalTo("org unit 'nowhere' does not exist"));
        json().body(value("1")).put(CELL, training, school, "2025-13").then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
        json().get(CELL, training, school, "March").then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
        json().get(CELL, training, school, "2025-02").then().spec(problem(404));
        json().get(CELL + "/revisions", training, school, "2025-02").then().spec(problem(404));
        json().delete(CELL, training, school, "2025-02").then().spec(problem(404));
    }

    @Test
    void listFiltersByIndicatorUnitAndPeriods() {
        String other = orgUnit("SCHOOL", county());
        put(training, school, "2024-12", "1");
        put(training, school, "2025-01", "2");
        put(training, school, "2025-02", "3");
        put(training, other, "2025-01", "4");

        json().queryParam("indicator", training).queryParam("orgUnit", school).queryParam("from", "2025")
                .get("/api/v1/observations").then().statusCode(200).body("total", is(2))
                .body("items.period", contains("2025-01", "2025-02"));
        json().queryParam("indicator", training).queryParam("to", "2025-01").get("/api/v1/observations").then()
                .body("items.period", containsInAnyOrder("2024-12", "2025-01", "2025-01"))
                .body("items.orgUnitCode", hasItem(other));
        json().queryParam("from", "soon").get("/api/v1/observations").then().spec(problem(400)).body("errors[0].field",
                equalTo("from"));
    }

    /** If-Match compares strongly (RFC 9110 §13.1.1): the weak form of the current revision does not match. */
    @Test
    void aWeakTagNeverMatchesIfMatch() {
        put(training, school, "2025-08", "10");
        json().header("If-Match", "W/\"1\"").body(value("12")).put(CELL, training, school, "2025-08").then()
                .spec(problem(412)).body("detail", containsString("weak"));
        json().header("If-Match", "W/\"1\"").delete(CELL, training, school, "2025-08").then().spec(problem(412));
        json().header("If-Match", "\"1\"").body(value("12")).put(CELL, training, school, "2025-08").then()
                .statusCode(200).body("revision", is(2));
    }

    /** A DELETE answers 204 or a problem whatever its Accept says: it has no other body to offer. */
    @Test
    void deleteAcceptingOnlyProblemsIsAnsweredNot406() {
        put(training, school, "2025-09", "10");
        json().accept("application/problem+json").delete(CELL, training, school, "2025-09").then().statusCode(204);
        json().accept("application/problem+json").delete(CELL, training, school, "2025-09").then().spec(problem(404));
    }
}
