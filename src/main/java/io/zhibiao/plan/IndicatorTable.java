package io.zhibiao.plan;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator tables (主要指标表) of five-year plans, as pasted from Excel or WPS: one line per indicator, cells
 * separated by tabs, under a header that names a base year and a target year ({@code 指标 2025年 2030年 属性}). Each row
 * with a target value is a candidate: the indicator (its unit taken from the name, {@code 学前三年毛入园率（%）}), the
 * target-year value ({@code 97以上} at least 97; {@code 年均下降1个百分点} computed from the base over the years), the
 * base-year value as baseline ({@code —} for none), the years after the base year as period, and the direction from
 * the two values. A {@code 其中：小学} row, and the indented rows after it, are parts of the row above and are named
 * after it. Plain Java, like the rest of the extractor.
 */
final class IndicatorTable {

    /** A row read from a table: the candidate, and the text span it covers (char offsets). */
    record Row(Candidate candidate, int lineStart, int lineEnd) {
    }

    /** A year in a header cell, and the words a year column's header may hold besides it. */
    private static final Pattern YEAR_IN_CELL = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)\\s*年?");
    private static final Pattern YEAR_HEADER_WORDS = Pattern
            .compile("基期|基准|目标|预期|规划|现状|完成|实际|计划|期末|年度|值|末|十[一二三四五六七八九]五|[“”\"()（）:：\\s]");

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
    private static final Pattern NAME_CELL = Pattern.compile("指标|项目|名称");
    static final Pattern UNIT_IN_NAME = Pattern.compile("^(.*?)\\s*\\(\\s*([^()]{1,6})\\s*\\)\\s*$");
    /** A value cell: 97以上, ≥96%, ≤0.35, 92%, 不低于95. */
    static final Pattern VALUE = Pattern
            .compile("^(?<before>≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过)?\\s*(?<number>-?\\d+(?:\\.\\d+)?)\\s*(?<percent>%|％)?\\s*"
                    + "(?:年|个|所|人|名)?(?<after>以上|及以上|以下|以内|左右)?$");
    private static final Pattern YEARLY_CHANGE = Pattern
            .compile("^年均(下降|降低|减少|提高|提升|增加|增长)\\s*(\\d+(?:\\.\\d+)?)\\s*个?(百分点|%)?$");
    private static final Pattern SUB_ROW = Pattern.compile("^其中\\s*[:：]\\s*");
    static final Pattern NO_VALUE = Pattern.compile("^(?:-+|/|无|)$");

    private final PlanText plan;

    IndicatorTable(PlanText plan) {
        this.plan = plan;
    }

    /** Every row of every indicator table in the plan, in text order. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>(cellRows());
        rows.addAll(lineRows());
        rows.sort(Comparator.comparingInt(Row::lineStart));
        return rows;
    }

    /**
     * Tables whose rows are lines of cells: separated by tabs (pasted from Excel or WPS) or aligned with runs of spaces
     * (copied from a PDF). In an aligned table a row may leave its category empty — merged cells — and then has one
     * cell less: the category of the row above holds.
     */
    private List<Row> cellRows() {
        List<Row> rows = new ArrayList<>();
        String text = plan.rows();
        Header header = null;
        RowNames names = new RowNames();
        int[] category = null;
        List<int[]> previous = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean tabbed = TableCells.hasTab(text, lineStart, lineEnd);
            List<int[]> cells = TableCells.of(text, lineStart, lineEnd);
            Header read = cells.size() < 3 ? null : Header.read(plan, cells);
            if (read == null && tabbed && previous != null && cells.size() >= 3) {
                // A header of two rows (类别 / 指标 / 目标值 over 2025年 / 2030年): the cells merged down from the
                // first row are empty in the second, pasted or read from Word; the first row's text stands in them.
                read = Header.read(plan, underneath(previous, cells));
            }
            previous = tabbed ? cells : null;
            if (cells.size() < 3) {
                header = null; // a line of one or two cells ends the table
            } else if (read != null) {
                header = read;
                names = new RowNames();
                category = null;
            } else if (header != null) {
                if (!tabbed && header.category() >= 0 && cells.size() == header.columns() - 1) {
                    cells.add(header.category(), category == null ? new int[]{lineStart, lineStart} : category);
                }
                if (header.category() >= 0 && cells.size() > header.category()) {
                    int[] cell = cells.get(header.category());
                    if (tabbed && category != null && plan.normal(cell[0], cell[1]).isBlank()) {
                        cells.set(header.category(), category); // merged down: the category of the row above
                    } else {
                        category = cell;
                    }
                }
                if (cells.size() <= Math.max(header.base(), header.target())) {
                    lineStart = lineEnd + 1;
                    continue;
                }
                String raw = plan.normal(cells.get(header.name())[0], cells.get(header.name())[1]);
                boolean indented = tabbed && !raw.isEmpty() && Character.isWhitespace(raw.charAt(0))
                        && !PipeRows.padded(plan.original(), cells.get(header.name())[0]);
                Named named = names.of(raw.strip(), indented);
                String unit = named.unit();
                if (unit == null && header.unit() >= 0 && header.unit() < cells.size()) {
                    unit = unitCell(plan.normal(cells.get(header.unit())[0], cells.get(header.unit())[1]).strip());
                }
                addRows(rows, header, cells, named.name(), unit, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        return rows;
    }

    /** A row's cells, each empty one taking the cell above it (a header cell merged down over two rows). */
    private List<int[]> underneath(List<int[]> above, List<int[]> cells) {
        List<int[]> combined = new ArrayList<>(cells);
        for (int i = 0; i < combined.size() && i < above.size(); i++) {
            if (plan.normal(combined.get(i)[0], combined.get(i)[1]).isBlank()) {
                combined.set(i, above.get(i));
            }
        }
        return combined;
    }

    /**
     * Tables pasted from Word or a PDF one cell per line: a header of single-cell lines (领域 / 指标名称 / 2025年 / 2030年
     * / 属性), then rows of an optional category, the indicator, the base-year value, the target-year value and an
     * optional attribute (约束性, 预期性). The table ends at the first line that fits no row.
     */
    private List<Row> lineRows() {
        List<int[]> lines = new ArrayList<>();
        String text = plan.rows();
        for (int start = 0; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (!text.substring(start, end).isBlank()) {
                lines.add(TableCells.trimmed(text, start, end));
            }
            start = end + 1;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineHeader header = LineHeader.read(plan, lines, i);
            if (header == null) {
                continue;
            }
            int[] category = null;
            RowNames names = new RowNames();
            int at = header.end();
            int u = header.unitColumn() ? 1 : 0;
            int v = header.years().size(); // value cells per row, one per year column
            int base = baseIndex(header.years());
            List<int[]> midTerm = new ArrayList<>();
            for (int k = base + 1; k < v - 1; k++) {
                midTerm.add(new int[]{2 + k, header.years().get(k)});
            }
            Header columns = new Header(1, 0, 2 + base, header.years().get(base), 1 + v, header.years().get(v - 1),
                    2 + v, -1, List.copyOf(midTerm));
            while (at + 1 + u + v < lines.size() + 1) {
                if (header.numbered() && ROW_NUMBER.matcher(cellText(lines.get(at))).matches() && at + 1 < lines.size()
                        && !valueLike(lines.get(at + 1))) {
                    at++; // the row's 序号
                }
                int nameAt = at;
                if (at + 2 + u + v <= lines.size() && !valueLike(lines.get(at)) && !valueLike(lines.get(at + 1))
                        && !SUB_ROW.matcher(cellText(lines.get(at + 1))).find()
                        && (u == 0 || !valueLike(lines.get(at + 2))) && values(lines, at + 2 + u, v)) {
                    category = lines.get(at);
                    nameAt = at + 1;
                }
                int partsRowEnd = u == 0 ? partsRow(rows, lines, names, columns, v, category, at, nameAt) : -1;
                if (partsRowEnd < 0 && u == 0 && nameAt == at && at + 2 < lines.size() && !valueLike(lines.get(at))
                        && SUB_ROW.matcher(cellText(lines.get(at + 2))).find()) {
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
                Named named = names.of(cellText(lines.get(nameAt)), false);
                String unit = named.unit() == null && u == 1 ? unitCell(cellText(lines.get(nameAt + 1))) : named.unit();
                int[] none = {lines.get(nameAt)[0], lines.get(nameAt)[0]};
                List<int[]> cells = new ArrayList<>(List.of(category == null ? none : category, lines.get(nameAt)));
                cells.addAll(lines.subList(nameAt + 1 + u, nameAt + 1 + u + v));
                addRows(rows, columns, cells, named.name(), unit,
                        lines.get(category != null && nameAt == at + 1 ? at : nameAt)[0], lines.get(last)[1]);
                at = last + 1;
            }
            i = at - 1;
        }
        return rows;
    }

    private record Named(String name, String unit) {
    }

    /**
     * A row of parts, one cell per line: the indicator, its 其中 parts (其中：小学 / 初中), then the values part by part for
     * each year column (34.52% / 77.34% / 80%以上 / 85%以上) — with the indicator's own values first when it has them
     * (97.74% / 49.85% / 100% / 50% for 专科 and its 其中 本科). Answers where the next row starts, or -1 when the lines at
     * {@code nameAt} are no such row.
     */
    private int partsRow(List<Row> rows, List<int[]> lines, RowNames names, Header columns, int v, int[] category,
            int at, int nameAt) {
        if (nameAt + 1 >= lines.size() || !SUB_ROW.matcher(cellText(lines.get(nameAt + 1))).find()
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
        List<Named> rowNames = new ArrayList<>();
        Named parent = names.of(cellText(lines.get(nameAt)), false);
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
            addRows(rows, columns, cells, rowNames.get(k).name(), rowNames.get(k).unit(), lineStart,
                    lines.get(last)[1]);
        }
        return last + 1;
    }

    /** The row's target, after a candidate for each mid-term column (2025年 / 2027年 / 2030年: 2027 is one of its own). */
    private void addRows(List<Row> rows, Header header, List<int[]> cells, String name, String unit, int lineStart,
            int lineEnd) {
        for (int[] column : header.midTerm()) {
            Row midTerm = cells.size() > column[0]
                    ? row(header.aimingAt(column), cells, name, unit, lineStart, lineEnd)
                    : null;
            if (midTerm != null) {
                rows.add(midTerm);
            }
        }
        Row row = row(header, cells, name, unit, lineStart, lineEnd);
        if (row != null) {
            rows.add(row);
        }
    }

    /**
     * Which of a table's year columns is the base: in a five-year plan's table (2020年 / 2025年 / 2030年) the year five
     * before the last, the columns before it being history; else the first.
     */
    private static int baseIndex(List<Integer> years) {
        int base = 0;
        for (int k = 1; k < years.size() - 1; k++) {
            if (years.get(k) == years.get(years.size() - 1) - 5) {
                base = k;
            }
        }
        return base;
    }

    /**
     * Names rows as a table reads them: the unit from the name (学前三年毛入园率（%）), and a 其中：小学 row — or, where
     * indentation is visible, an indented one — named after the row above it.
     */
    private static final class RowNames {

        private String parentName;
        private String parentUnit;

        Named of(String cell, boolean indented) {
            String name = ROW_NUMBERING.matcher(cell).replaceFirst(""); // 1.学前教育毛入园率(%)
            Matcher sub = SUB_ROW.matcher(name);
            if (sub.find() && parentName != null) {
                return new Named(parentName + "（" + name.substring(sub.end()).strip() + "）", parentUnit);
            }
            if (indented && parentName != null && !name.isEmpty()) {
                return new Named(parentName + "（" + name + "）", parentUnit);
            }
            Matcher withUnit = UNIT_IN_NAME.matcher(name);
            boolean unitGiven = withUnit.matches() && isUnit(withUnit.group(2).strip());
            parentName = unitGiven ? withUnit.group(1).strip() : name;
            parentUnit = unitGiven ? withUnit.group(2).strip() : null;
            return new Named(parentName, parentUnit);
        }
    }

    /** 学前三年毛入园率（%）, 骨干教师（人）, 生均图书（册/生）: a unit; 差异系数（小学） names a part, not a unit. */
    private static boolean isUnit(String bracketed) {
        return bracketed.equals("%") || bracketed.equals("％") || bracketed.equals("‰")
                || Units.unitAt(bracketed, 0) != null || Units.isTableUnit(bracketed);
    }

    private static final Pattern ROW_NUMBERING = Pattern.compile("^\\d{1,2}\\s*[.、．]\\s*(?=\\D)");
    private static final Pattern ATTRIBUTE = Pattern.compile("约束性|预期性|约束性指标|预期性指标");

    /** A cell's text without spaces: a one-cell-per-line table spreads short headers (指  标). */
    private String cellText(int[] cell) {
        return SPACE.matcher(plan.normal(cell[0], cell[1])).replaceAll("");
    }

    private static final Pattern SPACE = Pattern.compile("\\s+");

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
        return VALUE.matcher(text).matches() || YEARLY_CHANGE.matcher(text).matches()
                || !text.isEmpty() && NO_VALUE.matcher(text).matches();
    }

    /**
     * The header of a one-cell-per-line table: the base and target years, where rows begin, whether rows start with a
     * number of their own (a 序号 column) and whether a unit cell follows the name (a 单位 column before the years).
     */
    private record LineHeader(List<Integer> years, int end, boolean numbered, boolean unitColumn) {

        /**
         * A header starting at line {@code i}: an optional short cell (序号, 领域), a name cell, an optional 单位 cell,
         * two or more year cells, then optional 属性/单位/备注 cells.
         */
        static LineHeader read(PlanText plan, List<int[]> lines, int i) {
            int at = i;
            boolean numbered = false;
            String first = plan.normal(lines.get(at)[0], lines.get(at)[1]).replaceAll("\\s+", "");
            if (first.length() <= 4 && !NAME_CELL.matcher(first).find() && at + 1 < lines.size()) {
                numbered = INDEX_CELL.matcher(first).matches();
                at++; // 领域, 类别, 序号 before the name cell
            }
            String name = plan.normal(lines.get(at)[0], lines.get(at)[1]).replaceAll("\\s+", "");
            if (name.length() > 8 || !NAME_CELL.matcher(name).find()) {
                return null;
            }
            at++;
            if (at < lines.size() && plan.normal(lines.get(at)[0], lines.get(at)[1]).strip().length() <= 8
                    && NAME_CELL.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1]).strip()).find()) {
                at++; // 一级指标 / 二级指标: the second names the row, the first is its category
            }
            boolean unitColumn = at < lines.size()
                    && UNIT_CELL.matcher(plan.normal(lines.get(at)[0], lines.get(at)[1]).strip()).matches();
            if (unitColumn) {
                at++;
            }
            List<Integer> years = new ArrayList<>();
            while (at < lines.size()) {
                String cell = plan.normal(lines.get(at)[0], lines.get(at)[1]).strip();
                Integer year = yearOf(cell);
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
            return new LineHeader(List.copyOf(years), at, numbered, unitColumn);
        }
    }

    private static final Pattern YEAR_NOTE = Pattern.compile("\\(?\\s*(?:基期|目标|预期|规划|现状|完成|实际)值?\\s*\\)?");
    private static final Pattern HEADER_TAIL = Pattern.compile("(?:指标)?(?:属性|性质|类型)|(?:计量)?单位|备注");
    /** A column of units (单位, 计量单位), and a column that only numbers the rows (序号). */
    private static final Pattern UNIT_CELL = Pattern.compile("(?:计量)?单位");
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern INDEX_CELL = Pattern.compile("序号|编号|序");

    private Row row(Header header, List<int[]> cells, String name, String unit, int lineStart, int lineEnd) {
        if (name.isEmpty()) {
            return null;
        }
        int[] baseCell = cells.get(header.base());
        int[] targetCell = TableCells.trimmed(plan.original(), cells.get(header.target())[0],
                cells.get(header.target())[1]);
        String baseText = plan.normal(baseCell[0], baseCell[1]).strip();
        String targetText = plan.normal(targetCell[0], targetCell[1]).strip();
        Matcher base = VALUE.matcher(baseText);
        BigDecimal baseValue = base.matches() ? new BigDecimal(base.group("number")) : null;
        boolean percentCells = base.matches() && base.group("percent") != null;
        if (baseValue == null && !NO_VALUE.matcher(baseText).matches()) {
            return null;
        }
        int years = header.targetYear() - header.baseYear();
        List<String> notes = new ArrayList<>();
        BigDecimal value;
        Direction direction;
        Matcher target = VALUE.matcher(targetText);
        Matcher yearly = YEARLY_CHANGE.matcher(targetText);
        if (target.matches()) {
            value = new BigDecimal(target.group("number"));
            percentCells |= target.group("percent") != null;
            String bound = target.group("after") != null
                    ? target.group("after")
                    : atLeastOrMost(target.group("before"));
            if (bound != null && bound.contains("上")) {
                direction = Direction.INCREASE;
                notes.add("\"" + targetText + "\": at least " + value.toPlainString());
            } else if (bound != null && (bound.contains("下") || bound.contains("内"))) {
                direction = Direction.DECREASE;
                notes.add("\"" + targetText + "\": at most " + value.toPlainString());
            } else {
                direction = directionOf(baseValue, value);
            }
        } else if (yearly.matches() && baseValue != null && "%".equals(yearly.group(3)) && !"%".equals(unit)
                && !percentCells) {
            // 年均增长5% of an amount (亿元) compounds, and the table states no value to reach: no candidate, rather
            // than a sum of percents read as 亿元
            return null;
        } else if (yearly.matches() && baseValue != null) {
            BigDecimal step = new BigDecimal(yearly.group(2)).multiply(BigDecimal.valueOf(years));
            boolean down = "下降降低减少".contains(yearly.group(1));
            value = down ? baseValue.subtract(step) : baseValue.add(step);
            direction = down ? Direction.DECREASE : Direction.INCREASE;
            notes.add("\"" + targetText + "\": " + baseValue.toPlainString() + (down ? " − " : " + ") + years + " × "
                    + yearly.group(2) + " over the " + years + " years");
        } else {
            return null;
        }
        if (baseValue == null) {
            notes.add("\"" + baseText + "\": no baseline");
        }
        PeriodValue baseline = baseValue == null ? null : new PeriodValue(String.valueOf(header.baseYear()), baseValue);
        String period = new Period((header.baseYear() + 1) * 12, header.targetYear() * 12 + 11).toString();
        String category = header.category() < 0
                ? null
                : plan.normal(cells.get(header.category())[0], cells.get(header.category())[1]).strip();
        String unitOrNull = unit == null || unit.isEmpty() ? percentCells ? "%" : null : unit;
        ValueType type = unitOrNull == null
                ? ValueType.DECIMAL
                : Objects.requireNonNullElse(Units.type(unitOrNull), ValueType.DECIMAL);
        return new Row(new Candidate(name, value, unitOrNull, type, direction, period, baseline, null,
                category == null || category.isEmpty() ? null : category,
                plan.original().substring(lineStart, lineEnd).replace('\t', ' ').replace('\n', ' ').strip(),
                plan.codePointOffset(targetCell[0]), plan.codePointOffset(targetCell[1]),
                BigDecimal.valueOf(0.9).setScale(2, RoundingMode.HALF_UP),
                notes.isEmpty() ? null : String.join("; ", notes), List.of(), null), lineStart, lineEnd);
    }

    /** ≥ and 不低于 bound from below (以上), ≤ and 不超过 from above (以下); null for none. */
    private static String atLeastOrMost(String before) {
        if (before == null) {
            return null;
        }
        return before.equals("≥") || before.equals(">") || before.equals("＞") || before.equals("不低于")
                || before.equals("不少于") ? "以上" : "以下";
    }

    /** The unit a unit column gives: % for 百分比 or ％, none for an empty or dashed cell. */
    private static String unitCell(String cell) {
        if (cell.isEmpty() || NO_VALUE.matcher(cell).matches()) {
            return null;
        }
        return cell.equals("百分比") || cell.equals("％") ? "%" : cell;
    }

    private static Direction directionOf(BigDecimal base, BigDecimal target) {
        if (base == null) {
            return target.signum() == 0 ? Direction.DECREASE : Direction.INCREASE;
        }
        int compared = target.compareTo(base);
        return compared > 0 ? Direction.INCREASE : compared < 0 ? Direction.DECREASE : Direction.MAINTAIN;
    }

    /**
     * The columns of a table: the indicator name, the category if any, the base and the target year, and the unit
     * where the table gives it a column of its own (-1 when not).
     */
    private record Header(int name, int category, int base, int baseYear, int target, int targetYear, int columns,
            int unit, List<int[]> midTerm) {

        /** The same table read for one of its mid-term columns ({@code [column, year]}). */
        Header aimingAt(int[] column) {
            return new Header(name, category, base, baseYear, column[0], column[1], columns, unit, List.of());
        }

        static Header read(PlanText plan, List<int[]> cells) {
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
            return new Header(name, category, years.get(base)[0], years.get(base)[1], last[0], last[1], cells.size(),
                    unit, List.copyOf(years.subList(base + 1, years.size() - 1)));
        }
    }
}
