package io.zhibiao.plan;

import static io.restassured.RestAssured.given;
import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanResourceTest {

    private static final String PLAN = """
            松岭县教育局2027年工作要点
            一、高中教育
            1.普通高中招生3100人，本科上线率达到66%，比2026年增加4.8个百分点。
            二、义务教育
            2.松岭一中完成初中招生960人。
            3.学生溺水事故零发生。
            """;

    private String county;
    private String school;

    @BeforeEach
    void orgUnits() {
        county = county();
        school = unique("songling-1");
        json().body(Map.of("code", school, "name", "松岭一中", "type", "SCHOOL", "parentCode", county))
                .post("/api/v1/org-units").then().statusCode(201);
    }

    private static RequestSpecification text() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("text/plain; charset=utf-8")
                .accept("application/json");
    }

    private long storePlan(String period, String body) {
        return json().body(Map.of("orgUnitCode", county, "title", "松岭县教育局2027年工作要点", "period", period, "text", body))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    // ---- POST /extractions

    @Test
    void extractionReadsTheTargetsOfPastedText() {
        text().body(PLAN).post("/api/v1/extractions").then().statusCode(200).body("year", is(2027))
                .body("candidates.size()", is(4)).body("candidates[0].name", equalTo("普通高中招生"))
                .body("candidates[0].value", num("3100")).body("candidates[0].unit", equalTo("人"))
                .body("candidates[0].valueType", equalTo("INTEGER"))
                .body("candidates[0].direction", equalTo("INCREASE")).body("candidates[0].period", equalTo("2027"))
                .body("candidates[0].category", equalTo("高中教育")).body("candidates[1].name", equalTo("本科上线率"))
                .body("candidates[1].valueType", equalTo("PERCENT"))
                .body("candidates[1].baseline.period", equalTo("2026"))
                .body("candidates[1].baseline.value", num("61.2"))
                .body("candidates[1].sentence", equalTo("普通高中招生3100人，本科上线率达到66%，比2026年增加4.8个百分点。"))
                .body("candidates[1].start", is(PLAN.indexOf("66%")))
                .body("candidates[1].end", is(PLAN.indexOf("66%") + 2))
                .body("candidates[2].orgUnitName", equalTo("松岭一中")).body("candidates[3].value", num("0"))
                .body("candidates[3].direction", equalTo("DECREASE"))
                .body("candidates.confidence", everyItem(not(nullValue())));
    }

    @Test
    void theYearParameterOverridesTheTitle() {
        text().queryParam("year", 2030).body(PLAN).post("/api/v1/extractions").then().statusCode(200)
                .body("year", is(2030)).body("candidates[0].period", equalTo("2030"));
    }

    @Test
    void textWithoutAPlanYearAsksForOne() {
        text().body("一、高中教育\n本科上线率达到66%。").post("/api/v1/extractions").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", hasItem("year"));
    }

    @Test
    void badYearsAreRefused() {
        text().queryParam("year", "abc").body(PLAN).post("/api/v1/extractions").then().spec(problem(400))
                .body("errors.field", hasItem("year"));
        text().queryParam("year", "1800").body(PLAN).post("/api/v1/extractions").then().spec(problem(400))
                .body("errors.field", hasItem("year"));
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] gbk = PLAN.getBytes(Charset.forName("GBK"));
        as(ADMIN_TOKEN).contentType("text/plain").body(gbk).post("/api/v1/extractions").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("UTF-8"));
    }

    @Test
    void anotherDeclaredCharsetIsRefused() {
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("text/plain; charset=GBK")
                .body(PLAN.getBytes(StandardCharsets.UTF_8)).post("/api/v1/extractions").then().spec(problem(415))
                .body("detail", containsString("GBK"));
    }

    @Test
    void emptyTextIsRefused() {
        text().body("  \n ").post("/api/v1/extractions").then().spec(problem(400)).body("errors[0].field",
                equalTo("body"));
        as(ADMIN_TOKEN).contentType("text/plain").post("/api/v1/extractions").then().spec(problem(400));
    }

    @Test
    void jsonIsNotAPlan() {
        json().body(Map.of("text", PLAN)).post("/api/v1/extractions").then().spec(problem(415))
                .contentType("application/problem+json")
                .body("detail", containsString("does not take application/json"));
    }

    // ---- /plans

    @Test
    void aStoredPlanCanBeReadAndListed() {
        String location = json()
                .body(Map.of("orgUnitCode", county, "title", " 松岭县教育局2027年工作要点 ", "period", "2027", "text", PLAN))
                .post("/api/v1/plans").then().statusCode(201).header("Location", containsString("/api/v1/plans/"))
                .body("orgUnitCode", equalTo(county)).body("title", equalTo("松岭县教育局2027年工作要点"))
                .body("period", equalTo("2027")).body("text", equalTo(PLAN)).body("textLength", is(PLAN.length()))
                .body("targetCount", is(0)).body("createdBy", equalTo("bootstrap-admin")).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        json().get("/api/v1/plans/{id}", id).then().statusCode(200).body("text", equalTo(PLAN));
        json().queryParam("orgUnit", county).get("/api/v1/plans").then().statusCode(200).body("total", is(1))
                .body("items[0].id", is((int) id)).body("items[0]", not(hasKey("text")))
                .body("items[0].textLength", is(PLAN.length()));
        json().queryParam("orgUnit", county).queryParam("period", "2026").get("/api/v1/plans").then().statusCode(200)
                .body("total", is(0));
    }

    @Test
    void aPlanNeedsItsFields() {
        json().body(Map.of()).post("/api/v1/plans").then().spec(problem(400)).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("orgUnitCode", "title", "period", "text"));
        json().body(Map.of("orgUnitCode", "no-such-unit", "title", "t", "period", "2027年", "text", PLAN))
                .post("/api/v1/plans").then().spec(problem(400))
                .body("errors.field", containsInAnyOrder("orgUnitCode", "period"));
    }

    @Test
    void unknownPlansAreNotFound() {
        json().get("/api/v1/plans/999999999").then().statusCode(404).body("code", equalTo("not_found"));
        json().post("/api/v1/plans/999999999/extract").then().spec(problem(404));
        json().body(Map.of("targets", List.of(Map.of("indicatorCode", "x", "value", 1))))
                .post("/api/v1/plans/999999999/targets").then().spec(problem(404));
    }

    @Test
    void extractingAStoredPlanReadsPeriodsInThePlansYear() {
        long plan = storePlan("2028", PLAN);
        json().post("/api/v1/plans/{id}/extract", plan).then().statusCode(200).body("year", is(2028))
                .body("candidates.size()", is(4)).body("candidates[0].period", equalTo("2028"));
    }

    @Test
    void acceptedCandidatesBecomeTargetsOfThePlanAndShowOnTheDashboard() {
        long plan = storePlan("2027", PLAN);
        List<Map<String, Object>> candidates = json().post("/api/v1/plans/{id}/extract", plan).then().statusCode(200)
                .extract().jsonPath().getList("candidates");
        String enrolment = anIndicator().frequency("YEARLY").aggregation("SUM").create();
        String rateCode = unique("bk-rate");
        String juniorCode = unique("junior");

        // Candidates go back as they came, with the indicator added.
        Map<String, Object> first = new HashMap<>(candidates.get(0));
        first.put("indicatorCode", enrolment);
        Map<String, Object> second = new HashMap<>(candidates.get(1));
        second.put("indicator", Map.of("code", rateCode, "name", "本科上线率", "valueType", "PERCENT", "direction",
                "INCREASE", "aggregation", "LAST", "frequency", "YEARLY", "category", "高中教育"));
        Map<String, Object> third = new HashMap<>(candidates.get(2));
        third.put("indicator", Map.of("code", juniorCode, "name", "初中招生", "unit", "人", "valueType", "INTEGER",
                "direction", "INCREASE", "aggregation", "SUM", "frequency", "YEARLY"));

        json().body(Map.of("targets", List.of(first, second, third))).post("/api/v1/plans/{id}/targets", plan).then()
                .statusCode(201).header("Location", endsWith("/api/v1/targets?plan=" + plan))
                .body("planId", is((int) plan)).body("targets.size()", is(3))
                .body("targets.planId", everyItem(is((int) plan))).body("targets[0].indicatorCode", equalTo(enrolment))
                .body("targets[0].orgUnitCode", equalTo(county)).body("targets[0].value", num("3100"))
                .body("targets[0].title", equalTo("普通高中招生"))
                .body("targets[0].source", equalTo("普通高中招生3100人，本科上线率达到66%，比2026年增加4.8个百分点。"))
                .body("targets[1].indicatorCode", equalTo(rateCode)).body("targets[1].baseline.period", equalTo("2026"))
                .body("targets[1].baseline.value", num("61.2")).body("targets[2].orgUnitCode", equalTo(school))
                .body("targets[2].source", equalTo("松岭一中完成初中招生960人。"));

        json().queryParam("plan", plan).get("/api/v1/targets").then().statusCode(200).body("total", is(3));
        json().get("/api/v1/plans/{id}", plan).then().body("targetCount", is(3));
        json().queryParam("orgUnit", county).queryParam("period", "2027").get("/api/v1/dashboard").then()
                .statusCode(200).body("counts.total", is(2))
                .body("targets.indicatorCode", containsInAnyOrder(enrolment, rateCode));
        json().queryParam("orgUnit", school).queryParam("period", "2027").get("/api/v1/dashboard").then()
                .statusCode(200).body("targets.indicatorCode", containsInAnyOrder(juniorCode));
    }

    @Test
    void oneBadCandidateCreatesNothing() {
        long plan = storePlan("2027", PLAN);
        String enrolment = anIndicator().frequency("YEARLY").create();
        String rate = anIndicator().percent().frequency("YEARLY").create();
        String newCode = unique("new-indicator");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("indicator", Map.of("code", newCode, "name", "新指标", "unit", "所", "valueType", "INTEGER",
                "direction", "INCREASE", "aggregation", "SUM", "frequency", "YEARLY"), "value", 3));
        items.add(Map.of("indicatorCode", enrolment, "value", 3100));
        items.add(Map.of("indicatorCode", rate, "value", 120, "period", "2027"));

        json().body(Map.of("targets", items)).post("/api/v1/plans/{id}/targets", plan).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors.field", containsInAnyOrder("targets[2].value"));

        json().queryParam("plan", plan).get("/api/v1/targets").then().body("total", is(0));
        json().get("/api/v1/indicators/{code}", newCode).then().spec(problem(404));
    }

    @Test
    void everyBadItemIsNamed() {
        long plan = storePlan("2027", PLAN);
        String enrolment = anIndicator().frequency("YEARLY").create();
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("value", 1));
        items.add(Map.of("indicatorCode", enrolment, "orgUnitName", "不存在的学校", "value", 1));
        items.add(Map.of("indicatorCode", "no-such-indicator", "value", 1, "period", "2027-13"));
        items.add(Map.of("indicator", Map.of("code", unique("x"), "name", "没有单位", "valueType", "INTEGER", "direction",
                "INCREASE", "aggregation", "SUM"), "value", 1));

        json().body(Map.of("targets", items)).post("/api/v1/plans/{id}/targets", plan).then().spec(problem(400))
                .body("errors.field", hasItem("targets[0].indicatorCode"))
                .body("errors.field", hasItem("targets[1].orgUnitName"))
                .body("errors.field", hasItem("targets[2].indicatorCode"))
                .body("errors.field", hasItem("targets[2].period"))
                .body("errors.field", hasItem("targets[3].indicator.unit"));
    }

    @Test
    void aMalformedNewIndicatorIsNamedBeforeAnythingRuns() {
        long plan = storePlan("2027", PLAN);
        Map<String, Object> badIndicator = new LinkedHashMap<>();
        badIndicator.put("indicator", Map.of("code", unique("x"), "name", "缺类型", "aggregation", "SUM"));
        badIndicator.put("value", 1);

        json().body(Map.of("targets", List.of(badIndicator))).post("/api/v1/plans/{id}/targets", plan).then()
                .spec(problem(400)).body("errors.field",
                        containsInAnyOrder("targets[0].indicator.valueType", "targets[0].indicator.direction"));
    }

    @Test
    void theSameTargetTwiceIsAConflict() {
        long plan = storePlan("2027", PLAN);
        String enrolment = anIndicator().frequency("YEARLY").create();
        Map<String, Object> item = Map.of("indicatorCode", enrolment, "value", 3100);

        json().body(Map.of("targets", List.of(item, item))).post("/api/v1/plans/{id}/targets", plan).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("conflict"))
                .body("detail", containsString("targets[1]"));
        json().queryParam("plan", plan).get("/api/v1/targets").then().body("total", is(0));
    }

    @Test
    void anEmptyListIsRefused() {
        long plan = storePlan("2027", PLAN);
        json().body(Map.of("targets", List.of())).post("/api/v1/plans/{id}/targets", plan).then().spec(problem(400))
                .body("errors.field", hasItem("targets"));
        json().body(
                Map.of("targets", List.of(Map.of("indicatorCode", "x", "value", 1, "confidence", 0.9, "surprise", 1))))
                .post("/api/v1/plans/{id}/targets", plan).then().spec(problem(400))
                .body("errors[0].message", containsString("not a known field"));
    }
}
