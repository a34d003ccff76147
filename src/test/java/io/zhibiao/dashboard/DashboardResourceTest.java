package io.zhibiao.dashboard;

import static io.zhibiao.support.Api.as;
import static io.zhibiao.support.Api.counter;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.put;
import static io.zhibiao.support.Fixtures.putMonths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardResourceTest {

    private static final String DASHBOARD = "/api/v1/dashboard";

    @Test
    void countsStatusesAndListsTargetsWorstFirst() {
        String county = county();
        String rate = anIndicator().percent().aggregation("LAST").frequency("YEARLY").create();
        String training = anIndicator().create();
        String drowning = anIndicator().unit("起").direction("DECREASE").create();
        String spare = anIndicator().create();
        long achieved = aTarget().forIndicator(rate).at(county).value("80").create();
        long onTrack = aTarget().forIndicator(training).at(county).value("1200").create();
        long missed = aTarget().forIndicator(drowning).at(county).value("0").create();
        long noData = aTarget().forIndicator(spare).at(county).value("5").create();
        aTarget().forIndicator(training).at(county).period("2026").value("1200").create(); // another year: not shown
        put(rate, county, "2025", "81");
        putMonths(training, county, 2025, 1, 6, "100");
        put(drowning, county, "2025-02", "1");

        json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06").get(DASHBOARD)
                .then().statusCode(200).header("ETag", notNullValue()).body("orgUnitCode", equalTo(county))
                .body("period", equalTo("2025")).body("asOf", equalTo("2025-06")).body("counts.ACHIEVED", is(1))
                .body("counts.ON_TRACK", is(1)).body("counts.MISSED", is(1)).body("counts.NO_DATA", is(1))
                .body("counts.AT_RISK", is(0)).body("counts.OFF_TRACK", is(0)).body("counts.total", is(4))
                .body("targets.targetId", contains((int) missed, (int) noData, (int) onTrack, (int) achieved))
                .body("targets[2].actual", num("600")).body("targets[2].pace", num("1"));
    }

    @Test
    void etagAnswers304UntilAnyWrite() {
        String county = county();
        String training = anIndicator().create();
        aTarget().forIndicator(training).at(county).value("1200").create();

        String etag = json().queryParam("orgUnit", county).queryParam("period", "2025").queryParam("asOf", "2025-06")
                .get(DASHBOARD).then().statusCode(200).header("Cache-Control", containsString("private")).extract()
                .header("ETag");

        json().header("If-None-Match", etag).queryParam("orgUnit", county).queryParam("period", "2025")
                .queryParam("asOf", "2025-06").get(DASHBOARD).then().statusCode(304);

        put(training, county, "2025-01", "100");

        String fresh = json().header("If-None-Match", etag).queryParam("orgUnit", county).queryParam("period", "2025")
                .queryParam("asOf", "2025-06").get(DASHBOARD).then().statusCode(200)
                .body("targets[0].actual", num("100")).extract().header("ETag");
        assertThat(fresh).isNotEqualTo(etag);

        // Another asOf is another answer.
        json().header("If-None-Match", fresh).queryParam("orgUnit", county).queryParam("period", "2025")
                .queryParam("asOf", "2025-07").get(DASHBOARD).then().statusCode(200);
    }

    @Test
    void aPollAlreadyAnsweredIsAnsweredBeforeTheResourceWithTheResourcesOwnAnswer() {
        String county = county();
        String training = anIndicator().create();
        aTarget().forIndicator(training).at(county).value("1200").create();
        var byResource = json().queryParam("orgUnit", county).queryParam("period", "2025").get(DASHBOARD).then()
                .statusCode(200).extract();
        String etag = byResource.header("ETag");

        // The same parameters in another order are another query string: the resource answers it.
        double before304 = edgeAnswers("304");
        double before200 = edgeAnswers("200");
        var notModifiedByResource = json().header("If-None-Match", etag).queryParam("period", "2025")
                .queryParam("orgUnit", county).get(DASHBOARD).then().statusCode(304).extract();
        assertThat(edgeAnswers("304")).isEqualTo(before304);
        // The query answered before is answered at the edge, with the resource's headers and body.
        var notModifiedAtEdge = json().header("If-None-Match", etag).queryParam("orgUnit", county)
                .queryParam("period", "2025").get(DASHBOARD).then().statusCode(304).extract();
        assertThat(edgeAnswers("304")).isEqualTo(before304 + 1);
        assertThat(notModifiedAtEdge.header("ETag")).isEqualTo(notModifiedByResource.header("ETag"));
        assertThat(notModifiedAtEdge.header("Cache-Control")).isEqualTo(notModifiedByResource.header("Cache-Control"));
        assertThat(notModifiedAtEdge.header("X-Request-Id")).isNotNull();
        var repeatedAtEdge = json().queryParam("orgUnit", county).queryParam("period", "2025").get(DASHBOARD).then()
                .statusCode(200).extract();
        assertThat(edgeAnswers("200")).isEqualTo(before200 + 1);
        assertThat(repeatedAtEdge.asString()).isEqualTo(byResource.asString());
        for (String header : new String[]{"ETag", "Cache-Control", "Content-Type", "Content-Length"}) {
            assertThat(repeatedAtEdge.header(header)).as(header).isEqualTo(byResource.header(header));
        }

        // Everything the edge cannot vouch for reaches the resource: a token it does not know, an Accept that is
        // not JSON, a tag that no longer holds.
        as("no-such-token").header("If-None-Match", etag).queryParam("orgUnit", county).queryParam("period", "2025")
                .get(DASHBOARD).then().spec(problem(401));
        json().accept("application/xml").header("If-None-Match", etag).queryParam("orgUnit", county)
                .queryParam("period", "2025").get(DASHBOARD).then().statusCode(406);
        put(training, county, "2025-01", "100");
        json().header("If-None-Match", etag).queryParam("orgUnit", county).queryParam("period", "2025").get(DASHBOARD)
                .then().statusCode(200).body("targets[0].actual", num("100"));
        assertThat(edgeAnswers("304")).isEqualTo(before304 + 1);
        assertThat(edgeAnswers("200")).isEqualTo(before200 + 1);
    }

    private static double edgeAnswers(String status) {
        return counter("zhibiao_dashboard_edge_answers_total{status=\"" + status + "\"}");
    }

    @Test
    void parametersAreValidated() {
        json().queryParam("period", "2025").get(DASHBOARD).then().spec(problem(400)).body("errors[0].field",
                equalTo("orgUnit"));
        json().queryParam("orgUnit", "x").get(DASHBOARD).then().spec(problem(400)).body("errors[0].field",
                equalTo("period"));
        json().queryParam("orgUnit", county()).queryParam("period", "2025-H3").get(DASHBOARD).then().spec(problem(400))
                .body("errors[0].field", equalTo("period"));
        json().queryParam("orgUnit", county()).queryParam("period", "2025").queryParam("asOf", "June").get(DASHBOARD)
                .then().spec(problem(400)).body("errors[0].field", equalTo("asOf"));
        json().queryParam("orgUnit", "no-such-unit").queryParam("period", "2025").get(DASHBOARD).then().statusCode(404)
                .body("code", equalTo("not_found"));
    }
}
