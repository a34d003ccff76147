package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells of a task table that report how far each task is ({@code 1-9月份工作完成情况}, {@code 进展情况}, {@code 取得成效}):
 * a 民生实事 table lists the year's task in one column and its progress in the next ones, and only the task is a target.
 * A table's header row names its progress columns; each row under it ({@link HeaderedRows}) has its cells in those
 * columns reported as status.
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
        for (HeaderedRows.Row<List<Integer>> row : HeaderedRows.of(text, cells -> progressColumns(text, cells))) {
            for (int column : row.header()) {
                int[] cell = row.cell(column);
                if (cell != null) {
                    spans.add(cell);
                }
            }
        }
        return spans;
    }

    /** The columns a header row names as progress; null when the row is no such header. */
    private static List<Integer> progressColumns(String text, List<int[]> cells) {
        if (cells.size() < 3) {
            return null;
        }
        List<Integer> progress = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            String cell = text.substring(cells.get(k)[0], cells.get(k)[1]).strip();
            if (cell.length() > HEADER_CELL) {
                return null;
            }
            if (PROGRESS.matcher(cell).find()) {
                progress.add(k);
            }
        }
        return progress.isEmpty() ? null : progress;
    }
}
