package io.zhibiao.common;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings with a valid range are checked once, at start: a replica that would refuse every import does not start.
 * Written out rather than as Bean Validation constraints on {@link ZhibiaoConfig}, because constraints on a config
 * mapping make Quarkus build a second validator factory before anything else starts (about 0.2 s of a 1.9 s start).
 */
@ApplicationScoped
public class ConfigCheck {

    /** A chunk's bulk read binds three parameters per key part; PostgreSQL takes at most 32,767. */
    static final int MAX_CHUNK_SIZE = 5000;

    /** The four columns of the smallest import file: org unit, indicator, period, value. */
    static final int MIN_COLUMNS = 4;

    @Inject
    ZhibiaoConfig config;

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(config.imports());
        problems.addAll(problems(config.transfer(), config.changes()));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Invalid settings: " + String.join("; ", problems));
        }
    }

    static List<String> problems(ZhibiaoConfig.Imports imports) {
        List<String> problems = new ArrayList<>();
        if (imports.chunkSize() < 1 || imports.chunkSize() > MAX_CHUNK_SIZE) {
            problems.add("zhibiao.imports.chunk-size must be between 1 and " + MAX_CHUNK_SIZE + " (is "
                    + imports.chunkSize() + ")");
        }
        if (imports.maxCellChars() < 1) {
            problems.add("zhibiao.imports.max-cell-chars must be at least 1 (is " + imports.maxCellChars() + ")");
        }
        if (imports.maxColumns() < MIN_COLUMNS) {
            problems.add("zhibiao.imports.max-columns must be at least " + MIN_COLUMNS + " (is " + imports.maxColumns()
                    + ")");
        }
        return problems;
    }

    /** The shortest transfer key accepted: 32 characters, as {@code openssl rand -hex 16} gives. */
    static final int MIN_KEY_CHARS = 32;

    static List<String> problems(ZhibiaoConfig.Transfer transfer, ZhibiaoConfig.Changes changes) {
        List<String> problems = new ArrayList<>();
        transfer.key().filter(key -> key.strip().length() < MIN_KEY_CHARS)
                .ifPresent(key -> problems.add("zhibiao.transfer.key must have at least " + MIN_KEY_CHARS
                        + " characters (has " + key.strip().length() + ")"));
        if (changes.maxStreams() < 1) {
            problems.add("zhibiao.changes.max-streams must be at least 1 (is " + changes.maxStreams() + ")");
        }
        if (changes.maxStreamsPerToken() < 1) {
            problems.add("zhibiao.changes.max-streams-per-token must be at least 1 (is " + changes.maxStreamsPerToken()
                    + ")");
        }
        if (changes.pollInterval().toMillis() < 50 || changes.recheckInterval().toMillis() < 100) {
            problems.add("zhibiao.changes.poll-interval must be at least 50ms and zhibiao.changes.recheck-interval "
                    + "at least 100ms");
        }
        return problems;
    }
}
