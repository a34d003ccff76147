package io.zhibiao.observation;

import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.common.WriteGate;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client whose upload stalls holds up nobody: the body is read before the import takes the write gate. */
@QuarkusTest
class StalledUploadTest {

    @TestHTTPResource("/api/v1/observations/batch")
    URI batch;

    @Test
    void aWriteElsewhereCompletesWhileAnUploadStalls() throws Exception {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        CountDownLatch release = new CountDownLatch(1);
        byte[] head = ("indicatorCode,orgUnitCode,period,value\n" + indicator + "," + school + ",2025-01,1\n")
                .getBytes(StandardCharsets.UTF_8);
        InputStream stalling = new InputStream() {

            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == head.length) {
                    try {
                        // The client goes quiet in the middle of its file, as on a bad line.
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
                return head[sent++] & 0xFF;
            }
        };
        HttpRequest upload = HttpRequest.newBuilder(batch).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> stalling))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(upload,
                HttpResponse.BodyHandlers.ofString());
        try {
            Thread.sleep(300); // the upload has started and stalls
            long started = System.nanoTime();
            json().body(Map.of("value", 7)).put("/api/v1/observations/{i}/{o}/2025-02", indicator, school).then()
                    .statusCode(201);
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms the other writer waited").isLessThan(1000);
        } finally {
            release.countDown();
        }
        HttpResponse<String> imported = answer.get(20, TimeUnit.SECONDS);
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\":1");
    }

    @Inject
    WriteGate writeGate;

    /**
     * While another transaction holds the write gate, a malformed file, a dry run and an atomic import with a bad row
     * are still answered at once: the file is parsed and its rows checked before the import's transaction, and a dry
     * run never enters the gate.
     */
    @Test
    void aMalformedFileADryRunAndARefusedAtomicImportDoNotWaitForTheGate() throws Exception {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            writeGate.enter();
            held.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            String good = "indicatorCode,orgUnitCode,period,value\n" + indicator + "," + school + ",2025-01,1\n";
            long started = System.nanoTime();
            json().contentType("text/csv").body((good + "\"unterminated,2025-02,2\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/observations/batch").then().spec(problem(400));
            json().contentType("text/csv").body(good.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/observations/batch?dryRun=true").then().statusCode(200).body("created", is(1));
            json().contentType("text/csv")
                    .body((good + indicator + ",no-such-school,2025-02,2\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/observations/batch").then().statusCode(409).body("status", is("ERROR"))
                    .body("received", is(2)).body("rejected", is(1)).body("conflicts[0].index", is(1))
                    .body("conflicts[0].field", is("orgUnitCode"));
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms the three answers took").isLessThan(3000);
        } finally {
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
        }
    }
}
