package io.zhibiao.observation;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The 填报 page's form: the template's rows as JSON, with the figures a clerk compares against. */
@QuarkusTest
class EntryFormTest {

    @Test
    void aSchoolsFormHasTheCountysIndicatorsWithLastPeriodAndLastYear() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String training = anIndicator().with("name", "教师培训").create();
        String quarterly = anIndicator().frequency("QUARTERLY").create();
        aTarget().forIndicator(training).at(county).period("2025").value("9200").create();
        aTarget().forIndicator(quarterly).at(county).period("2025").value("40").create();
        put(training, school, "2025-02", "812");
        put(training, school, "2024-03", "640");
        put(training, school, "2025-03", "700");
        put(quarterly, school, "2024-Q4", "9");

        json().queryParam("orgUnit", school).queryParam("period", "2025-03").get("/api/v1/observations/form").then()
                .statusCode(200).body("orgUnitCode", equalTo(school)).body("month", equalTo("2025-03"))
                .body("rows", hasSize(2))
                .body("rows.find { it.indicatorCode == '" + training + "' }.period", equalTo("2025-03"))
                .body("rows.find { it.indicatorCode == '" + training + "' }.current.value", equalTo(700))
                .body("rows.find { it.indicatorCode == '" + training + "' }.current.revision", equalTo(1))
                .body("rows.find { it.indicatorCode == '" + training + "' }.previous.period", equalTo("2025-02"))
                .body("rows.find { it.indicatorCode == '" + training + "' }.previous.value", equalTo(812))
                .body("rows.find { it.indicatorCode == '" + training + "' }.lastYear.value", equalTo(640))
                .body("rows.find { it.indicatorCode == '" + quarterly + "' }.period", equalTo("2025-Q1"))
                .body("rows.find { it.indicatorCode == '" + quarterly + "' }.current", nullValue())
                .body("rows.find { it.indicatorCode == '" + quarterly + "' }.previous.period", equalTo("2024-Q4"))
                .body("rows.find { it.indicatorCode == '" + quarterly + "' }.lastYear", nullValue());
    }

    @Test
    void anotherSchoolsFormIsNotFoundAndBadParametersAreNamed() {
        String county = county();
        String mine = orgUnit("SCHOOL", county);
        String other = orgUnit("SCHOOL", county);
        as(token("CLERK", mine)).queryParam("orgUnit", other).queryParam("period", "2025-03")
                .get("/api/v1/observations/form").then().spec(problem(404, "not_found"));
        as(token("CLERK", mine)).queryParam("orgUnit", mine).queryParam("period", "2025-03")
                .get("/api/v1/observations/form").then().statusCode(200).body("rows", hasSize(0));
        json().queryParam("orgUnit", mine).queryParam("period", "2025").get("/api/v1/observations/form").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("period"));
        json().queryParam("period", "2025-03").get("/api/v1/observations/form").then()
                .spec(problem(400, "validation_failed")).body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void aSchoolsFormHoldsOnlyWhatRollsUpFromIt() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String investment = anIndicator().with("name", "完成投资").with("rollup", "NONE").create();
        String sitting = anIndicator().with("name", "高考参考人数").frequency("YEARLY").create();
        String passing = anIndicator().with("name", "本科上线人数").frequency("YEARLY").create();
        String rate = anIndicator().percent().frequency("YEARLY")
                .with("formula", java.util.Map.of("numerator", passing, "denominator", sitting)).create();
        String ownTraining = anIndicator().create();
        aTarget().forIndicator(investment).at(county).period("2025").value("2").create();
        aTarget().forIndicator(rate).at(county).period("2025").value("60").create();
        aTarget().forIndicator(ownTraining).at(school).period("2025").value("100").create();

        json().queryParam("orgUnit", school).queryParam("period", "2025-03").get("/api/v1/observations/form").then()
                .statusCode(200).body("rows.indicatorCode", containsInAnyOrder(passing, sitting, ownTraining));
        // The county holds the investment target and reports it itself; a rate's components come from its schools,
        // and the county may post its own totals of them.
        json().queryParam("orgUnit", county).queryParam("period", "2025-03").get("/api/v1/observations/form").then()
                .statusCode(200).body("rows.indicatorCode", containsInAnyOrder(investment, passing, sitting));
    }
}
