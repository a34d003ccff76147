package io.zhibiao.plan;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target an indicator table's row states, read from its cells under the table's columns: the target-year value
 * ({@code 97以上} at least 97; {@code 年均下降1个百分点} computed from the base over the years; {@code 120万} is 1200000),
 * the base-year value as baseline ({@code —} for none), the years after the base year as period, and the direction from
 * the two values — one candidate for the target column and one for each mid-term column. A table whose header is not in
 * the text ({@link TableColumns#baseYear()} 0) names no years: its rows are due in the span the caller gives, and their
 * base values date nothing.
 */
final class RowTarget {

    /** A value cell: 97以上, ≥96%, ≤0.35, 92%, 不低于95, 120万. */
    static final Pattern VALUE = Pattern.compile("^(?<before>≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过)?\\s*"
            + "(?<number>-?\\d+(?:\\.\\d+)?)\\s*(?<multiplier>万|亿)?\\s*(?<percent>%|％)?\\s*"
            + "(?:年|个|所|人|名)?(?<after>以上|及以上|以下|以内|左右)?$");
    static final Pattern YEARLY_CHANGE = Pattern
            .compile("^年均(下降|降低|减少|提高|提升|增加|增长)\\s*(\\d+(?:\\.\\d+)?)\\s*个?(百分点|%)?$");
    /** A cell that states no value: a dash, a slash, 无, nothing. */
    static final Pattern NO_VALUE = Pattern.compile("^(?:-+|/|无|)$");

    private final PlanText plan;
    /** The period of the rows of a table that names no years. */
    private final String undatedPeriod;

    RowTarget(PlanText plan, String undatedPeriod) {
        this.plan = plan;
        this.undatedPeriod = undatedPeriod;
    }

    /** The number a value cell states, 万 and 亿 multiplied in. */
    static BigDecimal number(Matcher value) {
        BigDecimal number = new BigDecimal(value.group("number"));
        String multiplier = value.group("multiplier");
        return multiplier == null ? number : number.multiply(BigDecimal.TEN.pow("万".equals(multiplier) ? 4 : 8));
    }

    /** Adds the row's candidates to {@code rows}: one per mid-term column, then the target column's. */
    void addRows(List<TableRow> rows, TableColumns columns, List<int[]> cells, String name, String unit, int lineStart,
            int lineEnd) {
        for (int[] column : columns.midTerm()) {
            TableRow midTerm = cells.size() > column[0]
                    ? row(columns.aimingAt(column), cells, name, unit, lineStart, lineEnd)
                    : null;
            if (midTerm != null) {
                rows.add(midTerm);
            }
        }
        TableRow row = row(columns, cells, name, unit, lineStart, lineEnd);
        if (row != null) {
            rows.add(row);
        }
    }

    private TableRow row(TableColumns columns, List<int[]> cells, String name, String unit, int lineStart,
            int lineEnd) {
        if (name.isEmpty()) {
            return null;
        }
        boolean dated = columns.baseYear() > 0;
        int[] baseCell = cells.get(columns.base());
        int[] targetCell = TableCells.trimmed(plan.rows(), cells.get(columns.target())[0],
                cells.get(columns.target())[1]);
        String baseText = plan.normal(baseCell[0], baseCell[1]).strip();
        String targetText = plan.normal(targetCell[0], targetCell[1]).strip();
        Matcher base = VALUE.matcher(baseText);
        BigDecimal baseValue = base.matches() ? number(base) : null;
        boolean percentCells = base.matches() && base.group("percent") != null;
        if (baseValue == null && !NO_VALUE.matcher(baseText).matches()) {
            return null;
        }
        int years = columns.targetYear() - columns.baseYear();
        List<String> notes = new ArrayList<>();
        BigDecimal value;
        Direction direction;
        Matcher target = VALUE.matcher(targetText);
        Matcher yearly = YEARLY_CHANGE.matcher(targetText);
        if (target.matches()) {
            value = number(target);
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
        } else if (!dated || yearly.matches() && baseValue != null && "%".equals(yearly.group(3)) && !"%".equals(unit)
                && !percentCells) {
            // no years to count a yearly change over; or 年均增长5% of an amount (亿元), which compounds, and the
            // table states no value to reach: no candidate, rather than a sum of percents read as 亿元
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
        } else if (!dated) {
            notes.add("\"" + baseText + "\": the table's header, which names the base year, is not in the text");
        }
        PeriodValue baseline = baseValue == null || !dated
                ? null
                : new PeriodValue(String.valueOf(columns.baseYear()), baseValue);
        String period = dated
                ? new Period((columns.baseYear() + 1) * 12, columns.targetYear() * 12 + 11).toString()
                : undatedPeriod;
        String category = columns.category() < 0
                ? null
                : plan.normal(cells.get(columns.category())[0], cells.get(columns.category())[1]).strip();
        String unitOrNull = unit == null || unit.isEmpty() ? percentCells ? "%" : null : unit;
        ValueType type = unitOrNull == null
                ? ValueType.DECIMAL
                : Objects.requireNonNullElse(Units.type(unitOrNull), ValueType.DECIMAL);
        return new TableRow(new Candidate(name, value, unitOrNull, type, direction, period, baseline, null,
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
    static String unitCell(String cell) {
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
}
