package io.zhibiao.common;

import io.zhibiao.common.ZhibiaoConfig.Imports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A spooled CSV or XLSX file whose header names its columns — by field name or by one of the Chinese titles a bureau's
 * sheet uses — read into rows of text keyed by field. Columns with other titles are left alone (a 学校名录 exported from
 * another system keeps its 地址 and 校长). File-level problems (not a table, a missing or repeated column, a cell beyond
 * the limit, too many rows) are 400s; a cell that cannot be read (a formula, an Excel error, a control character) stays
 * with its row. The roster and the target imports read their files through it.
 */
public final class ColumnTable {

    /** A column: its field, whether it holds months (an Excel date there is read as 2025-09), its titles. */
    public record Column(String field, boolean months, List<String> titles) {

        public static Column of(String field, boolean months, String... titles) {
            return new Column(field, months, List.of(titles));
        }

        boolean named(String title) {
            return field.equalsIgnoreCase(title) || titles.contains(title);
        }
    }

    /** One data row (index 0 is the first row under the header): cells that are not blank, by field. */
    public record Row(long index, Map<String, String> cells, FieldError unreadable) {
    }

    /** What a file must hold: its columns, those required, and what to say when it does not. */
    public record Layout(List<Column> columns, List<String> required, String header, int maxRows, String tooMany) {
    }

    private ColumnTable() {
    }

    /** An XLSX file when the content type says so, else CSV (UTF-8, a BOM skipped). */
    public static List<Row> read(String contentType, Path file, Layout layout, Imports limits) {
        try {
            if (contentType.startsWith(XlsxSheet.XLSX)) {
                try (XlsxSheet sheet = XlsxSheet.open(file, limits)) {
                    return rows(sheet.titles(), sheet.rows(),
                            (row, column) -> XlsxSheet.read(row, column.position(),
                                    column.column().months() ? XlsxSheet.Dates.AS_MONTH : XlsxSheet.Dates.REFUSED),
                            layout, limits);
                }
            }
            try (CsvLines lines = CsvLines.open(Files.newInputStream(file), limits)) {
                if (!lines.hasNext()) {
                    throw new ValidationFailed(null, "the file is empty; expected a header row " + layout.header());
                }
                return rows(lines.next(), lines,
                        (cells, column) -> new SheetCell(
                                column.position() < cells.size() ? cells.get(column.position()) : null, null),
                        layout, limits);
            }
        } catch (IOException e) {
            throw new UnreadableBody(e);
        }
    }

    /** A column of the file's header: which one, at which position. */
    private record Located(Column column, int position) {
    }

    private static <R> List<Row> rows(List<String> titles, Iterator<R> rows, BiFunction<R, Located, SheetCell> cells,
            Layout layout, Imports limits) {
        Map<String, Located> header = new LinkedHashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i) == null ? "" : titles.get(i).strip();
            for (Column column : layout.columns()) {
                if (column.named(title) && header.put(column.field(), new Located(column, i)) != null) {
                    throw new ValidationFailed(null, "column '" + column.field() + "' appears twice in the header");
                }
            }
        }
        List<String> missing = layout.required().stream().filter(f -> !header.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationFailed(null,
                    "the header lacks " + String.join(", ", missing) + "; expected " + layout.header());
        }
        List<Row> read = new ArrayList<>();
        long index = 0;
        while (rows.hasNext()) {
            R row = rows.next();
            long i = index++;
            Map<String, String> text = new LinkedHashMap<>();
            FieldError unreadable = null;
            for (Located located : header.values()) {
                SheetCell cell = cells.apply(row, located);
                String field = located.column().field();
                if (cell.text() != null && cell.text().length() > limits.maxCellChars()) {
                    throw CsvLines.tooLong(i, field, limits.maxCellChars());
                }
                String problem = cell.problem() != null ? cell.problem() : TextRule.violation(cell.text()).orElse(null);
                if (problem != null && unreadable == null) {
                    unreadable = new FieldError(field, problem);
                }
                String t = Texts.trimToNull(cell.text());
                if (t != null) {
                    text.put(field, t);
                }
            }
            if (text.isEmpty() && unreadable == null) {
                continue; // an empty line between blocks of a sheet
            }
            if (read.size() == layout.maxRows()) {
                throw new ValidationFailed(null, layout.tooMany());
            }
            read.add(new Row(i, text, unreadable));
        }
        return read;
    }
}
