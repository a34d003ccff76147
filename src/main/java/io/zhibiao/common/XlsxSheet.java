package io.zhibiao.common;

import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
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
 * The first sheet of an XLSX workbook, streamed row by row after its zip has been checked ({@link ZipLimits}): the
 * header's titles, then the rows. Formulas and errors are refused cell by cell. The figure import and the roster import
 * read their workbooks through it.
 */
public final class XlsxSheet implements Closeable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What a date-formatted number cell means to the column reading it. */
    public enum Dates {
        /** A figure column: a date there is a mistake. */
        REFUSED,
        /** A month column (openedAt): the date's year and month, 2025-09. */
        AS_MONTH
    }

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> titles;

    private XlsxSheet(ReadableWorkbook workbook, Stream<Row> stream, Iterator<Row> rows, List<String> titles) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = rows;
        this.titles = titles;
    }

    public static XlsxSheet open(Path file, Imports limits) {
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
        return new XlsxSheet(workbook, stream, sheet, titles);
    }

    public List<String> titles() {
        return titles;
    }

    /** The rows under the header. */
    public Iterator<Row> rows() {
        return rows;
    }

    public static SheetCell read(Row row, int position, Dates dates) {
        Cell cell = position >= row.getCellCount() ? null : row.getCell(position);
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return SheetCell.EMPTY;
        }
        if (cell.getType() == CellType.FORMULA) {
            return new SheetCell(null, "holds a formula (" + cell.getFormula() + "); paste the value instead");
        }
        if (cell.getType() == CellType.ERROR) {
            return new SheetCell(null, "holds an Excel error " + cell.getRawValue());
        }
        if (cell.getType() == CellType.NUMBER && isDateFormat(cell)) {
            if (dates == Dates.REFUSED) {
                return new SheetCell(null, "holds a date; a figure is expected");
            }
            LocalDateTime date = cell.asDate();
            return new SheetCell(String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue()), null);
        }
        return new SheetCell(cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText(), null);
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

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
