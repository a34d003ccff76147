package io.zhibiao.common;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Accept-Language: zh-CN (every page sends it) the mistakes people make in the pages are answered in Chinese:
 * title, detail and each field's message; codes stay the same, and English stays the default.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static final String HAN = "(?s).*\\p{IsHan}.*";

    private static RequestSpecification zh(RequestSpecification spec) {
        return spec.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
    }

    private static ValidatableResponse chinese(ValidatableResponse answer, int status, String code) {
        return answer.statusCode(status).contentType("application/problem+json").body("code", equalTo(code))
                .body("title", matchesPattern(HAN)).body("detail", matchesPattern(HAN))
                .header("Content-Language", "zh-CN");
    }

    @Test
    void theMistakesOfTheSetUpPagesAreAnsweredInChinese() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        // an org unit of a type that may not sit under its parent; a missing name
        chinese(zh(json()).body(Map.of("code", "x-" + school, "name", "学区", "type", "TOWNSHIP", "parentCode", school))
                .post("/api/v1/org-units").then(), 400, "validation_failed").body("errors[0].field", equalTo("type"))
                .body("errors.message", everyItem(matchesPattern(HAN)));
        chinese(zh(json()).body(Map.of("code", "y-" + school, "type", "SCHOOL", "parentCode", county))
                .post("/api/v1/org-units").then(), 400, "validation_failed")
                .body("errors.message", everyItem(matchesPattern(HAN)));
        // a move into its own subtree
        chinese(zh(json()).body(Map.of("name", "县", "type", "COUNTY", "parentCode", school))
                .put("/api/v1/org-units/{c}", county).then(), 400, "validation_failed")
                .body("errors.message", everyItem(matchesPattern(HAN)));
        // unknown units and codes
        chinese(zh(json()).get("/api/v1/org-units/{c}", "nowhere-at-all").then(), 404, "not_found");
        // a bad period and an unknown field
        chinese(zh(json()).queryParam("orgUnit", county).queryParam("period", "2025-13").get("/api/v1/dashboard")
                .then(), 400, "validation_failed").body("errors.message", everyItem(matchesPattern(HAN)));
        chinese(zh(json()).body(Map.of("code", "z-" + school, "name", "甲", "type", "SCHOOL", "colour", "red"))
                .post("/api/v1/org-units").then(), 400, "validation_failed");
        // a role that may not do it, and no token at all
        chinese(zh(as(token("CLERK", county)))
                .body(Map.of("code", "w-" + school, "name", "甲", "type", "SCHOOL", "parentCode", county))
                .post("/api/v1/org-units").then(), 403, "forbidden");
        chinese(zh(as(null)).get("/api/v1/targets").then(), 401, "unauthorized");
        // a duplicate code
        chinese(zh(json()).body(Map.of("code", school, "name", "甲", "type", "SCHOOL", "parentCode", county))
                .post("/api/v1/org-units").then(), 409, "conflict");
    }

    @Test
    void rosterRowsAreExplainedInChinese() {
        String county = county();
        zh(json())
                .body(Map.of("orgUnits",
                        List.of(Map.of("code", "r1-" + county, "name", "甲", "type", "学区", "parentName", "没有这个单位"),
                                Map.of("code", "r2-" + county, "name", "乙", "type", "班级", "parentCode", county))))
                .post("/api/v1/org-units/batch").then().statusCode(409)
                .body("conflicts.message", everyItem(matchesPattern(HAN)));
    }

    @Test
    void englishStaysTheDefault() {
        json().get("/api/v1/org-units/{c}", "nowhere-at-all").then().statusCode(404).body("title", equalTo("Not found"))
                .body("detail", equalTo("org unit 'nowhere-at-all' does not exist"));
    }
}
