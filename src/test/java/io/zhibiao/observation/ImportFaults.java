package io.zhibiao.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Test-only: makes an import fail once it has read a given number of rows, as a crash in the middle
 * would.
 */
@ApplicationScoped
public class ImportFaults {

    private volatile long failAfterRows = -1;

    public void failAfter(long rows) {
        failAfterRows = rows;
    }

    public void clear() {
        failAfterRows = -1;
    }

    void onProgress(@Observes ImportProgress progress) {
        if (failAfterRows >= 0 && progress.rowsRead() >= failAfterRows) {
            throw new IllegalStateException("injected failure after " + progress.rowsRead() + " rows");
        }
    }
}
