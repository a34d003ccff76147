package io.zhibiao.dashboard;

import static io.restassured.RestAssured.given;
import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.num;
import static io.zhibiao.support.Fixtures.aTarget;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static io.zhibiao.support.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two replicas on one PostgreSQL: the packaged service the test framework starts, and a second copy of it started
 * here. Computed answers are cached per replica, keyed by the database's data version, so a write on one replica is
 * seen by the next read on the other — never a stale dashboard, progress or ranking, never a 304 for a changed answer.
 * (The embedded H2 database belongs to one process, so this runs on PostgreSQL only.)
 */
@QuarkusIntegrationTest
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class TwoReplicasIT {

    private static Process replica;
    private static int replicaPort;

    @BeforeAll
    static void startSecondReplica() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            replicaPort = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        // The same database (QUARKUS_DATASOURCE_* are inherited from the build), its own port, no schema clean.
        builder.environment().put("QUARKUS_PROFILE", "prod");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(replicaPort));
        builder.environment().put("ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN", ADMIN_TOKEN);
        builder.environment().put("QUARKUS_LOG_FILE_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(new File("target/second-replica.log"));
        replica = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + replicaPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            assertThat(replica.isAlive()).as("the second replica runs (see target/second-replica.log)").isTrue();
            assertThat(System.nanoTime()).as("the second replica is ready within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopSecondReplica() throws InterruptedException {
        if (replica != null) {
            replica.destroy();
            replica.waitFor();
        }
    }

    private static RequestSpecification onReplica() {
        return given().baseUri("http://localhost").port(replicaPort).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType("application/json");
    }

    @Test
    void aWriteOnOneReplicaIsSeenByTheNextReadOnTheOther() {
        String county = county();
        String school = orgUnit("SCHOOL", county);
        String training = anIndicator().create();
        long target = aTarget().forIndicator(training).at(county).period("2025").value("9200").create();
        Map<String, String> dashboard = Map.of("orgUnit", county, "period", "2025", "asOf", "2025-03");

        // The second replica computes and caches the answer before any figure exists.
        String before = onReplica().queryParams(dashboard).get("/api/v1/dashboard").then().statusCode(200)
                .body("targets[0].actual", nullValue()).extract().header("ETag");
        onReplica().get("/api/v1/targets/{id}/progress?asOf=2025-03", target).then().statusCode(200).body("actual",
                nullValue());

        // A figure written through the first replica...
        put(training, school, "2025-02", "610");

        // ...is in the second replica's very next answers: no 304 for the old tag, no cached stale value.
        String after = onReplica().queryParams(dashboard).header("If-None-Match", before).get("/api/v1/dashboard")
                .then().statusCode(200).body("targets[0].actual", num("610")).extract().header("ETag");
        assertThat(after).isNotEqualTo(before);
        onReplica().get("/api/v1/targets/{id}/progress?asOf=2025-03", target).then().statusCode(200)
                .body("actual", num("610")).body("coverage.reporting", is(1));
        onReplica().queryParams(
                Map.of("indicator", training, "parent", county, "type", "SCHOOL", "period", "2025", "asOf", "2025-03"))
                .get("/api/v1/rankings").then().statusCode(200).body("items[0].value", num("610"));

        // And the other way round: a write on the second replica, read on the first.
        onReplica().body(Map.of("value", 700)).put("/api/v1/observations/{i}/{o}/2025-02", training, school).then()
                .statusCode(200);
        json().queryParams(dashboard).header("If-None-Match", after).get("/api/v1/dashboard").then().statusCode(200)
                .body("targets[0].actual", num("700"));
    }
}
