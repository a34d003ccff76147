package io.zhibiao.target;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.put;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The figures of a real county plan, end to end through the API: every field as design §2 says. */
@QuarkusTest
class ProgressResourceTest {

    private String county;

    @BeforeEach
    void setUp() {
        county = county();
    }

    private static final String PROGRESS = "/api/v1/targets/{id}/progress";

    @Test
    void undergraduateRateMatchesTheDesignExample() {
        String bkRate = anIndicator().percent().aggregation("LAST").frequency("YEARLY").with("name", "本科上线率").create();
        long id = aTarget().forIndicator(bkRate).at(county).period("2025").value("75.3").baseline("2024", "65.3")
                .create();
        put(bkRate, county, "2024", "65.3");
        put(bkRate, county, "2025", "72.8");

        json().queryParam("asOf", "2025-12").get(PROGRESS, id).then().statusCode(200).body("targetId", is((int) id))
                .body("indicatorCode", equalTo(bkRate)).body("orgUnitCode", equalTo(county))
                .body("period", equalTo("2025")).body("asOf", equalTo("2025-12")).body("unit", equalTo("%"))
                .body("valueType", equalTo("PERCENT")).body("direction", equalTo("INCREASE"))
                .body("aggregation", equalTo("LAST")).body("target", num("75.3")).body("baseline", num("65.3"))
                .body("baselinePeriod", equalTo("2024")).body("actual", num("72.8"))
                .body("latestPeriod", equalTo("2025")).body("gap", num("2.5")).body("met", is(false))
                .body("progress", num("0.75")).body("attainment", num("0.9668")).body("elapsed", num("1"))
                .body("expected", num("75.3")).body("pace", num("0.75")).body("complete", is(true))
                .body("status", equalTo("MISSED")).body("yoy.previousWindow", equalTo("2024"))
                .body("yoy.previous", num("65.3")).body("yoy.delta", num("7.5")).body("yoy.deltaUnit", equalTo("pp"))
                .body("yoy.deltaPercent", nullValue());
    }

    @Test
    void baselineIsDerivedFromLastYearsFigureWhenNotGiven() {
        String rate = anIndicator().percent().aggregation("LAST").frequency("YEARLY").create();
        long id = aTarget().forIndicator(rate).at(county).period("2025").value("75.3").create();
        put(rate, county, "2024", "65.3");
        json().queryParam("asOf", "2025-06").get(PROGRESS, id).then().body("baseline", num("65.3"))
                .body("actual", nullValue()).body("status", equalTo("NO_DATA")).body("expected", num("70.3"))
                .body("elapsed", num("0.5"));
    }

    @Test
    void teacherTrainingMonthByMonth() {
        String training = anIndicator().unit("人次").create();
        long id = aTarget().forIndicator(training).at(county).period("2025").value("9200").create();
        putMonths(training, county, 2024, 1, 12, "600");
        putMonths(training, county, 2025, 1, 6, "800");

        json().queryParam("asOf", "2025-06").get(PROGRESS, id).then().body("actual", num("4800"))
                .body("gap", num("4400")).body("progress", num("0.5217")).body("attainment", num("0.5217"))
                .body("elapsed", num("0.5")).body("expected", num("4600")).body("pace", num("1.0435"))
                .body("complete", is(false)).body("status", equalTo("ON_TRACK"))
                .body("latestPeriod", equalTo("2025-06")).body("yoy.previousWindow", equalTo("2024-H1"))
                .body("yoy.previous", num("3600")).body("yoy.delta", num("1200")).body("yoy.deltaUnit", equalTo("人次"))
                .body("yoy.deltaPercent", num("33.3333"));

        // Earlier in the year fewer figures count, and the same figures show a different pace.
        json().queryParam("asOf", "2025-03").get(PROGRESS, id).then().body("actual", num("2400"))
                .body("expected", num("2300")).body("status", equalTo("ON_TRACK"));
        // Before the year starts nothing has elapsed.
        json().queryParam("asOf", "2024-12").get(PROGRESS, id).then().body("elapsed", num("0"))
                .body("actual", nullValue()).body("status", equalTo("NO_DATA"));
    }

    @Test
    void drowningCapStaysOnTrackUntilAnIncident() {
        String drowning = anIndicator().unit("起").direction("DECREASE").create();
        long id = aTarget().forIndicator(drowning).at(county).period("2025").value("0").create();
        putMonths(drowning, county, 2025, 1, 4, "0");

        json().queryParam("asOf", "2025-04").get(PROGRESS, id).then().body("actual", num("0")).body("met", is(true))
                .body("gap", num("0")).body("progress", nullValue()).body("attainment", nullValue())
                .body("status", equalTo("ON_TRACK"));

        put(drowning, county, "2025-05", "1");
        json().queryParam("asOf", "2025-05").get(PROGRESS, id).then().body("actual", num("1")).body("gap", num("1"))
                .body("met", is(false)).body("status", equalTo("MISSED"));
    }

    @Test
    void quarterlyRetentionRate() {
        String retention = anIndicator().percent().aggregation("LAST").frequency("QUARTERLY").create();
        long id = aTarget().forIndicator(retention).at(county).period("2025").value("99").baseline("2024", "98")
                .create();
        put(retention, county, "2025-Q1", "98.3");
        put(retention, county, "2025-Q2", "98.6");
        put(retention, county, "2025-Q3", "98.7");

        json().queryParam("asOf", "2025-08").get(PROGRESS, id).then().body("actual", num("98.7"))
                .body("latestPeriod", equalTo("2025-Q3")).body("elapsed", num("0.6667"))
                .body("expected", num("98.6667")).body("progress", num("0.7")).body("pace", num("1.05"))
                .body("status", equalTo("ON_TRACK")).body("complete", is(false));

        put(retention, county, "2025-Q4", "99.1");
        json().queryParam("asOf", "2025-12").get(PROGRESS, id).then().body("complete", is(true)).body("met", is(true))
                .body("status", equalTo("ACHIEVED"));
    }

    @Test
    void deletedFiguresStopCounting() {
        String training = anIndicator().create();
        long id = aTarget().forIndicator(training).at(county).period("2025").value("100").create();
        put(training, county, "2025-01", "30");
        put(training, county, "2025-02", "30");
        json().delete("/api/v1/observations/{i}/{o}/2025-02", training, county).then().statusCode(204);
        json().queryParam("asOf", "2025-02").get(PROGRESS, id).then().body("actual", num("30"));
    }

    @Test
    void defaultAsOfIsTheLastCompleteMonthClippedIntoThePeriod() {
        String training = anIndicator().create();
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        long running = aTarget().forIndicator(training).at(county)
                .period(thisMonth.minusMonths(3) + "/" + thisMonth.plusMonths(3)).value("100").create();
        long thisMonthOnly = aTarget().forIndicator(training).at(county).period(thisMonth.toString()).value("100")
                .create();
        json().get(PROGRESS, running).then().statusCode(200).body("asOf", equalTo(thisMonth.minusMonths(1).toString()));
        json().get(PROGRESS, thisMonthOnly).then().statusCode(200).body("asOf", equalTo(thisMonth.toString()));
        long past = aTarget().forIndicator(training).at(county).period("2020").value("100").create();
        long future = aTarget().forIndicator(training).at(county).period("2199").value("100").create();
        json().get(PROGRESS, past).then().statusCode(200).body("asOf", equalTo("2020-12"));
        json().get(PROGRESS, future).then().statusCode(200).body("asOf", equalTo("2199-01"));
    }

    @Test
    void seriesGivesEveryMonthWithLastYear() {
        String training = anIndicator().create();
        long id = aTarget().forIndicator(training).at(county).period("2025").value("1200").create();
        putMonths(training, county, 2024, 1, 12, "90");
        putMonths(training, county, 2025, 1, 3, "100");

        json().queryParam("asOf", "2025-03").get("/api/v1/targets/{id}/series", id).then().statusCode(200)
                .body("size()", is(12)).body("[1].period", equalTo("2025-02")).body("[1].value", num("100"))
                .body("[1].cumulative", num("200")).body("[1].expected", num("200"))
                .body("[1].previousYearValue", num("90")).body("[1].previousYearCumulative", num("180"))
                .body("[3].value", nullValue()).body("[3].cumulative", nullValue()).body("[11].expected", num("1200"))
                .body("[11].previousYearCumulative", num("1080"));
    }

    @Test
    void malformedAsOfIsAValidationError() {
        String training = anIndicator().create();
        long id = aTarget().forIndicator(training).at(county).value("1").create();
        json().queryParam("asOf", "2025").get(PROGRESS, id).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("asOf"));
        json().queryParam("asOf", "2025-13").get("/api/v1/targets/{id}/series", id).then().spec(problem(400));
    }
}
