package io.zhibiao.observation;

import io.zhibiao.common.Texts;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Rows of the first sheet of an XLSX workbook, streamed; formulas, errors and dates are refused
 * cell by cell.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static RowSource open(Path file, Imports limits) {
        ZipLimits.check(file, limits.maxBodyBytes(), limits.maxSharedStringsBytes());
        ReadableWorkbook workbook;
        Stream<Row> stream;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            stream = workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw new ValidationFailed(null,
                    "the body is not an XLSX workbook (" + Texts.firstLine(e.getMessage()) + ")");
        }
        Iterator<Row> sheet = malformedIsA400(stream.iterator());
        if (!sheet.hasNext()) {
            throw new ValidationFailed(null, "the first sheet is empty; expected a header row");
        }
        Row headerRow = sheet.next();
        List<String> titles = new ArrayList<>();
        for (int c = 0; c < headerRow.getCellCount(); c++) {
            Cell cell = headerRow.getCell(c);
            titles.add(cell == null ? "" : cell.getText());
        }
        // Cells past the header are left alone in a workbook: a template's users keep notes beside the form.
        return new TableRows<>(sheet, titles, XlsxRows::read, (row, width) -> null, limits.maxCellChars(), () -> {
            stream.close();
            workbook.close();
        });
    }

    private static TableRows.CellText read(Row row, int position, Column column) {
        Cell cell = position >= row.getCellCount() ? null : row.getCell(position);
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return TableRows.CellText.EMPTY;
        }
        if (cell.getType() == CellType.FORMULA) {
            return new TableRows.CellText(null, "holds a formula (" + cell.getFormula() + "); paste the value instead");
        }
        if (cell.getType() == CellType.ERROR) {
            return new TableRows.CellText(null, "holds an Excel error " + cell.getRawValue());
        }
        if (cell.getType() == CellType.NUMBER && column == Column.VALUE && isDateFormat(cell)) {
            return new TableRows.CellText(null, "holds a date; a figure is expected");
        }
        return new TableRows.CellText(cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText(), null);
    }

    private static boolean isDateFormat(Cell cell) {
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return f.contains("y") || f.contains("d") || (f.contains("m") && (f.contains("h") || f.contains("s")));
    }

    /** A workbook that breaks off inside its XML (a bad cell reference, an unclosed tag, a DOCTYPE) is a 400. */
    private static Iterator<Row> malformedIsA400(Iterator<Row> rows) {
        return new Iterator<>() {

            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (RuntimeException e) {
                    throw malformed(e);
                }
            }

            @Override
            public Row next() {
                try {
                    return rows.next();
                } catch (RuntimeException e) {
                    throw malformed(e);
                }
            }
        };
    }

    private static ValidationFailed malformed(RuntimeException e) {
        return new ValidationFailed(null, "the workbook is malformed (" + Texts.firstLine(e.getMessage()) + ")");
    }
}
