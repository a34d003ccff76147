package io.zhibiao.observation;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.token;
import static io.zhibiao.support.Api.unique;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The changes feed as server-sent events: scope-filtered, resumable with Last-Event-ID. */
@QuarkusTest
class ChangeStreamTest {

    @TestHTTPResource("/api/v1/changes/stream")
    URI stream;

    private final HttpClient client = HttpClient.newHttpClient();

    /** Put on the queue when the server closed the stream. */
    private static final String ENDED = "<the stream ended>";

    /** Lines of an open stream, read in the background. */
    private record Open(HttpResponse<Stream<String>> response, BlockingQueue<String> lines) implements AutoCloseable {

        /** Lines up to and including the first that contains {@code text}; fails after 10 s. */
        List<String> until(String text) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    if (line.contains(text)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no line with " + text + " within 10 s; saw " + seen);
        }

        /** Every line that arrives within {@code seconds}. */
        List<String> during(int seconds) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                }
            }
            return seen;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private HttpResponse<Stream<String>> request(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    private Open open(String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
            lines.add(ENDED);
        });
        reader.setDaemon(true);
        reader.start();
        return new Open(response, lines);
    }

    @Test
    void aStreamNeedsAToken() throws Exception {
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void aWriteShowsUpOnTheStreamOfAnAllowedCallerAndNotOnAnotherSubtrees() throws Exception {
        String countyA = county();
        String schoolA = orgUnit("SCHOOL", countyA);
        String schoolB = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        String viewer = token("VIEWER", countyA);
        String eventId;
        try (Open events = open(viewer, null)) {
            put(indicator, schoolB, "2025-01", "1");
            put(indicator, schoolA, "2025-01", "2");
            List<String> seen = events.until(schoolA);
            assertThat(String.join("\n", seen)).doesNotContain(schoolB);
            assertThat(seen).anyMatch(line -> line.startsWith("event:") && line.contains("change"));
            eventId = seen.stream().filter(l -> l.startsWith("id:")).reduce((a, b) -> b).orElseThrow().substring(3)
                    .strip();
        }
        try (Open resumed = open(viewer, eventId)) {
            put(indicator, schoolA, "2025-02", "3");
            List<String> seen = resumed.until(schoolA);
            assertThat(seen.get(seen.size() - 1)).contains("2025-02").doesNotContain("2025-01");
        }
    }

    @Test
    void aStreamWithoutACursorStartsAtNow() throws Exception {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        put(indicator, school, "2025-01", "1");
        try (Open events = open(token("VIEWER", school), null)) {
            Thread.sleep(1200); // the stream is registered and has polled at least once
            put(indicator, school, "2025-02", "2");
            String seen = String.join("\n", events.until("2025-02"));
            assertThat(seen).doesNotContain("2025-01");
        }
    }

    @Test
    void aRevokedTokensStreamEndsWithinTenSecondsAndNothingAfterReachesIt() throws Exception {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        var created = json().body(Map.of("name", unique("board"), "role", "CLERK", "orgUnitCode", school))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        String secret = created.path("token");
        int id = created.path("id");
        try (Open events = open(secret, null)) {
            put(indicator, school, "2025-01", "1");
            events.until("2025-01");
            json().delete("/api/v1/tokens/" + id).then().statusCode(204);
            long revoked = System.nanoTime();
            put(indicator, school, "2025-02", "2");
            List<String> seen = events.until(ENDED);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - revoked);
            assertThat(seconds).as("seconds from revocation to the end of the stream").isLessThan(10);
            String text = String.join("\n", seen);
            assertThat(text).contains("event:end").contains("signed_out");
            // The callers are checked again before anything is sent: a figure written after the revocation never is.
            assertThat(text).doesNotContain("2025-02");
            put(indicator, school, "2025-03", "3");
            assertThat(String.join("\n", events.during(2))).doesNotContain("2025-03");
        }
        // And a new stream with it is refused.
        assertThat(request(secret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokensStreamEnds() throws Exception {
        String school = orgUnit("SCHOOL", county());
        String secret = json()
                .body(Map.of("name", unique("board"), "role", "VIEWER", "orgUnitCode", school, "expiresAt",
                        OffsetDateTime.now().plusSeconds(3).toString()))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        try (Open events = open(secret, null)) {
            assertThat(String.join("\n", events.until(ENDED))).contains("signed_out");
        }
    }

    /** A token's unit moved under another parent: the stream follows the unit to its new path. */
    @Test
    void aStreamFollowsItsCallersScopeWhenItChanges() throws Exception {
        String from = orgUnit("PREFECTURE", null);
        String to = orgUnit("PREFECTURE", null);
        String county = orgUnit("COUNTY", from);
        String school = orgUnit("SCHOOL", county);
        String indicator = anIndicator().create();
        try (Open events = open(token("VIEWER", county), null)) {
            json().body(Map.of("name", "迁移县", "type", "COUNTY", "parentCode", to)).put("/api/v1/org-units/" + county)
                    .then().statusCode(200);
            Thread.sleep(6_000); // one recheck
            put(indicator, school, "2025-01", "1");
            events.until("2025-01");
        }
    }

    @Test
    void aTokenHoldsAtMostTheConfiguredNumberOfStreams() throws Exception {
        String token = token("VIEWER", county());
        List<Open> open = new ArrayList<>();
        try {
            int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("zhibiao.changes.max-streams-per-token", Integer.class);
            for (int i = 0; i < limit; i++) {
                open.add(open(token, null));
            }
            HttpResponse<Stream<String>> refused = request(token, null);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body().collect(java.util.stream.Collectors.joining())).contains("too_many_streams");
        } finally {
            open.forEach(Open::close);
        }
        // Closed streams give their places back as soon as the server sees the connections go.
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            Thread.sleep(100);
            HttpResponse<Stream<String>> again = request(token, null);
            status = again.statusCode();
            again.body().close();
        }
        assertThat(status).isEqualTo(200);
    }
}
