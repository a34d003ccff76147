package io.zhibiao.security;

import static io.restassured.RestAssured.given;
import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the served OpenAPI spec, as every role and without a token, inside and
 * outside the token's subtree, and checks the answer against design §4: what lies outside the subtree
 * looks missing (404 for reads and writes of it, 400 for a code of it in a body, exactly as for a code that never
 * existed: {@link #aCodeOutsideTheSubtreeInABodyReadsExactlyLikeAnUnknownCode}), a role that may not
 * write is 403, no token is 401. A new operation without a rule here fails.
 */
@QuarkusTest
class AccessMatrixTest {

    enum Scope {
        IN, OUT
    }

    record Call(String method, String path, Object body) {
    }

    /**
     * @param area the area a write touches (null for a read)
     * @param scoped whether the answer depends on the subtree (lists and the shared catalogue do
     *     not)
     */
    record Rule(Area area, boolean scoped, Function<Scope, Call> call, Integer outOfScopeStatus, boolean wholeTree,
            Set<Integer> allowed) {

        Rule(Area area, boolean scoped, Function<Scope, Call> call) {
            this(area, scoped, call, null, false, Set.of(200, 201, 204));
        }

        Rule(Area area, boolean scoped, Function<Scope, Call> call, Integer outOfScopeStatus) {
            this(area, scoped, call, outOfScopeStatus, false, Set.of(200, 201, 204));
        }

        /** Only an admin over the whole tree (the bootstrap token); every token of the matrix is scoped: 403. */
        static Rule wholeTree(Function<Scope, Call> call) {
            return new Rule(Area.TOKENS, false, call, null, true, Set.of(200, 201, 204));
        }

        /**
         * A transition the role may attempt but the state refuses (a submission of a month without its figures, an
         * approval of an OPEN month): the matrix checks who gets that far.
         */
        static Rule refusedByState(Area area, Function<Scope, Call> call) {
            return new Rule(area, true, call, null, false, Set.of(409));
        }
    }

    private final AtomicInteger months = new AtomicInteger();
    private String countyIn;
    private String countyOut;
    private String schoolIn;
    private String schoolOut;
    private String indicator;
    private final Map<Scope, Long> targets = new EnumMap<>(Scope.class);
    private final Map<Scope, Integer> locks = new EnumMap<>(Scope.class);
    private final AtomicInteger lockYears = new AtomicInteger();
    private final Map<Scope, Long> plans = new EnumMap<>(Scope.class);
    private final Map<Scope, Long> reports = new EnumMap<>(Scope.class);
    private final Map<Scope, Long> channels = new EnumMap<>(Scope.class);

    private String school(Scope scope) {
        return scope == Scope.IN ? schoolIn : schoolOut;
    }

    private String county(Scope scope) {
        return scope == Scope.IN ? countyIn : countyOut;
    }

    private Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("GET /api/v1/org-units", new Rule(null, false, s -> new Call("GET", "/api/v1/org-units", null)));
        rules.put("POST /api/v1/org-units",
                new Rule(Area.ORG_UNITS, true,
                        s -> new Call("POST", "/api/v1/org-units",
                                Map.of("code", unique("u"), "name", "学校", "type", "SCHOOL", "parentCode", county(s))),
                        400));
        rules.put("POST /api/v1/org-units/batch",
                new Rule(Area.ORG_UNITS, true,
                        s -> new Call("POST", "/api/v1/org-units/batch", Map.of("orgUnits", List.of(
                                Map.of("code", unique("r"), "name", "学校", "type", "SCHOOL", "parentCode", county(s))))),
                        409));
        rules.put("GET /api/v1/org-units/template",
                new Rule(null, false, s -> new Call("GET", "/api/v1/org-units/template", null)));
        rules.put("GET /api/v1/reporting-status", new Rule(null, true,
                s -> new Call("GET", "/api/v1/reporting-status?period=2025-01&orgUnit=" + county(s), null)));
        rules.put("GET /api/v1/reporting-status/missing", new Rule(null, true,
                s -> new Call("GET", "/api/v1/reporting-status/missing?period=2025-01&orgUnit=" + county(s), null)));
        rules.put("GET /api/v1/submissions", new Rule(null, false, s -> new Call("GET", "/api/v1/submissions", null)));
        rules.put("GET /api/v1/submissions/{orgUnit}/{period}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/submissions/" + school(s) + "/2025-01", null)));
        rules.put("POST /api/v1/submissions/{orgUnit}/{period}/submit", Rule.refusedByState(Area.SUBMISSIONS,
                s -> new Call("POST", "/api/v1/submissions/" + school(s) + "/2025-01/submit", null)));
        for (String action : List.of("approve", "return", "reopen")) {
            rules.put("POST /api/v1/submissions/{orgUnit}/{period}/" + action,
                    Rule.refusedByState(Area.REVIEWS, s -> new Call("POST",
                            "/api/v1/submissions/" + school(s) + "/2025-01/" + action, Map.of("reason", "核对"))));
        }
        rules.put("POST /api/v1/submissions/batch",
                new Rule(Area.REVIEWS, false, s -> new Call("POST", "/api/v1/submissions/batch",
                        Map.of("action", "APPROVE", "period", "2025-01", "orgUnits", List.of(school(s))))));
        rules.put("GET /api/v1/org-units/{code}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/org-units/" + school(s), null)));
        rules.put("PUT /api/v1/org-units/{code}",
                new Rule(Area.ORG_UNITS, true, s -> new Call("PUT", "/api/v1/org-units/" + orgUnit("SCHOOL", county(s)),
                        Map.of("name", "改名", "type", "SCHOOL", "parentCode", county(s)))));
        rules.put("DELETE /api/v1/org-units/{code}", new Rule(Area.ORG_UNITS, true,
                s -> new Call("DELETE", "/api/v1/org-units/" + orgUnit("SCHOOL", county(s)), null)));

        rules.put("GET /api/v1/indicators", new Rule(null, false, s -> new Call("GET", "/api/v1/indicators", null)));
        rules.put("POST /api/v1/indicators",
                new Rule(Area.INDICATORS, false, s -> new Call("POST", "/api/v1/indicators", anIndicator().body())));
        rules.put("GET /api/v1/indicators/{code}",
                new Rule(null, false, s -> new Call("GET", "/api/v1/indicators/" + indicator, null)));
        rules.put("PUT /api/v1/indicators/{code}", new Rule(Area.INDICATORS, false, s -> {
            var builder = anIndicator();
            return new Call("PUT", "/api/v1/indicators/" + builder.create(), builder.body());
        }));
        rules.put("DELETE /api/v1/indicators/{code}", new Rule(Area.INDICATORS, false,
                s -> new Call("DELETE", "/api/v1/indicators/" + anIndicator().create(), null)));

        rules.put("GET /api/v1/targets", new Rule(null, false, s -> new Call("GET", "/api/v1/targets", null)));
        rules.put("POST /api/v1/targets", new Rule(Area.TARGETS, true, s -> new Call("POST", "/api/v1/targets",
                aTarget().forIndicator(anIndicator().create()).at(county(s)).value("10").body()), 400));
        rules.put("POST /api/v1/targets/batch",
                new Rule(Area.TARGETS, true,
                        s -> new Call("POST", "/api/v1/targets/batch", Map.of("targets", List
                                .of(aTarget().forIndicator(anIndicator().create()).at(county(s)).value("10").body()))),
                        409));
        rules.put("GET /api/v1/targets/{id}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/targets/" + targets.get(s), null)));
        rules.put("GET /api/v1/targets/{id}/progress",
                new Rule(null, true, s -> new Call("GET", "/api/v1/targets/" + targets.get(s) + "/progress", null)));
        rules.put("GET /api/v1/targets/{id}/series",
                new Rule(null, true, s -> new Call("GET", "/api/v1/targets/" + targets.get(s) + "/series", null)));
        rules.put("PUT /api/v1/targets/{id}", new Rule(Area.TARGETS, true, s -> {
            var builder = aTarget().forIndicator(anIndicator().create()).at(county(s)).value("10");
            return new Call("PUT", "/api/v1/targets/" + builder.create(), builder.value("12").body());
        }));
        rules.put("DELETE /api/v1/targets/{id}",
                new Rule(Area.TARGETS, true,
                        s -> new Call("DELETE", "/api/v1/targets/"
                                + aTarget().forIndicator(anIndicator().create()).at(county(s)).value("10").create(),
                                null)));

        // Extraction stores nothing: every role may read a plan text.
        rules.put("POST /api/v1/extractions",
                new Rule(null, false, s -> new Call("POST", "/api/v1/extractions", "青禾县2025年工作要点\n本科上线率达到68%。")));
        rules.put("POST /api/v1/plans",
                new Rule(Area.PLANS, true, s -> new Call("POST", "/api/v1/plans",
                        Map.of("orgUnitCode", county(s), "title", "工作要点", "period", "2025", "text", "新增学位900个。")),
                        400));
        rules.put("GET /api/v1/plans", new Rule(null, false, s -> new Call("GET", "/api/v1/plans", null)));
        rules.put("GET /api/v1/plans/{id}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/plans/" + plans.get(s), null)));
        rules.put("POST /api/v1/plans/{id}/extract",
                new Rule(null, true, s -> new Call("POST", "/api/v1/plans/" + plans.get(s) + "/extract", null)));
        rules.put("POST /api/v1/plans/{id}/targets",
                new Rule(Area.TARGETS, true, s -> new Call("POST", "/api/v1/plans/" + plans.get(s) + "/targets", Map.of(
                        "targets",
                        List.of(Map.of("indicatorCode", anIndicator().create(), "value", 10, "period", "2025"))))));

        rules.put("GET /api/v1/observations",
                new Rule(null, false, s -> new Call("GET", "/api/v1/observations", null)));
        rules.put("PUT /api/v1/observations/{indicatorCode}/{orgUnitCode}/{period}", new Rule(Area.OBSERVATIONS, true,
                s -> new Call("PUT", cell(school(s), nextMonth()), Map.of("value", 3))));
        rules.put("GET /api/v1/observations/{indicatorCode}/{orgUnitCode}/{period}",
                new Rule(null, true, s -> new Call("GET", cell(school(s), "2024-01"), null)));
        rules.put("DELETE /api/v1/observations/{indicatorCode}/{orgUnitCode}/{period}",
                new Rule(Area.OBSERVATIONS, true, s -> {
                    String month = nextMonth();
                    put(indicator, school(s), month, "1");
                    return new Call("DELETE", cell(school(s), month), null);
                }));
        rules.put("GET /api/v1/observations/{indicatorCode}/{orgUnitCode}/{period}/revisions",
                new Rule(null, true, s -> new Call("GET", cell(school(s), "2024-01") + "/revisions", null)));

        // A batch row outside the subtree is a row conflict: the atomic batch answers 409 and
        // writes nothing.
        rules.put("POST /api/v1/observations/batch", new Rule(Area.OBSERVATIONS, true,
                s -> new Call("POST", "/api/v1/observations/batch", Map.of("observations", List.of(Map
                        .of("indicatorCode", indicator, "orgUnitCode", school(s), "period", nextMonth(), "value", 2)))),
                409));
        rules.put("POST /api/v1/observations/batch/csv", new Rule(Area.OBSERVATIONS, true, s -> new Call("POST",
                "/api/v1/observations/batch/csv",
                "indicatorCode,orgUnitCode,period,value\n" + indicator + "," + school(s) + "," + nextMonth() + ",2\n"),
                409));
        rules.put("POST /api/v1/observations/batch/xlsx",
                new Rule(Area.OBSERVATIONS, true,
                        s -> new Call("POST", "/api/v1/observations/batch/xlsx",
                                io.zhibiao.support.Sheets
                                        .xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                                                List.of(indicator, school(s), nextMonth(), 2)))),
                        409));
        rules.put("GET /api/v1/observations/template", new Rule(null, true,
                s -> new Call("GET", "/api/v1/observations/template?period=2025-01&orgUnit=" + school(s), null)));
        rules.put("GET /api/v1/observations/form", new Rule(null, true,
                s -> new Call("GET", "/api/v1/observations/form?period=2025-01&orgUnit=" + school(s), null)));
        rules.put("GET /api/v1/admin/export", Rule.wholeTree(s -> new Call("GET", "/api/v1/admin/export", null)));
        rules.put("POST /api/v1/admin/import", Rule.wholeTree(s -> new Call("POST", "/api/v1/admin/import", "{}\n")));
        rules.put("GET /api/v1/changes", new Rule(null, false, s -> new Call("GET", "/api/v1/changes", null)));
        rules.put("GET /api/v1/locks", new Rule(null, false, s -> new Call("GET", "/api/v1/locks", null)));
        rules.put("POST /api/v1/locks", new Rule(Area.LOCKS, true,
                // A year per call: an identical lock is a 409.
                s -> new Call("POST", "/api/v1/locks",
                        Map.of("orgUnitCode", school(s), "period", String.valueOf(1900 + lockYears.incrementAndGet()))),
                400));
        rules.put("GET /api/v1/locks/{id}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/locks/" + locks.get(s), null)));
        rules.put("DELETE /api/v1/locks/{id}", new Rule(Area.LOCKS, true, s -> {
            int id = json()
                    .body(Map.of("orgUnitCode", school(s), "period",
                            String.valueOf(1900 + lockYears.incrementAndGet())))
                    .post("/api/v1/locks").then().statusCode(201).extract().path("id");
            return new Call("DELETE", "/api/v1/locks/" + id, null);
        }));

        rules.put("POST /api/v1/validation-rules", new Rule(Area.RULES, true,
                s -> new Call("POST", "/api/v1/validation-rules", ruleBody(unique("rule"), county(s))), 400));
        rules.put("GET /api/v1/validation-rules",
                new Rule(null, false, s -> new Call("GET", "/api/v1/validation-rules", null)));
        rules.put("GET /api/v1/validation-rules/{code}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/validation-rules/" + aRule(county(s)), null)));
        rules.put("PUT /api/v1/validation-rules/{code}", new Rule(Area.RULES, true, s -> {
            String code = aRule(county(s));
            return new Call("PUT", "/api/v1/validation-rules/" + code, ruleBody(code, county(s)));
        }));
        rules.put("DELETE /api/v1/validation-rules/{code}", new Rule(Area.RULES, true,
                s -> new Call("DELETE", "/api/v1/validation-rules/" + aRule(county(s)), null)));
        rules.put("POST /api/v1/validation-rules/{code}/test", new Rule(null, true, s -> new Call("POST",
                "/api/v1/validation-rules/" + aRule(county(s)) + "/test?period=2025-01&orgUnit=" + school(s), null)));
        rules.put("GET /api/v1/validation-results", new Rule(null, true,
                s -> new Call("GET", "/api/v1/validation-results?period=2025-01&orgUnit=" + county(s), null)));

        // Inside the targets' year; the same text again is a 200 (nothing new), so every role may repeat it.
        rules.put("PUT /api/v1/targets/{id}/commentary/{period}", new Rule(Area.COMMENTARY, true, s -> new Call("PUT",
                "/api/v1/targets/" + targets.get(s) + "/commentary/2025-03", Map.of("progress", "进展顺利"))));
        rules.put("GET /api/v1/targets/{id}/commentary/{period}", new Rule(null, true, s -> {
            json().body(Map.of("progress", "进展顺利")).put("/api/v1/targets/{id}/commentary/2025-03", targets.get(s))
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            return new Call("GET", "/api/v1/targets/" + targets.get(s) + "/commentary/2025-03", null);
        }));
        rules.put("GET /api/v1/targets/{id}/commentary/{period}/revisions", new Rule(null, true,
                s -> new Call("GET", "/api/v1/targets/" + targets.get(s) + "/commentary/2025-01/revisions", null)));
        rules.put("POST /api/v1/reports",
                new Rule(Area.REPORTS, true,
                        s -> new Call("POST", "/api/v1/reports",
                                Map.of("orgUnitCode", county(s), "period", "2025-03", "format", "html")),
                        null, false, Set.of(202)));
        rules.put("GET /api/v1/reports", new Rule(null, false, s -> new Call("GET", "/api/v1/reports", null)));
        rules.put("GET /api/v1/reports/{id}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/reports/" + reports.get(s), null)));
        rules.put("GET /api/v1/reports/{id}/file",
                new Rule(null, true, s -> new Call("GET", "/api/v1/reports/" + reports.get(s) + "/file", null)));
        rules.put("POST /api/v1/alert-channels", new Rule(Area.ALERTS, true,
                s -> new Call("POST", "/api/v1/alert-channels", channelBody(county(s))), 400));
        rules.put("GET /api/v1/alert-channels",
                new Rule(null, false, s -> new Call("GET", "/api/v1/alert-channels", null)));
        rules.put("GET /api/v1/alert-channels/{id}",
                new Rule(null, true, s -> new Call("GET", "/api/v1/alert-channels/" + channels.get(s), null)));
        rules.put("DELETE /api/v1/alert-channels/{id}", new Rule(Area.ALERTS, true,
                s -> new Call("DELETE", "/api/v1/alert-channels/" + aChannel(county(s)), null)));
        rules.put("POST /api/v1/alert-channels/{id}/test", new Rule(Area.ALERTS, true,
                s -> new Call("POST", "/api/v1/alert-channels/" + channels.get(s) + "/test", null)));
        rules.put("POST /api/v1/alert-subscriptions", new Rule(Area.ALERTS, true,
                s -> new Call("POST", "/api/v1/alert-subscriptions", subscriptionBody(s)), 400));
        rules.put("GET /api/v1/alert-subscriptions",
                new Rule(null, false, s -> new Call("GET", "/api/v1/alert-subscriptions", null)));
        rules.put("DELETE /api/v1/alert-subscriptions/{id}", new Rule(Area.ALERTS, true, s -> {
            int id = json().body(subscriptionBody(s)).post("/api/v1/alert-subscriptions").then().statusCode(201)
                    .extract().path("id");
            return new Call("DELETE", "/api/v1/alert-subscriptions/" + id, null);
        }));
        rules.put("GET /api/v1/alert-deliveries",
                new Rule(null, false, s -> new Call("GET", "/api/v1/alert-deliveries", null)));
        rules.put("POST /api/v1/report-schedules",
                new Rule(Area.ALERTS, true, s -> new Call("POST", "/api/v1/report-schedules", scheduleBody(s)), 400));
        rules.put("GET /api/v1/report-schedules",
                new Rule(null, false, s -> new Call("GET", "/api/v1/report-schedules", null)));
        rules.put("DELETE /api/v1/report-schedules/{id}", new Rule(Area.ALERTS, true, s -> {
            int id = json().body(scheduleBody(s)).post("/api/v1/report-schedules").then().statusCode(201).extract()
                    .path("id");
            return new Call("DELETE", "/api/v1/report-schedules/" + id, null);
        }));
        rules.put("GET /api/v1/commentary/missing", new Rule(null, true,
                s -> new Call("GET", "/api/v1/commentary/missing?period=2025-01&orgUnit=" + county(s), null)));

        rules.put("GET /api/v1/dashboard",
                new Rule(null, true, s -> new Call("GET", "/api/v1/dashboard?period=2025&orgUnit=" + county(s), null)));
        rules.put("GET /api/v1/rankings", new Rule(null, true, s -> new Call("GET",
                "/api/v1/rankings?type=SCHOOL&period=2025&indicator=" + indicator + "&parent=" + county(s), null)));

        rules.put("POST /api/v1/tokens", new Rule(Area.TOKENS, true, s -> new Call("POST", "/api/v1/tokens",
                Map.of("name", unique("t"), "role", "VIEWER", "orgUnitCode", school(s))), 400));
        rules.put("GET /api/v1/tokens/current",
                new Rule(null, false, s -> new Call("GET", "/api/v1/tokens/current", null)));
        rules.put("GET /api/v1/tokens", new Rule(Area.TOKENS, false, s -> new Call("GET", "/api/v1/tokens", null)));
        rules.put("DELETE /api/v1/tokens/{id}", new Rule(Area.TOKENS, true, s -> {
            int id = json().body(Map.of("name", unique("t"), "role", "VIEWER", "orgUnitCode", school(s)))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("id");
            return new Call("DELETE", "/api/v1/tokens/" + id, null);
        }));
        return rules;
    }

    /** Subscriptions would keep the alert dispatcher busy during the tests that follow (they count statements). */
    @org.junit.jupiter.api.AfterEach
    void removeAlertChannels() {
        List<Integer> ids = json().get("/api/v1/alert-channels").then().statusCode(200).extract().path("id");
        ids.forEach(id -> json().delete("/api/v1/alert-channels/{id}", id).then().statusCode(204));
    }

    private static Map<String, Object> channelBody(String orgUnit) {
        return Map.of("name", "测试渠道", "type", "WEBHOOK", "orgUnitCode", orgUnit, "url", "http://127.0.0.1:9/hook",
                "secret", "s3cret");
    }

    /** A channel of the unit, made by the whole-tree admin. */
    private static long aChannel(String orgUnit) {
        return json().body(channelBody(orgUnit)).post("/api/v1/alert-channels").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private Map<String, Object> subscriptionBody(Scope s) {
        return Map.of("channel", channels.get(s), "orgUnitCode", county(s), "events", List.of("REPORT_READY"));
    }

    private Map<String, Object> scheduleBody(Scope s) {
        return Map.of("orgUnitCode", county(s), "dayOfMonth", 28, "channel", channels.get(s), "format", "html");
    }

    private Map<String, Object> ruleBody(String code, String orgUnit) {
        return Map.of("code", code, "name", "不超过一百", "orgUnitCode", orgUnit, "left", indicator, "operator", "<=",
                "right", "100", "severity", "WARN");
    }

    /** A rule of the unit, made by the whole-tree admin. */
    private String aRule(String orgUnit) {
        String code = unique("rule");
        json().body(ruleBody(code, orgUnit)).post("/api/v1/validation-rules").then().statusCode(201);
        return code;
    }

    /**
     * design §4 for codes in request bodies: a unit (or plan) outside the caller's subtree answers exactly as one that
     * never existed — same status, same body but for the code itself — so a body cannot enumerate another county.
     */
    @Test
    void aCodeOutsideTheSubtreeInABodyReadsExactlyLikeAnUnknownCode() {
        String prefecture = orgUnit("PREFECTURE", null);
        String mine = orgUnit("COUNTY", prefecture);
        String other = orgUnit("COUNTY", prefecture);
        String otherSchool = orgUnit("SCHOOL", other);
        String never = unique("never");
        String ind = anIndicator().create();
        long otherPlan = json()
                .body(Map.of("orgUnitCode", other, "title", "工作要点", "period", "2025", "text", "新增学位900个。"))
                .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long neverPlan = otherPlan + 1_000_000;
        String planner = token("PLANNER", mine);
        String admin = token("ADMIN", mine);
        String mySchool = orgUnit("SCHOOL", mine);
        long myTarget = aTarget().forIndicator(ind).at(mine).value("10").create();

        Map<String, Function<String, Call>> byCode = new LinkedHashMap<>();
        byCode.put("POST /org-units parentCode", c -> new Call("POST", "/api/v1/org-units",
                Map.of("code", "fixed-code", "name", "学校", "type", "SCHOOL", "parentCode", c)));
        byCode.put("PUT /org-units/{code} parentCode", c -> new Call("PUT", "/api/v1/org-units/" + mySchool,
                Map.of("name", "学校", "type", "SCHOOL", "parentCode", c)));
        byCode.put("POST /targets orgUnitCode",
                c -> new Call("POST", "/api/v1/targets", aTarget().forIndicator(ind).at(c).value("10").body()));
        byCode.put("PUT /targets/{id} orgUnitCode", c -> new Call("PUT", "/api/v1/targets/" + myTarget,
                aTarget().forIndicator(ind).at(c).value("10").body()));
        byCode.put("POST /plans orgUnitCode", c -> new Call("POST", "/api/v1/plans",
                Map.of("orgUnitCode", c, "title", "工作要点", "period", "2025", "text", "新增学位900个。")));
        byCode.put("POST /locks orgUnitCode",
                c -> new Call("POST", "/api/v1/locks", Map.of("orgUnitCode", c, "period", "1980")));
        byCode.put("POST /tokens orgUnitCode", c -> new Call("POST", "/api/v1/tokens",
                Map.of("name", "fixed-name", "role", "VIEWER", "orgUnitCode", c)));
        byCode.put("POST /observations/batch orgUnitCode",
                c -> new Call("POST", "/api/v1/observations/batch", Map.of("observations",
                        List.of(Map.of("indicatorCode", ind, "orgUnitCode", c, "period", "2024-03", "value", 2)))));

        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Function<String, Call>> entry : byCode.entrySet()) {
            String token = entry.getKey().startsWith("POST /tokens") || entry.getKey().startsWith("POST /locks")
                    ? admin
                    : planner;
            if (entry.getKey().contains("observations")) {
                token = token("CLERK", mine);
            }
            Response outside = send(token, entry.getValue().apply(otherSchool));
            Response unknown = send(token, entry.getValue().apply(never));
            assertThat(outside.statusCode()).as(entry.getKey()).isIn(400, 409);
            String a = outside.statusCode() + " " + outside.contentType() + " "
                    + outside.asString().replace(otherSchool, "<code>");
            String b = unknown.statusCode() + " " + unknown.contentType() + " "
                    + unknown.asString().replace(never, "<code>");
            if (!a.equals(b)) {
                differ.add(entry.getKey() + ":\n  outside: " + a + "\n  unknown: " + b);
            }
        }
        Response outsidePlan = send(planner, new Call("POST", "/api/v1/targets",
                withPlan(aTarget().forIndicator(ind).at(mine).value("10").body(), otherPlan)));
        Response unknownPlan = send(planner, new Call("POST", "/api/v1/targets",
                withPlan(aTarget().forIndicator(ind).at(mine).value("10").body(), neverPlan)));
        assertThat(outsidePlan.statusCode()).isEqualTo(400);
        assertThat(outsidePlan.asString().replace("plan " + otherPlan + " ", "plan <id> "))
                .isEqualTo(unknownPlan.asString().replace("plan " + neverPlan + " ", "plan <id> "));
        assertThat(differ).as("answers that tell an outside code from an unknown one").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withPlan(Object body, long planId) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) body);
        copy.put("planId", planId);
        return copy;
    }

    private String cell(String school, String period) {
        return "/api/v1/observations/" + indicator + "/" + school + "/" + period;
    }

    private String nextMonth() {
        int n = months.incrementAndGet();
        return String.format("%d-%02d", 2000 + n / 12, n % 12 + 1);
    }

    @Test
    void everyOperationAnswersAsTheRoleAndScopeAllow() {
        String prefecture = orgUnit("PREFECTURE", null);
        countyIn = orgUnit("COUNTY", prefecture);
        countyOut = orgUnit("COUNTY", prefecture);
        schoolIn = orgUnit("SCHOOL", countyIn);
        schoolOut = orgUnit("SCHOOL", countyOut);
        indicator = anIndicator().create();
        for (Scope scope : Scope.values()) {
            targets.put(scope, aTarget().forIndicator(indicator).at(county(scope)).value("100").create());
            put(indicator, school(scope), "2024-01", "5");
            locks.put(scope, json().body(Map.of("orgUnitCode", school(scope), "period", "1990")).post("/api/v1/locks")
                    .then().statusCode(201).extract().path("id"));
            channels.put(scope, aChannel(county(scope)));
            reports.put(scope, json().body(Map.of("orgUnitCode", county(scope), "period", "2025-03", "format", "html"))
                    .post("/api/v1/reports").then().statusCode(202).extract().jsonPath().getLong("id"));
            plans.put(scope, json()
                    .body(Map.of("orgUnitCode", county(scope), "title", "工作要点", "period", "2025", "text", "新增学位900个。"))
                    .post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        for (Scope scope : Scope.values()) {
            long report = reports.get(scope);
            io.zhibiao.support.Api.eventually(60, "report " + report + " done",
                    () -> "DONE".equals(json().get("/api/v1/reports/{id}", report).then().extract().path("state")));
        }
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, token(role.name(), countyIn));
        }
        Map<String, Rule> rules = rules();

        // The changes stream never ends, so it cannot be sent like the others: ChangeStreamTest checks its scope
        // filter and its 401.
        List<String> operations = specOperations().stream().filter(o -> !o.equals("GET /api/v1/changes/stream"))
                .toList();
        assertThat(rules.keySet()).as("every operation of the spec has an access rule, and every rule an operation")
                .containsExactlyInAnyOrderElementsOf(operations);

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            Rule rule = entry.getValue();
            for (Scope scope : Scope.values()) {
                check(wrong, entry.getKey() + " without token", send(null, rule.call().apply(scope)), Set.of(401));
                for (Role role : Role.values()) {
                    Set<Integer> expected = expected(rule, role, scope);
                    check(wrong, entry.getKey() + " as " + role + " " + scope,
                            send(tokens.get(role), rule.call().apply(scope)), expected);
                }
            }
        }
        assertThat(wrong).as("answers that break the access rules").isEmpty();
    }

    private static Set<Integer> expected(Rule rule, Role role, Scope scope) {
        if (rule.wholeTree()) {
            return Set.of(403);
        }
        if (rule.area() == null) {
            return rule.scoped() && scope == Scope.OUT ? Set.of(404) : Set.of(200);
        }
        if (!rule.area().writableBy(role)) {
            return Set.of(403);
        }
        if (rule.scoped() && scope == Scope.OUT) {
            return Set.of(rule.outOfScopeStatus() == null ? 404 : rule.outOfScopeStatus());
        }
        return rule.allowed();
    }

    private static Response send(String token, Call call) {
        var request = as(token);
        if (call.path().contains("/template")) {
            request.accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (call.path().startsWith("/api/v1/admin/")) {
            request.accept("application/x-ndjson, application/json").contentType("application/x-ndjson")
                    .config(RestAssured.config()
                            .encoderConfig(EncoderConfig.encoderConfig()
                                    .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        }
        if (call.path().endsWith("/batch/csv")) {
            request.contentType("text/csv; charset=utf-8");
        }
        if (call.path().endsWith("/batch/xlsx")) {
            request.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        if (call.path().endsWith("/extractions")) {
            request.contentType("text/plain; charset=utf-8");
        }
        if (call.body() instanceof byte[] bytes) {
            request.body(bytes);
        } else if (call.body() != null) {
            request.body(call.body());
        }
        return request.request(call.method(), call.path());
    }

    private static void check(List<String> wrong, String what, Response response, Set<Integer> expected) {
        if (!expected.contains(response.statusCode())) {
            wrong.add(
                    what + ": expected " + expected + " but was " + response.statusCode() + " " + response.asString());
        }
    }

    private static Set<String> specOperations() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi").then().extract()
                .jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }
}
