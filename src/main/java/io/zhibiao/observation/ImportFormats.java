package io.zhibiao.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhibiao.common.UnreadableBody;
import java.io.IOException;
import java.io.InputStream;

/**
 * The import formats by content type; file-level problems are 400s, cell-level ones row conflicts.
 */
final class ImportFormats {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ImportFormats() {
    }

    /** The rows of a body of the given (lower-case) content type; JSON unless it is CSV or XLSX. */
    static RowSource open(String contentType, InputStream body, ObjectMapper mapper) {
        try {
            if (contentType.startsWith("text/csv")) {
                return CsvRows.open(body);
            }
            return contentType.startsWith(XLSX) ? XlsxRows.open(body) : JsonRows.open(body, mapper);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }
}
