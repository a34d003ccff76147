package io.zhibiao.lock;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LockResourceTest {

    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";

    private String training;
    private String prefecture;
    private String county;
    private String school;

    @BeforeEach
    void setUp() {
        training = anIndicator().create();
        prefecture = orgUnit("PREFECTURE", null);
        county = orgUnit("COUNTY", prefecture);
        school = orgUnit("SCHOOL", county);
    }

    @Test
    void lockedPeriodRefusesSinglePutsDeletesAndBatchRowsUntilUnlocked() {
        put(training, school, "2024-12", "3");
        int lockId = json().body(Map.of("orgUnitCode", prefecture, "period", "2024")).post("/api/v1/locks").then()
                .statusCode(201).body("period", equalTo("2024")).body("orgUnitCode", equalTo(prefecture)).extract()
                .path("id");

        json().body(Map.of("value", 5)).put(CELL, training, school, "2024-12").then()
                .spec(problem(409, "period_locked"));
        json().delete(CELL, training, school, "2024-12").then().spec(problem(409, "period_locked"));
        String row = "indicatorCode,orgUnitCode,period,value\n" + training + "," + school + ",2024-11,1\n";
        json().contentType("text/csv").body(row.getBytes(StandardCharsets.UTF_8)).post("/api/v1/observations/batch")
                .then().statusCode(409).body("conflicts[0].code", equalTo("period_locked"))
                .body("conflicts[0].field", equalTo("period"));
        json().body(Map.of("value", 5)).put(CELL, training, school, "2025-01").then().statusCode(201);

        json().get("/api/v1/locks/{id}", lockId).then().statusCode(200).body("orgUnitCode", equalTo(prefecture));
        json().queryParam("size", 500).get("/api/v1/locks").then().statusCode(200).body("items.id", hasItem(lockId));
        json().delete("/api/v1/locks/{id}", lockId).then().statusCode(204);
        json().body(Map.of("value", 5)).put(CELL, training, school, "2024-12").then().statusCode(200);
        json().get("/api/v1/locks/{id}", lockId).then().spec(problem(404));
    }

    @Test
    void aLockOnOneIndicatorLeavesTheOthersOpen() {
        String other = anIndicator().create();
        json().body(Map.of("orgUnitCode", county, "period", "2024", "indicatorCode", training)).post("/api/v1/locks")
                .then().statusCode(201).body("indicatorCode", equalTo(training));
        json().body(Map.of("value", 5)).put(CELL, training, school, "2024-03").then()
                .spec(problem(409, "period_locked"));
        json().body(Map.of("value", 5)).put(CELL, other, school, "2024-03").then().statusCode(201);
    }

    @Test
    void locksAreListedWithinTheCallersSubtreeOnly() {
        int mine = json().body(Map.of("orgUnitCode", county, "period", "2023")).post("/api/v1/locks").then()
                .statusCode(201).extract().path("id");
        String elsewhere = county();
        int theirs = json().body(Map.of("orgUnitCode", elsewhere, "period", "2023")).post("/api/v1/locks").then()
                .statusCode(201).extract().path("id");
        String admin = token("ADMIN", county);
        as(admin).queryParam("size", 500).get("/api/v1/locks").then().statusCode(200).body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(theirs)));
        as(admin).get("/api/v1/locks/{id}", theirs).then().spec(problem(404));
    }

    @Test
    void badLockRequestsAreProblems() {
        json().body(Map.of("orgUnitCode", "nowhere", "period", "20x5")).post("/api/v1/locks").then().spec(problem(400))
                .body("errors.field", contains("orgUnitCode", "period"));
        json().body("{}").post("/api/v1/locks").then().spec(problem(400));
        json().get("/api/v1/locks/{id}", 999_999_999).then().spec(problem(404));
        json().delete("/api/v1/locks/{id}", 999_999_999).then().spec(problem(404));
        as(token("PLANNER", county)).body(Map.of("orgUnitCode", county, "period", "2024")).post("/api/v1/locks").then()
                .spec(problem(403));
    }

    @Test
    void anIdenticalLockIsAConflictNotASecondLock() {
        Map<String, String> lock = Map.of("orgUnitCode", county, "period", "2023", "indicatorCode", training);
        int id = json().body(lock).post("/api/v1/locks").then().statusCode(201).extract().path("id");
        json().body(lock).post("/api/v1/locks").then().spec(problem(409)).body("detail",
                containsString("lock " + id + " already closes 2023"));
        // Another indicator, or all of them, is another lock.
        json().body(Map.of("orgUnitCode", county, "period", "2023")).post("/api/v1/locks").then().statusCode(201);
        json().delete("/api/v1/locks/{id}", id).then().statusCode(204);
        json().body(lock).post("/api/v1/locks").then().statusCode(201);
    }
}
