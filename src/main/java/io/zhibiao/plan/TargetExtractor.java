package io.zhibiao.plan;

import io.zhibiao.period.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

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
     * {@link Clauses} and {@link FigureScanner}); the same target stated twice as one ({@link SameTargets}); and who is
     * responsible ({@link Responsibility}).
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
        List<Candidate> result = new ArrayList<>(candidates);
        for (Candidate h : candidates) {
            if (!plan.inHeadline(plan.charIndex(h.start()))) {
                continue;
            }
            List<Candidate> body = result.stream()
                    .filter(c -> !plan.inHeadline(plan.charIndex(c.start())) && c.value().compareTo(h.value()) == 0
                            && java.util.Objects.equals(c.unit(), h.unit())
                            && java.util.Objects.equals(c.period(), h.period()))
                    .toList();
            if (body.size() == 1) {
                Candidate fuller = body.get(0);
                List<Candidate.Span> also = new ArrayList<>(fuller.alsoAt() == null ? List.of() : fuller.alsoAt());
                also.add(new Candidate.Span(h.start(), h.end()));
                result.set(result.indexOf(fuller), fuller.alsoAt(also));
                result.remove(h);
            }
        }
        return result;
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
