package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the cells of a table's line are, as [start, end) offsets into the plan's text: between tabs (a table from
 * Word, a web page or Excel, or pasted from them), or between runs of spaces (a table from a PDF or typed aligned).
 * What the cells mean is the tables' business ({@link IndicatorTable}, {@link BreakdownTable}).
 */
final class TableCells {

    private TableCells() {
    }

    /** Whether a line holds a tab: pasted from Excel or WPS, its cells are separated by tabs. */
    static boolean hasTab(String text, int lineStart, int lineEnd) {
        for (int i = lineStart; i < lineEnd; i++) { // the line only: a search to the next tab of the text would read on
            if (text.charAt(i) == '\t') { // to its end, for every line of a text without tabs
                return true;
            }
        }
        return false;
    }

    /** The cells of a line of a table: separated by tabs, or, from a PDF, aligned with runs of spaces. */
    static List<int[]> of(String text, int lineStart, int lineEnd) {
        return hasTab(text, lineStart, lineEnd)
                ? cells(text, lineStart, lineEnd)
                : alignedCells(text, lineStart, lineEnd);
    }

    /** The tab-separated cells of a line, as [start, end) char offsets; one cell when the line has no tab. */
    private static List<int[]> cells(String text, int lineStart, int lineEnd) {
        List<int[]> cells = new ArrayList<>();
        int start = lineStart;
        for (int i = lineStart; i <= lineEnd; i++) {
            if (i == lineEnd || text.charAt(i) == '\t') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                cells.add(new int[]{start, end});
                start = i + 1;
            }
        }
        return cells;
    }

    /**
     * The cells of a line aligned with spaces: runs of two or more spaces separate them; the indentation before the first
     * is not a cell. One cell when the line has no such run.
     */
    private static List<int[]> alignedCells(String text, int lineStart, int lineEnd) {
        List<int[]> cells = new ArrayList<>();
        int[] line = trimmed(text, lineStart, lineEnd);
        int start = line[0];
        int i = line[0];
        while (i < line[1]) {
            if (text.charAt(i) == ' ' && i + 1 < line[1] && text.charAt(i + 1) == ' ') {
                cells.add(new int[]{start, i});
                while (i < line[1] && text.charAt(i) == ' ') {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        cells.add(new int[]{start, line[1]});
        return cells;
    }

    /** The [start, end) of a span without the white space around it. */
    static int[] trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[]{start, end};
    }
}
