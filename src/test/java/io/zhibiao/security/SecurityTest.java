package io.zhibiao.security;

import static io.restassured.RestAssured.given;
import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.AdjustableClock;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityTest {

    @Inject
    AdjustableClock clock;

    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";

    private static Map<String, Object> tokenRequest(String role, String orgUnit) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("tok"));
        body.put("role", role);
        body.put("orgUnitCode", orgUnit);
        return body;
    }

    @Test
    void everyApiCallNeedsAToken() {
        as(null).get("/api/v1/org-units").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .header("Content-Type", startsWith("application/problem+json")).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/targets").then().spec(problem(401));
        as("zb_not-a-real-token").get("/api/v1/indicators").then().statusCode(401).body("code",
                equalTo("unauthorized"));
        as(null).body(Map.of("value", 1)).put(CELL, "a", "b", "2025-01").then().spec(problem(401));
    }

    @Test
    void healthStaysOpenForProbes() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void createdTokenShowsItsSecretOnceAndListsWithoutIt() {
        String county = county();
        Map<String, Object> request = tokenRequest("VIEWER", county);
        String secret = json().body(request).post("/api/v1/tokens").then().statusCode(201)
                .body("token", matchesPattern("zb_[A-Za-z0-9_-]{43}")).body("role", equalTo("VIEWER"))
                .body("orgUnitCode", equalTo(county)).body("createdBy", equalTo("bootstrap-admin")).extract()
                .path("token");

        as(secret).get("/api/v1/org-units/{c}", county).then().statusCode(200);

        json().queryParam("size", 500).get("/api/v1/tokens").then().statusCode(200)
                .body("items.name", hasItem(request.get("name"))).body("items.token", everyItem(nullValue()))
                .body("items.find { it.name == '" + request.get("name") + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void tokenNamesAreUniqueAndRequestsValidated() {
        String county = county();
        Map<String, Object> request = tokenRequest("CLERK", county);
        json().body(request).post("/api/v1/tokens").then().statusCode(201);
        json().body(request).post("/api/v1/tokens").then().statusCode(409).body("code", equalTo("conflict"));
        json().body(Map.of("name", unique("t"), "role", "GOD", "orgUnitCode", county)).post("/api/v1/tokens").then()
                .spec(problem(400)).body("errors[0].field", equalTo("role"));
        json().body(tokenRequest("CLERK", "nowhere")).post("/api/v1/tokens").then().spec(problem(400))
                .body("errors[0].field", equalTo("orgUnitCode"));
        Map<String, Object> past = tokenRequest("CLERK", county);
        past.put("expiresAt", OffsetDateTime.now().minusDays(1).toString());
        json().body(past).post("/api/v1/tokens").then().spec(problem(400)).body("errors[0].field",
                equalTo("expiresAt"));
    }

    @Test
    void revokedTokenAnswers401() {
        String county = county();
        var created = json().body(tokenRequest("VIEWER", county)).post("/api/v1/tokens").then().statusCode(201)
                .extract();
        String secret = created.path("token");
        int id = created.path("id");
        as(secret).get("/api/v1/indicators").then().statusCode(200);
        json().delete("/api/v1/tokens/{id}", id).then().statusCode(204);
        as(secret).get("/api/v1/indicators").then().spec(problem(401));
        json().delete("/api/v1/tokens/999999").then().spec(problem(404));
    }

    @Test
    void expiredTokenAnswers401() {
        Map<String, Object> request = tokenRequest("VIEWER", county());
        request.put("expiresAt", OffsetDateTime.now().plusHours(1).toString());
        String secret = json().body(request).post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        as(secret).get("/api/v1/indicators").then().statusCode(200);
        try {
            clock.advance(Duration.ofMinutes(61));
            as(secret).get("/api/v1/indicators").then().spec(problem(401));
        } finally {
            clock.reset();
        }
    }

    @Test
    void clerkWritesOnlyInsideItsSubtreeAndHistoryNamesIt() {
        String county = county();
        String mine = orgUnit("SCHOOL", county);
        String other = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        Map<String, Object> request = tokenRequest("CLERK", mine);
        String clerk = json().body(request).post("/api/v1/tokens").then().statusCode(201).extract().path("token");

        as(clerk).body(Map.of("value", 5)).put(CELL, indicator, mine, "2025-01").then().statusCode(201)
                .body("updatedBy", equalTo(request.get("name")));
        as(clerk).get(CELL + "/revisions", indicator, mine, "2025-01").then().body("[0].changedBy",
                equalTo(request.get("name")));

        put(indicator, other, "2025-01", "7");
        // Another subtree's school does not exist for the clerk: the same answers as for an unknown one.
        as(clerk).body(Map.of("value", 5)).put(CELL, indicator, other, "2025-01").then().spec(problem(404))
                .body("detail", equalTo("org unit '" + other + "' does not exist"));
        as(clerk).delete(CELL, indicator, other, "2025-01").then().spec(problem(404));
        as(clerk).get(CELL, indicator, other, "2025-01").then().spec(problem(404));
        as(clerk).queryParam("indicator", indicator).get("/api/v1/observations").then().body("total", is(1))
                .body("items[0].orgUnitCode", equalTo(mine));
        // A clerk reads but does not plan.
        as(clerk).body(aTarget().forIndicator(indicator).at(mine).value("10").body()).post("/api/v1/targets").then()
                .spec(problem(403));
        as(clerk).body(anIndicator().body()).post("/api/v1/indicators").then().spec(problem(403));
    }

    @Test
    void plannerPlansInsideItsSubtreeAndReadsNothingOutside() {
        String county = county();
        String foreign = county();
        String indicator = anIndicator().create();
        long foreignTarget = aTarget().forIndicator(indicator).at(foreign).value("10").create();
        String planner = token("PLANNER", county);

        long id = as(planner).body(aTarget().forIndicator(indicator).at(county).value("10").body())
                .post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        // Another county's unit does not exist for the planner: the answer an unknown code gets (design §4).
        as(planner).body(aTarget().forIndicator(indicator).at(foreign).value("10").body()).post("/api/v1/targets")
                .then().spec(problem(400, "validation_failed"))
                .body("detail", equalTo("orgUnitCode: org unit '" + foreign + "' does not exist"));
        // Moving a target into a foreign subtree names a unit the planner cannot see: the same 400.
        as(planner).body(aTarget().forIndicator(indicator).at(foreign).period("2026").value("10").body())
                .put("/api/v1/targets/{id}", id).then().spec(problem(400, "validation_failed"));
        as(planner).get("/api/v1/targets/{id}", foreignTarget).then().statusCode(404).body("code",
                equalTo("not_found"));
        as(planner).get("/api/v1/targets/{id}/progress", foreignTarget).then().spec(problem(404));
        as(planner).queryParam("indicator", indicator).get("/api/v1/targets").then().body("items.id",
                not(hasItem((int) foreignTarget)));
        as(planner).queryParam("orgUnit", foreign).queryParam("period", "2025").get("/api/v1/dashboard").then()
                .spec(problem(404));
        as(planner).body(Map.of("value", 1)).put(CELL, indicator, county, "2025-01").then().spec(problem(403));
        // Org units: under its own subtree yes, a new root or a move out no.
        as(planner).body(Map.of("code", unique("s"), "name", "新学校", "type", "SCHOOL", "parentCode", county))
                .post("/api/v1/org-units").then().statusCode(201);
        as(planner).body(Map.of("code", unique("r"), "name", "新县", "type", "COUNTY")).post("/api/v1/org-units").then()
                .spec(problem(403));
        as(planner).get("/api/v1/org-units/{c}", foreign).then().spec(problem(404));
        as(planner).get("/api/v1/tokens").then().spec(problem(403));
    }

    /** design §4: writes of what lies outside the subtree answer exactly as writes of what does not exist. */
    @Test
    void writesOutsideTheSubtreeLookExactlyLikeWritesOfNothing() {
        String county = county();
        String foreign = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        long foreignTarget = aTarget().forIndicator(indicator).at(foreign).value("10").create();
        String admin = token("ADMIN", county);
        String missing = as(admin).delete("/api/v1/targets/{id}", 999_999_999L).then().spec(problem(404)).extract()
                .path("detail");
        String outside = as(admin).delete("/api/v1/targets/{id}", foreignTarget).then().spec(problem(404)).extract()
                .path("detail");
        assertThat(outside.replace(String.valueOf(foreignTarget), "#")).isEqualTo(missing.replace("999999999", "#"));
        as(admin).body(aTarget().forIndicator(indicator).at(foreign).value("12").body())
                .put("/api/v1/targets/{id}", foreignTarget).then().spec(problem(404));
        as(admin).body(Map.of("name", "改名", "type", "SCHOOL")).put("/api/v1/org-units/{c}", foreign).then()
                .spec(problem(404));
        as(admin).delete("/api/v1/org-units/{c}", foreign).then().spec(problem(404));
        json().get("/api/v1/targets/{id}", foreignTarget).then().statusCode(200);
    }

    @Test
    void scopedAdminManagesTokensOnlyInItsSubtree() {
        String county = county();
        String admin = token("ADMIN", county);
        as(admin).body(tokenRequest("CLERK", orgUnit("SCHOOL", county))).post("/api/v1/tokens").then().statusCode(201);
        String other = county();
        as(admin).body(tokenRequest("CLERK", other)).post("/api/v1/tokens").then()
                .spec(problem(400, "validation_failed"))
                .body("detail", equalTo("orgUnitCode: org unit '" + other + "' does not exist"));
        as(admin).get("/api/v1/tokens").then().statusCode(200).body("items.orgUnitCode", everyItem(startsWith("")));
    }

    @Test
    void viewerOnlyReads() {
        String county = county();
        String viewer = token("VIEWER", county);
        as(viewer).get("/api/v1/org-units/{c}", county).then().statusCode(200);
        as(viewer).body(Map.of("name", "改名", "type", "COUNTY")).put("/api/v1/org-units/{c}", county).then()
                .spec(problem(403));
        as(viewer).body(Map.of("value", 1)).put(CELL, anIndicator().create(), county, "2025-01").then()
                .spec(problem(403));
        as(viewer).body(tokenRequest("VIEWER", county)).post("/api/v1/tokens").then().spec(problem(403));
    }

    @Test
    void oversizedBodiesAre413Problems() {
        String threeMegabytes = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        json().body(threeMegabytes).post("/api/v1/org-units").then().statusCode(413)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("code", equalTo("payload_too_large"));
    }

    @Test
    void noSecretEverReachesTheLog() throws IOException {
        String county = county();
        String secret = token("CLERK", county);
        as(secret).get("/api/v1/org-units/{c}", county).then().statusCode(200);
        as(secret + "x").get("/api/v1/org-units/{c}", county).then().spec(problem(401));
        json().body(tokenRequest("CLERK", county)).post("/api/v1/tokens").then().statusCode(201);
        String log = Files.readString(Path.of("target/zhibiao-test.log"));
        assertThat(log).contains("Token '").doesNotContain(secret).doesNotContain("test-admin-token")
                .doesNotContain("zb_");
        for (String hash : List.of(Secrets.hash(secret))) {
            assertThat(log).doesNotContain(hash);
        }
    }
}
