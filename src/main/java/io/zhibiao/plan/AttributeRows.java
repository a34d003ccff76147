package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of an indicator table whose header is not in the text — left on the page before, or out of an excerpt — known
 * by their last cell, the indicator's attribute: {@code 城镇登记失业率(%) 2.6% ≤ 4% 约束性}. Read from the right, words
 * separated by spaces: the attribute, the target value (a bound written apart joins it, {@code ≤ 4%}), the base value
 * or a dash, then the name — after a category when two words are left. Without a header no year is named: the rows are
 * due in the span {@link RowTarget} is given, and their base values date nothing.
 */
final class AttributeRows {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern BOUND = Pattern.compile("≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过");

    private final PlanText plan;
    private final RowTarget targets;

    AttributeRows(PlanText plan, RowTarget targets) {
        this.plan = plan;
        this.targets = targets;
    }

    /**
     * Every such row outside the rows already read ({@code read}: in text order, not overlapping), in text order; one
     * pass over the lines and the rows together.
     */
    List<TableRow> rows(List<TableRow> read) {
        List<TableRow> rows = new ArrayList<>();
        String text = plan.rows();
        RowNames names = new RowNames();
        int next = 0; // the first row read that does not end before this line
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            while (next < read.size() && read.get(next).lineEnd() <= start) {
                next++;
            }
            boolean covered = next < read.size() && read.get(next).lineStart() < end;
            if (!TableCells.hasTab(text, start, end) && !covered) {
                List<int[]> cells = cells(text, start, end);
                if (cells != null) {
                    RowNames.Named named = names.of(plan.normal(cells.get(1)[0], cells.get(1)[1]).strip(), false);
                    TableColumns columns = new TableColumns(1, cells.get(0)[0] == cells.get(0)[1] ? -1 : 0, 2, 0, 3, 0,
                            4, -1, List.of());
                    targets.addRows(rows, columns, cells, named.name(), named.unit(), start, end);
                }
            }
            start = end + 1;
        }
        return rows;
    }

    /** The line's category (empty when none), name, base and target cells; null when the line is no such row. */
    private List<int[]> cells(String text, int start, int end) {
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD.matcher(text).region(start, end);
        while (word.find()) {
            words.add(new int[]{word.start(), word.end()});
        }
        int last = words.size() - 1;
        if (last < 3 || !LinedTable.ATTRIBUTE.matcher(normal(words.get(last))).matches()) {
            return null;
        }
        int at = last - 1;
        int[] target = words.get(at);
        if (at - 1 >= 0 && BOUND.matcher(normal(words.get(at - 1))).matches()) {
            target = new int[]{words.get(at - 1)[0], target[1]}; // ≤ 4%
            at--;
        }
        at--;
        if (at < 1 || !value(target) || !value(words.get(at)) && !none(words.get(at))) {
            return null;
        }
        int[] base = words.get(at);
        if (at > 2) {
            return null; // a name of several words: prose, not a row
        }
        int[] name = words.get(at - 1);
        int[] category = at == 2 ? words.get(0) : new int[]{name[0], name[0]};
        return new ArrayList<>(List.of(category, name, base, target));
    }

    private boolean value(int[] cell) {
        return RowTarget.VALUE.matcher(normal(cell).replace(" ", "")).matches();
    }

    private boolean none(int[] cell) {
        return RowTarget.NO_VALUE.matcher(normal(cell)).matches();
    }

    private String normal(int[] cell) {
        return plan.normal(cell[0], cell[1]).strip();
    }
}
