package io.zhibiao.plan;

import java.util.HashMap;
import java.util.Map;

/**
 * One sentence read as clauses: its text (full-width forms folded), the characters baseline phrases consumed, where the
 * clause around a figure starts and ends, and the words of a span as names use them. Positions are relative to the
 * sentence start; every look-back and look-ahead is bounded, so a figure's work stays bounded however long a sentence
 * is.
 */
final class Clauses {

    static final String CLAUSE_ENDS = "，,：:";
    /** The longest clause read around a figure, each way. */
    static final int MAX_CLAUSE = 200;

    private final PlanText plan;
    private final int offset;
    private final String s;
    private final boolean[] consumed;
    /**
     * The spans read so far, as the rules of one figure ask for the same span many times (the words from the clause's
     * start to the figure, once per rule); cleared when a baseline phrase consumes characters.
     */
    private final Map<Long, String> unconsumedSpans = new HashMap<>();
    private final Map<Long, String> nameSpans = new HashMap<>();

    Clauses(PlanText plan, PlanText.Sentence sentence) {
        this.plan = plan;
        this.offset = sentence.start();
        this.s = plan.normal(sentence.start(), sentence.end());
        this.consumed = new boolean[s.length()];
    }

    /** The sentence's text, full-width forms folded to ASCII. */
    String text() {
        return s;
    }

    private static long span(int from, int to) {
        return (long) from << 32 | to & 0xFFFFFFFFL;
    }

    /** Masked as noise in the plan, or consumed by a baseline phrase. */
    boolean masked(int i) {
        return plan.masked(offset + i) || consumed[i];
    }

    boolean consumed(int i) {
        return consumed[i];
    }

    void consume(int start, int end) {
        unconsumedSpans.clear();
        nameSpans.clear();
        for (int i = start; i < end; i++) {
            consumed[i] = true;
        }
    }

    /**
     * Where the clause around {@code at} starts: after a comma or colon, or after a tab unless the cell holds nothing before
     * {@code at} (新建幼儿园\t3所: a cell that opens with the figure goes on from the cell before it). At most
     * {@link #MAX_CLAUSE} characters back: text without punctuation is no clause of a plan, and every figure's work stays
     * bounded however long a hostile sentence is.
     */
    int clauseStart(int at) {
        int i = at;
        int limit = Math.max(0, at - MAX_CLAUSE);
        boolean written = false; // a character other than a space between i and at
        while (i > limit) {
            if (endsAClause(i - 1) && (written || plan.rows().charAt(offset + i - 1) != '\t')) {
                break;
            }
            written |= !Character.isWhitespace(s.charAt(i - 1));
            i--;
        }
        return i;
    }

    /** The last place of {@code word} before {@code at}, looking back at most {@link #MAX_CLAUSE} characters; or -1. */
    int lastIndexWithin(String word, int at) {
        for (int i = Math.min(at, s.length() - word.length()); i >= Math.max(0, at - MAX_CLAUSE); i--) {
            if (s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    int clauseEnd(int at) {
        int i = at;
        int limit = Math.min(s.length(), at + MAX_CLAUSE);
        while (i < limit && !endsAClause(i) && "。；;！？!?".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A clause ends at a comma or colon, and at a tab: the cells of a task table (重点工作 / 目标任务 / …) are clauses. */
    boolean endsAClause(int i) {
        return CLAUSE_ENDS.indexOf(s.charAt(i)) >= 0 || plan.rows().charAt(offset + i) == '\t';
    }

    /** Words of the name, without numbering, consumed baseline phrases and quotation marks. */
    String nameWords(int from, int to) {
        return nameSpans.computeIfAbsent(span(from, to), k -> nameWordsOf(from, to));
    }

    private String nameWordsOf(int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (consumed[i] || plan.numbering(offset + i) || CandidateNames.QUOTES.indexOf(c) >= 0 || c == '\n'
                    || c == ' ') {
                continue;
            }
            words.append(c);
        }
        return words.toString();
    }

    /**
     * The text of a span without what baseline phrases consumed, and without the blanks left where a reprint's
     * annotation stood inside a word (新改扩(kuò)建 reads 新改扩建).
     */
    String unconsumed(int from, int to) {
        return unconsumedSpans.computeIfAbsent(span(from, to), k -> unconsumedText(from, to));
    }

    private String unconsumedText(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (!consumed[i] && !(s.charAt(i) == ' ' && text.length() > 0 && isHan(text.charAt(text.length() - 1))
                    && nextHan(i, to))) {
                text.append(s.charAt(i));
            }
        }
        return text.toString();
    }

    /**
     * The words of a span a goal verb is looked for in: {@link #unconsumed} without document titles (…与县里《旅游服务质量
     * 提升三年行动方案》形成联动效应: 提升 names the document, it sets nothing).
     */
    String cueWords(int from, int to) {
        String words = unconsumed(from, to);
        return words.indexOf('《') < 0 ? words : TITLE.matcher(words).replaceAll("");
    }

    private static final java.util.regex.Pattern TITLE = java.util.regex.Pattern.compile("《[^《》]*》");

    private boolean nextHan(int i, int to) {
        int j = i;
        while (j < to && s.charAt(j) == ' ') {
            j++;
        }
        return j < to && isHan(s.charAt(j));
    }

    private static boolean isHan(char c) {
        return c >= 0x4e00 && c <= 0x9fa5;
    }

}
