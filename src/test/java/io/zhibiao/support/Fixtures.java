package io.zhibiao.support;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.unique;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test data through the API: {@code
 * aTarget().forIndicator(code).at(unit).period("2025").value("75.3").create()}.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String orgUnit(String type, String parentCode) {
        String code = unique(type.toLowerCase());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "测试" + code);
        body.put("type", type);
        body.put("parentCode", parentCode);
        json().body(body).post("/api/v1/org-units").then().statusCode(201);
        return code;
    }

    public static String county() {
        return orgUnit("COUNTY", null);
    }

    public static void put(String indicator, String orgUnit, String period, String value) {
        json().body(Map.of("value", new BigDecimal(value)))
                .put("/api/v1/observations/{i}/{o}/{p}", indicator, orgUnit, period).then()
                .statusCode(anyOf(is(200), is(201)));
    }

    /** Puts the same value for each month {@code from}..{@code to} of one year. */
    public static void putMonths(String indicator, String orgUnit, int year, int from, int to, String value) {
        for (int m = from; m <= to; m++) {
            put(indicator, orgUnit, String.format("%d-%02d", year, m), value);
        }
    }

    public static IndicatorBuilder anIndicator() {
        return new IndicatorBuilder();
    }

    public static TargetBuilder aTarget() {
        return new TargetBuilder();
    }

    public static final class IndicatorBuilder {

        private final Map<String, Object> body = new LinkedHashMap<>();

        IndicatorBuilder() {
            body.put("code", unique("ind"));
            body.put("name", "教师培训");
            body.put("unit", "人次");
            body.put("valueType", "INTEGER");
            body.put("direction", "INCREASE");
            body.put("aggregation", "SUM");
            body.put("frequency", "MONTHLY");
        }

        public IndicatorBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public IndicatorBuilder percent() {
            body.put("valueType", "PERCENT");
            body.remove("unit");
            return this;
        }

        public IndicatorBuilder direction(String direction) {
            return with("direction", direction);
        }

        public IndicatorBuilder aggregation(String aggregation) {
            return with("aggregation", aggregation);
        }

        public IndicatorBuilder frequency(String frequency) {
            return with("frequency", frequency);
        }

        public IndicatorBuilder unit(String unit) {
            return with("unit", unit);
        }

        public Map<String, Object> body() {
            return body;
        }

        public String create() {
            json().body(body).post("/api/v1/indicators").then().statusCode(201);
            return (String) body.get("code");
        }
    }

    public static final class TargetBuilder {

        private final Map<String, Object> body = new LinkedHashMap<>();
        private final List<Map<String, Object>> milestones = new ArrayList<>();

        TargetBuilder() {
            body.put("period", "2025");
        }

        public TargetBuilder forIndicator(String code) {
            body.put("indicatorCode", code);
            return this;
        }

        public TargetBuilder at(String orgUnitCode) {
            body.put("orgUnitCode", orgUnitCode);
            return this;
        }

        public TargetBuilder period(String period) {
            body.put("period", period);
            return this;
        }

        public TargetBuilder value(String value) {
            body.put("value", new BigDecimal(value));
            return this;
        }

        public TargetBuilder tolerance(String tolerance) {
            body.put("tolerance", new BigDecimal(tolerance));
            return this;
        }

        public TargetBuilder baseline(String period, String value) {
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("period", period);
            baseline.put("value", value == null ? null : new BigDecimal(value));
            body.put("baseline", baseline);
            return this;
        }

        public TargetBuilder milestone(String period, String value) {
            milestones.add(Map.of("period", period, "value", new BigDecimal(value)));
            body.put("milestones", milestones);
            return this;
        }

        public TargetBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public Map<String, Object> body() {
            return body;
        }

        public long create() {
            return json().body(body).post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        }
    }
}
