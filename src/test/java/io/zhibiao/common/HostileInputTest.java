package io.zhibiao.common;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input that used to reach the database or the log as it came: duplicate keys and characters no text may hold. */
@QuarkusTest
class HostileInputTest {

    private static final String CELL = "/api/v1/observations/{i}/{o}/{p}";

    @Test
    void aFieldGivenTwiceIsRefusedWhereverItStands() {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        json().body("{\"value\": 1, \"period\": \"2019-01\", \"period\": \"2018-01\"}")
                .put(CELL, indicator, school, "2019-01").then().spec(problem(400))
                .body("errors[0].field", equalTo("period")).body("errors[0].message", containsString("twice"));
        json().body("{\"name\": \"" + unique("t") + "\", \"role\": \"VIEWER\", \"orgUnitCode\": \"" + school
                + "\", \"role\": \"ADMIN\"}").post("/api/v1/tokens").then().spec(problem(400))
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void controlCharactersInJsonStringsAreRefusedWithTheirField() {
        String county = county();
        for (String bad : new String[]{"\\u0000", "\\u001b[31m", "\\u202e", "\\ud800", "\\u0085"}) {
            json().body("{\"code\": \"" + unique("u") + "\", \"name\": \"学校" + bad + "\", \"type\": \"SCHOOL\", "
                    + "\"parentCode\": \"" + county + "\"}").post("/api/v1/org-units").then().spec(problem(400))
                    .body("errors[0].field", equalTo("name"));
        }
        String school = orgUnit("SCHOOL", county);
        String indicator = anIndicator().create();
        json().body("{\"value\": 5, \"comment\": \"第一行\\n第二行\\t制表\"}").put(CELL, indicator, school, "2025-01").then()
                .statusCode(201).body("comment", equalTo("第一行\n第二行\t制表"));
    }

    @Test
    void namesStandOnOneLineSoTheyCannotForgeLogLines() {
        String county = county();
        json().body("{\"name\": \"x\\nINFO forged\", \"role\": \"VIEWER\", \"orgUnitCode\": \"" + county + "\"}")
                .post("/api/v1/tokens").then().spec(problem(400)).body("errors[0].field", equalTo("name"));
        json().body("{\"code\": \"" + unique("u") + "\", \"name\": \"一中\\r\\n二中\", \"type\": \"COUNTY\"}")
                .post("/api/v1/org-units").then().spec(problem(400)).body("errors[0].field", equalTo("name"));
    }

    @Test
    void controlCharactersInPathsAndQueriesAreRefused() {
        json().urlEncodingEnabled(false).get("/api/v1/org-units/a%00b").then().spec(problem(400))
                .body("errors[0].field", equalTo("code"));
        json().queryParam("parent", "x\u0000").get("/api/v1/org-units").then().spec(problem(400))
                .body("errors[0].field", equalTo("parent"));
        json().queryParam("category", "\u202e").get("/api/v1/indicators").then().spec(problem(400));
    }

    @Test
    void aBadCellRejectsItsRowOnlyInANonAtomicImport() {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        String csv = "indicatorCode,orgUnitCode,period,value,status,comment\n" + indicator + "," + school
                + ",2025-01,1,,ok\n" + indicator + "," + school + ",2025-02,2,,bad\u0000cell\n";
        json().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/observations/batch?atomic=false").then().statusCode(200).body("created", is(1))
                .body("rejected", is(1)).body("conflicts[0].field", equalTo("comment"));
        String body = "{\"observations\": [{\"indicatorCode\": \"" + indicator + "\", \"orgUnitCode\": \"" + school
                + "\", \"period\": \"2025-03\", \"value\": 3, \"comment\": \"\\u0000\"}, {\"indicatorCode\": \""
                + indicator + "\", \"orgUnitCode\": \"" + school + "\", \"period\": \"2025-04\", \"value\": 4}]}";
        json().body(body).post("/api/v1/observations/batch?atomic=false").then().statusCode(200).body("created", is(1))
                .body("rejected", is(1)).body("conflicts[0].index", is(0));
    }

    @TestHTTPResource("/api/v1/extractions")
    URI extractions;

    /** The body limit holds for a body sent in chunks, without Content-Length (the test profile allows 2 MB). */
    @Test
    void aChunkedPlanBeyondTheLimitIs413() throws Exception {
        byte[] plan = "新增学位900个。\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(extractions).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(plan))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("payload_too_large");
    }

    /** Under the byte limit but past the characters a stored plan may have: refused before it is read. */
    @Test
    void aPlanTextBeyondAMillionCharactersIs413() {
        String plan = "2026年工作要点\n" + "new places 900.\n".repeat(70_000);
        json().contentType("text/plain; charset=utf-8").body(plan.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/extractions").then().spec(problem(413))
                .body("detail", containsString(plan.length() + " characters; at most 1000000"));
    }

    @Test
    void anObservationThatIsNotAnObjectIsARowConflict() {
        json().body("{\"observations\": [null, 5, \"x\"]}").post("/api/v1/observations/batch?atomic=false").then()
                .statusCode(200).body("rejected", is(3)).body("conflicts[0].code", equalTo("validation_failed"))
                .body("conflicts[0].message", containsString("JSON object"));
    }

    @Test
    void aBodyDeclaringAnotherCharsetIsRefusedNotMisread() {
        json().contentType("application/json; charset=ISO-8859-1")
                .body("{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)).post("/api/v1/org-units")
                .then().spec(problem(415)).body("detail", containsString("ISO-8859-1"));
        json().contentType("text/csv; charset=latin1")
                .body("indicatorCode,orgUnitCode,period,value\n".getBytes(StandardCharsets.ISO_8859_1))
                .post("/api/v1/observations/batch").then().spec(problem(415));
    }

    @Test
    void planTextWithAControlCharacterIsRefused() {
        json().contentType("text/plain; charset=utf-8")
                .body("全县2026年工作要点\n本科上线率达到68%\u0000".getBytes(StandardCharsets.UTF_8)).post("/api/v1/extractions")
                .then().spec(problem(400)).body("errors[0].field", equalTo("body"));
    }
}
