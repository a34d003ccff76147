package io.zhibiao.common;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.county;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Api;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Limits the HTTP layer holds whatever the client does: chunked bodies, stalled bodies, long request lines. */
@QuarkusTest
class BodyLimitsTest {

    @TestHTTPResource("/api/v1/org-units")
    URI orgUnits;

    /** The test profile allows 2 MB; a 5 MB JSON body sent in chunks (no Content-Length) is cut at the limit. */
    @Test
    void aChunkedJsonBodyBeyondTheLimitIs413() throws Exception {
        byte[] body = ("{\"code\": \"big\", \"type\": \"COUNTY\", \"name\": \"" + "x".repeat(5 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(orgUnits).header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(answer.body()).contains("\"code\":\"payload_too_large\"");
    }

    /** A client that stops sending is answered 408 after quarkus.http.read-timeout (3 s in tests). */
    @Test
    void anUploadThatStallsIsCutWith408() throws Exception {
        String head = "POST /api/v1/observations/batch HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Api.ADMIN_TOKEN + "\r\nContent-Type: text/csv\r\nContent-Length: 10000\r\n\r\n"
                + "indicatorCode,orgUnitCode,period,value\n";
        try (Socket socket = new Socket(orgUnits.getHost(), orgUnits.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains(Problem.MEDIA_TYPE)
                    .contains("\"code\":\"request_timeout\"");
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds until cut").isLessThan(15);
        }
    }

    @Test
    void aRequestLineBeyondTheLimitIs414WithAProblem() {
        json().queryParam("parent", "x".repeat(9000)).get("/api/v1/org-units").then().spec(problem(414, "uri_too_long"))
                .body("detail", containsString("8192"));
    }

    /** If-Match on a read is not a precondition the dashboard evaluates; If-None-Match is, with `*` and lists. */
    @Test
    void theDashboardRevalidatesOnIfNoneMatchOnly() {
        String county = county();
        String etag = json().queryParam("orgUnit", county).queryParam("period", "2025").get("/api/v1/dashboard").then()
                .statusCode(200).extract().header("ETag");
        json().header("If-Match", "\"nothing\"").queryParam("orgUnit", county).queryParam("period", "2025")
                .get("/api/v1/dashboard").then().statusCode(200);
        json().header("If-None-Match", "\"other\", " + etag).queryParam("orgUnit", county).queryParam("period", "2025")
                .get("/api/v1/dashboard").then().statusCode(304);
        json().header("If-None-Match", "*").queryParam("orgUnit", county).queryParam("period", "2025")
                .get("/api/v1/dashboard").then().statusCode(304);
    }
}
