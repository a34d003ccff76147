package io.zhibiao.plan;

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
        return new String(chars);
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
