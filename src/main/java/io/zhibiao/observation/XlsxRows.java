package io.zhibiao.observation;

import io.zhibiao.common.XlsxSheet;
import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.nio.file.Path;

/** Rows of the first sheet of an XLSX figures file, streamed; formulas, errors and dates are refused cell by cell. */
final class XlsxRows {

    private XlsxRows() {
    }

    static RowSource open(Path file, Imports limits) {
        XlsxSheet sheet = XlsxSheet.open(file, limits);
        // Cells past the header are left alone in a workbook: a template's users keep notes beside the form.
        return new TableRows<>(sheet.rows(), sheet.titles(),
                (row, position, column) -> XlsxSheet.read(row, position,
                        column == Column.VALUE ? XlsxSheet.Dates.REFUSED : XlsxSheet.Dates.AS_MONTH),
                (row, width) -> null, limits.maxCellChars(), sheet::close);
    }
}
