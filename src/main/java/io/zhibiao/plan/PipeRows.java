package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables written with {@code |} between cells — Markdown, or a web page's table copied as text ({@code 类别 | 事项 | 任务目标
 * |}) — read as the rows of tab-separated cells a table pasted from Excel is: each pipe between two cells becomes a tab,
 * the pipes at a row's ends (its border) and a Markdown rule row ({@code |---|:---:|}) become spaces. Character for
 * character, so every offset stays that of the text as written. A line is such a row when it holds two pipes or more and
 * either opens or closes with one or sets one between spaces; a site's navigation ({@code 首页|新闻|教育}) does neither and
 * stays as it is.
 */
final class PipeRows {

    private PipeRows() {
    }

    /** The text with its pipe rows as tab rows; the same text when it has none. */
    static String asTabs(String text) {
        if (text.indexOf('|') < 0 && text.indexOf('｜') < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        int start = 0;
        while (start < chars.length) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? chars.length : end;
            int[] line = TableCells.trimmed(text, start, end);
            if (isRow(text, line[0], line[1])) {
                boolean rule = isRule(text, line[0], line[1]);
                for (int i = line[0]; i < line[1]; i++) {
                    if (isPipe(chars[i])) {
                        chars[i] = i == line[0] || i == line[1] - 1 ? ' ' : '\t';
                    } else if (rule) {
                        chars[i] = ' ';
                    }
                }
            }
            start = end + 1;
        }
        joinCellLines(text, chars);
        return new String(chars);
    }

    /**
     * A web table copied one cell per line, each cell's line ending in a pipe and the rows between lines of pipes only
     * ({@code |} / {@code 序号 |} / {@code 项目名称 |} / … / {@code |}): each row's cells become one line of tab-separated cells —
     * the line break after a cell's pipe a tab, the pipes spaces — so the row is a row to every table rule.
     */
    private static void joinCellLines(String text, char[] chars) {
        List<int[]> lines = new ArrayList<>();
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            lines.add(TableCells.trimmed(text, start, end));
            start = end + 1;
        }
        for (int k = 0; k < lines.size(); k++) {
            if (!onlyPipes(text, lines.get(k))) {
                continue;
            }
            int first = k + 1;
            int last = first;
            while (last < lines.size() && endsACell(text, lines.get(last))) {
                last++;
            }
            if (last - first < 2) {
                continue;
            }
            for (int i = lines.get(k)[0]; i < lines.get(k)[1]; i++) {
                chars[i] = ' ';
            }
            for (int c = first; c < last; c++) {
                int[] cell = lines.get(c);
                chars[cell[1] - 1] = ' ';
                if (c < last - 1) {
                    chars[cell[1]] = '\t'; // the line break after the cell (or a space before it: trimmed away)
                    for (int i = cell[1]; i < lines.get(c + 1)[0]; i++) {
                        chars[i] = i == cell[1] ? '\t' : ' ';
                    }
                }
            }
            k = last - 1;
        }
    }

    private static boolean onlyPipes(String text, int[] line) {
        if (line[1] <= line[0]) {
            return false;
        }
        for (int i = line[0]; i < line[1]; i++) {
            if (!isPipe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A line that is one cell: it ends with a pipe and holds no other. */
    private static boolean endsACell(String text, int[] line) {
        if (line[1] - line[0] < 2 || !isPipe(text.charAt(line[1] - 1))) {
            return false;
        }
        for (int i = line[0]; i < line[1] - 1; i++) {
            if (isPipe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the cell that starts at {@code cellStart} was written between pipes: the spaces that pad it ({@code | 义务教育
     * 巩固率 |}) are no indentation, as they are in a tab row (an indented 其中 row).
     */
    static boolean padded(String original, int cellStart) {
        if (cellStart < original.length() && isPipe(original.charAt(cellStart))) {
            return true; // the first cell of a row that opens with its border
        }
        int i = cellStart - 1;
        while (i >= 0 && original.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && isPipe(original.charAt(i));
    }

    private static boolean isRow(String text, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        int pipes = 0;
        boolean spaced = false;
        for (int i = start; i < end; i++) {
            if (isPipe(text.charAt(i))) {
                pipes++;
                spaced |= i > start && i + 1 < end && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
            }
        }
        return pipes >= 2 && (isPipe(text.charAt(start)) || isPipe(text.charAt(end - 1)) || spaced);
    }

    /** A Markdown rule row: pipes, dashes, colons and spaces only. */
    private static boolean isRule(String text, int start, int end) {
        boolean dash = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '—' || c == '－') {
                dash = true;
            } else if (!isPipe(c) && c != ':' && c != '：' && c != ' ') {
                return false;
            }
        }
        return dash;
    }

    private static boolean isPipe(char c) {
        return c == '|' || c == '｜';
    }
}
