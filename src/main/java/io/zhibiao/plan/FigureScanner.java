package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.isAsciiLetter;
import static io.zhibiao.plan.PlanNumbers.isDigit;
import static io.zhibiao.plan.PlanNumbers.number;
import static io.zhibiao.plan.PlanNumbers.plain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the figures of one sentence: a number (Arabic or Chinese, 万/亿 inside, a range, 余/多)
 * followed by a unit, or a zero target (清零). Positions are relative to the sentence; masked
 * positions (noise, baseline phrases) are skipped.
 */
final class FigureScanner {

    /** How a figure is written, besides its number and unit. */
    enum Trait {
        /** 1200余人, 300多名: about. */
        APPROXIMATE,
        /** 两所, 九成: in Chinese numerals, which everyday words also use (一个时期). */
        CHINESE,
        /** 清零, 零发生, 杜绝…: a zero target. */
        ZERO,
        /** 消除56人以上大班额: the target is named by the words after its verb. */
        NAMED_AFTER
    }

    /**
     * A figure written in the text: a number with its unit, or a zero target (清零). {@code start}…{@code end} is the
     * figure as written, {@code unitEnd} where its unit (or a zero target's object) ends, {@code nameEnd} where the
     * words naming it end.
     */
    record Figure(int start, int end, int unitEnd, BigDecimal value, String unit, BigDecimal upper, Set<Trait> traits,
            int nameEnd) {

        Figure {
            traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
        }

        /** A number with its unit, named by the words before it. */
        static Figure counted(int start, int end, int unitEnd, BigDecimal value, String unit, BigDecimal upper,
                Trait... traits) {
            return new Figure(start, end, unitEnd, value, unit, upper, Set.of(traits), start);
        }

        /** A zero target at {@code start}, named by the words before {@code nameEnd} or, with NAMED_AFTER, after. */
        static Figure zeroTarget(int start, int end, int unitEnd, int nameEnd, Trait... traits) {
            EnumSet<Trait> all = EnumSet.of(Trait.ZERO, Trait.CHINESE);
            all.addAll(Set.of(traits));
            return new Figure(start, end, unitEnd, BigDecimal.ZERO, null, null, all, nameEnd);
        }

        boolean approximate() {
            return traits.contains(Trait.APPROXIMATE);
        }

        boolean chinese() {
            return traits.contains(Trait.CHINESE);
        }

        boolean zero() {
            return traits.contains(Trait.ZERO);
        }

        boolean namedAfter() {
            return traits.contains(Trait.NAMED_AFTER);
        }

        /** What a zero target by its verb names: 消除56人以上大班额 → 56人以上大班额 (its figure is no goal). */
        String object(String sentence) {
            return namedAfter() ? sentence.substring(end, unitEnd) : "";
        }
    }

    /**
     * Zero targets stated by a verb (全面消除大班额, 杜绝重大安全事故, 确保不发生安全责任事故): the object, up to the clause's end,
     * is what is to be zero, and any figure in it (56人以上) only describes it.
     */
    private static final Pattern ZERO_VERB = Pattern.compile("消除|杜绝|消灭|不发生|不出现");
    private static final String CLAUSE_ENDS = "，,：:。；;！？!?";

    /** What may follow 九成 when it is a share: 以上, 左右, or the end of the clause. */
    private static final Pattern TENTHS_AFTER = Pattern.compile("以上|左右|以内|$|[，,。；;、）)\\s]");
    private static final Pattern TIER_AFTER = Pattern.compile("上线|线|院校|录取|批次|达线|及以上");
    private static final Pattern RANGE = Pattern.compile("\\s*(?:-|~|至)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern ZERO = Pattern.compile("清零|零发生|零事故|零伤亡|零死亡|零案件|为零|降至零|降为零");

    private final String s;
    private final IntPredicate masked;

    FigureScanner(String sentence, IntPredicate masked) {
        this.s = sentence;
        this.masked = masked;
    }

    List<Figure> find() {
        List<Figure> figures = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            Figure figure = masked.test(i) ? null : figureAt(i);
            if (figure != null) {
                figures.add(figure);
                i = figure.unitEnd();
            } else {
                i = skipToken(i);
            }
        }
        return figures;
    }

    /** Past the number (or character) at i, so that the tail of 2025 is never read as 025. */
    private int skipToken(int i) {
        char c = s.charAt(i);
        int j = i + 1;
        if (isDigit(c)) {
            while (j < s.length() && (isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
        } else if (ChineseNumerals.isNumeral(c)) {
            while (j < s.length() && ChineseNumerals.isNumeral(s.charAt(j))) {
                j++;
            }
        }
        return j;
    }

    private Figure figureAt(int i) {
        char c = s.charAt(i);
        char before = i > 0 ? s.charAt(i - 1) : ' ';
        if (c == '零') {
            return zeroAt(i);
        }
        Matcher verb = "消杜不".indexOf(c) >= 0 ? ZERO_VERB.matcher(s).region(i, s.length()) : null;
        if (verb != null && verb.lookingAt()) {
            int end = verb.end();
            int limit = Math.min(s.length(), verb.end() + 40); // what is to be zero has a short name
            while (end < limit && CLAUSE_ENDS.indexOf(s.charAt(end)) < 0) {
                end++;
            }
            String object = s.substring(verb.end(), end);
            // (not 杜绝发生“扶贫…脱贫了，学生辍学…”的反弹现象: a quoted saying cut at its comma names nothing)
            boolean named = end - verb.end() >= 2 && (end == s.length() || CLAUSE_ENDS.indexOf(s.charAt(end)) >= 0)
                    && !object.contains("的") && object.lastIndexOf('“') <= object.lastIndexOf('”');
            return named ? Figure.zeroTarget(i, verb.end(), end, i, Trait.NAMED_AFTER) : null;
        }
        if (Units.startsWith(s, i, "百分百")) {
            return Figure.counted(i, i + 3, i + 3, BigDecimal.valueOf(100), "%", null, Trait.CHINESE);
        }
        if (Units.startsWith(s, i, "百分之")) {
            int j = i + 3;
            int k = j;
            while (k < s.length()
                    && (isDigit(s.charAt(k)) || s.charAt(k) == '.' || ChineseNumerals.isNumeral(s.charAt(k)))) {
                k++;
            }
            BigDecimal value = k > j ? number(s.substring(j, k)) : null;
            return value == null
                    ? null
                    : isDigit(s.charAt(j))
                            ? Figure.counted(i, k, k, value, "%", null)
                            : Figure.counted(i, k, k, value, "%", null, Trait.CHINESE);
        }
        if (c == '0') {
            Figure zero = zeroDigitAt(i, before);
            if (zero != null) {
                return zero;
            }
        }
        boolean arabic = isDigit(c);
        if (!arabic && "一二两三四五六七八九十".indexOf(c) < 0) {
            return null;
        }
        if (isDigit(before) || before == '.' || before == '+' || isAsciiLetter(before) || before == '第'
                || ChineseNumerals.isNumeral(before)) {
            return null;
        }
        int j = i;
        if (arabic) {
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
            // 2,700: groups of three after a comma are one number (a list of figures is separated by 、 or ，)
            boolean grouped = j - i <= 3;
            while (grouped && j + 3 < s.length() && s.charAt(j) == ',' && isDigit(s.charAt(j + 1))
                    && isDigit(s.charAt(j + 2)) && isDigit(s.charAt(j + 3))
                    && (j + 4 >= s.length() || !isDigit(s.charAt(j + 4)))) {
                j += 4;
            }
            if (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
                j++;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    j++;
                }
            }
        } else {
            while (j < s.length() && ChineseNumerals.isNumeral(s.charAt(j)) && s.charAt(j) != '零'
                    || j < s.length() && s.charAt(j) == '零' && j > i) {
                j++;
            }
        }
        int numberEnd = j;
        BigDecimal value = number(s.substring(i, numberEnd).replace(",", ""));
        if (value == null) {
            return null;
        }
        if (!arabic && numberEnd < s.length() && s.charAt(numberEnd) == '成' && value.signum() > 0
                && value.compareTo(BigDecimal.TEN) < 0
                && TENTHS_AFTER.matcher(s).region(numberEnd + 1, s.length()).lookingAt()) {
            // 九成以上: nine tenths
            return Figure.counted(i, numberEnd + 1, numberEnd + 1, value.multiply(BigDecimal.TEN), "%", null,
                    Trait.CHINESE);
        }
        if (!arabic && Units.startsWith(s, numberEnd, "本")
                && TIER_AFTER.matcher(s).region(numberEnd + 1, s.length()).lookingAt()) {
            return null; // 一本上线, 二本院校: a tier of universities, not a count of books
        }
        BigDecimal upper = null;
        int p = numberEnd;
        if (arabic) {
            Matcher range = RANGE.matcher(s).region(p, Math.min(s.length(), p + 16));
            if (range.lookingAt()) {
                upper = new BigDecimal(range.group(1));
                p = range.end();
            }
        }
        if (p < s.length() && s.charAt(p) == '+') {
            return null;
        }
        if (arabic && p < s.length() && s.charAt(p) == ' ') {
            int q = p;
            while (q < s.length() && s.charAt(q) == ' ') {
                q++;
            }
            if (q + 1 < s.length() && (s.charAt(q) == '万' || s.charAt(q) == '亿') && Units.unitAt(s, q) == null
                    && Units.unitAt(s, q + 1) != null) {
                p = q; // 9.5 万人: a space typed before 万, as a PDF's text spaces figures
            }
        }
        BigDecimal multiplier = BigDecimal.ONE;
        if (arabic && Units.unitAt(s, p) == null && p < s.length() && (s.charAt(p) == '万' || s.charAt(p) == '亿')) {
            multiplier = s.charAt(p) == '万' ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000);
            p++;
        }
        int figureEnd = p; // the figure as written: 1-2, 2万
        if (arabic && p < s.length() && s.charAt(p) == ' ') {
            int q = p;
            while (q < s.length() && s.charAt(q) == ' ') {
                q++;
            }
            if (Units.unitAt(s, q) != null) {
                p = q; // 获一等奖 1 所: a space typed between the figure and its unit
            }
        }
        boolean approximate = false;
        if (p < s.length() && (s.charAt(p) == '余' || s.charAt(p) == '多')) {
            approximate = true;
            p++;
        }
        String unit = Units.unitAt(s, p);
        if (unit == null && arabic && upper == null) {
            String shared = unitOfTheNext(s, p);
            if (shared != null) {
                // 分别新增学位4.68万和7000个: the unit written once, after the last of the pair
                return new Figure(i, figureEnd, figureEnd, plain(value.multiply(multiplier)), shared, null,
                        EnumSet.noneOf(Trait.class), i);
            }
        }
        if (unit == null && arabic && multiplier.equals(BigDecimal.ONE) && upper == null
                && COEFFICIENT_BEFORE.matcher(s).region(Math.max(0, i - 16), i).find()) {
            // 校际差异系数≤0.15, 差异系数控制在0.5以内: a coefficient has no unit
            return Figure.counted(i, figureEnd, figureEnd, plain(value), null, null);
        }
        if (unit == null || unit.equals("年") && !yearsMeasured(value, arabic, p + 1)) {
            return null;
        }
        int unitEnd = p + Units.writtenLength(s, p, unit);
        int blanks = unitEnd;
        while (blanks < s.length() && s.charAt(blanks) == ' ') {
            blanks++;
        }
        String longer = blanks > unitEnd
                ? Units.unitAt(unit + s.substring(blanks, Math.min(s.length(), blanks + 2)), 0)
                : null;
        if (longer != null && longer.length() > unit.length()) {
            unitEnd = blanks + longer.length() - unit.length(); // 12场(chǎng)次: a reprint's pinyin blanked inside a unit
            unit = longer;
        }
        if (unit.equals("人") && p + 1 < s.length() && s.charAt(p + 1) == '口') {
            return null; // 3万人口以上乡镇: a population that sorts townships, not a count of people
        }
        if (unit.equals("个") && DURATION_AFTER.matcher(s).region(p + 1, s.length()).lookingAt()) {
            return null; // 工期为10个月: a duration, not a count
        }
        if (unit.equals("期") && PHASE_AFTER.matcher(s).region(p + 1, s.length()).lookingAt()) {
            return null; // 特殊教育二期提升计划, 三期工程: a phase's name, not a count of sessions
        }
        if (upper != null && upper.compareTo(value) < 0) {
            return null;
        }
        value = plain(value.multiply(multiplier));
        upper = upper == null ? null : plain(upper.multiply(multiplier));
        EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
        if (approximate) {
            traits.add(Trait.APPROXIMATE);
        }
        if (!arabic) {
            traits.add(Trait.CHINESE);
        }
        return new Figure(i, figureEnd, unitEnd, value, unit, upper, traits, i);
    }

    /** A coefficient or an index named right before a figure, with at most a bound between: 差异系数≤, 系数控制在. */
    /** 和 or 与, then the next figure of a pair (4.68万和7000个): where the unit both share is written. */
    private static final Pattern PAIRED_FIGURE_AFTER = Pattern.compile("\\s*(?:和|与)\\s*\\d+(?:\\.\\d+)?\\s*(?:万|亿)?");

    /**
     * The unit written after the next figure of a pair, when this one has none (4.68万和7000个 → 个): a count's unit,
     * not a year (2021和2022年 are years), nor money or a multiplied unit, which a figure without its own 万 would misread.
     */
    private static String unitOfTheNext(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '和' && s.charAt(at) != '与' && s.charAt(at) != ' ') {
            return null;
        }
        Matcher next = PAIRED_FIGURE_AFTER.matcher(s).region(at, Math.min(s.length(), at + 20));
        if (!next.lookingAt()) {
            return null;
        }
        String unit = Units.unitAt(s, next.end());
        return unit == null || unit.equals("年") || unit.startsWith("万") || unit.startsWith("亿") || unit.endsWith("元")
                ? null
                : unit;
    }

    private static final Pattern COEFFICIENT_BEFORE = Pattern.compile("(?:系数|指数)[^\\d，,。；;、:：\\s]{0,6}$");

    /** What follows 期 when the figure names a phase: 二期提升计划, 三期工程, 二期项目. */
    private static final Pattern PHASE_AFTER = Pattern.compile("提升|行动|工程|项目|计划|规划|建设|改造|扩建");

    /** What 个 counts when the figure is a duration: 10个月, 3个小时, 2个学期. */
    private static final Pattern DURATION_AFTER = Pattern.compile("月|小时|工作日|学期|星期|季度|钟头");

    /**
     * 年 measures a figure (平均受教育年限达到10.9年, 12.3年以上) only as the figure a clause reaches: a number under 100
     * in digits, with the clause ending after it or a bound (以上, 左右). 三年内, 2025年, 用3年时间 are spans and dates.
     */
    private boolean yearsMeasured(BigDecimal value, boolean arabic, int after) {
        if (!arabic || value.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return false;
        }
        return after >= s.length() || YEARS_END.matcher(s).region(after, s.length()).lookingAt();
    }

    private static final Pattern YEARS_END = Pattern.compile("\\s*(?:以上|以下|左右|及以上|[,，。;；、)）]|$)");

    /** Where a zero written as a digit is 为零 in other words: 流失率为0, 辍学率降至0%. */
    private static final Pattern DIGIT_ZERO_LEAD = Pattern.compile("(?:降至|降为|降到|为)$");

    /**
     * A zero written as a digit (流失率为0, 辍学率降为0%) where 为零 or 降为零 would stand, at the end of its clause: the
     * same zero target. Not 0.5%, not 10, not a zero that goes on (为0-3岁).
     */
    private Figure zeroDigitAt(int i, char before) {
        int end = i + 1;
        if (isDigit(before) || before == '.' || end < s.length() && (isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
            return null;
        }
        int unitEnd = end < s.length() && (s.charAt(end) == '%' || s.charAt(end) == '％') ? end + 1 : end;
        if (unitEnd < s.length() && CLAUSE_ENDS.indexOf(s.charAt(unitEnd)) < 0) {
            return null;
        }
        int leadStart = Math.max(0, i - 2);
        Matcher lead = DIGIT_ZERO_LEAD.matcher(s).region(leadStart, i);
        return lead.find() ? Figure.zeroTarget(i, end, unitEnd, lead.start()) : null;
    }

    private Figure zeroAt(int i) {
        int from = Math.max(0, i - 2);
        Matcher m = ZERO.matcher(s);
        m.region(from, Math.min(s.length(), i + 3));
        while (m.find()) {
            if (m.start() <= i && i < m.end()) {
                return Figure.zeroTarget(i, i + 1, m.end(), m.start());
            }
        }
        return null;
    }
}
