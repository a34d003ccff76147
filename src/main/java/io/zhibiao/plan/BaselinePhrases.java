package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.number;
import static io.zhibiao.plan.PlanNumbers.plain;

import io.zhibiao.plan.FigureScanner.Figure;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baselines a sentence states: by comparison (比2025年增加5个百分点: the target minus the delta) or by
 * a starting point (由93.4%提高到: the figure before 到).
 */
final class BaselinePhrases {

    /** 比2025年增加5个百分点 / 比上年提高3.2个百分点 / 较2024年减少28人. */
    static final Pattern COMPARED = Pattern
            .compile("(?:比|较|同比)\\s*(上年|去年|上一年|((?:19|20)\\d{2})\\s*年)?(?:同期|底|末)?(?:相比)?\\s*"
                    + "(增加|提高|提升|上升|增长|扩大|下降|降低|减少|缩小)了?\\s*(" + PlanNumbers.NUMBER
                    + ")\\s*(个百分点|%|[\\u4e00-\\u9fa5]{1,4})");

    /** 由2025年的93.4%提高到 / 从120人增加到: the figure that follows is the target. */
    static final Pattern FROM_TO = Pattern
            // (目前的75%: where it stands now, the year before's figure)
            .compile("(?:由|从)\\s*(?:((?:19|20)\\d{2})\\s*年(?:底|末)?的?|(?:目前|现在|当前)的?)?\\s*(" + PlanNumbers.NUMBER
                    + ")\\s*(%|[\\u4e00-\\u9fa5]{1,4}?)?\\s*" + "(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|降|升)?\\s*(?:到|至)"
                    // the year the figure after it is reached in: 从2019年的1500人降至2025年的1200人
                    + "(\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?的?)?");

    /**
     * A baseline stated by comparison: the target is {@code delta} above (or below) the figure of a
     * year.
     */
    private record Comparison(int start, int end, Integer year, BigDecimal delta, String unit, boolean decreasing) {
    }

    private final String s;
    private final int year;
    private final List<Comparison> comparisons = new ArrayList<>();

    /** Baselines stated by 由…到, keyed by where the target figure starts. */
    private final Map<Integer, PeriodValue> fromTo = new HashMap<>();

    BaselinePhrases(String sentence, int year) {
        this.s = sentence;
        this.year = year;
    }

    /**
     * Finds the phrases; each one found is masked for the figure scan (its figure is not a target).
     */
    void find(IntPredicate masked, BiConsumer<Integer, Integer> consume) {
        Matcher m = COMPARED.matcher(s);
        while (m.find()) {
            if (masked.test(m.start(4))) {
                continue;
            }
            BigDecimal delta = number(m.group(4));
            String unit = m.group(5).equals("个百分点") || m.group(5).equals("%")
                    ? m.group(5)
                    : Units.unitAt(m.group(5), 0);
            if (delta == null || unit == null) {
                continue;
            }
            int end = m.start(5) + unit.length();
            if (unit.equals("%") && standsAlone(m.start(), end)) {
                continue; // 招生数较去年增加5%；: a growth to reach, its sentence's only figure — a target, not a baseline
            }
            Integer from = m.group(1) == null
                    ? Integer.valueOf(year - 1)
                    : m.group(2) != null ? Integer.valueOf(m.group(2)) : Integer.valueOf(year - 1);
            boolean decreasing = "下降降低减少缩小".contains(m.group(3));
            comparisons.add(new Comparison(m.start(), end, from, delta, unit, decreasing));
            consume.accept(m.start(), end);
        }
        Matcher f = FROM_TO.matcher(s);
        while (f.find()) {
            if (masked.test(f.start(2))) {
                continue;
            }
            BigDecimal value = number(f.group(2));
            String unit = f.group(3);
            if (value == null || (unit != null && !unit.equals("%") && Units.unitAt(unit, 0) == null)) {
                continue;
            }
            int from = f.group(1) == null ? year - 1 : Integer.parseInt(f.group(1));
            int target = f.end();
            while (target < s.length() && s.charAt(target) == ' ') {
                target++;
            }
            fromTo.put(target, new PeriodValue(String.valueOf(from), value));
            if (f.group(4) != null) {
                targetsWithTheirYear.add(target);
            }
            consume.accept(f.start(), f.end());
        }
    }

    /** What ends a sentence or a list's item, for {@link #standsAlone}. */
    private static final String SENTENCE_MARKS = "。；;！!？?\n";

    /**
     * Whether a comparison is the only figure of its sentence (招生数较去年增加5%；…): no digit stands before or after it
     * up to the sentence's marks, so the growth is said of no other figure (not 全国计划招生650万人，较2024年微增2.3%, nor
     * 比2025年增长10%，达到660人).
     */
    private boolean standsAlone(int start, int end) {
        for (int i = start - 1; i >= 0 && SENTENCE_MARKS.indexOf(s.charAt(i)) < 0; i--) {
            if (Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        for (int i = end; i < s.length() && SENTENCE_MARKS.indexOf(s.charAt(i)) < 0; i++) {
            if (Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the 由…到 phrase before the figure at {@code start} names the year it is reached in (到2025年的1200人). */
    boolean namesTheTargetsYear(int start) {
        return targetsWithTheirYear.contains(start);
    }

    private final java.util.Set<Integer> targetsWithTheirYear = new java.util.HashSet<>();

    /** The baseline a 由…到 phrase gives the figure starting at {@code start}, or null. */
    PeriodValue fromToAt(int start) {
        return fromTo.get(start);
    }

    /** What may stand between a comparison and its figure: punctuation and a goal verb. */
    private static final Pattern BETWEEN_ADJACENT = Pattern.compile("[，,\\s]|达到|达|为|增至|增加到|提高到");
    /** What may stand between a figure and the comparison said of it: punctuation and a bound. */
    private static final Pattern BETWEEN_BOUND = Pattern.compile("[，,、\\s]|以上|及以上|以内|之内|以下|左右");
    /** What may stand between a comparison and the figure it leads to, besides goal words. */
    private static final Pattern BETWEEN_LEADING = Pattern.compile("[，,、\\s]|达到|达|为|增至|增加到|提高到|提升到|提升至");

    /**
     * Whether a growth in percent is said of this very figure: right before it (比2025年增长10%，达到660人) or right
     * after it (达到660人，比上年增长10%), with no other words between.
     */
    private boolean adjacent(Comparison c, Figure f) {
        String between = c.end() <= f.start()
                ? s.substring(c.end(), f.start())
                : f.unitEnd() <= c.start() ? s.substring(f.unitEnd(), c.start()) : "?";
        return BETWEEN_ADJACENT.matcher(between).replaceAll("").isEmpty();
    }

    /**
     * Whether a comparison right after a figure is said of it: nothing but a bound and punctuation between them
     * (达到68%，比2025年增加5个百分点; 控制在50%以内，比上年下降2个百分点), or its own clause.
     */
    private boolean saidOf(Figure f, Comparison c) {
        if (f.unitEnd() > c.start()) {
            return false;
        }
        String between = s.substring(f.unitEnd(), c.start());
        return between.chars().noneMatch(ch -> "，,；;、".indexOf(ch) >= 0)
                || BETWEEN_BOUND.matcher(between).replaceAll("").isEmpty();
    }

    /** Whether a comparison leads to the figure after it: only goal words and punctuation between them. */
    private boolean leadsTo(Comparison c, Figure f) {
        String between = s.substring(c.end(), f.start());
        return BETWEEN_LEADING.matcher(
                GoalRules.GOAL_CUE.matcher(GoalRules.DECREASE_BEFORE.matcher(between).replaceAll("")).replaceAll(""))
                .replaceAll("").isEmpty();
    }

    /** a ÷ b when it ends (at most six decimals), else null: a baseline is a figure the plan implies exactly. */
    private static BigDecimal exactQuotient(BigDecimal a, BigDecimal b) {
        if (b.signum() <= 0) {
            return null;
        }
        try {
            BigDecimal q = a.divide(b);
            return q.stripTrailingZeros().scale() <= 6 ? q : null;
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

    /**
     * A comparison belongs to the figure it is said of: the candidate right before it (控制在50%以内，比上年下降2个百分点)
     * or the one it leads to (合格率较上年提高2个百分点，达到76%). One said of neither (优良率达到60%，近视率较上年下降1.2个
     * 百分点) sets no baseline and says so in the nearest candidate's note.
     */
    void attach(List<Draft> built) {
        for (Comparison c : comparisons) {
            Draft before = null;
            for (Draft b : built) {
                if (b.figure.start() < c.start()) {
                    before = b;
                }
            }
            Draft next = built.stream().filter(b -> b.figure.start() > c.end()).findFirst().orElse(null);
            Draft owner = null;
            if (before != null && saidOf(before.figure, c)) {
                owner = before; // 控制在50%以内，比上年下降2个百分点
            } else if (next != null && leadsTo(c, next.figure)) {
                owner = next; // 同比提高1.5个百分点、达到42% / 较上年下降1个百分点，控制在48%以内
            }
            if (owner == null && (before != null || next != null)) {
                // 优良率达到60%，近视率较上年下降1.2个百分点: a comparison of another measure; a missing baseline
                // is better than a wrong one
                Draft near = before != null ? before : next;
                near.notes.add("the comparison " + s.substring(c.start(), c.end()) + " is about another measure; "
                        + "no baseline was set");
                continue;
            }
            if (owner == null || owner.baseline != null || owner.figure.zero()) {
                continue;
            }
            Figure f = owner.figure;
            boolean points = c.unit().equals("个百分点");
            boolean growth = c.unit().equals("%") && f.unit() != null && !"%".equals(f.unit());
            if (growth && !adjacent(c, f)) {
                // 检查12次，溺水事故发生数较上年下降50%: a share of another measure, not of this figure
                owner.notes.add("the comparison " + s.substring(c.start(), c.end()) + " is about another measure; "
                        + "no baseline was set");
                continue;
            }
            if (growth && c.year() < year) {
                // 比2025年增长10%，达到660人: the figure is the base grown by that share; only an exact base is one
                BigDecimal factor = BigDecimal.ONE
                        .add((c.decreasing() ? c.delta().negate() : c.delta()).movePointLeft(2));
                BigDecimal base = exactQuotient(f.value(), factor);
                boolean whole = Units.type(f.unit()) != io.zhibiao.progress.ValueType.INTEGER
                        || base != null && base.stripTrailingZeros().scale() <= 0;
                if (base != null && base.signum() > 0 && whole) {
                    owner.baseline = new PeriodValue(String.valueOf(c.year()), plain(base));
                    owner.notes.add("baseline " + plain(base).toPlainString() + " = " + f.value().toPlainString()
                            + " ÷ " + factor.stripTrailingZeros().toPlainString());
                } else {
                    owner.notes.add("the comparison " + s.substring(c.start(), c.end())
                            + " gives no exact baseline; none was set");
                }
                continue;
            }
            if (points ? !"%".equals(f.unit()) : c.unit().equals("%") || !Units.compatible(c.unit(), f.unit())) {
                owner.notes.add("the comparison " + s.substring(c.start(), c.end()) + " does not give a baseline in "
                        + f.unit() + "; none was set");
                owner.confidence -= 0.1;
                continue;
            }
            if (c.year() >= year) {
                continue;
            }
            BigDecimal base = c.decreasing() ? f.value().add(c.delta()) : f.value().subtract(c.delta());
            if (base.signum() < 0) {
                continue;
            }
            owner.baseline = new PeriodValue(String.valueOf(c.year()), plain(base));
        }
    }
}
