package io.zhibiao.plan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a plan's text states progress or results rather than targets: a sentence that opens on how things stand
 * (截至4月, 目前, 近年来) to the end of its paragraph, a clause with 已 to the end of its sentence, what a news item
 * reports (据了解, 监测显示), a list after a lead into progress, a task table's progress columns, works reported done by
 * the next sentence. Reads the normalised text and its sentences; marks, per character, what is status.
 */
final class StatusMarks {

    /**
     * Where a paragraph turns to how things stand (截至4月, 目前, 上半年, 1-4月, 今年以来): its figures are progress, not
     * targets — to the end of the paragraph. A deadline (截至2025年底) or a schedule (3-4月) is no such turn.
     */
    /**
     * Since a thing began: 启动以来, 全面实施第二期学前教育三年行动计划以来. The look-ahead for 以来 comes first: the lazy
     * search for the words before it, tried at every line and clause start, was much of the status marks' time.
     */
    private static final String SINCE_BEGUN = "(?=[^，,。；;\\n]{0,42}以来)[^，,。；;\\n]{0,40}?(?:启动|实施|开展|推进|成立|建立|运行|计划|工程|行动)以来";
    private static final String HEARD = "(?:[^。，,]{0,40}?(?:获悉|了解到)[,，:：]\\s*+)?";
    private static final String AS_OF = "(?:[^。，,]{0,30}[,，]\\s*+(?=截至|截止|目前|至今|到目前))?";
    private static final String OPENER = "(?:据了解|据悉|据统计)?[,，]?\\s*+(?:今年|本年|全年|(?:19|20)\\d{2}\\s*+年)?\\s*+"
            + "(?:(?:截至|截止|截止到)\\s*+(?:(?:19|20)\\d{2}\\s*+年\\s*+)?(?:\\d{1,2}\\s*+月|本月|目前|当前|今|现在)|目前|至今|上半年"
            + "|前三季度|一季度|1\\s*+-\\s*+\\d{1,2}\\s*+月|今年以来|到目前|至目前|这一年|过去一年|过去的一年|一年来|近年来|多年来"
            + "|(?:19|20)\\d{2}\\s*+年以来|(?:特别是|尤其是)?[“\"]?十?[一二三四五六七八九]五[”\"]?(?:期间|时期)?以来|去年以来|[两三四五六七八九十\\d]{1,2}年来|(?:这|过去)(?:[两三四五六七八九十\\d]{1,2}|几)年(?!内|的?目标|来)|[近前][两三四五六七八九十\\d]{1,2}年(?!内)|随[着著][^，,。]{0,20}?(?:完成|建成|竣工|投用|投入使用)"
            + "|" + SINCE_BEGUN + ")";
    /**
     * The opener, with the optional lead-ins a text can hold: by whether the line holds 获悉 or 了解到 (a reporter's lead)
     * and whether it holds 截至, 截止, 目前 or 至今 (a clause before the date). A lead-in that cannot match is left out of
     * the pattern, as its bounded search at every line start was much of the extractor's time.
     */
    private static final Pattern[][] STATUS_OPENERS = {
            {Pattern.compile("^\\s*+" + OPENER), Pattern.compile("^\\s*+" + AS_OF + OPENER)},
            {Pattern.compile("^\\s*+" + HEARD + OPENER), Pattern.compile("^\\s*+" + HEARD + AS_OF + OPENER)}};

    private static Matcher statusOpener(String line) {
        boolean heard = line.contains("获悉") || line.contains("了解到");
        boolean asOf = line.contains("截至") || line.contains("截止") || line.contains("目前") || line.contains("至今");
        return STATUS_OPENERS[heard ? 1 : 0][asOf ? 1 : 0].matcher(line);
    }
    /**
     * A clause, not only a sentence, may turn to results or to how things stand when it opens with a span up to now
     * (五年来, 近年来, 这五年, 2021年以来, 启动以来) or a date of this year (截至本月8日, 截至10月) and a comma: from there to the end of the
     * paragraph. Fewer openers than {@link #OPENER}: 上半年 or 目前 inside a sentence may schedule a goal.
     */
    private static final Pattern CLAUSE_STATUS = Pattern.compile(
            "\\s*(?:[两三四五六七八九十\\d]{1,2}年来|(?:这|过去)(?:[两三四五六七八九十\\d]{1,2}|几)年|[近前][两三四五六七八九十\\d]{1,2}年(?!内)|近年来|多年来|一年来|去年以来"
                    + "|过去的?一年|(?:19|20)\\d{2}\\s*年以来|今年以来|(?:截至|截止|截止到)\\s*(?:(?:19|20)\\d{2}\\s*年\\s*)?"
                    + "(?:\\d{1,2}\\s*月(?!\\s*[底末])|本月|目前|当前|现在)" + "|" + SINCE_BEGUN + ")[^，,。；;]{0,8}[，,]");

    /**
     * A sentence a news item reports (据了解, 据悉, 据统计) states facts, unless it says what is planned (计划, 拟, 将,
     * 力争, 列入…实事) — a goal it names as reached (实现…的工作目标) is a fact too.
     */
    private static final Pattern REPORTED = Pattern
            .compile("^[^。，,]{0,40}?(?:据了解|据悉|据统计|据初步统计|数据显示|统计显示|介绍|表示|通报)\\s*[,，:：]|^\\s*(?:据了解|据悉|据统计|据初步统计)"
                    // 值得关注的是，…: an observation of how things are
                    + "|^\\s*值得(?:关注|注意|一提)的是\\s*[,，:：]"
                    // 从流行病学数据看，国家卫健委2022年监测显示，…: what monitoring or a survey showed
                    + "|^(?:[^。，,]{0,20}[,，]){0,2}[^。，,]{0,30}?(?:监测显示|调查显示|数据显示|统计显示|结果显示|监测数据显示)\\s*[,，:：]");
    /**
     * Whether a sentence holds a word every form of {@link #REPORTED} needs: trying that pattern's bounded prefixes at
     * every sentence was a tenth of the extractor's time, and most sentences hold none of these words.
     */
    private static boolean mayReport(String sentence) {
        for (String word : REPORTING_WORDS) {
            if (sentence.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> REPORTING_WORDS = List.of("据", "显示", "介绍", "表示", "通报", "值得");
    private static final Pattern PLANNED = Pattern.compile(Lexicon.alternation("planned"));
    /** 已 turns a sentence to progress from its clause on (其中新建11所…，上半年已完成投资5172万元，完成计划的36%). */
    private static final Pattern DONE = Pattern.compile("已");
    private static final String CLAUSE_STOPS = "，,；;：:";

    /**
     * Progress and results: from a sentence that opens on how things stand to the end of its paragraph; from a clause
     * with 已 to the end of its sentence.
     */
    /** A line that turns from what was done to what is planned: 今年, 明年, 下一步, 力争, 计划, 将, a heading. */
    private static final Pattern TURNS_TO_PLANS = Pattern
            .compile("^\\s*(?:今年|明年|下一步|下步|下一阶段|力争|计划|将|要|确保|[一二三四五六七八九十]{1,2}、|\\([一二三四五六七八九十]{1,2}\\))");

    /**
     * Where a progress report that opens at {@code from} ends: at the end of its line when that line is a sentence of
     * its own, else — a report set one phrase per line — at the next blank line, heading or line that turns to plans.
     */
    private int statusEnd(int from, boolean sentenceOnly) {
        int end = lineEnd(from);
        String line = new String(normal, from, end - from).strip();
        if (PlanText.endsWithAny(line, PlanText.SENTENCE_ENDS) || line.length() > 40) {
            if (sentenceOnly) {
                for (int i = from; i < end; i++) {
                    if (PlanText.SENTENCE_ENDS.indexOf(normal[i]) >= 0) {
                        return i + 1;
                    }
                }
            }
            return end;
        }
        return blockEnd(end);
    }

    /** A sentence that introduces a list below it: 具体情况如下, 如下所示. */
    private static final Pattern LIST_LEAD = Pattern.compile("如下\\s*[:：]?\\s*$");
    private static final Pattern LIST_ITEM_START = Pattern
            .compile("^\\s*(?:\\d{1,2}\\s*[.、．)]|[①-⑳]|\\(\\s*\\d{1,2}\\s*\\))");

    /** The list after {@code from}: its numbered lines, blank lines between them included. */
    private int listEnd(int from) {
        return linesWhile(lineEnd(from), line -> line.isBlank() || LIST_ITEM_START.matcher(line).lookingAt());
    }

    /** The lines after {@code lineEnd} up to a blank line, a heading or a line that turns to plans. */
    private int blockEnd(int lineEnd) {
        return linesWhile(lineEnd, line -> !line.isBlank() && !TURNS_TO_PLANS.matcher(line).lookingAt());
    }

    /** Where the line that starts at {@code from} ends. */
    private int lineEnd(int from) {
        int end = from;
        while (end < normal.length && normal[end] != '\n') {
            end++;
        }
        return end;
    }

    /** From the line ending at {@code end}, on over each next line that goes on the run; where the run ends. */
    private int linesWhile(int end, java.util.function.Predicate<String> goesOn) {
        while (end < normal.length) {
            int next = end + 1;
            int nextEnd = lineEnd(next);
            if (!goesOn.test(new String(normal, next, nextEnd - next))) {
                return end;
            }
            end = nextEnd;
        }
        return end;
    }

    /** A line that leads into a list of progress: 教育方面的具体进展有, 完成情况如下. */
    private static final Pattern PROGRESS_LEAD = Pattern.compile("(?:进展|完成情况)(?:如下|有)?\\s*[:：]?\\s*$");

    /** Background (近年来, 多年来) reports only its own sentence: a plan goes on to its goals in the same paragraph. */
    private static final Pattern BACKGROUND = Pattern.compile("近年来|多年来|随[着著]");

    private void markStatus() {
        // where sentences and lines start, in order, each once
        int[] starts = java.util.stream.IntStream
                .concat(sentences.stream().mapToInt(PlanText.Sentence::start),
                        java.util.stream.IntStream.range(0, normal.length).filter(i -> i == 0 || normal[i - 1] == '\n'))
                .sorted().distinct().toArray();
        int until = -1;
        for (int at : starts) {
            if (at < until || at < normal.length && normal[at] == '\n') {
                continue; // a blank line opens nothing: the line after it is a start of its own
            }
            Matcher opener = statusOpener(new String(normal, at, Math.min(normal.length - at, 120)));
            if (at == 0 || normal[at - 1] == '\n') {
                int lineEnd = at;
                while (lineEnd < normal.length && normal[lineEnd] != '\n') {
                    lineEnd++;
                }
                if (lineEnd < normal.length && lineEnd - at <= 60 && !TableCells.hasTab(rows, at, lineEnd)
                        && PROGRESS_LEAD.matcher(new String(normal, at, lineEnd - at)).find()) {
                    // (a table's header row ending in 完成情况 names a column: ProgressColumns reads it)
                    until = blockEnd(lineEnd);
                    java.util.Arrays.fill(status, at, until, true);
                    continue;
                }
            }
            if (opener.lookingAt()) {
                until = statusEnd(at, BACKGROUND.matcher(opener.group()).find());
                java.util.Arrays.fill(status, at, until, true);
            }
        }
        for (int[] cell : ProgressColumns.cells(rows)) {
            java.util.Arrays.fill(status, cell[0], cell[1], true); // a task table's 完成情况: how far, not how far to go
        }
        // 记者获悉，五年来，…; …负责人表示，截至本月8日，…; …。启动以来，…: a clause or a sentence within a line that turns
        // to results or to how things stand
        Matcher clause = CLAUSE_STATUS.matcher(new String(normal)); // one matcher, its region moved comma to comma
        for (int i = 0; i + 1 < normal.length; i++) {
            if ((normal[i] == '，' || normal[i] == ',' || normal[i] == '。' && !Character.isWhitespace(normal[i + 1]))
                    && !status[i + 1] && clause.region(i + 1, Math.min(normal.length, i + 61)).lookingAt()) {
                int end = statusEnd(i + 1, false);
                java.util.Arrays.fill(status, i + 1, end, true);
                i = end - 1;
            }
        }
        PlanText.Sentence previous = null;
        boolean reportedBefore = false; // whether the sentence before was a reported one
        for (PlanText.Sentence sentence : sentences) {
            boolean afterProgress = previous != null && status[previous.start()]
                    && new String(normal, previous.end(), sentence.start() - previous.end()).indexOf('\n') < 0;
            boolean continuesReport = reportedBefore && PlanText.joinedBySemicolon(normal, previous, sentence);
            reportedBefore = false;
            previous = sentence;
            if (status[sentence.start()]) {
                continue;
            }
            if (afterProgress && LIST_LEAD
                    .matcher(new String(normal, sentence.start(), sentence.end() - sentence.start())).find()) {
                java.util.Arrays.fill(status, sentence.start(), listEnd(sentence.end()), true);
                continue;
            }
            String text = new String(normal, sentence.start(), sentence.end() - sentence.start());
            if ((mayReport(text) && REPORTED.matcher(text).lookingAt() || continuesReport)
                    && !PLANNED.matcher(text).find()) {
                // 据统计，…新增24所…；其中，…13所: the parts a semicolon joins to a reported sentence are reported too
                java.util.Arrays.fill(status, sentence.start(), sentence.end(), true);
                reportedBefore = true;
                continue;
            }
            Matcher done = DONE.matcher(text);
            if (done.find() && LIST_LEAD.matcher(text).find()) {
                // 5个项目已于8月底全部竣工…具体情况如下：the list below reports what was done
                java.util.Arrays.fill(status, sentence.start(), listEnd(sentence.end()), true);
                continue;
            }
            if (FINISHED_ON.matcher(text).find() || AGAINST_SCHEDULE.matcher(text).find()) {
                // 该项目投资500万元新建…教学楼，已于今年5月竣工投用: the works the sentence describes are what was
                // finished; …完成投资1856万元，投资完成率均高于序时进度要求: how far the works are against the schedule
                java.util.Arrays.fill(status, sentence.start(), sentence.end(), true);
                continue;
            }
            if (done.find(0)) {
                int from = done.start();
                while (from > 0 && CLAUSE_STOPS.indexOf(text.charAt(from - 1)) < 0) {
                    from--;
                }
                java.util.Arrays.fill(status, sentence.start() + from, sentence.end(), true);
            }
        }
        markWorksReportedDone();
        markTalliesAndTheirDetails();
    }

    /**
     * A tally of what there is (新建有6所，改扩建有48所: a verb and 有, how many there now are) reports, with the lines
     * under it in its block, and so does the detail a line of its own announces after it (具体情况), each to the first
     * line that names a plan (根据全年学位扩充计划 / 全年计划新增…): a post on the schools opening this autumn lists what
     * opens, then what the year plans.
     */
    private void markTalliesAndTheirDetails() {
        boolean tallied = false;
        int covered = 0; // where the last run marked ends: each line is read once, however many tallies a block holds
        for (PlanText.Sentence sentence : sentences) {
            if (sentence.start() < covered) {
                continue;
            }
            String text = new String(normal, sentence.start(), sentence.end() - sentence.start());
            if (TALLY.matcher(text).find() && !PLANNED.matcher(text).find()) {
                // with the lines under it in its block (共增加学位15700个 / 其中城区新建学校2所): its total and its parts
                covered = Math.max(sentence.end(), linesWhile(lineEnd(sentence.start()),
                        line -> !line.isBlank() && !PLANNED.matcher(line).find()));
                java.util.Arrays.fill(status, sentence.start(), covered, true);
                tallied = true;
            } else if (tallied && DETAILS_LEAD.matcher(text).matches()) {
                covered = linesWhile(lineEnd(sentence.start()), line -> !PLANNED.matcher(line).find());
                java.util.Arrays.fill(status, sentence.start(), covered, true);
            }
        }
    }

    /** A verb and 有 before a count: how many there are of what was built (新建有6所, 改扩建有48所). */
    private static final Pattern TALLY = Pattern.compile("(?:新建|改扩建|改建|扩建|新增|建成)有\\s*\\d");
    /** A line announcing the detail of what was just said: 具体情况, 具体情况如下. */
    private static final Pattern DETAILS_LEAD = Pattern.compile("\\s*具体情况(?:如下)?\\s*[:：]?\\s*");

    /**
     * A sentence that ends by saying when the works it describes were finished: …，已于今年5月竣工投用 (a date of
     * completion, no figure after it — 新建幼儿园3所，已完成2所 reports progress on a goal from its clause on only).
     */
    private static final Pattern FINISHED_ON = Pattern
            .compile("[，,]\\s*(?:并|均|现)?已于[^。，,；;\\d]{0,4}(?:(?:19|20)\\d{2}\\s*年)?"
                    + "[^。，,；;\\d]{0,4}(?:\\d{1,2}\\s*月)?[^。，,；;\\d]{0,6}?(?:竣工|完工|建成|投用|投入使用|交付使用|交付)\\D*$");
    /**
     * How far works are against the schedule (序时进度), or that they went past the year's task (…新增11.26万个学位，超额完成
     * 年度计划任务): a progress report — unless exceeding is what the sentence aims at (力争超额完成).
     */
    private static final Pattern AGAINST_SCHEDULE = Pattern
            .compile("序时进度|(?<!力争|确保|争取|要|将|努力)超额完成[^。，,；;]{0,8}(?:任务|目标|计划)");

    /** A report that the works just described are done: 截至目前，整体工程已基本完成. */
    private static final Pattern WORKS_DONE = Pattern
            .compile("(?:整体|全部|主体|项目|工程)[^。，,；;]{0,8}已[^。，,；;]{0,6}(?:完成|完工|竣工|建成|投入使用|投用)");

    /**
     * 实施…扩挖工程，全长345公里，总投资2.16亿元。截至目前，整体工程已基本完成: works described without a time or a plan of
     * their own, then reported done by the next sentence of the paragraph, are what was done — not targets; so is a
     * sentence the next one calls data (…惠及1400万位儿童。这些如实数据，已足证…).
     */
    private void markWorksReportedDone() {
        PlanText.Sentence previous = null;
        for (PlanText.Sentence sentence : sentences) {
            if (previous != null && !status[previous.start()]
                    && new String(normal, previous.end(), sentence.start() - previous.end()).indexOf('\n') < 0) {
                String before = new String(normal, previous.start(), previous.end() - previous.start());
                String after = new String(normal, sentence.start(), sentence.end() - sentence.start());
                if (status[sentence.start()] && WORKS_DONE.matcher(after).find() && !PLANNED.matcher(before).find()
                        && !GoalRules.OWN_TIME.matcher(before).find()) {
                    java.util.Arrays.fill(status, previous.start(), previous.end(), true);
                } else if (CALLED_DATA.matcher(after).lookingAt()) {
                    // …惠及1400万位儿童，…再提高20元。这些如实数据，已足证…: what the next sentence calls data is data
                    java.util.Arrays.fill(status, previous.start(), previous.end(), true);
                }
            }
            previous = sentence;
        }
    }

    /** A sentence that calls the one before it data: 这些数据表明, 以上数据, 上述统计数据. */
    private static final Pattern CALLED_DATA = Pattern.compile("\\s*(?:这些|以上|上述|这组)[^。，,；;]{0,4}?数据");

    private final char[] normal;
    private final String rows;
    private final List<PlanText.Sentence> sentences;
    private final boolean[] status;

    StatusMarks(char[] normal, String rows, List<PlanText.Sentence> sentences) {
        this.normal = normal;
        this.rows = rows;
        this.sentences = sentences;
        this.status = new boolean[normal.length];
    }

    /** Per character of the text, whether it states progress or results. */
    boolean[] marks() {
        markStatus();
        return status;
    }
}
