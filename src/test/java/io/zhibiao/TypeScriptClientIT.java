package io.zhibiao;

import static io.zhibiao.support.Api.ADMIN_TOKEN;
import static io.zhibiao.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.zhibiao.support.Sheets;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The integrator's tour in TypeScript (clients/typescript/tour.ts) against the packaged service: the typescript-fetch
 * client the build generates from openapi/openapi.yaml (target/typescript-client), compiled with {@code tsc --strict}
 * and run by node, every answer checked against the spec with ajv. Needs node and npm (the README's prerequisites).
 */
@QuarkusIntegrationTest
class TypeScriptClientIT {

    private static final Path CLIENT = Path.of("clients/typescript");

    @TestHTTPResource("/")
    URI service;

    @Test
    void theTypeScriptTourRunsThroughTheGeneratedClient() throws Exception {
        if (!Files.isDirectory(CLIENT.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        }
        run(List.of("npx", "tsc", "-p", "tsconfig.json"), Map.of(), 120);

        String suffix = unique("t");
        String indicator = "ts-training-" + suffix;
        Path sheet = Files.createTempFile("tour", ".xlsx");
        Files.write(sheet, Sheets.xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                List.of(indicator, "ts-school-" + suffix, "2025-04", 700))));
        String out = run(List.of("node", "target/tour/clients/typescript/tour.js"),
                Map.of("ZHIBIAO_URL", service.toString().replaceAll("/$", ""), "ZHIBIAO_TOKEN", ADMIN_TOKEN,
                        "ZHIBIAO_XLSX", sheet.toString(), "TOUR_SUFFIX", suffix, "TOUR_INDICATOR", indicator),
                120);
        assertThat(out).contains("tour done").contains("answered by 304");
    }

    private static String run(List<String> command, Map<String, String> env, long seconds)
            throws IOException, InterruptedException {
        File log = Files.createTempFile("tour", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0).as(String.join(" ", command) + ":\n" + out).isTrue();
        return out;
    }
}
