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
}
