package io.zhibiao.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every shell example of the README, run in order in one shell against the packaged service with the demo loaded
 * (ZHIBIAO_DEMO=true and the dev-mode admin token, as `./mvnw quarkus:dev` has them): each block must finish without an
 * error (the examples use `curl -f`, so an HTTP error fails them). A block that builds or starts the service itself
 * says so on its first line ("# not run by ReadmeExamplesIT: …") and is left out. H2 builds only: the README's
 * examples are those of the embedded database.
 */
class ReadmeExamplesIT {

    private static final Pattern BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void everyShellExampleOfTheReadmeRunsAgainstTheDemo() throws Exception {
        Assumptions.assumeTrue("h2".equals(System.getProperty("quarkus.datasource.db-kind", "h2")),
                "the README's examples run on the H2 build");
        Assumptions.assumeTrue(Files.exists(JAR), "the packaged service is missing");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int port = freePort();
        List<String> script = new ArrayList<>(List.of("set -euo pipefail"));
        int run = 0;
        int skipped = 0;
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            String block = m.group(1);
            if (block.stripLeading().startsWith("# not run by ReadmeExamplesIT")) {
                skipped++;
                continue;
            }
            run++;
            script.add("echo '=== README block " + run + "'");
            script.add(block.replace("localhost:8080", "localhost:" + port));
        }
        assertThat(run).as("shell blocks run").isGreaterThanOrEqualTo(5);
        assertThat(skipped).as("blocks that build or start the service").isLessThanOrEqualTo(1);

        Path work = Files.createTempDirectory("zhibiao-readme-");
        ProcessBuilder service = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = service.environment();
        env.put("ZHIBIAO_DEMO", "true");
        env.put("ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN", "zhibiao-dev-admin");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + work.resolve("readme").toAbsolutePath()
                + ";LOCK_TIMEOUT=30000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
        env.put("QUARKUS_DATASOURCE_USERNAME", "sa");
        env.remove("QUARKUS_DATASOURCE_PASSWORD");
        Process process = service.start();
        try {
            awaitReady(port, process, work);
            Process shell = new ProcessBuilder("bash", "-c", String.join("\n", script)).redirectErrorStream(true)
                    .start();
            String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shell.waitFor(5, TimeUnit.MINUTES)).isTrue();
            Files.writeString(Path.of("target/readme-examples.log"), output);
            assertThat(shell.exitValue()).as("the README's examples (output in target/readme-examples.log):\n%s",
                    output.length() > 4000 ? output.substring(output.length() - 4000) : output).isZero();
            assertThat(output).contains("ROLLED_UP").contains("DERIVED").contains("未找到");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void awaitReady(int port, Process process, Path work) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service stopped: %s", log(work)).isTrue();
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become ready: " + log(work));
    }

    private static String log(Path work) throws IOException {
        Path log = work.resolve("service.log");
        return Files.exists(log) ? Files.readString(log) : "(no log)";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
