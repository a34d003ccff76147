package io.zhibiao.observation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhibiao.common.UnreadableBody;
import io.zhibiao.common.ZhibiaoConfig.Imports;
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
     * The rows of a spooled body of the given (lower-case) content type; JSON unless it is CSV or XLSX, read within
     * the import limits.
     */
    static RowSource open(String contentType, Path body, ObjectMapper mapper, Imports limits) {
        try {
            if (contentType.startsWith("text/csv")) {
                return CsvRows.open(Files.newInputStream(body), limits);
            }
            return contentType.startsWith(XLSX)
                    ? XlsxRows.open(body, limits)
                    : JsonRows.open(Files.newInputStream(body), mapper);
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }
}
