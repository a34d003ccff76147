package io.zhibiao.plan;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The breakdown tables of a plan's annex (各乡镇新增学位任务分解表): one row per org unit, one column per measure with
 * its unit in brackets ({@code 乡镇 / 新增学位（个） / 新建幼儿园（所）}). Each value cell is the target of that measure for
 * that org unit in the plan year, or in the year the table's title names. A schedule by year (分年度推进计划:
 * {@code 年度 / 新增学位（个）}, rows 2026年, 2027年) is read the same way: each cell is the target of its row's year.
 * Totals (合计) restate the plan's own targets and are left out, as are empty, dashed and zero cells (nothing assigned),
 * and tables of the present (基本情况, 分布如下). Plain Java, like the rest of the extractor.
 */
final class BreakdownTable {

    /** The column that names the org units: 乡镇, 县（市、区）, 学校名称, 单位. */
    private static final Pattern UNIT_COLUMN = Pattern.compile(
            "(?:乡镇|乡镇\\(街道\\)|镇\\(街道\\)|街道|镇街|县区|区县|县市区|县\\(市、区\\)|县\\(市\\)区|学校|学校名称|学校\\(园\\)|单位|单位名称|责任单位|地区|区域|片区|学区)");
    /** The column that names the years of a schedule (分年度推进计划): 年度, 年份. */
    private static final Pattern YEAR_COLUMN = Pattern.compile("年度|年份|年|时间|时间节点|完成年度");
    private static final Pattern YEAR_ROW = Pattern.compile("((?:19|20)\\d{2})\\s*年?(?:度|底|末)?");
    private static final Pattern INDEX_COLUMN = Pattern.compile("序号|编号|序");
    private static final Pattern TOTAL = Pattern.compile("合计|总计|小计|全县|全区|全市|总数");
    private static final Pattern PRESENT = Pattern.compile("基本情况|现状|统计|分布|截至|截止|现有|完成情况|情况如下");
    private static final Pattern TARGET_WORDS = Pattern.compile("任务|目标|计划|分解|指标");

    private final PlanText plan;
    private final int year;

    BreakdownTable(PlanText plan, int year) {
        this.plan = plan;
        this.year = year;
    }

    /** A measure column: its index, name and unit. */
    private record Measure(int column, String name, String unit) {
    }

    /** Every value cell of every breakdown table in the plan, in text order. */
    List<TableRow> rows() {
        List<TableRow> rows = new ArrayList<>();
        String text = plan.rows();
        List<Measure> measures = null;
        int orgColumn = -1;
        boolean byYears = false; // rows are years (分年度推进计划), not org units
        int columns = 0;
        String period = String.valueOf(year);
        int previousLine = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            List<int[]> cells = TableCells.of(text, lineStart, lineEnd);
            List<Measure> header = cells.size() < 2 ? null : header(cells);
            if (header != null && !setsTargets(header, previousLine, lineStart)) {
                measures = null; // 各乡镇学校分布如下: a table of the present, not of targets
            } else if (header != null) {
                measures = header;
                orgColumn = orgColumn(cells);
                byYears = YEAR_COLUMN.matcher(cell(cells.get(orgColumn))).matches();
                columns = cells.size();
                period = titleYear(previousLine, lineStart);
            } else if (measures != null && cells.size() == columns) {
                String key = cell(cells.get(orgColumn));
                Matcher yearRow = YEAR_ROW.matcher(key);
                String org = byYears ? null : key;
                String rowPeriod = period;
                if (byYears) {
                    int y = yearRow.matches() ? Integer.parseInt(yearRow.group(1)) : -1;
                    rowPeriod = y >= year && y <= year + 20 ? String.valueOf(y) : null;
                }
                if (!key.isEmpty() && !TOTAL.matcher(key).find() && (!byYears || rowPeriod != null)) {
                    for (Measure measure : measures) {
                        TableRow row = row(measure, org, cells.get(measure.column()), rowPeriod, lineStart, lineEnd);
                        if (row != null) {
                            rows.add(row);
                        }
                    }
                }
            } else {
                measures = null; // a line of another shape ends the table
            }
            previousLine = lineStart;
            lineStart = lineEnd + 1;
        }
        return rows;
    }

    /** The measures of a header line whose first column (after a 序号) names org units; null for any other line. */
    private List<Measure> header(List<int[]> cells) {
        int org = orgColumn(cells);
        if (org < 0) {
            return null;
        }
        List<Measure> measures = new ArrayList<>();
        for (int i = org + 1; i < cells.size(); i++) {
            Matcher named = RowNames.UNIT_IN_NAME.matcher(cell(cells.get(i)));
            if (!named.matches()) {
                return null;
            }
            String unit = named.group(2).strip();
            String known = unit.equals("%") || unit.equals("％") ? "%" : Units.unitAt(unit, 0);
            if (known == null || known.length() != unit.length() || named.group(1).isBlank()) {
                return null;
            }
            measures.add(new Measure(i, CandidateNames.hanOnly(named.group(1)).replaceAll("[()（）]", ""), known));
        }
        return measures.isEmpty() ? null : measures;
    }

    /** The column that keys the rows: org units (乡镇, 学校) or years (年度); -1 when the line has none. */
    private int orgColumn(List<int[]> cells) {
        int first = INDEX_COLUMN.matcher(cell(cells.get(0))).matches() && cells.size() > 2 ? 1 : 0;
        String key = cell(cells.get(first));
        return UNIT_COLUMN.matcher(key).matches() || YEAR_COLUMN.matcher(key).matches() ? first : -1;
    }

    /**
     * Whether a table sets targets: its title (the line above the header) says so (任务, 目标, 计划, 分解, 指标) or one of
     * its measures does (新增学位, 招生计划), and the title neither describes the present (基本情况, 分布如下, 截至…) nor
     * names a past year.
     */
    private boolean setsTargets(List<Measure> measures, int titleStart, int headerStart) {
        String title = titleStart < headerStart ? plan.normal(titleStart, headerStart) : "";
        if (PRESENT.matcher(title).find()) {
            return false;
        }
        Matcher named = GoalRules.YEAR.matcher(title);
        if (named.find() && Integer.parseInt(named.group(1)) < year) {
            return false;
        }
        return TARGET_WORDS.matcher(title).find() || measures.stream()
                .anyMatch(m -> GoalRules.GOAL_CUE.matcher(m.name()).find() || TARGET_WORDS.matcher(m.name()).find());
    }

    /** The year the title line above the header names (2026年各乡镇…分解表), else the plan year. */
    private String titleYear(int titleStart, int headerStart) {
        if (titleStart >= headerStart) {
            return String.valueOf(year);
        }
        Matcher m = GoalRules.YEAR.matcher(plan.original().substring(titleStart, headerStart));
        int named = m.find() ? Integer.parseInt(m.group(1)) : year;
        return String.valueOf(named >= year && named <= year + 20 ? named : year);
    }

    private TableRow row(Measure measure, String org, int[] cell, String period, int lineStart, int lineEnd) {
        Matcher value = RowTarget.VALUE.matcher(cell(cell));
        if (!value.matches() || value.group("before") != null) {
            return null;
        }
        BigDecimal number = RowTarget.number(value);
        if (number.signum() <= 0) {
            return null; // nothing assigned to this unit
        }
        ValueType type = Objects.requireNonNullElse(Units.type(measure.unit()), ValueType.DECIMAL);
        if (type == ValueType.INTEGER && number.stripTrailingZeros().scale() > 0) {
            type = ValueType.DECIMAL;
        }
        Direction direction = value.group("after") != null
                && (value.group("after").contains("下") || value.group("after").contains("内"))
                        ? Direction.DECREASE
                        : Direction.INCREASE;
        return new TableRow(new Candidate(measure.name(), number, measure.unit(), type, direction, period, null, org,
                null, plan.original().substring(lineStart, lineEnd).replace('\t', ' ').strip(),
                plan.codePointOffset(cell[0]), plan.codePointOffset(cell[1]),
                BigDecimal.valueOf(0.85).setScale(2, RoundingMode.HALF_UP), "a row of a breakdown table by org unit",
                List.of(), null), lineStart, lineEnd);
    }

    private String cell(int[] cell) {
        return plan.normal(cell[0], cell[1]).strip().replace(" ", "");
    }
}
