package io.zhibiao.plan;

import io.zhibiao.period.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds the quantitative targets of a work plan (工作要点) by rules, in plain Java, stage by stage (see
 * {@link #extract}): a figure with a unit, in a clause that sets a goal (达到, 不少于, 新增, 控制在 … 以内), named by
 * the words before it (or after it when those are only a verb), with the baseline the same sentence states
 * (比2025年增加5个百分点, 由93.4%提高到). Deterministic: the same text always gives the same candidates.
 */
public final class TargetExtractor {

    /** The plan year a text states (its title, issue date, opening lines); empty when it states none. */
    public static OptionalInt planYear(String text) {
        return PlanYears.of(text);
    }

    /**
     * Reads a plan in stages: its years ({@link PlanYears}); its text as sentences under headings, with what is
     * noise, done or reported masked ({@link PlanText}); table rows as rows ({@link IndicatorTable},
     * {@link BreakdownTable}); every other sentence clause by clause, figure by figure ({@link SentenceReader} over
     * {@link Clauses} and {@link FigureScanner}); the same target stated twice as one (a headline's or a bracket's
     * restatement, then {@link SameTargets}); a school's plan's targets for its school year; and who is responsible
     * ({@link Responsibility}).
     */
    public Extraction extract(String text, int year) {
        int lastYear = PlanYears.lastYear(text, year);
        PlanText plan = new PlanText(text);
        List<Candidate> candidates = new ArrayList<>();
        // Table rows are read as rows, not as sentences; their candidates take their place in text order.
        List<TableRow> rows = new ArrayList<>(new IndicatorTable(plan, year, lastYear).rows());
        rows.addAll(new BreakdownTable(plan, year).rows());
        rows.sort(Comparator.comparingInt(TableRow::lineStart));
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
        candidates = inTextOrder(candidates, new ProjectTable(plan, year).candidates());
        candidates = inTextOrder(candidates, unread(candidates, new PerformanceLines(plan, year).candidates()));
        candidates = headlinesRestated(plan, candidates);
        candidates = bracketsRestated(plan, candidates);
        Responsibility responsibility = new Responsibility(text);
        String schoolYear = schoolYear(plan, year);
        String plainYear = String.valueOf(year);
        return new Extraction(year,
                SameTargets.merge(candidates).stream()
                        .map(c -> schoolYear != null && plainYear.equals(c.period()) ? c.withPeriod(schoolYear) : c)
                        .map(c -> responsibility.after(c.end()).map(c::withLeadUnit).orElse(c)).toList());
    }

    /**
     * A news headline read as a sentence (武汉今秋开学将新增4万个学位 新改扩建65所的学校幼儿园交付使用) restates the body's
     * figures in its own words: a headline figure whose value, unit and period exactly one body candidate shares is that
     * target, pointed at by {@code alsoAt} (the names of the two, each cut short its own way, need not agree).
     */
    private static List<Candidate> headlinesRestated(PlanText plan, List<Candidate> candidates) {
        // the body's candidates by figure: a text of thousands of figures stays linear
        List<Candidate> headline = new ArrayList<>();
        Map<String, List<Candidate>> body = new HashMap<>();
        for (Candidate c : candidates) {
            if (plan.inHeadline(plan.charIndex(c.start()))) {
                headline.add(c);
            }
        }
        if (headline.isEmpty()) {
            return candidates;
        }
        for (Candidate c : candidates) {
            if (!plan.inHeadline(plan.charIndex(c.start()))) {
                body.computeIfAbsent(figureKey(c), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Candidate, List<Candidate.Span>> restated = new IdentityHashMap<>();
        Set<Candidate> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Candidate h : headline) {
            List<Candidate> same = body.getOrDefault(figureKey(h), List.of());
            if (same.size() == 1) {
                restated.computeIfAbsent(same.get(0), k -> new ArrayList<>())
                        .add(new Candidate.Span(h.start(), h.end()));
                dropped.add(h);
            }
        }
        return withRestatements(candidates, restated, dropped);
    }

    /** Value, unit (名 and 人 alike) and period: what two statements of one target share. */
    private static String figureKey(Candidate c) {
        return c.value().stripTrailingZeros().toPlainString() + "|" + SameTargets.peopleAlike(c.unit()) + "|"
                + c.period();
    }

    /** The candidates without the restatements, each restated one pointing at them. */
    private static List<Candidate> withRestatements(List<Candidate> candidates,
            Map<Candidate, List<Candidate.Span>> restated, Set<Candidate> dropped) {
        List<Candidate> result = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (dropped.contains(c)) {
                continue;
            }
            List<Candidate.Span> more = restated.get(c);
            if (more == null) {
                result.add(c);
            } else {
                List<Candidate.Span> also = new ArrayList<>(c.alsoAt() == null ? List.of() : c.alsoAt());
                also.addAll(more);
                result.add(c.alsoAt(also));
            }
        }
        return result;
    }

    /**
     * A bracket that restates a figure of its sentence (规划新建…项目5个…，计划年内全部竣工(省定任务项目5个、面积1万平方米)):
     * a figure in brackets equal in value, unit and period to one before it in the same sentence is that target, pointed
     * at by {@code alsoAt}; the bracket's other figures (1万平方米) stay targets of their own.
     */
    private static List<Candidate> bracketsRestated(PlanText plan, List<Candidate> candidates) {
        // per sentence, the first candidate outside brackets of each figure: linear in the candidates
        boolean[] bracketed = new boolean[candidates.size()];
        boolean anyBracketed = false;
        for (int i = 0; i < bracketed.length; i++) {
            bracketed[i] = inBrackets(plan, plan.charIndex(candidates.get(i).start()));
            anyBracketed |= bracketed[i];
        }
        if (!anyBracketed) {
            return candidates;
        }
        Map<String, Candidate> outside = new HashMap<>();
        Map<Candidate, List<Candidate.Span>> restated = new IdentityHashMap<>();
        Set<Candidate> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < bracketed.length; i++) {
            Candidate c = candidates.get(i);
            String key = c.sentence() + "|" + figureKey(c);
            if (!bracketed[i]) {
                outside.putIfAbsent(key, c);
            } else if (outside.containsKey(key)) {
                restated.computeIfAbsent(outside.get(key), k -> new ArrayList<>())
                        .add(new Candidate.Span(c.start(), c.end()));
                dropped.add(c);
            }
        }
        return dropped.isEmpty() ? candidates : withRestatements(candidates, restated, dropped);
    }

    /** Whether a bracket opened before {@code at} (within 60 characters, on its line) is not yet closed there. */
    private static boolean inBrackets(PlanText plan, int at) {
        for (int i = at - 1; i >= 0 && at - i <= 60; i--) {
            char c = plan.normalChar(i);
            if (c == ')' || c == '）' || c == '\n') {
                return false;
            }
            if (c == '(' || c == '（') {
                return true;
            }
        }
        return false;
    }

    /**
     * The school year (2025-09/2026-08) or term a school's plan names, when it holds the plan year: what its targets are
     * for where a clause names no time of its own; null for a plan of calendar years.
     */
    private static String schoolYear(PlanText plan, int year) {
        return PlanYears.schoolYear(plan)
                .filter(p -> Math.floorDiv(p.startMonth(), 12) == year || Math.floorDiv(p.endMonth(), 12) == year)
                .map(Period::toString).orElse(null);
    }

    /**
     * The candidates with a project list's amounts among them where they stand (both lists in text order): the amounts
     * sit in rows whose other cells are read as sentences.
     */
    private static List<Candidate> inTextOrder(List<Candidate> read, List<Candidate> amounts) {
        if (amounts.isEmpty()) {
            return read;
        }
        List<Candidate> all = new ArrayList<>(read.size() + amounts.size());
        int next = 0;
        for (Candidate c : read) {
            while (next < amounts.size() && amounts.get(next).start() < c.start()) {
                all.add(amounts.get(next++));
            }
            all.add(c);
        }
        all.addAll(amounts.subList(next, amounts.size()));
        return all;
    }

    /** The candidates of a stage whose figures no other stage read already. */
    private static List<Candidate> unread(List<Candidate> read, List<Candidate> more) {
        return more.stream().filter(m -> read.stream().noneMatch(c -> c.start() < m.end() && m.start() < c.end()))
                .toList();
    }

    /**
     * Whether a sentence lies in a table row. Rows are in text order and do not overlap, and every row before
     * {@code next} starts at or before the sentence: only the last of those, and the rows that start inside the
     * sentence, can hold it — a table of thousands of rows costs no more than its rows.
     */
    private static boolean insideRow(List<TableRow> rows, int next, PlanText.Sentence sentence) {
        for (int k = Math.max(0, next - 1); k < rows.size() && rows.get(k).lineStart() < sentence.end(); k++) {
            TableRow row = rows.get(k);
            if (sentence.start() < row.lineEnd() && sentence.end() > row.lineStart()) {
                return true;
            }
        }
        return false;
    }
}
