package io.zhibiao.indicator;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorResourceTest {

    @Test
    void percentIndicatorGetsPercentUnitAndZeroToHundredBounds() {
        String code = anIndicator().percent().aggregation("LAST").frequency("YEARLY").with("category", "教学质量").create();
        json().get("/api/v1/indicators/{code}", code).then().statusCode(200).body("unit", equalTo("%"))
                .body("minValue", num("0")).body("maxValue", num("100")).body("frequency", equalTo("YEARLY"))
                .body("category", equalTo("教学质量"));
    }

    @Test
    void frequencyDefaultsToMonthly() {
        var builder = anIndicator();
        builder.body().remove("frequency");
        String code = builder.create();
        json().get("/api/v1/indicators/{code}", code).then().body("frequency", equalTo("MONTHLY"));
    }

    @Test
    void listFiltersByCategory() {
        String category = Api.unique("cat");
        String a = anIndicator().with("category", category).create();
        anIndicator().with("category", Api.unique("other")).create();
        json().queryParam("category", category).get("/api/v1/indicators").then().statusCode(200).body("total", is(1))
                .body("items[0].code", equalTo(a)).body("items.category", everyItem(equalTo(category)));
    }

    @Test
    void updateChangesTheIndicator() {
        var builder = anIndicator();
        String code = builder.create();
        Map<String, Object> body = builder.body();
        body.put("name", "骨干教师培训");
        body.put("maxValue", 5000);
        json().body(body).put("/api/v1/indicators/{code}", code).then().statusCode(200).body("name", equalTo("骨干教师培训"))
                .body("maxValue", num("5000"));
    }

    @Test
    void frequencyCannotChangeOnceFiguresExist() {
        var builder = anIndicator();
        String code = builder.create();
        put(code, county(), "2025-01", "10");
        builder.body().put("frequency", "QUARTERLY");
        json().body(builder.body()).put("/api/v1/indicators/{code}", code).then().statusCode(409).body("code",
                equalTo("conflict"));
    }

    @Test
    void nonPercentIndicatorNeedsAUnit() {
        var builder = anIndicator();
        builder.body().remove("unit");
        json().body(builder.body()).post("/api/v1/indicators").then().spec(problem(400)).body("errors.field",
                hasItem("unit"));
    }

    @Test
    void unknownEnumValueNamesTheAllowedOnes() {
        json().body(anIndicator().with("aggregation", "MEDIAN").body()).post("/api/v1/indicators").then()
                .spec(problem(400)).body("errors[0].field", equalTo("aggregation"))
                .body("errors[0].message", containsString("AVERAGE"));
    }

    @Test
    void boundsMustBeOrdered() {
        json().body(anIndicator().with("minValue", 10).with("maxValue", 5).body()).post("/api/v1/indicators").then()
                .spec(problem(400)).body("errors.field", hasItem("maxValue"));
    }

    @Test
    void missingRequiredFieldsAreListed() {
        json().body(Map.of("code", Api.unique("x"))).post("/api/v1/indicators").then().spec(problem(400))
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("valueType"))
                .body("errors.field", hasItem("direction")).body("errors.field", hasItem("aggregation"));
    }

    @Test
    void duplicateCodeIsAConflict() {
        var builder = anIndicator();
        builder.create();
        json().body(builder.body()).post("/api/v1/indicators").then().spec(problem(409));
    }

    @Test
    void deletingAReferencedIndicatorIsAConflict() {
        String referenced = anIndicator().create();
        aTarget().forIndicator(referenced).at(county()).value("10").create();
        json().delete("/api/v1/indicators/{code}", referenced).then().statusCode(409).body("code", equalTo("conflict"));

        String free = anIndicator().create();
        json().delete("/api/v1/indicators/{code}", free).then().statusCode(204);
        json().get("/api/v1/indicators/{code}", free).then().spec(problem(404));
    }
}
