package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last stage of reading a plan: candidates that state the same target more than once become one, the fullest
 * statement pointing at the others with {@code alsoAt}. Plain Java, no state.
 */
final class SameTargets {

    private SameTargets() {
    }

    /**
     * The same target stated twice — a plan's summary (工作目标) and its detailed section, or a paragraph repeated on
     * the page — is one candidate: the fuller statement (a baseline, then the longer sentence) stays where it stands,
     * and points at the others with {@code alsoAt}. Same means the same name, value, unit, direction, period and org
     * unit, stated in the same section, or with one of the two in no section or in a summary (目标, 总体要求); the same
     * figure under two detailed sections (学前教育, 小学教育) is two targets.
     */
    static List<Candidate> merge(List<Candidate> candidates) {
        // Groups of the same figure (name, value, unit, direction, period, org unit), split by section.
        Map<String, List<List<Candidate>>> byFigure = new HashMap<>();
        Map<Candidate, List<Candidate>> groupOf = new IdentityHashMap<>();
        Map<List<Candidate>, Set<String>> detailsOf = new IdentityHashMap<>();
        Map<Candidate, String> names = sameTargetNames(candidates);
        Map<Candidate, String> periods = samePeriods(candidates, names);
        for (Candidate c : candidates) {
            String figure = String.join("|", names.get(c), c.value().stripTrailingZeros().toPlainString(),
                    unitOf(c, names.get(c)), String.valueOf(c.direction()), periods.get(c),
                    String.valueOf(c.orgUnitName()));
            List<List<Candidate>> groups = byFigure.computeIfAbsent(figure, k -> new ArrayList<>());
            // A statement joins a group when it is the same statement as every member: one in no section or in a
            // summary joins any, one in a detailed section joins a group whose detailed sections are none or its own.
            // Kept per group as that set of sections, so a text of thousands of equal figures stays linear.
            // 安排资金1亿元…宿舍；安排资金1亿元…厕所: a bare sum says nothing of what it funds, so two are one target only
            // where the sentence is repeated
            boolean bareSum = BARE_MONEY.matcher(names.get(c)).matches();
            List<Candidate> group = groups.stream()
                    .filter(g -> joins(detailsOf.get(g), c) && (!bareSum
                            || g.stream().allMatch(o -> o.sentence() != null && o.sentence().equals(c.sentence()))))
                    .findFirst().orElse(null);
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

    /** 幼儿园 as a name shortens it (公办园, 中心园): one word, compared as 园. */
    private static final Pattern KINDERGARTEN = Pattern.compile("幼儿园");
    /** Quotation marks around a name's words (“空白乡镇”): compared without them. */
    private static final Pattern QUOTE_MARKS = Pattern.compile("[“”\"「」]");

    /**
     * The name each candidate is compared by when two statements may be one target: without what says that it is
     * planned, quotation marks, and 幼儿园 written out (公办中心园 / 公办中心幼儿园), and a bare verb left (今年拟新增 → 新增) standing for the fuller name of the same figure (新增中小学学位).
     */
    static Map<Candidate, String> sameTargetNames(List<Candidate> candidates) {
        Map<Candidate, String> names = new IdentityHashMap<>();
        // distinct names per figure: a text of thousands of equal figures stays linear
        Map<String, Set<String>> byValue = new HashMap<>();
        Map<Candidate, Set<String>> namesOfValue = new IdentityHashMap<>(); // each candidate's value keyed once
        for (Candidate c : candidates) {
            String name = c.name();
            for (Matcher m = PLANNED_PREFIX.matcher(name); m.lookingAt(); m = PLANNED_PREFIX.matcher(name)) {
                name = name.substring(m.end());
            }
            name = KINDERGARTEN.matcher(QUOTE_MARKS.matcher(name).replaceAll("")).replaceAll("园");
            names.put(c, name);
            Set<String> same = byValue.computeIfAbsent(valueKey(c), k -> new LinkedHashSet<>());
            same.add(name);
            namesOfValue.put(c, same);
        }
        for (Candidate c : candidates) {
            String name = names.get(c);
            // 今年拟新增 (a bare verb) and 新增中小学学位; 入园率 and 学前三年入园率, 学位 and 新增学位: the shorter states the
            // same figure
            namesOfValue.get(c).stream()
                    .filter(n -> n.length() > name.length()
                            && (name.length() <= 3 && n.startsWith(name) || name.length() >= 2 && n.endsWith(name)
                                    || qualifiedBy(name, n) || oneLetterDropped(name, n)))
                    .findFirst().ifPresent(fuller -> names.put(c, fuller));
        }
        for (Candidate c : candidates) {
            // 可以完成85%的提高目标和80%的普惠目标: a figure named only as a goal is the target stated with it elsewhere,
            // when one other name states that figure
            if (names.get(c).contains("目标")) {
                List<String> named = namesOfValue.get(c).stream().filter(n -> !n.contains("目标")).toList();
                if (named.size() == 1) {
                    names.put(c, named.get(0));
                }
            }
        }
        names.replaceAll((c, name) -> name.endsWith("完工") || name.endsWith("竣工") || name.endsWith("建成")
                ? FINISHED.matcher(name).replaceFirst("")
                : name);
        return names;
    }

    /**
     * The period each candidate is compared by: a statement that says no time at all, dated only by the plan year (a
     * headline: 随州计划新建…项目30个),
     * states the same figure as the one statement of it that runs from that year on (2021-2022年…新建…项目30个), and
     * takes that span; any other keeps its own.
     */
    private static Map<Candidate, String> samePeriods(List<Candidate> candidates, Map<Candidate, String> names) {
        Map<String, Set<String>> spans = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.period() != null && c.period().contains("/")) {
                spans.computeIfAbsent(undated(c, names), k -> new LinkedHashSet<>()).add(c.period());
            }
        }
        // the years the same figure is stated with in so many words (2023年北京市民生实事…新增中小学学位2万个)
        // (read only where a statement's only time is 明年: most texts have none)
        Map<String, Set<String>> statedYears = new HashMap<>();
        boolean nextYearOnly = candidates.stream().anyMatch(SameTargets::nextYearOnly);
        for (Candidate c : nextYearOnly ? candidates : List.<Candidate>of()) {
            if (c.period() != null && !c.period().contains("/") && c.sentence() != null
                    && GoalRules.YEAR.matcher(c.sentence()).find()) {
                statedYears.computeIfAbsent(undated(c, names), k -> new LinkedHashSet<>()).add(c.period());
            }
        }
        Map<Candidate, String> periods = new IdentityHashMap<>();
        for (Candidate c : candidates) {
            Set<String> years = statedYears.getOrDefault(undated(c, names), Set.of());
            if (nextYearOnly(c) && years.size() == 1 && c.period().startsWith(years.iterator().next() + "/")) {
                // 北京明年新增中小学学位2万个 over a body of 2023年…新增中小学学位2万个: the headline's 明年, written the year
                // before, is the year the body names
                periods.put(c, years.iterator().next());
                continue;
            }
            Set<String> from = spans.getOrDefault(undated(c, names), Set.of());
            String span = c.period() == null || c.period().contains("/") || from.size() != 1
                    || GoalRules.OWN_TIME.matcher(c.sentence()).find() ? null : from.iterator().next();
            periods.put(c, span != null && span.startsWith(c.period() + "/") ? span : String.valueOf(c.period()));
        }
        return periods;
    }

    /** A statement whose only time is 明年, read as a span from the plan year (2023/2024). */
    private static boolean nextYearOnly(Candidate c) {
        return c.period() != null && c.period().contains("/") && c.sentence() != null
                && GoalRules.NEXT_YEAR.matcher(c.sentence()).find() && !GoalRules.YEAR.matcher(c.sentence()).find();
    }

    private static String undated(Candidate c, Map<Candidate, String> names) {
        return String.join("|", names.get(c), c.value().stripTrailingZeros().toPlainString(), unitOf(c, names.get(c)),
                String.valueOf(c.direction()), String.valueOf(c.orgUnitName()));
    }

    /**
     * 小学生视率 and …小学生近视率 (a reprint's body that lost a character, its headline whole): the shorter, of four
     * characters or more, is how the longer ends with one character inside it left out, not a numeral (not 省示范高中
     * and 省级优秀示范高中, nor 第十项达标率 and 第十一项达标率: two targets each).
     */
    private static boolean oneLetterDropped(String name, String fuller) {
        if (name.length() < 4) {
            return false;
        }
        String end = fuller.substring(fuller.length() - name.length() - 1);
        for (int i = 1; i < end.length() - 1; i++) {
            // (not a numeral: 第十项 and 第十一项 are two rows)
            if (end.startsWith(name.substring(0, i)) && end.substring(i + 1).equals(name.substring(i))
                    && !ChineseNumerals.isNumeral(end.charAt(i)) && !Character.isDigit(end.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 新增学位 and 新增城镇公办中小学学位: the same verb and the same noun, the fuller name qualifying the noun.
     */
    private static boolean qualifiedBy(String name, String fuller) {
        return name.length() >= 4 && fuller.startsWith(name.substring(0, 2)) && fuller.endsWith(name.substring(2))
                && CandidateNames.onlyAVerb(name.substring(0, 2));
    }

    /**
     * The unit two statements are compared by: 名 is 人; projects are counted as 个 or 所 alike (20个中小学项目完工 /
     * 建成20所中小学项目).
     */
    private static String unitOf(Candidate c, String name) {
        return "所".equals(c.unit()) && name.contains("项目") ? "个" : String.valueOf(peopleAlike(c.unit()));
    }

    /** A unit as two statements of one target may write it: 名 and 人 count people alike (400人 / 400名). */
    static String peopleAlike(String unit) {
        return "名".equals(unit) ? "人" : unit;
    }

    /** What a name ends with that says a thing is finished, as 建成 before it says: 中小学项目完工 is 建成中小学项目. */
    private static final Pattern FINISHED = Pattern.compile("(?<=[\\u4e00-\\u9fa5]{2})(?:完工|竣工|建成)$");

    private static String valueKey(Candidate c) {
        // not the period: a headline dated only by the plan year names the figure a dated statement names fully
        return c.value().stripTrailingZeros().toPlainString() + "|" + peopleAlike(c.unit());
    }

    private static final Pattern SUMMARY = Pattern.compile(Lexicon.alternation("summary heading"));

    /**
     * Two statements of one figure are one target when they stand in the same section, or one is in none or in a
     * summary: a statement joins a group whose detailed sections are none, or only its own.
     */
    private static boolean joins(Set<String> detailedSections, Candidate c) {
        return !detailed(c) || detailedSections.isEmpty()
                || detailedSections.size() == 1 && detailedSections.contains(c.category());
    }

    /** A statement in a detailed section (学前教育), not in none or in a summary (工作目标, 总体要求). */
    /** A sum of money named by nothing but the word for money: 资金, 投入, 投资, 安排资金. */
    private static final Pattern BARE_MONEY = Pattern.compile("(?:安排|投入|下达)?(?:资金|投入|投资|经费)");

    private static boolean detailed(Candidate c) {
        return c.category() != null && !SUMMARY.matcher(c.category()).find();
    }

    /** A stated baseline, then a longer sentence, then the earlier place. */
    private static final Comparator<Candidate> FULLER = Comparator.comparing((Candidate c) -> c.baseline() != null)
            .thenComparingInt(c -> c.sentence().length())
            .thenComparing(Comparator.comparingInt(Candidate::start).reversed());
}
