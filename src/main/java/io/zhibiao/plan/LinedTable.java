package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Indicator tables pasted from Word or a PDF one cell per line: a header of single-cell lines (领域 / 指标名称 / 单位 /
 * 2025年 / 2030年 / 属性), then rows of an optional category, the indicator, an optional unit, one value per year column
 * and an optional attribute (约束性, 预期性). A row of parts lists the indicator, its 其中 parts, then the values part by
 * part. The table ends at the first line that fits no row.
 */
final class LinedTable {

    static final Pattern ATTRIBUTE = Pattern.compile("约束性|预期性|约束性指标|预期性指标");
    private static final Pattern YEAR_NOTE = Pattern.compile("\\(?\\s*(?:基期|目标|预期|规划|现状|完成|实际)值?\\s*\\)?");
    private static final Pattern HEADER_TAIL = Pattern.compile("(?:指标)?(?:属性|性质|类型)|(?:计量)?单位|备注");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final PlanText plan;
    private final RowTarget targets;

    LinedTable(PlanText plan, RowTarget targets) {
        this.plan = plan;
        this.targets = targets;
    }

    /** Every row of every such table, in text order. */
    List<TableRow> rows() {
        List<int[]> lines = new ArrayList<>();
        String text = plan.original();
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (!text.substring(start, end).isBlank()) {
                lines.add(TableCells.trimmed(text, start, end));
            }
            start = end + 1;
        }
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Header header = Header.read(plan, lines, i);
            if (header == null) {
                continue;
            }
            int[] category = null;
            RowNames names = new RowNames();
            int at = header.end();
            int u = header.unitColumn() ? 1 : 0;
            int v = header.years().size(); // value cells per row, one per year column
            int base = TableColumns.baseIndex(header.years());
            List<int[]> midTerm = new ArrayList<>();
            for (int k = base + 1; k < v - 1; k++) {
                midTerm.add(new int[]{2 + k, header.years().get(k)});
            }
            TableColumns columns = new TableColumns(1, 0, 2 + base, header.years().get(base), 1 + v,
                    header.years().get(v - 1), 2 + v, -1, List.copyOf(midTerm));
            while (at + 1 + u + v < lines.size() + 1) {
                if (header.numbered() && ROW_NUMBER.matcher(cellText(lines.get(at))).matches() && at + 1 < lines.size()
                        && !valueLike(lines.get(at + 1))) {
                    at++; // the row's 序号
                }
                int nameAt = at;
                if (at + 2 + u + v <= lines.size() && !valueLike(lines.get(at)) && !valueLike(lines.get(at + 1))
                        && !RowNames.SUB_ROW.matcher(cellText(lines.get(at + 1))).find()
                        && (u == 0 || !valueLike(lines.get(at + 2))) && values(lines, at + 2 + u, v)) {
                    category = lines.get(at);
                    nameAt = at + 1;
                }
                int partsRowEnd = u == 0 ? partsRow(rows, lines, names, columns, v, category, at, nameAt) : -1;
                if (partsRowEnd < 0 && u == 0 && nameAt == at && at + 2 < lines.size() && !valueLike(lines.get(at))
                        && RowNames.SUB_ROW.matcher(cellText(lines.get(at + 2))).find()) {
                    // a category line (三、师资发展水平) above a row of parts
                    partsRowEnd = partsRow(rows, lines, names, columns, v, lines.get(at), at, at + 1);
                    if (partsRowEnd > 0) {
                        category = lines.get(at);
                    }
                }
                if (partsRowEnd > 0) {
                    at = partsRowEnd;
                    continue;
                }
                if (nameAt + 1 + u + v > lines.size() || valueLike(lines.get(nameAt))
                        || u == 1 && (valueLike(lines.get(nameAt + 1)) || cellText(lines.get(nameAt + 1)).length() > 6)
                        || !values(lines, nameAt + 1 + u, v)) {
                    break;
                }
                int last = nameAt + u + v;
                if (last + 1 < lines.size() && ATTRIBUTE.matcher(cellText(lines.get(last + 1))).matches()) {
                    last++;
                }
                RowNames.Named named = names.of(cellText(lines.get(nameAt)), false);
                String unit = named.unit() == null && u == 1
                        ? RowTarget.unitCell(cellText(lines.get(nameAt + 1)))
                        : named.unit();
                int[] none = {lines.get(nameAt)[0], lines.get(nameAt)[0]};
                List<int[]> cells = new ArrayList<>(List.of(category == null ? none : category, lines.get(nameAt)));
                cells.addAll(lines.subList(nameAt + 1 + u, nameAt + 1 + u + v));
                targets.addRows(rows, columns, cells, named.name(), unit,
                        lines.get(category != null && nameAt == at + 1 ? at : nameAt)[0], lines.get(last)[1]);
                at = last + 1;
            }
            i = at - 1;
        }
        return rows;
    }

    /**
     * A row of parts, one cell per line: the indicator, its 其中 parts (其中：小学 / 初中), then the values part by part for
     * each year column (34.52% / 77.34% / 80%以上 / 85%以上) — with the indicator's own values first when it has them
     * (97.74% / 49.85% / 100% / 50% for 专科 and its 其中 本科). Answers where the next row starts, or -1 when the lines at
     * {@code nameAt} are no such row.
     */
    private int partsRow(List<TableRow> rows, List<int[]> lines, RowNames names, TableColumns columns, int v,
            int[] category, int at, int nameAt) {
        if (nameAt + 1 >= lines.size() || !RowNames.SUB_ROW.matcher(cellText(lines.get(nameAt + 1))).find()
                || valueLike(lines.get(nameAt))) {
            return -1;
        }
        int partsEnd = nameAt + 1;
        while (partsEnd < lines.size() && partsEnd - nameAt <= 6 && !valueLike(lines.get(partsEnd))
                && !ATTRIBUTE.matcher(cellText(lines.get(partsEnd))).matches()) {
            partsEnd++;
        }
        int parts = partsEnd - nameAt - 1;
        int valueCells = 0;
        while (partsEnd + valueCells < lines.size() && valueLike(lines.get(partsEnd + valueCells))) {
            valueCells++;
        }
        boolean ownValues = valueCells == v * (parts + 1);
        if (!ownValues && valueCells != v * parts) {
            return -1;
        }
        List<int[]> named = new ArrayList<>();
        List<RowNames.Named> rowNames = new ArrayList<>();
        RowNames.Named parent = names.of(cellText(lines.get(nameAt)), false);
        if (ownValues) {
            named.add(lines.get(nameAt));
            rowNames.add(parent);
        }
        for (int k = nameAt + 1; k < partsEnd; k++) {
            named.add(lines.get(k));
            rowNames.add(names.of(cellText(lines.get(k)), true));
        }
        int last = partsEnd + valueCells - 1;
        if (last + 1 < lines.size() && ATTRIBUTE.matcher(cellText(lines.get(last + 1))).matches()) {
            last++;
        }
        int lineStart = lines.get(category != null && nameAt == at + 1 ? at : nameAt)[0];
        int[] none = {lines.get(nameAt)[0], lines.get(nameAt)[0]};
        for (int k = 0; k < named.size(); k++) {
            List<int[]> cells = new ArrayList<>(List.of(category == null ? none : category, named.get(k)));
            for (int y = 0; y < v; y++) {
                cells.add(lines.get(partsEnd + y * named.size() + k));
            }
            targets.addRows(rows, columns, cells, rowNames.get(k).name(), rowNames.get(k).unit(), lineStart,
                    lines.get(last)[1]);
        }
        return last + 1;
    }

    /** A cell's text without spaces: a one-cell-per-line table spreads short headers (指  标). */
    private String cellText(int[] cell) {
        return SPACE.matcher(plan.normal(cell[0], cell[1])).replaceAll("");
    }

    /** Whether the {@code count} lines from {@code from} are all value cells. */
    private boolean values(List<int[]> lines, int from, int count) {
        for (int k = from; k < from + count; k++) {
            if (k >= lines.size() || !valueLike(lines.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A base or target cell: a figure, a yearly change, or a dash for none. */
    private boolean valueLike(int[] cell) {
        String text = cellText(cell);
        return RowTarget.VALUE.matcher(text).matches() || RowTarget.YEARLY_CHANGE.matcher(text).matches()
                || !text.isEmpty() && RowTarget.NO_VALUE.matcher(text).matches();
    }

    /**
     * The header of a one-cell-per-line table: the base and target years, where rows begin, whether rows start with a
     * number of their own (a 序号 column) and whether a unit cell follows the name (a 单位 column before the years).
     */
    private record Header(List<Integer> years, int end, boolean numbered, boolean unitColumn) {

        /**
         * A header starting at line {@code i}: an optional short cell (序号, 领域), a name cell, an optional 单位 cell,
         * two or more year cells, then optional 属性/单位/备注 cells.
         */
        static Header read(PlanText plan, List<int[]> lines, int i) {
            int at = i;
            boolean numbered = false;
            String first = SPACE.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1])).replaceAll("");
            if (first.length() <= 4 && !TableColumns.NAME_CELL.matcher(first).find() && at + 1 < lines.size()) {
                numbered = TableColumns.INDEX_CELL.matcher(first).matches();
                at++; // 领域, 类别, 序号 before the name cell
            }
            String name = SPACE.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1])).replaceAll("");
            if (name.length() > 8 || !TableColumns.NAME_CELL.matcher(name).find()) {
                return null;
            }
            at++;
            if (at < lines.size() && plan.normal(lines.get(at)[0], lines.get(at)[1]).strip().length() <= 8
                    && TableColumns.NAME_CELL.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1]).strip()).find()) {
                at++; // 一级指标 / 二级指标: the second names the row, the first is its category
            }
            boolean unitColumn = at < lines.size() && TableColumns.UNIT_CELL
                    .matcher(plan.normal(lines.get(at)[0], lines.get(at)[1]).strip()).matches();
            if (unitColumn) {
                at++;
            }
            List<Integer> years = new ArrayList<>();
            while (at < lines.size()) {
                String cell = plan.normal(lines.get(at)[0], lines.get(at)[1]).strip();
                Integer year = TableColumns.yearOf(cell);
                if (year != null) {
                    years.add(year);
                } else if (years.isEmpty() || !YEAR_NOTE.matcher(cell).matches()) {
                    break; // (基期) / 目标值 under a year, pasted as a line of its own, is part of its header
                }
                at++;
            }
            if (years.size() < 2 || years.get(years.size() - 1) <= years.get(0)
                    || years.get(years.size() - 1) - years.get(0) > 20) {
                return null;
            }
            while (at < lines.size()
                    && HEADER_TAIL.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1]).strip()).matches()) {
                at++;
            }
            return new Header(List.copyOf(years), at, numbered, unitColumn);
        }
    }
}
