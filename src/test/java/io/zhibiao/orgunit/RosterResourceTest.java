package io.zhibiao.orgunit;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.zhibiao.support.Sheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The roster import (学校名录): a county's 学区, schools and 教学点 in one file, checked row by row. */
@QuarkusTest
class RosterResourceTest {

    private static final String BATCH = "/api/v1/org-units/batch";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static Map<String, Object> row(String code, String name, String type, String parentCode) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("type", type);
        row.put("parentCode", parentCode);
        return row;
    }

    @Test
    void aCsvRosterBuildsTheTreeWithParentsByCodeOrNameInAnyOrder() {
        String county = orgUnit("COUNTY", null);
        String x = unique("r");
        String csv = "单位代码,单位名称,类型,上级代码,上级名称,开办年月,撤并年月,校长\n"
                // the school comes before its 学区, its teaching point names the school by name
                + x + "-school,东城小学" + x + ",学校,,东城学区" + x + ",2019-09,,张三\n" + x + "-xq,东城学区" + x + ",学区," + county
                + ",,,,\n" + x + "-tp,李家村教学点" + x + ",教学点,,东城小学" + x + ",,2026-07,\n";
        json().contentType("text/csv; charset=utf-8").body(csv).post(BATCH).then().statusCode(200)
                .body("status", equalTo("SUCCESS")).body("received", equalTo(3)).body("created", equalTo(3))
                .body("rejected", equalTo(0));

        json().get("/api/v1/org-units/{code}", x + "-tp").then().statusCode(200).body("type", equalTo("TEACHING_POINT"))
                .body("parentCode", equalTo(x + "-school")).body("closedAt", equalTo("2026-07"))
                .body("path", equalTo(List.of(county, x + "-xq", x + "-school", x + "-tp")));
        json().get("/api/v1/org-units/{code}", x + "-school").then().body("openedAt", equalTo("2019-09")).body("type",
                equalTo("SCHOOL"));

        // The same file again changes nothing.
        json().contentType("text/csv; charset=utf-8").body(csv).post(BATCH).then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(3));
    }

    @Test
    void badRowsAreListedAndTheRestWrittenWhenNotAtomic() {
        String county = orgUnit("COUNTY", null);
        String x = unique("r");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(x + "-a", "甲校", "SCHOOL", county));
        Map<String, Object> unknownParent = row(x + "-b", "乙校", "SCHOOL", null);
        unknownParent.put("parentName", "不存在的学区" + x);
        rows.add(unknownParent);
        rows.add(row(x + "-a", "甲校重复", "SCHOOL", county));
        rows.add(row(x + "-c", "丙校", "SCHOOL", county));

        // Atomic (the default): nothing written, every bad row named.
        json().body(Map.of("orgUnits", rows)).post(BATCH).then().statusCode(409).body("status", equalTo("ERROR"))
                .body("created", equalTo(0)).body("rejected", equalTo(2)).body("conflicts", hasSize(2))
                .body("conflicts[0].index", equalTo(1)).body("conflicts[0].field", equalTo("parentName"))
                .body("conflicts[0].value", equalTo("不存在的学区" + x)).body("conflicts[1].index", equalTo(2))
                .body("conflicts[1].field", equalTo("code")).body("conflicts[1].message", containsString("row 0"));
        json().get("/api/v1/org-units/{code}", x + "-a").then().statusCode(404);

        json().queryParam("atomic", "false").body(Map.of("orgUnits", rows)).post(BATCH).then().statusCode(200)
                .body("status", equalTo("WARNING")).body("created", equalTo(2)).body("rejected", equalTo(2));
        json().get("/api/v1/org-units/{code}", x + "-c").then().statusCode(200);
    }

    @Test
    void cyclesWrongLevelsAndRowsUnderThemAreRejected() {
        String county = orgUnit("COUNTY", null);
        String school = orgUnit("SCHOOL", county);
        String x = unique("r");
        List<Map<String, Object>> rows = List.of(row(x + "-self", "自己", "TOWNSHIP", x + "-self"),
                row(x + "-p", "甲", "TOWNSHIP", x + "-q"), row(x + "-q", "乙", "TOWNSHIP", x + "-p"),
                row(x + "-under-school", "学区", "TOWNSHIP", school),
                row(x + "-child", "教学点", "TEACHING_POINT", x + "-under-school"),
                // an existing county moved under its own school
                row(county, "县", "COUNTY", school));
        json().queryParam("atomic", "false").body(Map.of("orgUnits", rows)).post(BATCH).then().statusCode(200)
                .body("created", equalTo(0)).body("rejected", equalTo(6))
                .body("conflicts.find { it.index == 0 }.message", containsString("its own parent"))
                .body("conflicts.find { it.index == 1 }.field", equalTo("parentCode"))
                .body("conflicts.find { it.index == 1 }.message", containsString("its own subtree"))
                .body("conflicts.find { it.index == 3 }.field", equalTo("type"))
                .body("conflicts.find { it.index == 3 }.message", containsString("cannot sit under a SCHOOL"))
                .body("conflicts.find { it.index == 4 }.message", containsString("was rejected"))
                .body("conflicts.find { it.index == 5 }.field", equalTo("parentCode"))
                .body("conflicts.find { it.index == 5 }.message", containsString("is inside '" + county + "'"));
    }

    @Test
    void anExcelRosterWithChineseTypesAndDateCells() {
        String county = orgUnit("COUNTY", null);
        String x = unique("r");
        byte[] workbook = Sheets.xlsx(
                List.of(List.of("单位代码", "单位名称", "类型", "上级代码", "撤并年月"), List.of(x + "-xq", "西城学区", "乡镇中心学校", county, ""),
                        List.of(x + "-s", "西城中学", "学校", x + "-xq", "2026-07")));
        json().contentType(XLSX).body(workbook).post(BATCH).then().statusCode(200).body("created", equalTo(2));
        json().get("/api/v1/org-units/{code}", x + "-xq").then().body("type", equalTo("TOWNSHIP")).body("closedAt",
                nullValue());
    }

    @Test
    void theScopeIsTheCallersSubtree() {
        String county = orgUnit("COUNTY", null);
        String other = orgUnit("COUNTY", null);
        String x = unique("r");
        String planner = token("PLANNER", county);
        as(planner).contentType(ContentType.JSON)
                .body(Map.of("orgUnits",
                        List.of(row(x + "-mine", "本县学校", "SCHOOL", county), row(x + "-theirs", "外县学校", "SCHOOL", other),
                                row(x + "-root", "新根", "PROVINCE", null))))
                .queryParam("atomic", "false").post(BATCH).then().statusCode(200).body("created", equalTo(1))
                .body("conflicts.find { it.index == 1 }.message", containsString("does not exist"))
                .body("conflicts.find { it.index == 2 }.message", containsString("root"));
        as(token("CLERK", county)).contentType(ContentType.JSON)
                .body(Map.of("orgUnits", List.of(row(x + "-c", "学校", "SCHOOL", county)))).post(BATCH).then()
                .spec(problem(403, "forbidden"));
    }

    @Test
    void malformedFilesAreA400AndTooManyRowsToo() {
        json().contentType("text/csv; charset=utf-8").body("名称,类型\n甲,学校\n").post(BATCH).then()
                .spec(problem(400, "validation_failed")).body("detail", containsString("code"));
        json().body("{\"units\": []}").post(BATCH).then().spec(problem(400, "validation_failed"))
                .body("errors[0].field", equalTo("orgUnits"));
        json().body("{\"orgUnits\": [").post(BATCH).then().spec(problem(400, "validation_failed"));
        json().contentType(XLSX).body(new byte[]{1, 2, 3}).post(BATCH).then().spec(problem(400, "validation_failed"));
        json().contentType("text/csv; charset=utf-8").body("code,name,type\nbad\u0000code,甲,学校\n")
                .queryParam("dryRun", "true").post(BATCH).then().statusCode(409)
                .body("conflicts[0].field", equalTo("code"));
        StringBuilder huge = new StringBuilder("code,name,type,parentCode\n");
        for (int i = 0; i < 50_001; i++) {
            huge.append("u").append(i).append(",学校,SCHOOL,nowhere\n");
        }
        json().contentType("text/csv; charset=utf-8").body(huge.toString()).post(BATCH).then()
                .spec(problem(400, "validation_failed")).body("detail", containsString("at most 50000 rows"));
    }

    @Test
    void theTemplateComesAsCsvTooAndAnUnknownFormatIsNamed() {
        String csv = json().accept("text/csv").queryParam("format", "csv").get("/api/v1/org-units/template").then()
                .statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(csv).contains("单位代码,单位名称,类型,上级代码,上级名称,开办年月,撤并年月");
        json().accept(XLSX).queryParam("format", "pdf").get("/api/v1/org-units/template").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("format"));
    }

    @Test
    void theTemplateIsAWorkbookWithTheChineseTitles() throws Exception {
        byte[] file = json().accept(XLSX).get("/api/v1/org-units/template").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file));
                var rows = workbook.getFirstSheet().openStream()) {
            var header = rows.findFirst().orElseThrow();
            org.assertj.core.api.Assertions.assertThat(header.getCellText(0)).isEqualTo("单位代码");
            org.assertj.core.api.Assertions.assertThat(header.getCellText(4)).isEqualTo("上级名称");
        }
    }
}
