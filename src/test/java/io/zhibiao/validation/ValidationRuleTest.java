package io.zhibiao.validation;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** design §7, validation rules: BLOCK on every write path, WARN in the answer, results from current data. */
@QuarkusTest
class ValidationRuleTest {

    private static final String P = "2027-03";
    private static final String OBS = "/api/v1/observations/{i}/{o}/{p}";

    private String c;
    private String school;
    private String sitting;
    private String admitted;
    private String training;

    @BeforeEach
    void tree() {
        c = county();
        String t = orgUnit("TOWNSHIP", c);
        school = orgUnit("SCHOOL", t);
        sitting = anIndicator().with("name", unique("高考参考人数")).create();
        admitted = anIndicator().with("name", unique("高考本科上线人数")).create();
        training = anIndicator().create();
        for (String i : List.of(sitting, admitted, training)) {
            aTarget().forIndicator(i).at(c).period("2027").value("1000").create();
        }
    }

    /**
     * The list is filtered and paged by the database: rules of the unit asked about, above it (they check it too) or
     * below it; reading the indicator asked about; within what the caller's token sees.
     */
    @Test
    void theListIsFilteredByUnitIndicatorAndScope() {
        String above = unique("above");
        json().body(rule(above, admitted, "<=", sitting, "WARN")).post("/api/v1/validation-rules").then()
                .statusCode(201);
        String own = unique("own");
        Map<String, Object> atSchool = rule(own, training, "<=", sitting, "WARN");
        atSchool.put("orgUnitCode", school);
        json().body(atSchool).post("/api/v1/validation-rules").then().statusCode(201);
        String elsewhere = unique("elsewhere");
        Map<String, Object> atOther = rule(elsewhere, training, "<=", sitting, "WARN");
        atOther.put("orgUnitCode", county());
        json().body(atOther).post("/api/v1/validation-rules").then().statusCode(201);

        json().queryParam("orgUnit", school).get("/api/v1/validation-rules").then().statusCode(200)
                .body("items.code", containsInAnyOrder(above, own)).body("total", is(2));
        json().queryParam("orgUnit", c).get("/api/v1/validation-rules").then().statusCode(200)
                .body("items.code", containsInAnyOrder(above, own)).body("total", is(2));
        json().queryParam("orgUnit", c).queryParam("indicator", admitted).get("/api/v1/validation-rules").then()
                .statusCode(200).body("items.code", contains(above)).body("items[0].reads", hasSize(2))
                .body("total", is(1));
        json().queryParam("orgUnit", c).queryParam("size", 1).queryParam("page", 1).get("/api/v1/validation-rules")
                .then().statusCode(200).body("items", hasSize(1)).body("total", is(2));
        as(token("VIEWER", school)).get("/api/v1/validation-rules").then().statusCode(200)
                .body("items.code", hasItems(above, own)).body("items.code", not(hasItem(elsewhere)));
    }

    /**
     * A rule on a derived indicator reads its components too, and its answer names them — also right after it is
     * created, when the components were only references in the creating transaction.
     */
    @Test
    void aRuleOnADerivedIndicatorAnswersWithItsComponents() {
        String rate = anIndicator().percent().with("formula", Map.of("numerator", admitted, "denominator", sitting))
                .create();
        String code = unique("rate-le-100");
        json().body(rule(code, rate, "<=", "100", "WARN")).post("/api/v1/validation-rules").then().statusCode(201)
                .body("reads", containsInAnyOrder(rate, admitted, sitting));
        Map<String, Object> changed = rule(code, rate, "<=", "99", "WARN");
        json().body(changed).put("/api/v1/validation-rules/{c}", code).then().statusCode(200).body("reads",
                containsInAnyOrder(rate, admitted, sitting));
    }

    private Map<String, Object> rule(String code, String left, String op, String right, String severity) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "规则 " + code);
        body.put("orgUnitCode", c);
        body.put("left", left);
        body.put("operator", op);
        body.put("right", right);
        body.put("severity", severity);
        return body;
    }

    private String blockRule() {
        String code = unique("admitted-le-sitting");
        json().body(rule(code, admitted, "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .statusCode(201).body("code", equalTo(code)).body("left", equalTo(admitted))
                .body("reads", contains(List.of(admitted, sitting).stream().sorted().toArray()))
                .body("missing", equalTo("SKIP_IF_ANY_MISSING"));
        return code;
    }

    @Test
    void aBlockRuleRefusesThePutNamingTheRuleWithBothValues() {
        String code = blockRule();
        String clerk = token("CLERK", school);
        // 上线人数 first, 参考人数 not yet posted: skipped, accepted.
        as(clerk).body(Map.of("value", 130)).put(OBS, admitted, school, P).then().statusCode(201).body("warnings",
                empty());
        as(clerk).delete(OBS, admitted, school, P).then().statusCode(204);
        as(clerk).body(Map.of("value", 120)).put(OBS, sitting, school, P).then().statusCode(201);
        as(clerk).body(Map.of("value", 130)).put(OBS, admitted, school, P).then()
                .spec(problem(422, "validation_rule_failed")).body("rule", equalTo(code)).body("left", num("130"))
                .body("right", num("120")).body("failures", hasSize(1)).body("failures[0].severity", equalTo("BLOCK"))
                .body("message", containsString("(130) <= " + sitting + " (120) does not hold"));
        as(clerk).get(OBS, admitted, school, P).then().statusCode(404);
        as(clerk).body(Map.of("value", 110)).put(OBS, admitted, school, P).then().statusCode(201);
        // Lowering 参考人数 below 上线人数 is the same failure seen from the other side; deleting it is allowed (skips).
        as(clerk).body(Map.of("value", 100)).put(OBS, sitting, school, P).then()
                .spec(problem(422, "validation_rule_failed")).body("left", num("110")).body("right", num("100"));
        as(clerk).delete(OBS, sitting, school, P).then().statusCode(204);
        // In Chinese the problem says so too.
        as(clerk).body(Map.of("value", 120)).put(OBS, sitting, school, P).then().statusCode(201);
        as(clerk).header("Accept-Language", "zh-CN").body(Map.of("value", 121)).put(OBS, admitted, school, P).then()
                .spec(problem(422, "validation_rule_failed")).body("title", equalTo("未通过校验规则"));
    }

    @Test
    void aNeverSkipRuleRefusesADeleteThatLeavesItFailing() {
        Map<String, Object> body = rule(unique("sitting-positive"), sitting, ">", "0", "BLOCK");
        body.put("missing", "NEVER_SKIP");
        body.put("appliesTo", List.of("学校"));
        json().body(body).post("/api/v1/validation-rules").then().statusCode(201).body("appliesTo", contains("SCHOOL"));
        put(sitting, school, P, "5");
        json().delete(OBS, sitting, school, P).then().spec(problem(422, "validation_rule_failed")).body("left",
                num("0"));
        json().get(OBS, sitting, school, P).then().statusCode(200).body("value", num("5"));
    }

    @Test
    void csvRowsAreRejectedWithTheRuleAndTheOthersLandOrNothingDoes() {
        String code = blockRule();
        put(sitting, school, P, "120");
        String other = orgUnit("SCHOOL", c);
        String csv = "indicatorCode,orgUnitCode,period,value\n" + admitted + "," + school + "," + P + ",130\n"
                + training + "," + school + "," + P + ",5\n" + admitted + "," + other + "," + P + ",7\n";
        json().contentType("text/csv; charset=utf-8").queryParam("atomic", "true").body(csv)
                .post("/api/v1/observations/batch").then().statusCode(409).body("created", is(0))
                .body("conflicts[0].index", is(0)).body("conflicts[0].code", equalTo("validation_rule_failed"))
                .body("conflicts[0].message", containsString(code));
        json().get(OBS, training, school, P).then().statusCode(404);
        json().contentType("text/csv; charset=utf-8").queryParam("atomic", "false").body(csv)
                .post("/api/v1/observations/batch").then().statusCode(200).body("created", is(2))
                .body("rejected", is(1)).body("conflicts[0].index", is(0))
                .body("conflicts[0].code", equalTo("validation_rule_failed"));
        json().get(OBS, training, school, P).then().statusCode(200);
        json().get(OBS, admitted, school, P).then().statusCode(404);

        // Both sides in one file: the pair is checked as written together; fixing both in one file passes.
        String pair = "indicatorCode,orgUnitCode,period,value\n" + sitting + "," + other + "," + P + ",10\n" + admitted
                + "," + other + "," + P + ",9\n";
        json().contentType("text/csv; charset=utf-8").body(pair).post("/api/v1/observations/batch").then()
                .statusCode(200).body("updated", is(1)).body("created", is(1)).body("rejected", is(0));
        String broken = "indicatorCode,orgUnitCode,period,value\n" + sitting + "," + other + "," + P + ",8\n";
        json().contentType("text/csv; charset=utf-8").queryParam("atomic", "false").body(broken)
                .post("/api/v1/observations/batch").then().statusCode(200).body("rejected", is(1));
        // The JSON batch goes the same way.
        json().body(Map.of("observations",
                List.of(Map.of("indicatorCode", admitted, "orgUnitCode", other, "period", P, "value", 11))))
                .queryParam("atomic", "false").post("/api/v1/observations/batch").then().statusCode(200)
                .body("rejected", is(1)).body("conflicts[0].code", equalTo("validation_rule_failed"));
    }

    @Test
    void aWarnRuleAcceptsAndAnswersTheWarning() {
        String code = unique("training-vs-last-year");
        json().body(rule(code, training, "<=", "3 * lastYear(" + training + ")", "WARN"))
                .post("/api/v1/validation-rules").then().statusCode(201)
                .body("right", equalTo("3 * lastYear(" + training + ")"));
        put(training, school, "2026-03", "200");
        String clerk = token("CLERK", school);
        as(clerk).body(Map.of("value", 900)).put(OBS, training, school, P).then().statusCode(201)
                .body("warnings", hasSize(1)).body("warnings[0].rule", equalTo(code))
                .body("warnings[0].severity", equalTo("WARN")).body("warnings[0].left", num("900"))
                .body("warnings[0].right", num("600"));
        as(clerk).body(Map.of("value", 500)).put(OBS, training, school, P).then().statusCode(200).body("warnings",
                empty());
        String csv = "indicatorCode,orgUnitCode,period,value\n" + training + "," + school + "," + P + ",700\n";
        json().contentType("text/csv; charset=utf-8").body(csv).post("/api/v1/observations/batch").then()
                .statusCode(200).body("status", equalTo("WARNING")).body("updated", is(1))
                .body("conflicts[0].code", equalTo("validation_rule_warning"));
    }

    @Test
    void resultsAreRecomputedAndShowFailuresOfDataOlderThanTheRule() {
        put(sitting, school, P, "120");
        put(admitted, school, P, "130");
        String code = blockRule();
        json().queryParam("orgUnit", c).queryParam("period", P).get("/api/v1/validation-results").then().statusCode(200)
                .body("total", is(1)).body("items[0].rule", equalTo(code)).body("items[0].orgUnitCode", equalTo(school))
                .body("items[0].left", num("130")).body("items[0].right", num("120"))
                .body("items[0].severity", equalTo("BLOCK"))
                .body("items[0].expression", equalTo(admitted + " <= " + sitting));
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("severity", "WARN")
                .get("/api/v1/validation-results").then().body("total", is(0));
        // The test endpoint shows the values it read, and stores nothing.
        json().queryParam("orgUnit", school).queryParam("period", P).post("/api/v1/validation-rules/{c}/test", code)
                .then().statusCode(200).body("verdict", equalTo("FAILED")).body("applies", is(true))
                .body("readings.ref", contains(admitted, sitting)).body("readings[1].value", num("120"));
        json().queryParam("orgUnit", c).queryParam("period", P).post("/api/v1/validation-rules/{c}/test", code).then()
                .statusCode(200).body("applies", is(false)).body("verdict", equalTo("FAILED"));
        // Fixing the figure makes the result disappear (a lower 上线人数 passes the rule).
        put(admitted, school, P, "100");
        json().queryParam("orgUnit", c).queryParam("period", P).get("/api/v1/validation-results").then().body("total",
                is(0));
        // A submission is refused while a BLOCK rule fails at the unit.
        json().queryParam("orgUnit", school).queryParam("period", P).post("/api/v1/validation-rules/{c}/test", code)
                .then().body("verdict", equalTo("PASSED")).body("message", nullValue());
    }

    @Test
    void submittingIsRefusedWhileABlockRuleFails() {
        put(sitting, school, P, "120");
        put(admitted, school, P, "130");
        put(training, school, P, "1");
        String code = blockRule();
        json().post("/api/v1/submissions/{u}/{p}/submit", school, P).then().spec(problem(409, "conflict"))
                .body("detail", containsString("failing rules: " + code));
        put(admitted, school, P, "100");
        json().post("/api/v1/submissions/{u}/{p}/submit", school, P).then().statusCode(200);
    }

    @Test
    void codesOrNamesChildrenAndRolledUpValues() {
        String sittingName = json().get("/api/v1/indicators/{c}", sitting).then().extract().path("name");
        String code = unique("children-sum");
        Map<String, Object> body = rule(code, sittingName, ">=", "children(" + sitting + ")", "WARN");
        body.put("appliesTo", List.of("TOWNSHIP"));
        String t = json().get("/api/v1/org-units/{c}", school).then().extract().path("parentCode");
        json().body(body).post("/api/v1/validation-rules").then().statusCode(201).body("left", equalTo(sitting));
        put(sitting, school, P, "50");
        // The 学区 has no figure of its own: its value is its school's, rolled up, and equals children().
        json().queryParam("orgUnit", t).queryParam("period", P).post("/api/v1/validation-rules/{c}/test", code).then()
                .body("verdict", equalTo("PASSED")).body("left", num("50")).body("right", num("50"));
        json().body(Map.of("value", 40)).put(OBS, sitting, t, P).then().statusCode(201)
                .body("warnings[0].rule", equalTo(code)).body("warnings[0].left", num("40"))
                .body("warnings[0].right", num("50"));
        json().queryParam("orgUnit", c).queryParam("period", P).get("/api/v1/validation-results").then()
                .body("items.rule", contains(code)).body("items[0].orgUnitCode", equalTo(t));
        // At the county, children() rolls up a 学区 with a figure of its own (40) and one without (its school's 7).
        String t2 = orgUnit("TOWNSHIP", c);
        put(sitting, orgUnit("SCHOOL", t2), P, "7");
        Map<String, Object> county = rule(unique("county-children"), sitting, ">=", "children(" + sitting + ")",
                "WARN");
        county.put("appliesTo", List.of("COUNTY"));
        json().body(county).post("/api/v1/validation-rules").then().statusCode(201);
        json().body(Map.of("value", 46)).put(OBS, sitting, c, P).then().statusCode(201)
                .body("warnings.find { it.rule == '" + county.get("code") + "' }.right", num("47"));
        json().body(Map.of("value", 47)).put(OBS, sitting, c, P).then().statusCode(200)
                .body("warnings.findAll { it.rule == '" + county.get("code") + "' }", empty());
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndNothingIsStored() {
        String code = unique("bad");
        json().body(rule(code, "(" + admitted, "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("left"))
                .body("errors[0].message", containsString("at character"));
        json().body(rule(code, "nope-" + admitted, "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].message", containsString("unknown indicator"));
        json().body(rule(code, "prev(", "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("left"));
        json().body(rule(code, "(".repeat(10_000) + admitted + ")".repeat(10_000), "<=", sitting, "BLOCK"))
                .post("/api/v1/validation-rules").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("left"));
        json().body(rule(code, admitted, "<=", sitting + " / 0", "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("right"))
                .body("errors[0].message", containsString("division by zero"));
        json().body(rule(code, admitted, "=<", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("operator"));
        json().body(rule(code, admitted, "<=", sitting, "MAYBE")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("severity"));
        json().body(rule(code, "1", "<=", "2", "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(400, "validation_failed"));
        Map<String, Object> tolerant = rule(code, admitted, "<=", sitting, "BLOCK");
        tolerant.put("tolerance", 1);
        json().body(tolerant).post("/api/v1/validation-rules").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("tolerance"));
        json().get("/api/v1/validation-rules/{c}", code).then().spec(problem(404, "not_found"));
        json().queryParam("orgUnit", c).queryParam("period", "2027-13").get("/api/v1/validation-results").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"));
        json().queryParam("orgUnit", c).get("/api/v1/validation-results").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("period"));
        json().queryParam("orgUnit", c).queryParam("period", P).queryParam("severity", "LOUD")
                .get("/api/v1/validation-results").then().spec(problem(400, "validation_failed"));
    }

    @Test
    void rulesBelongToPlannersOfTheirUnitAndAreSeenBelowIt() {
        String code = blockRule();
        String clerk = token("CLERK", school);
        as(clerk).get("/api/v1/validation-rules/{c}", code).then().statusCode(200);
        as(clerk).queryParam("orgUnit", school).get("/api/v1/validation-rules").then().statusCode(200)
                .body("items.code", contains(code));
        as(clerk).body(rule(unique("x"), admitted, "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(403, "forbidden"));
        String otherCounty = county();
        as(token("PLANNER", otherCounty)).get("/api/v1/validation-rules/{c}", code).then()
                .spec(problem(404, "not_found"));
        as(token("PLANNER", otherCounty)).body(rule(unique("x"), admitted, "<=", sitting, "BLOCK"))
                .post("/api/v1/validation-rules").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("orgUnitCode"));
        json().body(rule(code, admitted, "<=", sitting, "BLOCK")).post("/api/v1/validation-rules").then()
                .spec(problem(409, "conflict"));
        // An indicator a rule reads cannot be deleted.
        json().delete("/api/v1/indicators/{c}", admitted).then().spec(problem(409, "conflict"));
        Map<String, Object> warn = rule(code, admitted, "<=", sitting, "WARN");
        json().body(warn).put("/api/v1/validation-rules/{c}", code).then().statusCode(200).body("severity",
                equalTo("WARN"));
        put(sitting, school, P, "1");
        json().body(Map.of("value", 2)).put(OBS, admitted, school, P).then().statusCode(201).body("warnings",
                hasSize(1));
        json().delete("/api/v1/validation-rules/{c}", code).then().statusCode(204);
        json().get("/api/v1/validation-rules/{c}", code).then().spec(problem(404, "not_found"));
    }
}
