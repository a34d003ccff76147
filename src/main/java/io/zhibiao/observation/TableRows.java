package io.zhibiao.observation;

import io.zhibiao.common.CsvLines;
import io.zhibiao.common.FieldError;
import io.zhibiao.common.SheetCell;
import io.zhibiao.common.TextRule;
import io.zhibiao.common.ValidationFailed;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of a table (CSV lines, XLSX rows) under a header that names the {@link Column}s. Each format
 * says how to read the text of one cell; turning cell texts into an {@link ObservationInput} is the
 * same for both.
 */
final class TableRows<R> implements RowSource {

    interface CellReader<R> {

        SheetCell read(R row, int position, Column column);
    }

    /** Why the row holds text beyond the header's columns, if it does (a value split by an unquoted comma). */
    interface Overflow<R> {

        String beyond(R row, int headerWidth);
    }

    interface Closer {

        void close() throws IOException;
    }

    private static final Column[] COLUMNS = Column.values();

    private final Iterator<R> rows;
    private final Map<Column, Integer> positions;
    private final CellReader<R> cells;
    private final int maxCellChars;
    private final Closer closer;
    private final int headerWidth;
    private final Overflow<R> overflow;
    private long index;

    TableRows(Iterator<R> rows, List<String> titles, CellReader<R> cells, Overflow<R> overflow, int maxCellChars,
            Closer closer) {
        this.rows = rows;
        this.positions = header(titles);
        this.headerWidth = titles.size();
        this.overflow = overflow;
        this.cells = cells;
        this.maxCellChars = maxCellChars;
        this.closer = closer;
    }

    /**
     * Where each column stands in the header; unknown, repeated or missing columns are a 400 for
     * the whole file.
     */
    static Map<Column, Integer> header(List<String> titles) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i) == null ? "" : titles.get(i).strip();
            if (title.isEmpty() || Column.INFORMATIONAL.contains(title)) {
                continue;
            }
            Column column = Column.byTitle(title).orElseThrow(
                    () -> new ValidationFailed(null, "unknown column '" + title + "'; the header is " + Column.HEADER));
            if (positions.put(column, i) != null) {
                throw new ValidationFailed(null, "column '" + column.field + "' appears twice in the header");
            }
        }
        List<String> missing = Column.REQUIRED.stream().filter(c -> !positions.containsKey(c)).map(c -> c.field)
                .toList();
        if (!missing.isEmpty()) {
            throw new ValidationFailed(null, "the header lacks " + String.join(", ", missing)
                    + "; expected indicatorCode,orgUnitCode,period,value[,status][,comment]");
        }
        return positions;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public ParsedRow next() {
        R row = rows.next();
        long i = index++;
        String beyond = overflow.beyond(row, headerWidth);
        if (beyond != null) {
            return new ParsedRow(i, null, new FieldError(null, beyond), false);
        }
        // Cells in column order; an array rather than a map, as this runs for every row of a file.
        String[] text = new String[COLUMNS.length];
        boolean blank = true;
        for (Column column : COLUMNS) {
            Integer position = positions.get(column);
            SheetCell cell = position == null ? SheetCell.EMPTY : cells.read(row, position, column);
            if (cell.text() != null && cell.text().length() > maxCellChars) {
                throw CsvLines.tooLong(i, column.field, maxCellChars);
            }
            if (cell.problem() != null) {
                return new ParsedRow(i, null, new FieldError(column.field, cell.problem()), false);
            }
            var unusable = TextRule.violation(cell.text());
            if (unusable.isPresent()) {
                return new ParsedRow(i, null, new FieldError(column.field, unusable.get()), false);
            }
            text[column.ordinal()] = cell.text() == null || cell.text().isBlank() ? null : cell.text().strip();
            blank &= text[column.ordinal()] == null;
        }
        String valueText = text[Column.VALUE.ordinal()];
        String statusText = text[Column.STATUS.ordinal()];
        if (blank || valueText == null) {
            // An empty line, or an untouched template row: nothing to write.
            return new ParsedRow(i, null, null, true);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(valueText);
        } catch (NumberFormatException e) {
            return new ParsedRow(i, null, new FieldError("value", "'" + valueText + "' is not a number"), false);
        }
        ObservationStatus status;
        try {
            status = statusText == null ? null : ObservationStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new ParsedRow(i, null, new FieldError("status", "'" + statusText + "' is not FINAL or PROVISIONAL"),
                    false);
        }
        return ParsedRow.of(i,
                new ObservationInput(text[Column.INDICATOR_CODE.ordinal()], text[Column.ORG_UNIT_CODE.ordinal()],
                        text[Column.PERIOD.ordinal()], value, status, text[Column.COMMENT.ordinal()]));
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
