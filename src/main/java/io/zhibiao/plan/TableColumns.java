package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column of an indicator table holds what, read from its header ({@code 指标 2025年 2030年 属性}): the indicator
 * name, the category if any, the base and the target year, the unit where the table gives it a column of its own (-1
 * when not), how many columns a row has, and the mid-term year columns between base and target ({@code [column,
 * year]}).
 */
record TableColumns(int name, int category, int base, int baseYear, int target, int targetYear, int columns, int unit,
        List<int[]> midTerm) {

    /** A year in a header cell, and the words a year column's header may hold besides it. */
    private static final Pattern YEAR_IN_CELL = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)\\s*年?");
    private static final Pattern YEAR_HEADER_WORDS = Pattern
            .compile("基期|基准|目标|预期|规划|现状|完成|实际|计划|期末|年度|值|末|十[一二三四五六七八九]五|[“”\"()（）:：\\s]");
    /** The cell that heads the indicator names: 指标, 项目, 名称. */
    static final Pattern NAME_CELL = Pattern.compile("指标|项目|名称");
    /** A column of units (单位, 计量单位). */
    static final Pattern UNIT_CELL = Pattern.compile("(?:计量)?单位");
    /** A column that only numbers the rows (序号). */
    static final Pattern INDEX_CELL = Pattern.compile("序号|编号|序");

    /** The same table read for one of its mid-term columns ({@code [column, year]}). */
    TableColumns aimingAt(int[] column) {
        return new TableColumns(name, category, base, baseYear, column[0], column[1], columns, unit, List.of());
    }

    /** The columns a header row of cells names; null when the row is no header (no name cell, fewer than two years). */
    static TableColumns read(PlanText plan, List<int[]> cells) {
        int name = -1;
        int unit = -1;
        List<int[]> years = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = plan.normal(cells.get(i)[0], cells.get(i)[1]).strip();
            Integer year = yearOf(cell);
            if (year != null) {
                years.add(new int[]{i, year});
            } else if (UNIT_CELL.matcher(cell).matches()) {
                unit = i;
            } else if (NAME_CELL.matcher(cell).find() && years.isEmpty()) {
                name = i; // 一级指标 / 二级指标: the last name column before the years names the row
            }
        }
        if (name < 0 || years.size() < 2) {
            return null;
        }
        int[] first = years.get(0);
        int[] last = years.get(years.size() - 1);
        if (last[1] <= first[1] || last[1] - first[1] > 20) {
            return null;
        }
        boolean numbered = name > 0
                && INDEX_CELL.matcher(plan.normal(cells.get(0)[0], cells.get(0)[1]).strip()).matches();
        int category = name > 0 && !numbered ? 0 : name > 1 ? 1 : -1;
        // 2020年 / 2025年 / 2030年 in a five-year plan: the base is the year five before the last, the columns
        // before it are history; the columns between base and last are mid-term targets (2025 / 2027 / 2030).
        int base = baseIndex(years.stream().map(y -> y[1]).toList());
        return new TableColumns(name, category, years.get(base)[0], years.get(base)[1], last[0], last[1], cells.size(),
                unit, List.copyOf(years.subList(base + 1, years.size() - 1)));
    }

    /**
     * The year a header cell names: 2025年, 2030年目标值, 现状值（2025年）, “十四五”末（2025年）; null for any other cell (a
     * cell with words besides the year and those of a year column, 2025年新增学位, is a name).
     */
    static Integer yearOf(String cell) {
        if (cell.length() > 20) {
            return null;
        }
        Matcher year = YEAR_IN_CELL.matcher(cell);
        if (!year.find()) {
            return null;
        }
        String rest = cell.substring(0, year.start()) + cell.substring(year.end());
        if (YEAR_IN_CELL.matcher(rest).find() || !YEAR_HEADER_WORDS.matcher(rest).replaceAll("").isEmpty()) {
            return null;
        }
        return Integer.parseInt(year.group(1));
    }

    /**
     * Which of a table's year columns is the base: in a five-year plan's table (2020年 / 2025年 / 2030年) the year five
     * before the last, the columns before it being history; else the first.
     */
    static int baseIndex(List<Integer> years) {
        int base = 0;
        for (int k = 1; k < years.size() - 1; k++) {
            if (years.get(k) == years.get(years.size() - 1) - 5) {
                base = k;
            }
        }
        return base;
    }
}
