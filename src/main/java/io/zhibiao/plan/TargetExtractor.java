package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantitative targets of a work plan (工作要点) by rules, in plain Java: a figure with a
 * unit, in a clause that sets a goal (达到, 不少于, 新增, 控制在 … 以内), named by the words before it (or
 * after it when those are only a verb), with the baseline the same sentence states (比2025年增加5个百分点,
 * 由93.4%提高到). Deterministic: the same text always gives the same candidates.
 */
public final class TargetExtractor {

    private static final Pattern TITLED = Pattern
            .compile("((?:19|20)\\d{2})\\s*年度?[^\\d\\n]{0,12}?(?:工作要点|工作计划|工作思路|工作安排|工作任务|重点工作|要点|计划)");
    /** The date a document was issued, as the sites that republish plans label it: 【公布日期】2005.02.01. */
    private static final Pattern ISSUED = Pattern
            .compile("(?:公布|发布|印发|成文|施行)(?:日期|时间)\\s*[】\\]]?\\s*[:：]?\\s*((?:19|20)\\d{2})\\s*[.\\-/年]");
    /** A date written with dots or dashes (2005.02.01), or a document number (杭政函〔2005〕39号). */
    private static final Pattern DATED = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*[.\\-/]\\s*\\d{1,2}\\s*[.\\-/]\\s*\\d{1,2}(?!\\d)|[〔\\[]((?:19|20)\\d{2})[〕\\]]\\s*\\d+\\s*号");

    /**
     * The plan year, from the first of: the year of "…年工作要点" in the opening lines; the date the document was
     * issued there; a heading further down that names the year's work (2021年重点工作 under a reprint's preamble); the
     * first year the opening lines mention; their first date or document number.
     */
    /**
     * The years a plan's title spans (三年行动计划（2025—2027年）): group 1 the first, group 2 the last; empty when the
     * opening lines give no such range.
     */
    static OptionalInt titledRange(String text, int group) {
        String head = text.substring(0, Math.min(text.length(), 300));
        int lines = 0;
        for (String line : head.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = TITLED_RANGE.matcher(line);
            if (m.find() && Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1))
                    && Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) <= 10) {
                return OptionalInt.of(Integer.parseInt(m.group(group)));
            }
            if (++lines == 2) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /** Pinyin a reprint puts after a character (發(fā)展): left out where a phrase is matched whole. */
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]");

    private static final Pattern ADDED = Pattern
            .compile("(?:添加|更新|上传)(?:日期|时间)\\s*[:：]\\s*((?:19|20)\\d{2})\\s*[.\\-/年]");

    private static final Pattern FULL_DATE_OR_SINCE = Pattern.compile("\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|以来)");

    /** A year that ends a span (2014年—2016年): it titles nothing. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?:19|20)\\d{2}\\s*年?\\s*[—–\\-~～至到]+\\s*$");
    /** A title that writes its year without 年: 2020幼儿近视防控工作方案. */
    private static final Pattern TITLED_WITHOUT_YEAR_MARK = Pattern.compile(
            "\\s*((?:19|20)\\d{2})(?=[\\u4e00-\\u9fa5])[^\\d\\n，,。]{0,16}?(?:工作要点|工作计划|工作方案|实施方案|方案|规划|计划|要点)");

    private static final Pattern TITLED_RANGE = Pattern
            .compile("((?:19|20)\\d{2})\\s*年?\\s*[—–\\-~～至到]+\\s*((?:19|20)\\d{2})\\s*年");

    /**
     * The years of the five-year plan a text's opening names (“十四五”教育事业发展规划: 2021–2025), as {@code [first, last]};
     * null when it names none. The n-th plan runs from 2006 + 5 × (n − 11).
     */
    static int[] fiveYearPlan(String text) {
        char[] head = String.join("\n", text.strip().lines().filter(l -> !l.isBlank()).limit(2).toList()).toCharArray();
        TraditionalText.simplifyAll(head);
        Matcher m = FIVE_YEAR_PLAN.matcher(PINYIN.matcher(new String(head)).replaceAll(""));
        if (!m.find()) {
            return null;
        }
        int n = 10 + "一二三四五六七八九".indexOf(m.group(1)) + 1;
        int first = 2006 + 5 * (n - 11);
        return new int[]{first, first + 4};
    }

    private static final Pattern FIVE_YEAR_PLAN = Pattern
            .compile("十([一二三四五六七八九])五[”\"’]?\\s*(?:[\\u4e00-\\u9fa5]{0,12}?(?:规划|行动|计划|方案|指标)|时期|期间)");

    public static OptionalInt planYear(String text) {
        OptionalInt ranged = titledRange(text, 1);
        if (ranged.isPresent()) {
            return ranged;
        }
        PlanText plan = new PlanText(text);
        List<String> opening = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (PlanText.Sentence sentence : plan.sentences()) {
            String line = plan.normal(sentence.start(), sentence.end());
            if (opening.size() < 6 && (!plan.masked(sentence.start()) || plan.numbering(sentence.start()))) {
                opening.add(line);
            }
            if (sentence.category() != null && !headings.contains(sentence.category())) {
                headings.add(sentence.category());
            }
        }
        // Page furniture (公布日期, 字号) is masked as noise, yet it dates the document: read the raw opening too.
        // read in simplified characters, without a reprint's annotations inside a word (发(fā)布时间)
        String head = plan.normal(0, Math.min(plan.length(), 2000))
                .replaceAll("(?<=[\\u4e00-\\u9fa5])\\s+(?=[\\u4e00-\\u9fa5])", "");
        for (Pattern rule : List.of(TITLED, ISSUED)) {
            for (String line : rule == TITLED ? opening : List.of(head)) {
                Matcher m = rule.matcher(line);
                while (m.find()) {
                    if (rule != TITLED || !RANGE_BEFORE.matcher(line.substring(0, m.start(1))).find()) {
                        return OptionalInt.of(Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        String firstLine = text.strip().lines().findFirst().orElse("");
        Matcher bare = TITLED_WITHOUT_YEAR_MARK.matcher(firstLine);
        if (bare.lookingAt()) {
            return OptionalInt.of(Integer.parseInt(bare.group(1))); // 2020幼儿近视防控工作方案
        }
        int[] fiveYear = fiveYearPlan(text);
        if (fiveYear != null) {
            return OptionalInt.of(fiveYear[0]);
        }
        // the date a site added or updated the page: later than an issue date, so only when none is given
        Matcher added = ADDED.matcher(head);
        if (added.find()) {
            return OptionalInt.of(Integer.parseInt(added.group(1)));
        }
        for (String heading : headings) {
            Matcher m = TITLED.matcher(heading);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        for (String line : opening) {
            Matcher m = GoalRules.YEAR.matcher(line);
            while (m.find()) {
                // a meeting's or an issue's full date (2022年12月31日) and a start of a span (2021年以来) date no plan
                if (!FULL_DATE_OR_SINCE.matcher(line).region(m.end(), line.length()).lookingAt()) {
                    return OptionalInt.of(Integer.parseInt(m.group(1)));
                }
            }
        }
        Matcher dated = DATED.matcher(head);
        if (dated.find()) {
            return OptionalInt.of(Integer.parseInt(dated.group(1) != null ? dated.group(1) : dated.group(2)));
        }
        return OptionalInt.empty();
    }

    public Extraction extract(String text, int year) {
        PlanText plan = new PlanText(text);
        int[] fiveYear = fiveYearPlan(text);
        int titledFirst = titledRange(text, 1).orElse(fiveYear != null ? fiveYear[0] : year);
        int lastYear = titledFirst <= year
                ? titledRange(text, 2).orElse(fiveYear != null && fiveYear[0] == year ? fiveYear[1] : year)
                : year;
        List<Candidate> candidates = new ArrayList<>();
        // Table rows are read as rows, not as sentences; their candidates take their place in text order.
        List<IndicatorTable.Row> rows = new ArrayList<>(new IndicatorTable(plan).rows());
        rows.addAll(new BreakdownTable(plan, year).rows());
        rows.sort(Comparator.comparingInt(IndicatorTable.Row::lineStart));
        int next = 0;
        for (PlanText.Sentence sentence : plan.sentences()) {
            while (next < rows.size() && rows.get(next).lineStart() <= sentence.start()) {
                candidates.add(rows.get(next++).candidate());
            }
            if (!insideRow(rows, next, sentence)) {
                new SentenceReader(plan, sentence, year, lastYear).read(candidates);
            }
        }
        while (next < rows.size()) {
            candidates.add(rows.get(next++).candidate());
        }
        Responsibility responsibility = new Responsibility(text);
        return new Extraction(year, oncePerTarget(candidates).stream()
                .map(c -> responsibility.after(c.end()).map(c::withLeadUnit).orElse(c)).toList());
    }

    /**
     * The same target stated twice — a plan's summary (工作目标) and its detailed section, or a paragraph repeated on
     * the page — is one candidate: the fuller statement (a baseline, then the longer sentence) stays where it stands,
     * and points at the others with {@code alsoAt}. Same means the same name, value, unit, direction, period and org
     * unit, stated in the same section, or with one of the two in no section or in a summary (目标, 总体要求); the same
     * figure under two detailed sections (学前教育, 小学教育) is two targets.
     */
    static List<Candidate> oncePerTarget(List<Candidate> candidates) {
        // Groups of the same figure (name, value, unit, direction, period, org unit), split by section.
        Map<String, List<List<Candidate>>> byFigure = new HashMap<>();
        Map<Candidate, List<Candidate>> groupOf = new IdentityHashMap<>();
        Map<List<Candidate>, Set<String>> detailsOf = new IdentityHashMap<>();
        Map<Candidate, String> names = sameTargetNames(candidates);
        for (Candidate c : candidates) {
            String figure = String.join("|", names.get(c), c.value().stripTrailingZeros().toPlainString(),
                    "名".equals(c.unit()) ? "人" : String.valueOf(c.unit()), String.valueOf(c.direction()), c.period(),
                    String.valueOf(c.orgUnitName()));
            List<List<Candidate>> groups = byFigure.computeIfAbsent(figure, k -> new ArrayList<>());
            // A statement joins a group when it is the same statement as every member: one in no section or in a
            // summary joins any, one in a detailed section joins a group whose detailed sections are none or its own.
            // Kept per group as that set of sections, so a text of thousands of equal figures stays linear.
            List<Candidate> group = groups.stream().filter(g -> joins(detailsOf.get(g), c)).findFirst().orElse(null);
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
                detailsOf.put(group, new HashSet<>());
            }
            group.add(c);
            if (detailed(c)) {
                detailsOf.get(group).add(c.category());
            }
            groupOf.put(c, group);
        }
        List<Candidate> kept = new ArrayList<>();
        Map<List<Candidate>, Candidate> fullest = new IdentityHashMap<>();
        for (Candidate c : candidates) {
            List<Candidate> group = groupOf.get(c);
            if (group.size() == 1) {
                kept.add(c);
            } else if (fullest.computeIfAbsent(group, g -> g.stream().max(FULLER).orElseThrow()) == c) {
                kept.add(c.alsoAt(
                        group.stream().filter(o -> o != c).map(o -> new Candidate.Span(o.start(), o.end())).toList()));
            }
        }
        return kept;
    }

    /**
     * What a name carries that says when or that it is planned, not what: 天津2025年计划新建…, 任务目标是计划新建…, 今年拟新增
     * — the same target as 新建… and 新增中小学学位 when the figure is the same.
     */
    private static final Pattern PLANNED_PREFIX = Pattern
            .compile("^(?:(?:[\\u4e00-\\u9fa5]{0,6}?(?:(?:19|20)\\d{2}年|今年|明年|年内|全年)"
                    + "|任务目标是|目标任务是|目标是)(?:计划|拟|预计|将)?|计划|拟|预计)(?=[\\u4e00-\\u9fa5]{2})");

    /**
     * The name each candidate is compared by when two statements may be one target: without what says that it is
     * planned, and a bare verb left (今年拟新增 → 新增) standing for the fuller name of the same figure (新增中小学学位).
     */
    static Map<Candidate, String> sameTargetNames(List<Candidate> candidates) {
        Map<Candidate, String> names = new IdentityHashMap<>();
        // distinct names per figure: a text of thousands of equal figures stays linear
        Map<String, Set<String>> byValue = new HashMap<>();
        for (Candidate c : candidates) {
            String name = c.name();
            for (Matcher m = PLANNED_PREFIX.matcher(name); m.find(); m = PLANNED_PREFIX.matcher(name)) {
                name = name.substring(m.end());
            }
            names.put(c, name);
            byValue.computeIfAbsent(valueKey(c), k -> new java.util.LinkedHashSet<>()).add(name);
        }
        for (Candidate c : candidates) {
            String name = names.get(c);
            // 今年拟新增 (a bare verb) and 新增中小学学位; 入园率 and 学前三年入园率: the shorter states the same figure
            byValue.get(valueKey(c)).stream()
                    .filter(n -> n.length() > name.length()
                            && (name.length() <= 3 && n.startsWith(name) || name.length() >= 3 && n.endsWith(name)))
                    .findFirst().ifPresent(fuller -> names.put(c, fuller));
        }
        return names;
    }

    private static String valueKey(Candidate c) {
        return c.value().stripTrailingZeros().toPlainString() + "|" + ("名".equals(c.unit()) ? "人" : c.unit()) + "|"
                + c.period();
    }

    private static final Pattern SUMMARY = Pattern.compile("目标|总体|总要求|概述|思路");

    /**
     * Two statements of one figure are one target when they stand in the same section, or one is in none or in a
     * summary: a statement joins a group whose detailed sections are none, or only its own.
     */
    private static boolean joins(Set<String> detailedSections, Candidate c) {
        return !detailed(c) || detailedSections.isEmpty()
                || detailedSections.size() == 1 && detailedSections.contains(c.category());
    }

    /** A statement in a detailed section (学前教育), not in none or in a summary (工作目标, 总体要求). */
    private static boolean detailed(Candidate c) {
        return c.category() != null && !SUMMARY.matcher(c.category()).find();
    }

    /** A stated baseline, then a longer sentence, then the earlier place. */
    private static final Comparator<Candidate> FULLER = Comparator.comparing((Candidate c) -> c.baseline() != null)
            .thenComparingInt(c -> c.sentence().length())
            .thenComparing(Comparator.comparingInt(Candidate::start).reversed());

    /**
     * Whether a sentence lies in a table row. Rows are in text order and do not overlap, and every row before
     * {@code next} starts at or before the sentence: only the last of those, and the rows that start inside the
     * sentence, can hold it — a table of thousands of rows costs no more than its rows.
     */
    private static boolean insideRow(List<IndicatorTable.Row> rows, int next, PlanText.Sentence sentence) {
        for (int k = Math.max(0, next - 1); k < rows.size() && rows.get(k).lineStart() < sentence.end(); k++) {
            IndicatorTable.Row row = rows.get(k);
            if (sentence.start() < row.lineEnd() && sentence.end() > row.lineStart()) {
                return true;
            }
        }
        return false;
    }
}
