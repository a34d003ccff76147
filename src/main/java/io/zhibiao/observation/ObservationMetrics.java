package io.zhibiao.observation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zhibiao.common.ImportSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Business metrics of the figures clerks send, counted once their transaction has committed (or, for dry runs and
 * refused imports, once answered): what a Grafana board of the bureau's reporting month shows (k8s/grafana/).
 */
@ApplicationScoped
public class ObservationMetrics {

    private final Counter singleCreated;
    private final Counter singleUpdated;
    private final Counter importCreated;
    private final Counter importUpdated;
    private final Counter rowsRejected;
    private final Map<String, Counter> imports = new HashMap<>();

    @Inject
    ObservationMetrics(MeterRegistry registry) {
        for (String outcome : List.of("written", "refused", "dry_run")) {
            imports.put(outcome,
                    Counter.builder("zhibiao.imports")
                            .description("Imports answered: written, refused (atomic with rejected rows) or dry run")
                            .tag("outcome", outcome).register(registry));
        }
        singleCreated = written(registry, "single", "created");
        singleUpdated = written(registry, "single", "updated");
        importCreated = written(registry, "import", "created");
        importUpdated = written(registry, "import", "updated");
        rowsRejected = Counter.builder("zhibiao.import.rows.rejected")
                .description("Import rows refused with a reason (unknown code, scope, value, lock)").register(registry);
    }

    private static Counter written(MeterRegistry registry, String via, String change) {
        return Counter.builder("zhibiao.figures.written").description("Figures written, by way and kind of change")
                .tag("via", via).tag("change", change).register(registry);
    }

    void put(WriteOutcome outcome) {
        switch (outcome) {
            case CREATED -> singleCreated.increment();
            case UPDATED -> singleUpdated.increment();
            case UNCHANGED -> {
            }
        }
    }

    /** One import answered: written, rolled back (atomic with rejected rows), or a dry run. */
    void imported(ImportService.Outcome outcome) {
        ImportSummary summary = outcome.summary();
        String result = summary.dryRun() ? "dry_run" : outcome.status() == 200 ? "written" : "refused";
        imports.get(result).increment();
        rowsRejected.increment(summary.rejected());
        if (result.equals("written")) {
            importCreated.increment(summary.created());
            importUpdated.increment(summary.updated());
        }
    }
}
