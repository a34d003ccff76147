package io.zhibiao.observation;

import static io.zhibiao.support.Api.token;
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
import java.util.ArrayList;
import java.util.List;
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

        @Override
        public void close() {
            response.body().close();
        }
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
}
