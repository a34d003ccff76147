package io.zhibiao.observation;

import io.zhibiao.common.CsvLines;
import io.zhibiao.common.SheetCell;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.IOException;
import java.io.InputStream;

/** Rows of a CSV figures file: a header row naming the {@link Column}s, then one figure per line. */
final class CsvRows {

    private CsvRows() {
    }

    static RowSource open(InputStream body, Imports limits) throws IOException {
        CsvLines lines = CsvLines.open(body, limits);
        if (!lines.hasNext()) {
            lines.close();
            throw new ValidationFailed(null, "the file is empty; expected a header row " + Column.HEADER);
        }
        return new TableRows<>(lines, lines.next(),
                (cells, i, column) -> i >= cells.size() ? SheetCell.EMPTY : new SheetCell(cells.get(i), null),
                CsvLines::beyond, limits.maxCellChars(), lines::close);
    }
}
