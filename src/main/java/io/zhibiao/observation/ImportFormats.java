package io.zhibiao.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhibiao.common.UnreadableBody;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The import formats by content type; file-level problems are 400s, cell-level ones row conflicts.
 */
final class ImportFormats {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ImportFormats() {
    }

    /**
     * The rows of a spooled body of the given (lower-case) content type; JSON unless it is CSV or XLSX. A workbook may
     * inflate to at most {@code maxInflated} bytes.
     */
    static RowSource open(String contentType, Path body, ObjectMapper mapper, long maxInflated) {
        try {
            if (contentType.startsWith("text/csv")) {
                return CsvRows.open(Files.newInputStream(body));
            }
            return contentType.startsWith(XLSX)
                    ? XlsxRows.open(body, maxInflated)
                    : JsonRows.open(Files.newInputStream(body), mapper);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }
}
