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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangesResourceTest {

    /**
     * Every change a token can see, page by page from the start, as "type orgUnit period targetId".
     */
    private static List<String> follow(String token, List<Long> cursors) {
        List<String> seen = new ArrayList<>();
        long since = 0;
        while (true) {
            var page = as(token).queryParam("since", since).queryParam("limit", 5).get("/api/v1/changes").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                assertThat(page.getLong("next")).isEqualTo(since);
                return seen;
            }
            items.forEach(i -> {
                cursors.add(((Number) i.get("cursor")).longValue());
                seen.add(i.get("type") + " " + i.get("orgUnitCode") + " " + i.get("period") + " " + i.get("targetId"));
            });
            since = page.getLong("next");
        }
    }

    @Test
    void feedShowsEveryChangeOnceInCommitOrder() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String other = orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        StringBuilder file = new StringBuilder("indicatorCode,orgUnitCode,period,value\n");
        for (int m = 1; m <= 12; m++) {
            file.append(String.format("%s,%s,2022-%02d,%d%n", training, school, m, m));
        }
        json().contentType("text/csv").body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/observations/batch").then().statusCode(200).body("created", is(12));
        put(training, other, "2022-01", "5");
        long target = aTarget().forIndicator(training).at(other).period("2022").value("100").create();

        List<Long> cursors = new ArrayList<>();
        List<String> seen = follow(token("ADMIN", county), cursors);
        assertThat(cursors).isSorted().doesNotHaveDuplicates().hasSize(14);
        assertThat(seen).first().isEqualTo("OBSERVATION " + school + " 2022-01 null");
        assertThat(seen).last().isEqualTo("TARGET " + other + " null " + target);
    }

    @Test
    void anotherSubtreesChangesStayHidden() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        put(training, school, "2023-05", "7");
        List<String> seen = follow(token("VIEWER", county()), new ArrayList<>());
        assertThat(seen).noneMatch(change -> change.contains(school));
    }

    @Test
    void badCursorsAndLimitsAreProblems() {
        json().queryParam("since", -1).get("/api/v1/changes").then().spec(problem(400));
        json().queryParam("since", "abc").get("/api/v1/changes").then().spec(problem(400));
        json().queryParam("limit", 0).get("/api/v1/changes").then().spec(problem(400));
        json().queryParam("limit", 100_000).get("/api/v1/changes").then().spec(problem(400));
        as(null).get("/api/v1/changes").then().spec(problem(401));
    }
}
