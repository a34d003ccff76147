package io.zhibiao.plan;

import io.zhibiao.period.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a sentence's figures are due: the months a schedule line opens with (3-4月，…), a task table's deadline cell,
 * a clause of its own that says when (到2027年，…), a span that opens the sentence (两年内…), the plan year named in a
 * clause, and past years that make a clause a report.
 */
final class SentenceTimes {

    /** A task table's deadline cell: 2026年8月, 2026年12月底前. */
    private static final Pattern DEADLINE = Pattern
            .compile("((?:19|20)\\d{2})\\s*年\\s*(\\d{1,2})\\s*月(?:份)?(?:底|末)?(?:前|之前)?");

    private final PlanText plan;
    private final PlanText.Sentence sentence;
    private final Clauses clauses;
    private final int year;
    /** Whether the sentence has a 年 at all: most have none, and then no year can date them. */
    private final boolean namesAYear;
    /** Whether the sentence's first clause is nothing but past years; read on first use. */
    private Boolean opensOnPastYears;
    /** The months a schedule sentence opens with (3-4月，…) or its deadline cell gives, or null. */
    private Period schedule;

    SentenceTimes(PlanText plan, PlanText.Sentence sentence, Clauses clauses, int year) {
        this.plan = plan;
        this.sentence = sentence;
        this.clauses = clauses;
        this.year = year;
        this.namesAYear = clauses.text().indexOf('年') >= 0;
    }

    /** Reads the schedule or deadline; call once baseline phrases are consumed. */
    void read() {
        readSchedule();
        readDeadline();
    }

    /** The months the sentence's figures are due in, or null. */
    Period schedule() {
        return schedule;
    }

    /**
     * A deadline that is a clause of its own inside the sentence (确保3月底，…开复工率达到60%): the month of the plan year
     * the figures after it are due in, or null for a figure before it or a sentence without one.
     */
    Period deadlineFor(int figureStart) {
        if (deadlineEnd < 0) { // the sentence's first deadline, found once: the figures after it are due then
            deadlineEnd = Integer.MAX_VALUE;
            Matcher m = MONTH_DEADLINE.matcher(clauses.text());
            while (m.find()) {
                int month = Integer.parseInt(m.group(1));
                if (!clauses.masked(m.start(1)) && month >= 1 && month <= 12) {
                    deadlineEnd = m.end();
                    deadline = new Period(year * 12 + month - 1, year * 12 + month - 1);
                    break;
                }
            }
        }
        return deadlineEnd <= figureStart ? deadline : null;
    }

    /** Where the sentence's first deadline ends (-1 before it is looked for, MAX_VALUE for none), and its month. */
    private int deadlineEnd = -1;
    private Period deadline;

    private static final Pattern MONTH_DEADLINE = Pattern
            .compile("(?:^|[，,；;])\\s*(?:确保|力争|争取|要|于|在)?\\s*(?<![\\d年])(\\d{1,2})\\s*月(?:底|末|前|底前|份前)\\s*[，,]");

    /**
     * A row of a task table (序号 / 重点工作 / 目标任务 / 牵头股室 / 完成时限, cells separated by tabs) whose deadline cell
     * names a month of the plan year: its figures are due in that month.
     */
    private void readDeadline() {
        String[] cells = plan.rows().substring(sentence.start(), sentence.end()).split("\t");
        if (cells.length < 3 || schedule != null) {
            return;
        }
        for (String cell : cells) {
            Matcher m = DEADLINE.matcher(cell.strip());
            if (m.matches() && Integer.parseInt(m.group(1)) == year) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    schedule = new Period(year * 12 + month - 1, year * 12 + month - 1);
                }
            }
        }
    }

    /** 3-4月，… / 9月，…: a schedule line whose figures are due in those months of the plan year. */
    private void readSchedule() {
        Matcher m = GoalRules.SCHEDULE.matcher(clauses.text());
        if (!m.lookingAt() || clauses.masked(m.start(1))) {
            return;
        }
        int first = Integer.parseInt(m.group(1));
        int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (first < 1 || last > 12 || last < first) {
            return;
        }
        schedule = new Period(year * 12 + first - 1, year * 12 + last - 1);
        clauses.consume(m.start(), m.end());
    }

    /**
     * "到2027年，建成…": a clause of its own that only says when — for the clause after it, or, opening the sentence
     * (2007年，全市…达到96%，其中市区…达到98%), for every clause of it.
     */
    String timePhraseBefore(int clauseStart) {
        if (clauseStart == 0) {
            return statementOpening();
        }
        // the nearest clause before that only says when, over clauses that say no time of their own (提出到2020年，将推进
        // …279个，…的1.6倍，总学位预计新增近26万个: every clause after it)
        int clausesBack = 0;
        // a clause that says its own time (全年开展…4次) takes no time from an earlier clause that only opens with one
        boolean ownTime = ownTime(clauseStart);
        for (int end = clauseStart; end > 0 && clausesBack++ < CLAUSES_BACK;) {
            int start = clauses.clauseStart(end - 1);
            String previous = clauses.nameWords(start, end - 1);
            if (GoalRules.TIME_CLAUSE.matcher(previous).matches()) {
                return previous;
            }
            Matcher opens = GoalRules.OPENING_TIME.matcher(previous);
            if (!ownTime && opens.lookingAt()) {
                return opens.group(1); // 到2015年全市将规划…1642所，提供约30万个学位: the deadline holds for what follows
            }
            Matcher happens = GoalRules.HAPPENS_IN.matcher(previous);
            if (!ownTime && clausesBack == 1 && happens.find()
                    && Integer.parseInt(happens.group(1).substring(0, 4)) > year
                    && previous.replace(happens.group(1), "").chars().noneMatch(Character::isDigit)) {
                return happens.group(1); // …将于2020年开办，能够新增优质学位1770个
            }
            if (GoalRules.OWN_TIME.matcher(previous).find() || start >= end - 1) {
                break;
            }
            end = start;
        }
        if (clauses.clauseEnd(0) >= clauseStart) {
            return "";
        }
        return openingTime().isEmpty() ? statementOpening() : openingTime();
    }

    /**
     * 到2020年，全县将新建…36所以上，新增学位6500个；普惠性幼儿园覆盖面达85%以上: the time that opens a statement holds for
     * the parts a semicolon joins to it, where a part names no time of its own; a past time is left to
     * {@link #opensInThePast}. Read once per sentence, and once per statement.
     */
    private String statementOpening() {
        if (statementOpening == null) {
            PlanText.Sentence statement = continuedStatement();
            statementOpening = statement == null
                    ? ""
                    : plan.readOnce("opening time", statement,
                            head -> new SentenceTimes(plan, head, new Clauses(plan, head), year).forwardOpeningTime());
        }
        return statementOpening;
    }

    private String statementOpening;

    /**
     * The statement this sentence continues after a semicolon, when the sentence names no time of its own; null
     * otherwise. Found once per sentence.
     */
    private PlanText.Sentence continuedStatement() {
        if (!continuedStatementRead) {
            continuedStatementRead = true;
            PlanText.Sentence statement = plan.statementOf(sentence);
            continuedStatement = statement == sentence || GoalRules.OWN_TIME.matcher(clauses.text()).find()
                    ? null
                    : statement;
        }
        return continuedStatement;
    }

    private boolean continuedStatementRead;
    private PlanText.Sentence continuedStatement;

    /**
     * The five-year plan the statement this sentence continues names (“十四五”时期，要“…90%以上；…92%以上；…60%”), where
     * the sentence names no time of its own; null otherwise.
     */
    GoalRules.FiveYears statementFiveYears() {
        PlanText.Sentence statement = continuedStatement();
        if (statement == null) {
            return null;
        }
        java.util.Optional<GoalRules.FiveYears> named = plan.readOnce("five years", statement,
                head -> java.util.Optional.ofNullable(GoalRules.fiveYearsNamed(new Clauses(plan, head).text(), year)));
        return named.map(f -> new GoalRules.FiveYears(-1, f.period())).orElse(null);
    }

    /** The sentence's opening time when it names no year before the plan year: a deadline or a span ahead. */
    private String forwardOpeningTime() {
        String opening = openingTime();
        for (Matcher m = GoalRules.YEAR.matcher(opening); m.find();) {
            if (Integer.parseInt(m.group(1)) < year) {
                return "";
            }
        }
        return opening;
    }

    /**
     * Whether the clause at {@code clauseStart} says its own time; the last clause's answer is kept, as the figures of
     * one clause (a list of thousands joined by 、) come one after another.
     */
    private boolean ownTime(int clauseStart) {
        if (clauseStart != ownTimeClause) {
            ownTimeClause = clauseStart;
            ownTimeOfClause = GoalRules.OWN_TIME.matcher(clauses.nameWords(clauseStart, clauses.clauseEnd(clauseStart)))
                    .find();
        }
        return ownTimeOfClause;
    }

    private int ownTimeClause = -1;
    private boolean ownTimeOfClause;

    /** The sentence's first clause when it only says when (到2027年, 三年内), else "": read once per sentence. */
    private String openingTime() {
        if (openingTime == null) {
            String opening = clauses.nameWords(0, clauses.clauseEnd(0));
            openingTime = GoalRules.TIME_CLAUSE.matcher(opening).matches() ? opening : "";
        }
        return openingTime;
    }

    private String openingTime;

    /**
     * 两年内新建、改扩建公办幼儿园四所，新增学位1080个: a duration or deadline that opens the sentence's first clause
     * spans the clauses after it, unless one says its own time (全年, 每学期).
     */
    String openingSpan(int clauseStart, String clauseBefore) {
        if (clauseStart == 0 || GoalRules.OWN_TIME.matcher(clauseBefore).find()) {
            return "";
        }
        int firstEnd = clauses.clauseEnd(0);
        if (firstEnd >= clauseStart) {
            return "";
        }
        String opening = clauses.nameWords(0, firstEnd);
        Matcher span = GoalRules.OPENING_SPAN.matcher(opening);
        if (span.lookingAt()) {
            return span.group();
        }
        // 2020年分别达到98%、99%，…，从业人员继续教育年参与率达60%以上: a later year the sentence opens with holds for it
        Matcher later = OPENING_YEAR.matcher(opening);
        return later.lookingAt() && Integer.parseInt(later.group(1)) > year ? "到" + later.group(1) + "年" : "";
    }

    /** How many clauses back a time clause may stand: a sentence of a plan has a handful, a hostile one thousands. */
    private static final int CLAUSES_BACK = 8;

    /** A year that opens a sentence (2020年分别达到…), not a date in it (2020年9月) or a span from it (2020年以来). */
    private static final Pattern OPENING_YEAR = Pattern
            .compile("((?:19|20)\\d{2})\\s*年(?!\\s*(?:底|末|前|之前|以来|\\d|[一二三四五六七八九十]+月|度))");

    /** 2025年新建两所 (not 到2025年底): the clause names the year itself. */
    static boolean namesYear(String before, int year) {
        Matcher m = GoalRules.YEAR.matcher(before);
        while (m.find()) {
            String lead = before.substring(Math.max(0, m.start() - 1), m.start());
            String tail = before.substring(m.end(), Math.min(before.length(), m.end() + 2));
            if (Integer.parseInt(m.group(1)) == year && !"到至于".contains(lead.isEmpty() ? "x" : lead)
                    && !tail.startsWith("底") && !tail.startsWith("末") && !tail.startsWith("前")
                    && !tail.startsWith("之前")) {
                return true;
            }
        }
        return false;
    }

    /** 2025年，全区新增学位4800个: a sentence that opens with a past year reports it. */
    boolean opensInThePast(int clauseStart) {
        if (!namesAYear) {
            return false;
        }
        Matcher m = GoalRules.YEAR.matcher(timePhraseBefore(clauseStart));
        if (m.find() && Integer.parseInt(m.group(1)) < year) {
            return true;
        }
        return (clauseStart > 0 || plan.statementOf(sentence) != sentence) && opensOnPastYears();
    }

    /**
     * 2018年至2022年，甘肃省每年投入1亿元，连续5年…: a sentence that opens on a span of past years speaks of them in every
     * clause, 每年 and 连续5年 included. Read once per sentence, not per figure.
     */
    private boolean opensOnPastYears() {
        if (opensOnPastYears == null) {
            String first = clauses.nameWords(0, clauses.clauseEnd(0));
            boolean past = GoalRules.TIME_CLAUSE.matcher(first).matches();
            PlanText.Sentence statement = plan.statementOf(sentence);
            if (!past && statement != sentence && !GoalRules.YEAR.matcher(first).find()) {
                // …；学前三年毛入园率达83.4%: a part, naming no year of its own, of a statement opening on a past year
                Clauses opening = new Clauses(plan, statement);
                opensOnPastYears = new SentenceTimes(plan, statement, opening, year).opensOnPastYears();
                return opensOnPastYears;
            }
            boolean any = false;
            for (Matcher years = GoalRules.YEAR.matcher(first); past && years.find();) {
                past = Integer.parseInt(years.group(1)) < year;
                any = true;
            }
            opensOnPastYears = past && any;
        }
        return opensOnPastYears;
    }

    boolean mentionsPastYear(int from, int to) {
        Matcher m = GoalRules.YEAR.matcher(clauses.text());
        m.region(from, to);
        while (m.find()) {
            if (!clauses.consumed(m.start()) && !plan.masked(sentence.start() + m.start())
                    && Integer.parseInt(m.group(1)) < year) {
                return true;
            }
        }
        return false;
    }
}
