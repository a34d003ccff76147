package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan's text made ready for reading targets: one normalised copy of the same length (full-width
 * digits and punctuation folded to ASCII, a text in traditional characters read in simplified ones, so every offset
 * still points into the original), a mask
 * over everything that must never yield a figure (the page's noise {@link PageNoise} finds — advertising, URLs, dates,
 * titles, quotations — numbering, report sections), and the sentences with the heading they sit under.
 */
final class PlanText {

    /**
     * A sentence of the plan: offsets into the text, the innermost heading above it, and its section — every heading
     * above it, outermost first (a five-year plan named by an outer heading holds for the sub-headings' sentences).
     */
    record Sentence(int start, int end, String category, String section) {
    }

    /**
     * An unnumbered heading that introduces a part of the one before, ending in a dash or a colon: 关于…方面——,
     * 在“…”部分——, 主要指标： (matched in the normal text, where every dash is a hyphen).
     */
    private static final Pattern SUB_HEADING = Pattern.compile("(?:-{1,2}|[:：])\\s*$");

    private static final Pattern HEADING_1 = Pattern.compile("^[一二三四五六七八九十]{1,3}\\s*[、.]\\s*");
    private static final Pattern HEADING_2 = Pattern.compile("^\\(\\s*[一二三四五六七八九十]{1,3}\\s*\\)\\s*");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\d{1,3}\\s*[.、)](?!\\d)|\\(\\s*\\d{1,3}\\s*\\)|[①-⑳]"
            // outline numbers, 2.1 / 3.2.1, followed by a space (2.5万 is a figure)
            + "|\\d{1,2}(?:\\.\\d{1,2}){1,3}\\s+(?=[\\u4e00-\\u9fa5]))\\s*");

    /** A section that reports the past year, not targets (一、2024年工作总结). */
    private static final Pattern REPORT_HEADING = Pattern.compile(Lexicon.alternation("report heading"));

    /**
     * Words of a section heading that ends a report: a reprint that heads its sections without numbers (01 / 2020年工作回顾
     * / … / 2021年重点工作) still turns from results to goals.
     */
    private static final Pattern GOAL_HEADING = Pattern.compile(Lexicon.alternation("goal heading"));
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,2}|[一二三四五六七八九十]{1,3}");
    private static final String HEADING_STOPS = "，,。；;：:、！？!?…";

    static final String SENTENCE_ENDS = "。！？；;!?";

    /**
     * A short line that ends on a goal verb after a plan word (全年计划新增 / 义务教育和高中学位2万个): the verb's object is on
     * the next line, which goes on the same sentence.
     */
    private static final Pattern PLANNED_VERB_AT_END = Pattern.compile(
            "(?:" + Lexicon.alternation("planned") + ")[^，,。；;:：]{0,6}?(?:" + Lexicon.alternation("goal verb") + ")$");
    private static final String SOFT_LINE_ENDS = "，,、：:（(“\"《";

    private final String original;
    private final String rows;
    private final char[] normal;
    private final boolean[] masked;

    /** List numbering (1. / (2) / 一、): masked, and left out of names. */
    private final boolean[] numbering;

    /** Text that states progress or results, not targets ({@link StatusMarks}). */
    private final boolean[] status;

    /**
     * Where a plan flattened into one long line (a reprint that lost its line breaks) starts a numbered section: 一、 or
     * (一) after a sentence or a title run. Read as line starts, so its headings work as headings.
     */
    private final boolean[] sectionStart;

    private final List<Sentence> sentences = new ArrayList<>();

    /**
     * Code-point offset of every char index, or null when the text has no surrogate pairs (offsets
     * are equal).
     */
    private final int[] codePoints;

    PlanText(String text) {
        this.original = text;
        this.rows = PipeRows.asTabs(text);
        this.codePoints = codePointOffsets(text);
        this.normal = normalise(rows);
        TraditionalText.simplify(normal);
        SpunText.restore(normal);
        PageNoise.blankAnnotations(normal);
        this.masked = new boolean[text.length()];
        this.numbering = new boolean[text.length()];
        this.sectionStart = flattenedSections(normal);
        maskInline();
        maskHeadlines();
        readLines();
        this.status = new StatusMarks(normal, rows, sentences).marks();
    }

    String original() {
        return original;
    }

    /**
     * The text with every table row's cells between tabs — as written, or from a row written with {@code |} between
     * them ({@link PipeRows}) — the same length as the original: where the table rules look for cells.
     */
    String rows() {
        return rows;
    }

    /**
     * The offset of a char index in Unicode code points, the unit clients in other languages count
     * in.
     */
    int codePointOffset(int charIndex) {
        return codePoints == null ? charIndex : codePoints[charIndex];
    }

    /** The char index of a code-point offset (the inverse of {@link #codePointOffset}). */
    int charIndex(int codePointOffset) {
        if (codePoints == null) {
            return codePointOffset;
        }
        int i = java.util.Arrays.binarySearch(codePoints, codePointOffset);
        return i >= 0 ? i : -i - 1;
    }

    private static int[] codePointOffsets(String text) {
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        if (!surrogates) {
            return null;
        }
        int[] offsets = new int[text.length() + 1];
        int codePoint = 0;
        for (int i = 0; i < text.length(); i++) {
            offsets[i] = codePoint;
            if (!(Character.isLowSurrogate(text.charAt(i)) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                codePoint++;
            }
            offsets[i + 1] = codePoint;
        }
        return offsets;
    }

    /** The normalised character at {@code at}. */
    char normalChar(int at) {
        return normal[at];
    }

    String normal(int start, int end) {
        return new String(normal, start, end - start);
    }

    int length() {
        return normal.length;
    }

    boolean masked(int i) {
        return masked[i];
    }

    boolean numbering(int i) {
        return numbering[i];
    }

    /** Whether the character at {@code i} lies in text that reports progress or results. */
    boolean status(int i) {
        return i >= 0 && i < status.length && status[i];
    }

    private static final Pattern INLINE_SECTION = Pattern
            .compile("(?<=[。；;！!？?\\u4e00-\\u9fa5])(?:[一二三四五六七八九十]{1,2}、(?![一二三四五六七八九十][、年])|\\([一二三四五六七八九十]{1,2}\\))");

    /**
     * Section starts inside a line of 200 characters or more: a numbered heading (二、 (三)) after a sentence end, or the
     * first of its kind (一、 (一)) right after a title or heading run.
     */
    private static boolean[] flattenedSections(char[] normal) {
        boolean[] starts = new boolean[normal.length + 1];
        int lineStart = 0;
        for (int i = 0; i <= normal.length; i++) {
            if (i == normal.length || normal[i] == '\n') {
                if (i - lineStart >= 200) {
                    Matcher m = INLINE_SECTION.matcher(new String(normal, lineStart, i - lineStart));
                    while (m.find()) {
                        char before = normal[lineStart + m.start() - 1];
                        boolean first = m.group().startsWith("一、") || m.group().equals("(一)");
                        if (SENTENCE_ENDS.indexOf(before) >= 0 || first) {
                            starts[lineStart + m.start()] = true;
                        }
                    }
                }
                lineStart = i + 1;
            }
        }
        return starts;
    }

    /** The news headlines (above a byline), read or masked, as {start, end} of their lines. */
    private final List<int[]> headlines = new ArrayList<>();

    /** Whether {@code at} lies in a news headline. */
    boolean inHeadline(int at) {
        // headlines are lines, found in text order: the last one starting at or before at is the only one to hold it
        int low = 0;
        int high = headlines.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (headlines.get(mid)[0] <= at) {
                if (at < headlines.get(mid)[1]) {
                    return true;
                }
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return false;
    }

    /**
     * The longest news headline: one that lists a season's three projects with their figures
     * (2026年“划重点”|扩充…学位8万个、提质1000所…食堂、新增校舍面积30万平方米) runs past 50 characters.
     */
    private static final int HEADLINE_MAX = 64;

    /**
     * A news item's lead under its headline, the text's first line (扩招！计划新招录教师400人,…\n1月7日,…区长…作政府工作报告):
     * it opens on the day it reports, the agency's mark (记者讯, 新华社…电) or a posting date and the reporter's credit.
     */
    private static final Pattern NEWS_LEAD = Pattern
            .compile("\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*[,，]|[^，,。\\n]{0,16}?(?:讯|电)\\s*[(（:：\\s]"
                    // a posting date and the reporter's credit in brackets: 2025-02-23【大河财立方记者闫文瑞】
                    + "|(?:(?:19|20)\\d{2}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{1,2}\\s*)?【[^】\\n]{0,16}记者[^】\\n]{0,8}】)");

    /**
     * Page furniture under a news headline: 来源, 时间, 发布时间, 作者, the summary a page puts there (本文摘要:, 核心提示:),
     * the day and time it was posted.
     */
    private static final Pattern BYLINE = Pattern
            .compile(GoalRules.words("来源|时间|发布时间|发布日期|更新|更新时间|作者|编辑|摘要|核心提示|导语|导读").pattern() + "\\s*[:：]"
            // a line opening on the day and time the page was posted: 2024-05-23 12:31:52 大风车考试网
                    + "|^\\s*(?:19|20)\\d{2}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{1,2}\\s+\\d{1,2}:\\d{2}");

    /**
     * A headline that says what this year will do (福建今年将新建改扩建358所公办幼儿园, 武汉今秋开学将新增4万个学位): read
     * as a sentence — the body may
     * not state it again, and where it does the two are one target.
     */
    private static final Pattern PLANNED_HEADLINE = Pattern
            .compile("(?:今年|本年|年内|明年|今秋|今春|今夏)[^，,。\\d]{0,4}?(?:将|拟|计划|预计|力争)"
                    // a plan word opening a clause of the headline: 扩招扩招!计划新招录教师400人
                    + "|(?:^|[!！?？,，\\s|｜])(?:计划|拟)(?=[\\u4e00-\\u9fa5])");

    /**
     * A news headline (天津今年拟新增1.62万个学位, 辍学学生由60万人降至831人): a short line without sentence punctuation
     * right above the byline. It restates the item's figures in other words, or reports them: masked like a title.
     */
    private void maskHeadlines() {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= normal.length; i++) {
            if (i == normal.length || normal[i] == '\n') {
                if (!new String(normal, start, i - start).isBlank()) {
                    lines.add(new int[]{start, i});
                }
                start = i + 1;
            }
        }
        for (int k = 0; k + 1 < lines.size(); k++) {
            String line = new String(normal, lines.get(k)[0], lines.get(k)[1] - lines.get(k)[0]).strip();
            if (line.length() > HEADLINE_MAX || endsWithAny(line, SENTENCE_ENDS) || line.indexOf('，') >= 0) {
                continue;
            }
            String next = new String(normal, lines.get(k + 1)[0], lines.get(k + 1)[1] - lines.get(k + 1)[0]);
            if (BYLINE.matcher(next).find() || k == 0 && NEWS_LEAD.matcher(next).lookingAt()) {
                headlines.add(lines.get(k));
                if (!PLANNED_HEADLINE.matcher(line).find()) {
                    mask(lines.get(k)[0], lines.get(k)[1]);
                }
            }
        }
    }

    private static final Pattern OPENS_WITH_YEAR = Pattern
            .compile("^(?:[^。，,]{0,40}?[,，:：]\\s*)?(?:((?:19|20)\\d{2})\\s*年\\s*(?:[春夏秋冬]季(?:学期)?|[上下]半年|初)?\\s*"
                    + "(?:[,，]|(?=[\\u4e00-\\u9fa5])(?![底末前内度以起至到])(?![\\u4e00-\\u9fa5]{1,4}的))"
                    // a status date: 截至2019年，学前教育在园幼儿数为4714万人…
                    + "|(?:截至|截止到?)\\s*((?:19|20)\\d{2})\\s*年\\s*(?:底|末)?\\s*[,，])");

    /** Whether 年 stands among {@code length} characters from {@code start}: every year a sentence opens with has it. */
    private boolean hasYearChar(int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (normal[i] == '年') {
                return true;
            }
        }
        return false;
    }

    /**
     * The year the paragraph around {@code at} last opened a sentence with (2022年，济南…): a paragraph that opens on
     * the past reports it to its end. Null when no sentence before {@code at} on its line opens with a year.
     */
    Integer paragraphYear(int at) {
        if (paragraphYears == null) {
            paragraphYears = new int[sentences.size()];
            int lineOfPrevious = -1;
            int scanned = 0;
            int lineStart = 0;
            for (int i = 0; i < sentences.size(); i++) {
                Sentence sentence = sentences.get(i);
                for (; scanned < sentence.start(); scanned++) {
                    if (normal[scanned] == '\n') {
                        lineStart = scanned + 1;
                    }
                }
                int length = Math.min(sentence.end() - sentence.start(), 60);
                Matcher m = hasYearChar(sentence.start(), length)
                        ? OPENS_WITH_YEAR.matcher(new String(normal, sentence.start(), length))
                        : null;
                paragraphYears[i] = m != null && m.lookingAt()
                        ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2))
                        : i > 0 && lineStart == lineOfPrevious ? paragraphYears[i - 1] : 0;
                lineOfPrevious = lineStart;
            }
        }
        int low = 0;
        int high = sentences.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sentences.get(mid).start() <= at) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 || paragraphYears[found] == 0 ? null : paragraphYears[found];
    }

    /** Per sentence, the year its paragraph last opened a sentence with so far (0 for none); computed once. */
    private int[] paragraphYears;

    List<Sentence> sentences() {
        return sentences;
    }

    /**
     * The first sentence of the statement {@code sentence} is part of: sentences a semicolon joins on one line
     * (截至2019年底，全国公办园达10.8万所；学前三年毛入园率达83.4%；…。) state one thing, and what the first says of its
     * time holds for the rest.
     */
    Sentence statementOf(Sentence sentence) {
        if (statementHeads == null) {
            statementHeads = new int[sentences.size()];
            for (int i = 0; i < sentences.size(); i++) {
                statementHeads[i] = i > 0 && joinedToThePrevious(i) ? statementHeads[i - 1] : i;
            }
            sentenceStarts = sentences.stream().mapToInt(Sentence::start).toArray();
        }
        int i = java.util.Arrays.binarySearch(sentenceStarts, sentence.start());
        return i < 0 ? sentence : sentences.get(statementHeads[i]);
    }

    /**
     * What a statement's first sentence says of its time (the time it opens with, the five-year plan it names), read
     * once however many parts a semicolon joins to it: a line of thousands stays linear.
     */
    private final Map<List<Object>, Object> statementReads = new HashMap<>();

    @SuppressWarnings("unchecked")
    <T> T readOnce(String what, Sentence statement, java.util.function.Function<Sentence, T> read) {
        return (T) statementReads.computeIfAbsent(List.of(what, statement), key -> read.apply(statement));
    }

    /** Whether a semicolon ends the sentence before the {@code i}-th on the same line. */
    private boolean joinedToThePrevious(int i) {
        return joinedBySemicolon(normal, sentences.get(i - 1), sentences.get(i));
    }

    /** Whether {@code sentence} follows {@code before} on its line after a semicolon: one statement. */
    static boolean joinedBySemicolon(char[] normal, Sentence before, Sentence sentence) {
        if (before == null || before.end() == 0 || "；;".indexOf(normal[before.end() - 1]) < 0) {
            return false;
        }
        for (int k = before.end(); k < sentence.start(); k++) {
            if (normal[k] == '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * A place whose share of a higher level's tasks the text states in brackets, row after row (建设品质县中10所(其中浏阳4所)
     * … 增加基础教育学位(略)个(其中浏阳3675个)): the text is that place's, and its shares are its targets. Named in two
     * brackets at least; a part of a kind (其中城区4所, 其中公办2所) names no place.
     */
    java.util.Set<String> sharePlaces() {
        if (sharePlaces == null) {
            java.util.Map<String, Integer> named = new java.util.HashMap<>();
            for (Matcher m = SHARE_BRACKET.matcher(new String(normal)); m.find();) {
                if (!PART_OF_A_KIND.matcher(m.group(1)).matches()) {
                    named.merge(m.group(1), 1, Integer::sum);
                }
            }
            named.values().removeIf(n -> n < 2);
            sharePlaces = java.util.Set.copyOf(named.keySet());
        }
        return sharePlaces;
    }

    private java.util.Set<String> sharePlaces;
    static final Pattern SHARE_BRACKET = Pattern.compile("[(（]\\s*其中\\s*([\\u4e00-\\u9fa5]{2,4}?)\\s*\\d");
    private static final Pattern PART_OF_A_KIND = Pattern
            .compile(".*(?:城区|城镇|农村|乡村|乡镇|公办|民办|新建|改扩建|续建|小学|初中|高中|幼儿园|中学|学校|义务教育|学前|普通|职业|省级|市级|县级|区级|中央).*");

    /** Per sentence, the index of the first sentence of its statement; built on first use. */
    private int[] statementHeads;
    private int[] sentenceStarts;

    /**
     * A plan typed with ASCII punctuation ends its sentences with '.': one between a word and the next (达到92%.高考),
     * not in a number (2.5万) or a list number (1.新建), which have a digit before them.
     */
    private boolean asciiFullStop(int i, int lineEnd) {
        return normal[i] == '.' && i > 0 && !PlanNumbers.isDigit(normal[i - 1]) && !masked[i]
                && (i + 1 >= lineEnd || !PlanNumbers.isDigit(normal[i + 1]));
    }

    /** Full-width forms to ASCII, one character for one, so offsets stay those of the original. */
    private static char[] normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '\uFF0C' && c != '\uFF1B' && c != '\uFF1A' && c != '\uFF08'
                    && c != '\uFF09') {
                chars[i] = (char) (c - 0xFEE0); // ０-９, ％, ．, Ａ-ｚ …
            } else if (c == '\uFF08') {
                chars[i] = '(';
            } else if (c == '\uFF09') {
                chars[i] = ')';
            } else if (c == '\u3000' || c == '\uFEFF' || c == '\u00A0' || c == '\r' || c == '\t') {
                chars[i] = ' ';
            } else if (c == '～' || c == '〜' || c == '—' || c == '–' || c == '－') {
                chars[i] = '-';
            } else if (c == '．') {
                chars[i] = '.';
            }
        }
        return chars;
    }

    private void maskInline() {
        for (int[] span : PageNoise.inline(new String(normal))) {
            mask(span[0], span[1]);
        }
    }

    private void markNumbering(int start, int end) {
        mask(start, end);
        for (int i = start; i < end; i++) {
            numbering[i] = true;
        }
    }

    private void mask(int start, int end) {
        for (int i = start; i < end; i++) {
            masked[i] = true;
        }
    }

    /**
     * Headings set the category, report sections and noise lines are masked, and sentences are cut.
     */
    private void readLines() {
        String heading1 = null;
        String heading2 = null;
        boolean report1 = false;
        boolean report2 = false;
        boolean bareSections = false; // the plan heads its sections without numbers
        boolean numberedSections = false; // … or with them (一、), and then short lines are text
        int sentenceStart = -1;
        String sentenceCategory = null;
        String sentenceSection = null;
        java.util.Map<Integer, Integer> outline = outlineNumbers();
        String previousLine = "";
        boolean previousRow = false;
        int lineStart = 0;
        while (lineStart <= normal.length) {
            int lineEnd = lineStart;
            while (lineEnd < normal.length && normal[lineEnd] != '\n'
                    && !(lineEnd > lineStart && sectionStart[lineEnd])) {
                lineEnd++;
            }
            String line = new String(normal, lineStart, lineEnd - lineStart);
            String trimmed = line.strip();
            int indent = line.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
            int contentStart = lineStart + Math.max(indent, 0);

            boolean noise = PageNoise.line(line);
            boolean mayBeATitle = trimmed.length() <= 40 && trimmed.indexOf('年') >= 0; // both titles state a year
            if (mayBeATitle && trimmed.contains("总结") && SUMMARY_TITLE.matcher(trimmed).matches()) {
                summaryDocument = true; // 衢州市教育局2024年工作总结: its numbered sections report, to the next title
            } else if (mayBeATitle && PLAN_TITLE.matcher(trimmed).matches()) {
                summaryDocument = false; // 衢州市教育局2025年工作计划
            }
            Matcher h1 = HEADING_1.matcher(trimmed);
            Matcher h2 = HEADING_2.matcher(trimmed);
            Matcher item = LIST_ITEM.matcher(trimmed);
            Integer outlined = outline.get(lineStart);
            boolean startsBlock = trimmed.isEmpty() || noise || h1.lookingAt() || h2.lookingAt() || item.lookingAt()
                    || outlined != null;
            boolean heading = false;
            numberedSections |= !noise && h1.lookingAt();
            boolean bare = !noise && !numberedSections && !h2.lookingAt() && !item.lookingAt()
                    && bareHeading(trimmed, previousLine, report1 || bareSections);
            if (bare && heading1 != null && SUB_HEADING.matcher(trimmed).find()) {
                // 关于主要目标指标“民生福祉方面”——: a part of the unnumbered heading before, not one of its own
                heading = true;
                startsBlock = true;
                heading2 = headingText(unannotated(contentStart, lineEnd));
                report2 = REPORT_HEADING.matcher(heading2).find();
            } else if (bare) {
                bareSections = true;
                // An unnumbered heading on a line of its own: a review opens a report section, the next heading ends it.
                heading = true;
                startsBlock = true;
                heading1 = headingText(unannotated(contentStart, lineEnd));
                heading2 = null;
                report1 = REPORT_HEADING.matcher(heading1).find();
                report2 = false;
            } else if (!noise && h1.lookingAt()) {
                heading = true;
                heading1 = headingText(unannotated(contentStart + h1.end(), lineEnd));
                heading2 = null;
                report1 = summaryDocument || REPORT_HEADING.matcher(heading1).find();
                report2 = false;
                markNumbering(contentStart, contentStart + h1.end());
            } else if (!noise && h2.lookingAt()) {
                heading = true;
                heading2 = headingText(unannotated(contentStart + h2.end(), lineEnd));
                report2 = REPORT_HEADING.matcher(heading2).find();
                markNumbering(contentStart, contentStart + h2.end());
            } else if (!noise && item.lookingAt()) {
                markNumbering(contentStart, contentStart + item.end());
            } else if (!noise && outlined != null) {
                markNumbering(lineStart, outlined);
            }
            if (noise || report1 || report2) {
                mask(lineStart, lineEnd);
            } else {
                mask(lineStart, lineStart + PageNoise.headlineBeforeBody(line)); // …4.68万个】《报告》提出，…
            }

            // A line break ends a sentence unless a long line was wrapped in the middle of one; a row of cells (two
            // tabs or more: a task table pasted from Excel) is a sentence of its own.
            boolean row = rows.substring(lineStart, Math.min(lineEnd, rows.length())).chars().filter(c -> c == '\t')
                    .count() >= 2;
            boolean hardBreak = startsBlock || row || previousRow || previousLine.length() < 20
                    && !endsWithAny(previousLine, SOFT_LINE_ENDS) && !PLANNED_VERB_AT_END.matcher(previousLine).find();
            previousRow = row;
            if (hardBreak && sentenceStart >= 0) {
                closeSentence(sentenceStart, lineStart, sentenceCategory, sentenceSection);
                sentenceStart = -1;
            }
            String category = heading2 != null ? heading2 : heading1;
            String section = heading1 != null && heading2 != null ? heading1 + " " + heading2 : category;
            for (int i = contentStart; i < lineEnd; i++) {
                if (sentenceStart < 0) {
                    sentenceStart = i;
                    sentenceCategory = category;
                    sentenceSection = section;
                }
                if (SENTENCE_ENDS.indexOf(normal[i]) >= 0 || asciiFullStop(i, lineEnd)) {
                    closeSentence(sentenceStart, i + 1, sentenceCategory, sentenceSection);
                    sentenceStart = -1;
                }
            }
            if (heading && sentenceStart >= 0) {
                closeSentence(sentenceStart, lineEnd, sentenceCategory, sentenceSection);
                sentenceStart = -1;
            }
            previousLine = heading || noise ? "" : trimmed;
            lineStart = lineEnd < normal.length && normal[lineEnd] != '\n' ? lineEnd : lineEnd + 1;
        }
        if (sentenceStart >= 0) {
            closeSentence(sentenceStart, normal.length, sentenceCategory, sentenceSection);
        }
    }

    /**
     * A summary's title on a line of its own (衢州市教育局2024年工作总结, 2024年度工作总结): what follows reports, whatever its
     * sections are called, until a plan's title (2025年工作计划).
     */
    private static final Pattern SUMMARY_TITLE = Pattern
            .compile("[^，,。；;:：]{0,20}?(?:19|20)\\d{2}\\s*年度?(?:上半年|下半年)?[^，,。；;:：\\d]{0,6}?总结");
    private static final Pattern PLAN_TITLE = Pattern.compile(
            "[^，,。；;:：]{0,20}?(?:19|20)\\d{2}\\s*年度?" + "[^，,。；;:：\\d]{0,6}?(?:工作计划|工作要点|工作思路|工作安排|重点工作|工作打算)");
    private boolean summaryDocument;

    /** An outline number written without a space before its heading (7.1人力资源配置). */
    private static final Pattern OUTLINE = Pattern.compile("^\\s*(\\d{1,2})\\.(\\d{1,2})(?=[\\u4e00-\\u9fa5])");

    /**
     * Lines that open with an outline number and no space (7.1人力资源配置, 7.2物力资源投入) where a neighbouring line goes
     * on counting: numbering, not a figure (7.1 人). By line start, the end of each number.
     */
    private java.util.Map<Integer, Integer> outlineNumbers() {
        List<int[]> lines = new ArrayList<>();
        for (int start = 0; start < normal.length;) {
            int end = start;
            while (end < normal.length && normal[end] != '\n') {
                end++;
            }
            if (end > start && !new String(normal, start, end - start).isBlank()) {
                lines.add(new int[]{start, end});
            }
            start = end + 1;
        }
        java.util.Map<Integer, Integer> numbered = new java.util.HashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            Matcher m = outlineAt(lines.get(k));
            if (m == null) {
                continue;
            }
            for (int n : new int[]{k - 1, k + 1}) {
                Matcher other = n < 0 || n >= lines.size() ? null : outlineAt(lines.get(n));
                if (other != null && other.group(1).equals(m.group(1))
                        && Math.abs(Integer.parseInt(other.group(2)) - Integer.parseInt(m.group(2))) == 1) {
                    numbered.put(lines.get(k)[0], lines.get(k)[0] + m.end());
                }
            }
        }
        return numbered;
    }

    private Matcher outlineAt(int[] line) {
        Matcher m = OUTLINE.matcher(new String(normal, line[0], line[1] - line[0]));
        return m.lookingAt() ? m : null;
    }

    /**
     * A short line without punctuation, after a blank line or a bare section number, that names a review (2020年工作回顾)
     * or, once the plan has headed a section so, the next section (2021年重点工作). Other short lines stay text: titles and captions
     * would otherwise turn into sections.
     */
    private static boolean bareHeading(String trimmed, String previousLine, boolean bareSections) {
        long length = trimmed.chars().filter(c -> !Character.isWhitespace(c)).count(); // a reprint's pinyin is blanked
        if (length < 4 || length > 24 || !previousLine.isEmpty() && !BARE_NUMBER.matcher(previousLine).matches()
                && !endsASentence(previousLine) && !INTRODUCES.matcher(previousLine).find()) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (HEADING_STOPS.indexOf(trimmed.charAt(i)) >= 0) {
                return false;
            }
        }
        return REPORT_HEADING.matcher(trimmed).find() || bareSections && GOAL_HEADING.matcher(trimmed).find()
        // “十五五”时期主要目标和重大任务: a five-year plan's goals open a section wherever they stand
                || GoalRules.FIVE_YEAR_PLAN.matcher(trimmed).find() && GOAL_HEADING.matcher(trimmed).find();
    }

    /** A line that introduces what follows (一起来看——, 具体如下：): the next line may be a heading. */
    private static final Pattern INTRODUCES = SUB_HEADING;

    /** A line that ends a sentence, whatever symbols a page put after its stop (…工作报告。🌟). */
    private static boolean endsASentence(String line) {
        int end = line.length();
        while (end > 0 && !Character.isLetterOrDigit(line.charAt(end - 1))
                && SENTENCE_ENDS.indexOf(line.charAt(end - 1)) < 0) {
            end--;
        }
        return end > 0 && SENTENCE_ENDS.indexOf(line.charAt(end - 1)) >= 0;
    }

    private void closeSentence(int start, int end, String category, String section) {
        while (end > start && Character.isWhitespace(normal[end - 1])) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(start, end, category, section));
        }
    }

    /** The original text without the annotations blanked in the normal one. */
    private String unannotated(int start, int end) {
        StringBuilder text = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            if (normal[i] != ' ' || original.charAt(i) == ' ') {
                char c = original.charAt(i);
                // a traditional text's headings read (and name categories) in simplified characters too
                text.append(c != normal[i] && TraditionalText.simplified(c) == normal[i] ? normal[i] : c);
            }
        }
        return text.toString();
    }

    /** The heading's words, up to its first full stop, without trailing punctuation. */
    private static String headingText(String rest) {
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if ("。；;：:！？!?".indexOf(rest.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        String text = rest.substring(0, end).strip();
        while (!text.isEmpty() && "，,、.".indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

    static boolean endsWithAny(String line, String chars) {
        return !line.isEmpty() && chars.indexOf(line.charAt(line.length() - 1)) >= 0;
    }
}
