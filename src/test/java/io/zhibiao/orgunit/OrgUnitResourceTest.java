package io.zhibiao.orgunit;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.counter;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgUnitResourceTest {

    private static final String UNIT = "/api/v1/org-units/{code}";

    private static Map<String, Object> unit(String code, String type, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "青禾县第一中学");
        body.put("type", type);
        body.put("parentCode", parent);
        return body;
    }

    @Test
    void createsReadsUpdatesAndDeletesAUnit() {
        String county = orgUnit("COUNTY", null);
        String code = unique("school");
        json().body(unit(code, "SCHOOL", county)).post("/api/v1/org-units").then().statusCode(201)
                .header("Location", containsString("/api/v1/org-units/" + code)).body("code", equalTo(code))
                .body("parentCode", equalTo(county)).body("path", contains(county, code));

        json().get("/api/v1/org-units/{code}", code).then().statusCode(200).body("type", equalTo("SCHOOL"));

        Map<String, Object> renamed = unit(null, "KINDERGARTEN", county);
        renamed.put("name", "青禾县实验幼儿园");
        json().body(renamed).put("/api/v1/org-units/{code}", code).then().statusCode(200)
                .body("name", equalTo("青禾县实验幼儿园")).body("type", equalTo("KINDERGARTEN"));
        json().get("/api/v1/org-units/{code}", code).then().statusCode(200).body("name", equalTo("青禾县实验幼儿园"));

        json().delete("/api/v1/org-units/{code}", code).then().statusCode(204);
        json().get("/api/v1/org-units/{code}", code).then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void listsChildrenOfAParentPaged() {
        String county = orgUnit("COUNTY", null);
        for (int i = 0; i < 3; i++) {
            orgUnit("SCHOOL", county);
        }
        json().queryParam("parent", county).queryParam("size", 2).get("/api/v1/org-units").then().statusCode(200)
                .body("items", hasSize(2)).body("total", is(3)).body("page", is(0)).body("size", is(2));
        json().queryParam("parent", county).queryParam("page", 1).queryParam("size", 2).get("/api/v1/org-units").then()
                .statusCode(200).body("items", hasSize(1));
        json().queryParam("type", "COUNTY").queryParam("size", 500).get("/api/v1/org-units").then().statusCode(200)
                .body("items.code", hasItem(county));
    }

    @Test
    void movingAUnitCarriesItsSubtree() {
        String prefA = orgUnit("PREFECTURE", null);
        String prefB = orgUnit("PREFECTURE", null);
        String county = orgUnit("COUNTY", prefA);
        String school = orgUnit("SCHOOL", county);
        json().get("/api/v1/org-units/{code}", school).then().body("path", contains(prefA, county, school));

        json().body(unit(null, "COUNTY", prefB)).put("/api/v1/org-units/{code}", county).then().statusCode(200);

        json().get("/api/v1/org-units/{code}", school).then().body("path", contains(prefB, county, school));
    }

    @Test
    void aUnitReadByOneCallerStaysHiddenFromAnotherSubtree() {
        String countyA = orgUnit("COUNTY", null);
        String countyB = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", countyA);
        json().get("/api/v1/org-units/{code}", school).then().statusCode(200);
        as(token("VIEWER", countyA)).get("/api/v1/org-units/{code}", school).then().statusCode(200).body("parentCode",
                equalTo(countyA));
        as(token("VIEWER", countyB)).get("/api/v1/org-units/{code}", school).then().spec(problem(404, "not_found"));
    }

    @Test
    void aUnitAlreadyReadIsAnsweredBeforeTheResourceWithTheResourcesOwnAnswer() {
        String county = orgUnit("COUNTY", null);
        String otherCounty = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", county);
        String viewer = token("VIEWER", county);
        String outsider = token("VIEWER", otherCounty);

        double before = edgeAnswers();
        var byResource = json().get(UNIT, school).then().statusCode(200).extract();
        assertThat(edgeAnswers()).isEqualTo(before);
        var atEdge = json().get(UNIT, school).then().statusCode(200).extract();
        assertThat(edgeAnswers()).isEqualTo(before + 1);
        assertThat(atEdge.asString()).isEqualTo(byResource.asString());
        for (String header : new String[]{"Content-Type", "Content-Length"}) {
            assertThat(atEdge.header(header)).as(header).isEqualTo(byResource.header(header));
        }
        assertThat(atEdge.header("X-Request-Id")).isNotNull();
        assertThat(atEdge.header("X-Request-Id")).isNotEqualTo(byResource.header("X-Request-Id"));
        // A token new to this replica is looked up in the database once, by the REST layer; then it is known.
        as(viewer).get(UNIT, school).then().statusCode(200).body("code", equalTo(school));
        assertThat(edgeAnswers()).isEqualTo(before + 1);
        as(viewer).get(UNIT, school).then().statusCode(200).body("code", equalTo(school));
        assertThat(edgeAnswers()).isEqualTo(before + 2);

        // Another subtree gets the resource's 404, never the unit from memory; so does everything else the edge
        // cannot vouch for: a token it does not know, an Accept that is not JSON, parameters the REST layer checks.
        as(outsider).get(UNIT, school).then().spec(problem(404, "not_found"));
        as("no-such-token").get(UNIT, school).then().spec(problem(401));
        as(null).get(UNIT, school).then().spec(problem(401));
        json().accept("application/xml").get(UNIT, school).then().statusCode(406);
        json().queryParam("note", "a\u0000b").get(UNIT, school).then().spec(problem(400));
        json().get(UNIT, "nope-" + school).then().spec(problem(404, "not_found"));
        assertThat(edgeAnswers()).isEqualTo(before + 2);

        // A write makes the unit read again: the first read after it is the resource's, with the new name.
        Map<String, Object> renamed = unit(null, "SCHOOL", county);
        renamed.put("name", "青禾县第二中学");
        json().body(renamed).put(UNIT, school).then().statusCode(200);
        json().get(UNIT, school).then().statusCode(200).body("name", equalTo("青禾县第二中学"));
        assertThat(edgeAnswers()).isEqualTo(before + 2);
        as(viewer).get(UNIT, school).then().statusCode(200).body("name", equalTo("青禾县第二中学"));
        assertThat(edgeAnswers()).isEqualTo(before + 3);

        // Moved out of the viewer's subtree, it is hidden from the viewer at once.
        json().body(unit(null, "SCHOOL", otherCounty)).put(UNIT, school).then().statusCode(200);
        json().get(UNIT, school).then().statusCode(200).body("parentCode", equalTo(otherCounty));
        as(viewer).get(UNIT, school).then().spec(problem(404, "not_found"));
        as(outsider).get(UNIT, school).then().statusCode(200).body("parentCode", equalTo(otherCounty));
        assertThat(edgeAnswers()).isEqualTo(before + 4);
    }

    private static double edgeAnswers() {
        return counter("zhibiao_orgunit_edge_answers_total");
    }

    @Test
    void unitCannotMoveIntoItsOwnSubtree() {
        String pref = orgUnit("PREFECTURE", null);
        String county = orgUnit("COUNTY", pref);
        json().body(unit(null, "PREFECTURE", county)).put("/api/v1/org-units/{code}", pref).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("parentCode"));
    }

    @Test
    void childMustSitBelowItsParentsLevel() {
        String school = orgUnit("SCHOOL", orgUnit("COUNTY", null));
        json().body(unit(unique("c"), "COUNTY", school)).post("/api/v1/org-units").then().spec(problem(400))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void retypingAUnitMustStillHoldItsChildren() {
        String county = orgUnit("COUNTY", null);
        orgUnit("SCHOOL", county);
        json().body(unit(null, "SCHOOL", null)).put("/api/v1/org-units/{code}", county).then().spec(problem(400))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        String code = orgUnit("COUNTY", null);
        json().body(unit(code, "COUNTY", null)).post("/api/v1/org-units").then().statusCode(409)
                .body("code", equalTo("conflict")).header("Content-Type", startsWith("application/problem+json"));
    }

    @Test
    void invalidFieldsAreListedTogether() {
        Map<String, Object> body = unit("has space", null, null);
        body.put("name", " ");
        json().body(body).post("/api/v1/org-units").then().statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("type"));
    }

    @Test
    void unknownParentIsAFieldError() {
        json().body(unit(unique("s"), "SCHOOL", "no-such-unit")).post("/api/v1/org-units").then().spec(problem(400))
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString("no-such-unit"));
    }

    @Test
    void codeCannotChangeOnUpdate() {
        String county = orgUnit("COUNTY", null);
        json().body(unit("other-code", "COUNTY", null)).put("/api/v1/org-units/{code}", county).then().statusCode(400)
                .body("errors.field", hasItem("code"));
    }

    @Test
    void deletingAReferencedUnitIsAConflict() {
        String county = orgUnit("COUNTY", null);
        orgUnit("SCHOOL", county);
        json().delete("/api/v1/org-units/{code}", county).then().spec(problem(409)).body("detail",
                containsString("child"));

        String other = orgUnit("COUNTY", null);
        aTarget().forIndicator(anIndicator().create()).at(other).value("100").create();
        json().delete("/api/v1/org-units/{code}", other).then().spec(problem(409)).body("detail",
                containsString("targets"));
    }

    @Test
    void unknownUnitIsNotFound() {
        json().get("/api/v1/org-units/nope").then().statusCode(404).body("code", equalTo("not_found"));
        json().body(unit(null, "COUNTY", null)).put("/api/v1/org-units/nope").then().spec(problem(404));
        json().delete("/api/v1/org-units/nope").then().spec(problem(404));
    }

    @Test
    void badPagingAndTypeParametersAreValidationErrors() {
        json().queryParam("page", "abc").get("/api/v1/org-units").then().spec(problem(400)).body("errors[0].field",
                equalTo("page"));
        json().queryParam("page", -1).get("/api/v1/org-units").then().spec(problem(400)).body("errors[0].field",
                equalTo("page"));
        json().queryParam("size", 0).get("/api/v1/org-units").then().spec(problem(400)).body("errors[0].field",
                equalTo("size"));
        json().queryParam("size", 501).get("/api/v1/org-units").then().spec(problem(400));
        json().queryParam("type", "VILLAGE").get("/api/v1/org-units").then().spec(problem(400))
                .body("errors[0].field", equalTo("type")).body("errors[0].message", containsString("SCHOOL"));
    }

    /** page × size beyond 2³¹ used to overflow into a 500; it is a 400 on every list. */
    @Test
    void aPageBeyondAnyRowIsA400NotAnOverflow() {
        for (String list : List.of("/api/v1/org-units", "/api/v1/targets", "/api/v1/indicators", "/api/v1/locks",
                "/api/v1/observations", "/api/v1/tokens", "/api/v1/plans")) {
            json().queryParam("page", 4294968).queryParam("size", 500).get(list).then().spec(problem(400))
                    .body("errors[0].field", equalTo("page"));
        }
        json().queryParam("page", 4294967).queryParam("size", 500).get("/api/v1/org-units").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void unitsAreFoundByAPartOfTheirNameOrCode() {
        String county = orgUnit("COUNTY", null);
        String code = unique("picker");
        Map<String, Object> body = unit(code, "SCHOOL", county);
        body.put("name", "青禾县第100%_中学");
        json().body(body).post("/api/v1/org-units").then().statusCode(201);
        json().queryParam("q", "100%_").get("/api/v1/org-units").then().statusCode(200).body("items.code",
                contains(code));
        json().queryParam("q", code.toUpperCase()).get("/api/v1/org-units").then().body("items.code", contains(code));
        json().queryParam("q", "100x_").get("/api/v1/org-units").then().body("items", hasSize(0));
        json().queryParam("q", "x".repeat(101)).get("/api/v1/org-units").then().spec(problem(400, "validation_failed"));
    }
}
