package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells of a task table that report how far each task is ({@code 1-9月份工作完成情况}, {@code 进展情况}, {@code 取得成效}):
 * a 民生实事 table lists the year's task in one column and its progress in the next ones, and only the task is a target.
 * A table's header row names its progress columns; each row under it, up to the first line that is no row of cells, has
 * its cells in those columns reported as status. A row with fewer cells than its header left the first ones merged with
 * the row above (a category spanning rows), so its cells count from the right; blank cells after a row's last are no
 * cells.
 */
final class ProgressColumns {

    /** A header cell of a column that reports progress. */
    private static final Pattern PROGRESS = Pattern.compile("完成情况|进展|进度|成效|落实情况|推进情况|实施情况|执行情况");
    /** How long a header cell can be: a header names its columns, it says nothing. */
    private static final int HEADER_CELL = 16;

    private ProgressColumns() {
    }

    /** The [start, end) of every progress cell in the text's tab-separated rows, in text order. */
    static List<int[]> cells(String text) {
        List<int[]> spans = new ArrayList<>();
        List<Integer> progress = List.of();
        int columns = 0;
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (text.substring(start, end).isBlank()) {
                // a row's border, blank since its pipes were read (PipeRows), is no line of the table's own
            } else if (!TableCells.hasTab(text, start, end)) {
                progress = List.of(); // a line that is no row ends the table
            } else {
                List<int[]> cells = withoutTrailingBlanks(text, TableCells.of(text, start, end));
                List<Integer> header = progressColumns(text, cells);
                if (!header.isEmpty()) {
                    progress = header;
                    columns = cells.size();
                } else {
                    int merged = columns - cells.size();
                    for (int column : progress) {
                        int k = column - Math.max(merged, 0);
                        if (k >= 0 && k < cells.size()) {
                            spans.add(cells.get(k));
                        }
                    }
                }
            }
            start = end + 1;
        }
        return spans;
    }

    /** The columns a header row names as progress; none when the row is no such header. */
    private static List<Integer> progressColumns(String text, List<int[]> cells) {
        List<Integer> progress = new ArrayList<>();
        if (cells.size() < 3) {
            return progress;
        }
        for (int k = 0; k < cells.size(); k++) {
            String cell = text.substring(cells.get(k)[0], cells.get(k)[1]).strip();
            if (cell.length() > HEADER_CELL) {
                return List.of();
            }
            if (PROGRESS.matcher(cell).find()) {
                progress.add(k);
            }
        }
        return progress;
    }

    private static List<int[]> withoutTrailingBlanks(String text, List<int[]> cells) {
        int size = cells.size();
        while (size > 0 && text.substring(cells.get(size - 1)[0], cells.get(size - 1)[1]).isBlank()) {
            size--;
        }
        return cells.subList(0, size);
    }
}
