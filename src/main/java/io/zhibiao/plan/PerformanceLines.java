package io.zhibiao.plan;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A performance-goal table (绩效目标表, as every budget unit publishes one per project) copied one cell per line: the
 * levels (产出指标 › 数量指标), the indicator on a line of its own, then its value alone on the next line (100%, ≥90%,
 * 10000万元, a bare count). Each value line under such a title is the target of the line before it, due in the plan
 * year. Lines that are levels or headers (…指标, 指标值(年度)), parts (其中:财政拨款) and a restatement of the same
 * money (资金总额, 当年资金总额) give nothing more; a sentence of the text is never such a pair, as a name line holds no
 * figure and no stop.
 */
final class PerformanceLines {

    private static final Pattern TITLE = Pattern.compile("绩效目标|绩效指标");
    private static final Pattern VALUE = Pattern.compile("^(?<before>≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过)?\\s*"
            + "(?<number>\\d+(?:\\.\\d+)?)\\s*(?<unit>%|％|万元|亿元|元|[\\u4e00-\\u9fa5]{1,3})?\\s*(?<after>以上|以下|以内)?$");
    /** A cell that names an indicator: Han characters (and a list's 、 or brackets), no figure, no stop. */
    private static final Pattern NAME = Pattern.compile("^[\\u4e00-\\u9fa5、()（）]{2,30}[:：]?$");
    /** A table's levels and headers: 产出指标, 服务对象满意度指标, 指标值(年度), 三级指标(长期), 项目名称. */
    private static final Pattern STRUCTURE = Pattern
            .compile("指标(?:[(（][\\u4e00-\\u9fa5]{1,4}[)）])?[:：]?$|^指标|^(?:项目|年度|总体|中期)?(?:名称|目标|属性|编码)");
    /** A part of the amount before (其中:财政拨款), not a target of its own. */
    private static final Pattern PART = Pattern.compile("^其中");
    /** A count without a unit names what it counts: 重点建设工程安排数量 / 2. */
    private static final Pattern COUNTED = Pattern.compile("(?:数量|个数|人数|次数|数)$");
    /** A line that gives the money unit of the lines after it: (万元), 单位：万元. */
    private static final Pattern UNIT_LINE = Pattern.compile("^[(（]?\\s*(?:单位\\s*[:：]\\s*)?(万元|亿元|元)\\s*[)）]?$");
    /** An amount with its label on one line, its unit on a line above: 年度资金总额:16 under (万元). */
    private static final Pattern LABELLED = Pattern
            .compile("^([\\u4e00-\\u9fa5]{2,20})\\s*[:：]\\s*(\\d+(?:\\.\\d+)?)$");
    /** The year a restated amount is for: 当年资金总额 restates 资金总额. */
    private static final Pattern YEAR_WORD = Pattern.compile("^(?:当年|年度|本年度?)");

    private final PlanText plan;
    private final String period;

    PerformanceLines(PlanText plan, int year) {
        this.plan = plan;
        this.period = String.valueOf(year);
    }

    /** One candidate per indicator line and value line under a performance-goal title, in text order. */
    List<Candidate> candidates() {
        List<Candidate> found = new ArrayList<>();
        String text = plan.original();
        Matcher title = TITLE.matcher(text);
        if (!title.find()) {
            return found;
        }
        int[] name = null;
        String money = null;
        for (int start = text.lastIndexOf('\n', title.start()) + 1; start < text.length();) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (!text.substring(start, end).isBlank()) {
                int[] line = TableCells.trimmed(text, start, end);
                Matcher unit = UNIT_LINE.matcher(normal(line));
                if (unit.matches()) {
                    money = unit.group(1);
                }
                Candidate c = name == null ? null : candidate(name, line);
                c = c == null ? labelled(line, money) : c;
                if (c != null && !restates(found, c)) {
                    found.add(c);
                }
                name = c == null && NAME.matcher(normal(line)).matches() ? line : null;
            }
            start = end + 1;
        }
        return found;
    }

    private Candidate candidate(int[] nameLine, int[] valueLine) {
        String name = normal(nameLine).replaceFirst("[:：]$", "");
        Matcher value = VALUE.matcher(normal(valueLine));
        if (!value.matches() || STRUCTURE.matcher(name).find() || PART.matcher(name).find()) {
            return null;
        }
        String unit = value.group("unit") == null ? null : value.group("unit").replace('％', '%');
        ValueType type = unit == null ? ValueType.INTEGER : "%".equals(unit) ? ValueType.PERCENT : Units.type(unit);
        if (unit == null && !COUNTED.matcher(name).find() || type == null) {
            return null; // a bare number names a count only under a name that counts; 2 学年 is no unit
        }
        String before = value.group("before") == null ? "" : value.group("before");
        Direction direction = before.matches("≤|<|＜|不高于|不超过") || "以下".equals(value.group("after"))
                || "以内".equals(value.group("after")) ? Direction.DECREASE : Direction.INCREASE;
        return new Candidate(name, new BigDecimal(value.group("number")), unit, type, direction, period, null, null,
                null, name + " " + normal(valueLine), plan.codePointOffset(valueLine[0]),
                plan.codePointOffset(valueLine[1]), BigDecimal.valueOf(0.8).setScale(2, RoundingMode.HALF_UP),
                "an indicator of a performance-goal table copied one cell per line", List.of(), null);
    }

    /** 年度资金总额:16 under a line (万元): the amount in the unit the table gives its money in. */
    private Candidate labelled(int[] line, String money) {
        Matcher m = LABELLED.matcher(normal(line));
        if (money == null || !m.matches() || PART.matcher(m.group(1)).find()) {
            return null;
        }
        int figure = plan.original().lastIndexOf(m.group(2), line[1]);
        return new Candidate(m.group(1), new BigDecimal(m.group(2)), money, ValueType.DECIMAL, Direction.INCREASE,
                period, null, null, null, normal(line), plan.codePointOffset(figure),
                plan.codePointOffset(figure + m.group(2).length()),
                BigDecimal.valueOf(0.8).setScale(2, RoundingMode.HALF_UP),
                "an amount of a performance-goal table, in the unit a line above gives (" + money + ")", List.of(),
                null);
    }

    /** 资金总额 10000万元 then 当年资金总额 10000万元: the same money, stated for the year. */
    private static boolean restates(List<Candidate> found, Candidate c) {
        if (found.isEmpty()) {
            return false;
        }
        Candidate last = found.get(found.size() - 1);
        return last.value().compareTo(c.value()) == 0 && java.util.Objects.equals(last.unit(), c.unit())
                && YEAR_WORD.matcher(c.name()).replaceFirst("").equals(YEAR_WORD.matcher(last.name()).replaceFirst(""));
    }

    private String normal(int[] span) {
        return plan.normal(span[0], span[1]).strip();
    }
}
