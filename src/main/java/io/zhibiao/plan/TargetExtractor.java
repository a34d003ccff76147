package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantitative targets of a work plan (工作要点) by rules, in plain Java: a figure with a
 * unit, in a clause that sets a goal (达到, 不少于, 新增, 控制在 … 以内), named by the words before it (or
 * after it when those are only a verb), with the baseline the same sentence states (比2025年增加5个百分点,
 * 由93.4%提高到). Deterministic: the same text always gives the same candidates.
 */
public final class TargetExtractor {

    /** The plan year: the year of "…年工作要点" in the opening lines, else the first year there. */
    public static OptionalInt planYear(String text) {
        PlanText plan = new PlanText(text);
        List<String> opening = new ArrayList<>();
        for (PlanText.Sentence sentence : plan.sentences()) {
            if (!plan.masked(sentence.start()) || plan.numbering(sentence.start())) {
                opening.add(plan.normal(sentence.start(), sentence.end()));
            }
            if (opening.size() == 6) {
                break;
            }
        }
        Pattern titled = Pattern
                .compile("((?:19|20)\\d{2})\\s*年度?[^\\d\\n]{0,12}?(?:工作要点|工作计划|工作思路|工作安排|工作任务|重点工作|要点|计划)");
        for (String line : opening) {
            Matcher m = titled.matcher(line);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        for (String line : opening) {
            Matcher m = GoalRules.YEAR.matcher(line);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    public Extraction extract(String text, int year) {
        PlanText plan = new PlanText(text);
        List<Candidate> candidates = new ArrayList<>();
        // Table rows are read as rows, not as sentences; their candidates take their place in text order.
        List<IndicatorTable.Row> rows = new IndicatorTable(plan).rows();
        int next = 0;
        for (PlanText.Sentence sentence : plan.sentences()) {
            while (next < rows.size() && rows.get(next).lineStart() <= sentence.start()) {
                candidates.add(rows.get(next++).candidate());
            }
            if (!insideRow(rows, sentence)) {
                new SentenceReader(plan, sentence, year).read(candidates);
            }
        }
        while (next < rows.size()) {
            candidates.add(rows.get(next++).candidate());
        }
        return new Extraction(year, candidates);
    }

    private static boolean insideRow(List<IndicatorTable.Row> rows, PlanText.Sentence sentence) {
        for (IndicatorTable.Row row : rows) {
            if (sentence.start() < row.lineEnd() && sentence.end() > row.lineStart()) {
                return true;
            }
        }
        return false;
    }
}
