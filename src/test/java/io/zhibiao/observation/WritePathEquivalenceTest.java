package io.zhibiao.observation;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.zhibiao.support.Sheets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same rows through a single PUT and through the batch endpoint in each format leave the same
 * figures, the same history and the same changes feed: there is one write core, whichever way a
 * figure arrives.
 */
@QuarkusTest
class WritePathEquivalenceTest {

    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One write: a figure for a month, or a delete. */
    private record Step(String period, String value, String status, String comment) {

        static Step put(String period, String value, String status, String comment) {
            return new Step(period, value, status, comment);
        }

        static Step delete(String period) {
            return new Step(period, null, null, null);
        }

        boolean isDelete() {
            return value == null;
        }
    }

    private interface Channel {

        /** Writes the step's figure and says what happened: CREATED, UPDATED or UNCHANGED. */
        String write(String indicator, String unit, Step step);
    }

    private static final List<Step> STEPS = steps();

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            steps.add(Step.put(String.format("2024-%02d", m), "100", "FINAL", ""));
        }
        steps.add(Step.put("2024-09", "100", "FINAL", "")); // created
        steps.add(Step.put("2024-09", "100.0", "FINAL", "")); // unchanged: the same number
        steps.add(Step.put("2024-09", "900", "FINAL", "")); // updated, flagged OUTLIER
        steps.add(Step.put("2024-09", "900", "PROVISIONAL", "")); // updated, the flag stays
        steps.add(Step.put("2024-09", "900", "PROVISIONAL", "待核实")); // updated: comment
        steps.add(Step.delete("2024-09"));
        steps.add(Step.put("2024-09", "900", "PROVISIONAL", "待核实")); // created again, checked again
        steps.add(Step.put("2024-09", "101", "FINAL", "")); // updated, flag gone
        steps.add(Step.put("2024-10", "0", "FINAL", "停课")); // created, flagged
        return steps;
    }

    @Test
    void putAndEveryBatchFormatLeaveTheSameStateHistoryAndFeed() {
        String county = county();
        String indicator = anIndicator().create();
        String viewer = token("VIEWER", county);
        Map<String, Channel> channels = new LinkedHashMap<>();
        channels.put("PUT", WritePathEquivalenceTest::put);
        channels.put("JSON", WritePathEquivalenceTest::jsonBatch);
        channels.put("CSV", WritePathEquivalenceTest::csvBatch);
        channels.put("XLSX", WritePathEquivalenceTest::xlsxBatch);

        Map<String, String> units = new LinkedHashMap<>();
        Map<String, List<String>> outcomes = new HashMap<>();
        Map<String, List<String>> states = new HashMap<>();
        for (Map.Entry<String, Channel> channel : channels.entrySet()) {
            String unit = orgUnit("SCHOOL", county);
            units.put(channel.getKey(), unit);
            List<String> seen = new ArrayList<>();
            for (Step step : STEPS) {
                if (step.isDelete()) {
                    json().delete(CELL, indicator, unit, step.period()).then().statusCode(204);
                    seen.add("DELETED");
                } else {
                    seen.add(channel.getValue().write(indicator, unit, step));
                }
                states.computeIfAbsent(channel.getKey(), k -> new ArrayList<>())
                        .add(state(indicator, unit, step.period()));
            }
            outcomes.put(channel.getKey(), seen);
        }

        List<String> expectedTail = List.of("CREATED", "UNCHANGED", "UPDATED", "UPDATED", "UPDATED", "DELETED",
                "CREATED", "UPDATED", "CREATED");
        Map<String, String> figures = new HashMap<>();
        Map<String, List<String>> histories = new HashMap<>();
        Map<String, List<String>> feeds = feedByUnit(viewer);
        for (Map.Entry<String, String> unit : units.entrySet()) {
            String channel = unit.getKey();
            List<String> seen = outcomes.get(channel);
            assertThat(seen.subList(8, seen.size())).as(channel).containsExactlyElementsOf(expectedTail);
            figures.put(channel, figures(indicator, unit.getValue()));
            histories.put(channel, history(indicator, unit.getValue(), "2024-09"));
        }
        assertThat(figures.get("PUT")).contains("2024-09=101 FINAL rev 7 []", "2024-10=0 FINAL rev 1 [OUTLIER]");
        assertThat(histories.get("PUT")).containsExactly("1 CREATE 100 FINAL null", "2 UPDATE 900 FINAL null",
                "3 UPDATE 900 PROVISIONAL null", "4 UPDATE 900 PROVISIONAL 待核实", "5 DELETE 900 PROVISIONAL 待核实",
                "6 CREATE 900 PROVISIONAL 待核实", "7 UPDATE 101 FINAL null");
        for (String channel : List.of("JSON", "CSV", "XLSX")) {
            assertThat(states.get(channel)).as(channel + " after each step").isEqualTo(states.get("PUT"));
            assertThat(figures.get(channel)).as(channel + " figures").isEqualTo(figures.get("PUT"));
            assertThat(histories.get(channel)).as(channel + " history").isEqualTo(histories.get("PUT"));
            assertThat(feeds.get(units.get(channel))).as(channel + " feed").isEqualTo(feeds.get(units.get("PUT")));
        }
        assertThat(feeds.get(units.get("PUT"))).hasSize(8 + 7 + 1);
    }

    // ---- channels

    private static String put(String indicator, String unit, Step step) {
        Response current = json().get(CELL, indicator, unit, step.period());
        int before = current.statusCode() == 200 ? current.jsonPath().getInt("revision") : 0;
        Map<String, Object> body = new HashMap<>();
        body.put("value", step.value());
        body.put("status", step.status());
        body.put("comment", step.comment());
        Response response = json().body(body).put(CELL, indicator, unit, step.period());
        assertThat(response.statusCode()).isIn(200, 201);
        if (response.statusCode() == 201) {
            return "CREATED";
        }
        return response.jsonPath().getInt("revision") == before ? "UNCHANGED" : "UPDATED";
    }

    private static String jsonBatch(String indicator, String unit, Step step) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicatorCode", indicator);
        row.put("orgUnitCode", unit);
        row.put("period", step.period());
        row.put("value", step.value());
        row.put("status", step.status());
        row.put("comment", step.comment());
        return summary(json().body(Map.of("observations", List.of(row))).post("/api/v1/observations/batch"));
    }

    private static String csvBatch(String indicator, String unit, Step step) {
        String file = "indicatorCode,orgUnitCode,period,value,status,comment\n"
                + String.join(",", indicator, unit, step.period(), step.value(), step.status(), step.comment()) + "\n";
        return summary(json().contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/observations/batch"));
    }

    private static String xlsxBatch(String indicator, String unit, Step step) {
        byte[] file = Sheets.xlsx(List.of(List.of("指标代码", "单位代码", "期间", "数值", "状态", "备注"),
                List.of(indicator, unit, step.period(), step.value(), step.status(), step.comment())));
        return summary(json().contentType(XLSX).body(file).post("/api/v1/observations/batch"));
    }

    private static String summary(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        if (response.jsonPath().getInt("created") == 1) {
            return "CREATED";
        }
        return response.jsonPath().getInt("updated") == 1 ? "UPDATED" : "UNCHANGED";
    }

    // ---- what was stored

    private static String figures(String indicator, String unit) {
        List<Map<String, Object>> items = json().queryParam("indicator", indicator).queryParam("orgUnit", unit)
                .queryParam("size", 100).get("/api/v1/observations").jsonPath().getList("items");
        return items.stream().map(o -> o.get("period") + "=" + o.get("value") + " " + o.get("status") + " rev "
                + o.get("revision") + " " + o.get("flags")).collect(Collectors.joining("; "));
    }

    /** The figure as a reader sees it right after a step, flags included. */
    private static String state(String indicator, String unit, String period) {
        Response r = json().get(CELL, indicator, unit, period);
        return r.statusCode() == 404
                ? "deleted"
                : r.jsonPath().getString("value") + " " + r.jsonPath().getString("status") + " "
                        + r.jsonPath().getString("comment") + " rev " + r.jsonPath().getInt("revision") + " "
                        + r.jsonPath().getList("flags");
    }

    private static List<String> history(String indicator, String unit, String period) {
        List<Map<String, Object>> revisions = json().get(CELL + "/revisions", indicator, unit, period).jsonPath()
                .getList("$");
        return revisions.stream().map(r -> r.get("revision") + " " + r.get("operation") + " " + r.get("value") + " "
                + r.get("status") + " " + r.get("comment")).toList();
    }

    /**
     * The county's changes feed, split by org unit: operation, period, revision, value and status
     * of each change.
     */
    private static Map<String, List<String>> feedByUnit(String viewer) {
        Map<String, List<String>> byUnit = new HashMap<>();
        long since = 0;
        while (true) {
            Response page = as(viewer).queryParam("since", since).queryParam("limit", 1000).get("/api/v1/changes");
            List<Map<String, Object>> items = page.jsonPath().getList("items");
            if (items.isEmpty()) {
                return byUnit;
            }
            for (Map<String, Object> c : items) {
                byUnit.computeIfAbsent((String) c.get("orgUnitCode"), k -> new ArrayList<>())
                        .add(c.get("operation") + " " + c.get("period") + " " + c.get("revision") + " " + c.get("value")
                                + " " + c.get("status"));
            }
            since = page.jsonPath().getLong("next");
        }
    }
}
