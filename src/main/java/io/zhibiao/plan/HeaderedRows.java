package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of cells of a plan's text under the header rows that name their columns, as task tables and project lists
 * have them: a row of cells the caller reads as a header starts a table, the rows after it belong to it up to the first
 * line that is no row of cells (a blank line — a row's border once its pipes are read — is none of either). A row with
 * fewer cells than its header left the first ones merged with the row above (a category spanning rows), so its cells
 * count from the right: {@link Row#cell(int)} finds a header column's cell. Blank cells after a row's last are no cells.
 */
final class HeaderedRows {

    /** A row under a header: its cells, and how many leading cells it shares with the row above. */
    record Row<H>(H header, List<int[]> cells, int merged, int lineStart, int lineEnd) {

        /** The cell under the header's column {@code column}, or null when the row has none there. */
        int[] cell(int column) {
            int k = column - merged;
            return k >= 0 && k < cells.size() ? cells.get(k) : null;
        }
    }

    private HeaderedRows() {
    }

    /** Every row under a header the {@code header} function reads (null for a row that is no header), in text order. */
    static <H> List<Row<H>> of(String text, Function<List<int[]>, H> header) {
        List<Row<H>> rows = new ArrayList<>();
        H current = null;
        int columns = 0;
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (blank(text, start, end)) {
                // a row's border, blank since its pipes were read (PipeRows), is no line of the table's own
            } else if (!TableCells.hasTab(text, start, end)) {
                current = null; // a line that is no row ends the table
            } else {
                List<int[]> cells = withoutTrailingBlanks(text, TableCells.of(text, start, end));
                H read = header.apply(cells);
                if (read != null) {
                    current = read;
                    columns = cells.size();
                } else if (current != null) {
                    rows.add(new Row<>(current, cells, Math.max(columns - cells.size(), 0), start, end));
                }
            }
            start = end + 1;
        }
        return rows;
    }

    private static List<int[]> withoutTrailingBlanks(String text, List<int[]> cells) {
        int size = cells.size();
        while (size > 0 && blank(text, cells.get(size - 1)[0], cells.get(size - 1)[1])) {
            size--;
        }
        return cells.subList(0, size);
    }

    private static boolean blank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
