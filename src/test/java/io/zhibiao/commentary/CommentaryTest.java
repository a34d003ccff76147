package io.zhibiao.commentary;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** design §8: who answers for a target, and what the unit says about it period by period. */
@QuarkusTest
class CommentaryTest {

    private static final String PATH = "/api/v1/targets/{id}/commentary/{p}";

    @Test
    void targetsNameWhoAnswersForThem() {
        String c = county();
        String indicator = anIndicator().create();
        long id = aTarget().forIndicator(indicator).at(c).value("9200").with("leadUnit", "教师发展中心")
                .with("coUnits", List.of("教研室", "人事股")).with("responsible", "王晓东").create();
        json().get("/api/v1/targets/{id}", id).then().statusCode(200).body("leadUnit", equalTo("教师发展中心"))
                .body("coUnits", contains("教研室", "人事股")).body("responsible", equalTo("王晓东"));
        json().body(aTarget().forIndicator(indicator).at(c).value("9200").with("leadUnit", "基础教育股\n人事股").body())
                .post("/api/v1/targets").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("leadUnit"));
    }

    @Test
    void everyVersionIsKeptAndOnlyTheUnitsOwnPeopleWrite() {
        String c = county();
        long id = aTarget().forIndicator(anIndicator().create()).at(c).period("2026").value("100").create();
        String clerk = token("CLERK", c);
        String clerkName = as(clerk).get("/api/v1/tokens/current").then().extract().path("name");
        as(clerk).body(Map.of("progress", "3月完成培训1,120人次", "problems", "农村学校参训率偏低")).put(PATH, id, "2026-03").then()
                .statusCode(201).body("revision", is(1)).body("nextSteps", nullValue())
                .body("updatedBy", equalTo(clerkName));
        as(clerk).body(Map.of("progress", "3月完成培训1,120人次", "problems", "农村学校参训率偏低")).put(PATH, id, "2026-03").then()
                .statusCode(200).body("revision", is(1));
        as(token("PLANNER", c)).body(Map.of("progress", "3月完成培训1,120人次", "nextSteps", "4月送培下乡"))
                .put(PATH, id, "2026-03").then().statusCode(201).body("revision", is(2));
        json().get(PATH, id, "2026-03").then().statusCode(200).body("revision", is(2))
                .body("nextSteps", equalTo("4月送培下乡")).body("problems", nullValue());
        json().get(PATH + "/revisions", id, "2026-03").then().statusCode(200).body("revision", contains(1, 2))
                .body("[0].problems", equalTo("农村学校参训率偏低"));
        json().get(PATH, id, "2026-04").then().spec(problem(404, "not_found"));
        json().get(PATH + "/revisions", id, "2026-04").then().statusCode(200).body("$", empty());

        as(token("VIEWER", c)).body(Map.of("progress", "x")).put(PATH, id, "2026-03").then()
                .spec(problem(403, "forbidden"));
        as(token("REVIEWER", c)).body(Map.of("progress", "x")).put(PATH, id, "2026-03").then()
                .spec(problem(403, "forbidden"));
        as(token("CLERK", county())).body(Map.of("progress", "x")).put(PATH, id, "2026-03").then()
                .spec(problem(404, "not_found"));
        json().body(Map.of()).put(PATH, id, "2026-03").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("progress"));
        json().body(Map.of("progress", "x")).put(PATH, id, "2025-03").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("period"));
        json().body(Map.of("progress", "x")).put(PATH, id, "2026-13").then().spec(problem(400, "validation_failed"));
        json().body(Map.of("progress", "x".repeat(4001))).put(PATH, id, "2026-03").then()
                .spec(problem(400, "validation_failed"));
        json().header("Accept-Language", "zh-CN").body(Map.of("progress", " ")).put(PATH, id, "2026-03").then()
                .spec(problem(400, "validation_failed")).body("errors[0].message", equalTo("请至少填写进展情况、存在问题或下步措施之一"));
    }

    @Test
    void slippingTargetsWithoutCommentaryAreListed() {
        String c = county();
        String school = orgUnit("SCHOOL", c);
        String slow = anIndicator().with("name", "教师培训").create();
        String fine = anIndicator().create();
        long behind = aTarget().forIndicator(slow).at(c).period("2026").value("12000").with("leadUnit", "教师发展中心")
                .create();
        aTarget().forIndicator(fine).at(c).period("2026").value("12").create();
        putMonths(slow, school, 2026, 1, 3, "100");
        putMonths(fine, school, 2026, 1, 3, "1");
        json().queryParam("orgUnit", c).queryParam("period", "2026-03").get("/api/v1/commentary/missing").then()
                .statusCode(200).body("total", is(1)).body("items[0].targetId", is((int) behind))
                .body("items[0].status", equalTo("OFF_TRACK")).body("items[0].leadUnit", equalTo("教师发展中心"))
                .body("items[0].indicatorName", equalTo("教师培训"));
        json().body(Map.of("problems", "农村学校参训率偏低")).put(PATH, behind, "2026-03").then().statusCode(201);
        json().queryParam("orgUnit", c).queryParam("period", "2026-03").get("/api/v1/commentary/missing").then()
                .body("total", is(0));
        json().queryParam("orgUnit", c).get("/api/v1/commentary/missing").then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("period"));
    }
}
