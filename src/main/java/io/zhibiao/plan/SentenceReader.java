package io.zhibiao.plan;

import io.zhibiao.period.Period;
import io.zhibiao.plan.FigureScanner.Figure;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reading of one sentence: its baseline phrases, its figures, and a candidate for each figure in a goal clause,
 * with its period, baseline and name. The stages it joins are classes of their own — {@link Clauses} (the sentence as
 * clauses), {@link SentenceTimes} (when its figures are due), {@link BaselinePhrases}, {@link FigureScanner},
 * {@link GoalClause} (whether a figure is set as a goal), {@link CandidateNames} and {@link FigureNames} (what it is
 * called) and {@link SharedFigures}; what stays here is the draft of each goal figure, put together from them.
 * Positions are relative to the sentence start.
 */
final class SentenceReader {

    private final PlanText plan;
    private final PlanText.Sentence sentence;
    private final int year;
    private final Clauses clauses;
    private final SentenceTimes times;
    /** The sentence's text (full-width forms folded); positions are relative to its start. */
    private final String s;
    private final int offset;
    private final BaselinePhrases baselines;
    /** The candidates of this sentence so far. */
    private final List<Draft> drafts = new ArrayList<>();
    /** The months a schedule sentence opens with (3-4月，…) or a task table's deadline, or null. */
    private Period schedule;

    /** The last year of a plan titled with its years (行动计划（2025—2027年）), or the plan year. */
    private final int lastYear;
    /** The five-year plan the sentence names, if any, and where. */
    private final GoalRules.FiveYears fiveYears;
    private final GoalClause goals;
    private final FigureNames names;

    SentenceReader(PlanText plan, PlanText.Sentence sentence, int year, int lastYear) {
        this.plan = plan;
        this.sentence = sentence;
        this.year = year;
        this.lastYear = Math.max(year, Math.min(lastYear, Period.MAX_YEAR));
        this.offset = sentence.start();
        this.clauses = new Clauses(plan, sentence);
        this.times = new SentenceTimes(plan, sentence, clauses, year);
        this.s = clauses.text();
        this.baselines = new BaselinePhrases(s, year);
        GoalRules.FiveYears named = GoalRules.fiveYearsNamed(s, year);
        this.fiveYears = named != null ? named : times.statementFiveYears();
        this.goals = new GoalClause(plan, clauses, times, baselines, drafts, offset, year);
        this.names = new FigureNames(plan, clauses, times, drafts, offset);
    }

    void read(List<Candidate> out) {
        baselines.find(clauses::masked, clauses::consume);
        times.read();
        schedule = times.schedule();
        List<Figure> figures = new FigureScanner(s, clauses::masked).find();
        List<Draft> built = drafts;
        for (int i = 0; i < figures.size(); i++) {
            Draft candidate = partOf(figures.get(i), built);
            if (candidate == null) {
                candidate = build(figures, i);
            }
            if (candidate != null) {
                built.add(candidate);
            }
        }
        baselines.attach(built);
        String alongside = periodAlongside(out);
        if (alongside != null) {
            built.stream().filter(d -> String.valueOf(year).equals(d.period)).forEach(d -> d.period = alongside);
        }
        // 占比达到90.8%，比2016年提高23.5个百分点 in 2024: a result measured against a decade ago, not a goal
        // (but 从2019年的1500人降至2025年的1200人 names the year the level is for: a level set, from where it stood)
        // and the figures listed with it are results too (小学净入学率达到99.8%、…，巩固率达到92.6%，比2009年提高1.8个百分点)
        java.util.function.Predicate<Draft> longAgo = d -> d.baseline != null && String.valueOf(year).equals(d.period)
                && Integer.parseInt(d.baseline.period().substring(0, 4)) < year - LONG_AGO
                && !baselines.namesTheTargetsYear(d.figure.start());
        if (built.stream().anyMatch(longAgo)) {
            built.removeIf(d -> longAgo.test(d) || d.baseline == null && String.valueOf(year).equals(d.period));
        }
        for (Draft draft : built) {
            for (Draft each : SharedFigures.each(draft, s, clauses, figures)) {
                out.add(candidate(each));
            }
        }
    }

    /** Whether a figure is the next item after another of one list (…达到30%、2020年底达到50%): only 、 between. */
    private boolean itemAfter(Figure before, Figure f) {
        String between = s.substring(Math.min(before.unitEnd(), f.start()), f.start());
        return between.contains("、") && between.chars().noneMatch(c -> "，,；;。".indexOf(c) >= 0);
    }

    /** How near the target before a sentence opening with 同时 must end, in code points. */
    private static final int NEAR = 200;

    /** A sentence that opens by saying it goes on alongside the one before: 同时，还将招聘338名教职工. */
    private static final java.util.regex.Pattern ALONGSIDE = java.util.regex.Pattern.compile("\\s*(?:同时|与此同时)");

    /**
     * 从今年到2013年，将…修建10个幼儿园。同时，还将招聘338名教职工: a sentence that opens with 同时 and says no time of its
     * own goes on in the span of the target just before it in its paragraph; null when it does not.
     */
    private String periodAlongside(List<Candidate> out) {
        if (out.isEmpty() || !ALONGSIDE.matcher(s).lookingAt() || GoalRules.OWN_TIME.matcher(s).find()) {
            return null;
        }
        Candidate before = out.get(out.size() - 1);
        // in code points, as candidates count; within a short gap only, so that a text of many such sentences costs no
        // more than its length
        int gap = plan.codePointOffset(offset) - before.end();
        if (before.period() == null || !before.period().contains("/") || gap < 0 || gap > NEAR) {
            return null;
        }
        String text = plan.original();
        int from = offset;
        for (int k = 0; k < gap && from > 0; k++) {
            from -= from > 1 && Character.isSurrogatePair(text.charAt(from - 2), text.charAt(from - 1)) ? 2 : 1;
        }
        return text.substring(from, offset).indexOf('\n') >= 0 ? null : before.period();
    }

    /**
     * 新建学校9所，其中：凉州区4所，古浪县1所: a figure after 其中 named only by a place is the share of that place in
     * the figure before — the same target for that org unit.
     */
    private Draft partOf(Figure f, List<Draft> built) {
        int split = clauses.lastIndexWithin("其中", f.start());
        if (split < 0) {
            return null;
        }
        Draft whole = null;
        for (Draft d : built) {
            if (d.figure.unitEnd() <= split && Objects.equals(d.figure.unit(), f.unit())) {
                whole = d;
            }
        }
        // 其中县一中900人、县二中380人: the words since 其中, or since the item before
        int from = Math.max(clauses.clauseStart(f.start()), split + 2);
        int item = s.lastIndexOf('、', f.start() - 1);
        if (item >= from) {
            from = item + 1;
        }
        String place = CandidateNames.hanOnly(clauses.nameWords(from, f.start()));
        if (whole == null || !CandidateNames.PLACE.matcher(place).matches()
                && !(CandidateNames.ONE_SCHOOL.matcher(place).matches() && !CandidateNames.groupOfSchools(place))) {
            return null;
        }
        Draft part = new Draft();
        part.figure = f;
        part.name = whole.name;
        part.direction = whole.direction;
        part.period = whole.period;
        part.orgUnitName = place;
        part.confidence = whole.confidence - 0.1;
        part.notes.add("the share of " + place + " in " + whole.name + " " + whole.figure.value().toPlainString()
                + whole.figure.unit() + " (其中)");
        return part;
    }

    // ---- candidates

    private Draft build(List<Figure> figures, int index) {
        if (inAScale(figures, index)) {
            return null; // 96.65%以上92.5%以上85%以上85%以下: the marks a result is graded by, no figure to reach
        }
        Figure f = figures.get(index);
        int clauseStart = clauses.clauseStart(f.start());
        int clauseEnd = clauses.clauseEnd(f.unitEnd());
        // Several figures in one clause: each is named by the words since the previous one, unless
        // 分别 pairs them.
        int from = clauseStart;
        Figure previous = index > 0 ? figures.get(index - 1) : null;
        // A figure that set nothing (一级幼儿园, 600分以上考生) is part of the words that name the next one
        boolean sameClause = previous != null && previous.unitEnd() > clauseStart && goals.setAGoal(previous);
        int respectively = clauses.lastIndexWithin("分别", f.start());
        respectively = respectively >= clauseStart ? s.indexOf("分别", clauseStart) : -1;
        boolean paired = respectively >= 0 && respectively < f.start();
        if (sameClause && !paired) {
            from = previous.unitEnd();
            Matcher bound = GoalRules.AFTER_CUE.matcher(s.substring(from, f.start()));
            if (bound.find()) {
                from += bound.end(); // 达99%以上、覆盖率达85%: 以上 belongs to the figure before
            }
            if (GoalRules.QUALIFIER_ITEM.matcher(s.substring(from, f.start())).matches()) {
                from = f.start(); // 2个省级、3个市级…: 省级 qualifies the figure before
            }
            int item = from < f.start() ? s.substring(from, f.start()).lastIndexOf('、') + from : -1;
            if (item >= from) {
                from = item + 1; // 选派30名校长、200名骨干教师: 校长 is the item before
            }
        }
        String pre = s.substring(from, f.start());
        String post = s.substring(f.unitEnd(), clauseEnd);
        String clause = s.substring(clauseStart, clauseEnd);

        String listed = names.countedList(from, f, post);
        if (!goals.setsAGoal(f, clauseStart, clauseEnd, from, pre, post, listed != null)) {
            return null;
        }
        String preTrim = pre.strip();

        Draft b = new Draft();
        b.figure = f;
        b.confidence = f.zero() ? 0.85 : 0.9;
        if (f.chinese() && !f.zero()) {
            b.confidence -= 0.1;
        }
        b.direction = GoalRules.direction(f, clauses.unconsumed(from, f.start()), post);
        String time = times.timePhraseBefore(clauseStart);
        if (time.isEmpty()) {
            time = times.openingSpan(clauseStart, clause.substring(0, f.start() - clauseStart));
        }
        b.period = GoalRules.period(time + clause.substring(0, f.start() - clauseStart), year, lastYear,
                Units.isLevel(f.unit()));
        boolean namesPlanYear = lastYear > year
                && SentenceTimes.namesYear(clause.substring(0, f.start() - clauseStart), year);
        if (String.valueOf(year).equals(b.period) && !namesPlanYear) {
            Period deadline = schedule == null ? times.deadlineFor(f.start()) : null;
            b.period = schedule != null
                    ? schedule.toString()
                    : deadline != null
                            ? deadline.toString()
                            : lastYear > year
                                    ? new Period(year * 12, lastYear * 12 + 11).toString()
                                    : GoalRules.fiveYearPlan(sentence.section(), year);
        }
        if (fiveYears != null && fiveYears.at() < f.start()) {
            b.period = fiveYears.period(); // “十四五”期间规划新建…: the plan's five years, whatever year the text is of
        }
        b.baseline = baselines.fromToAt(f.start());
        if (b.baseline != null && b.direction == Direction.INCREASE && b.baseline.value().compareTo(f.value()) > 0) {
            b.direction = Direction.DECREASE; // 从1500人降至1200人: the phrase that says so is the baseline's
        }
        if (f.upper() != null) {
            b.notes.add("the text gives a range " + f.value().toPlainString() + "-" + f.upper().toPlainString()
                    + "; the lower bound is taken");
            b.confidence -= 0.15;
        }
        if (f.approximate() || preTrim.endsWith("约") || preTrim.endsWith("近")) {
            b.notes.add("the text gives an approximate figure");
            b.confidence -= 0.1;
        }

        String shared = names.sharedNoun(figures, index, post, clauseEnd);
        if (shared == null) {
            shared = names.sharedNounAfterQualifier(figures, index, from, post, clauseEnd);
        }
        if (shared != null) {
            b.name = shared;
            return b;
        }
        if (listed != null) {
            b.name = listed; // 祁连路小学、东升幼儿园等5所学校建设项目竣工: what is counted follows the figure
            return b;
        }
        // The name: words before the figure, without subjects, verbs and filler.
        String words = names.nameAndSubject(b, figures, index, paired ? clauseStart : from,
                paired ? respectively : f.nameEnd(), paired ? respectively : -1, clauseEnd);
        Matcher rank = GoalRules.RANK_AFTER.matcher(post);
        if (rank.find()) {
            // 2所学校进入全市前5名: the count of units within a rank
            b.name = rank.group(1).strip() + "进入" + rank.group(2).strip() + "前" + rank.group(3) + "名";
            b.notes.add("a count of units within a rank (rankCount): top " + rank.group(3)
                    + (rank.group(2).isBlank() ? "" : " of " + rank.group(2).strip()));
            return b;
        }
        if (f.namedAfter()) {
            b.name = f.object(s).strip();
            b.confidence -= 0.1; // a prohibition more often than a measure
            return CandidateNames.hanOnly(b.name).isEmpty() ? null : b;
        }
        if (f.zero() && words.lastIndexOf('、') >= 0 && words.length() - words.lastIndexOf('、') > 2) {
            words = words.substring(words.lastIndexOf('、') + 1); // 欺凌零容忍、重大安全事故零发生: the last item
        }
        String object = CandidateNames.objectAfter(post);
        if (GoalClause.opensAGoalClause(words, post)) {
            // 对全县1200名乡村教师进行轮训, 6所幼儿园创建为市级示范幼儿园: what is counted and done follows the figure
            words = "";
            object = GoalRules.BECOMING.matcher(object).replaceFirst("").replaceFirst("进行|开展|接受", "");
        }
        if (GoalRules.TOTAL.matcher(words).matches() && object != null && !object.isBlank()) {
            words = ""; // 计99个标准班级: a total named by what it counts
        }
        b.measure = names.partOfTheRateBefore(words, f);
        b.name = b.measure == null
                ? null
                : b.measure + "（" + CandidateNames.name(FigureNames.groupAfterWhich(words), "", false) + "）";
        if (b.name == null) {
            java.util.regex.Matcher share = CandidateNames.SHARE_OPENING.matcher(words);
            if (share.find() && plan.sharePlaces().contains(share.group(1))) {
                words = words.substring(0, share.start()); // 建设品质县中10所(其中浏阳4所): the share of 品质县中
            }
            b.name = CandidateNames.name(words, object, f.unit() != null && f.unit().endsWith("元"));
        }
        if (b.name == null && !drafts.isEmpty() && itemAfter(drafts.get(drafts.size() - 1).figure, f)
                && Objects.equals(drafts.get(drafts.size() - 1).figure.unit(), f.unit())) {
            b.name = drafts.get(drafts.size() - 1).name; // 占比2019年底达到30%、2020年底达到50%: the same measure
        }
        if (b.name == null) {
            b.name = names.subjectOfPreviousClause(figures, clauseStart, f);
        }
        if (b.name == null && !drafts.isEmpty() && GoalRules.TOTAL.matcher(words).matches()) {
            b.name = drafts.get(drafts.size() - 1).name; // 培训10个家庭医生服务团队，共40人: the same thing, counted so
        }
        if (!drafts.isEmpty()
                && (b.name == null
                        || CandidateNames.onlyAVerb(b.name) && !listOfVerbs(drafts.get(drafts.size() - 1).name))
                && Objects.equals(drafts.get(drafts.size() - 1).figure.unit(), f.unit())) {
            b.name = drafts.get(drafts.size() - 1).name; // 2025年新建两所公办幼儿园，2026年新建3所: the same thing
        }
        if (b.name == null) {
            return null;
        }
        if (b.name.length() > 16) {
            b.confidence -= 0.1;
        }
        if (sameClause && !paired) {
            b.confidence -= 0.1;
        }
        return b;
    }

    /** Nothing but a bound and blanks between two figures: 96.65%以上92.5%以上. */
    private static final Pattern ONLY_A_BOUND = Pattern.compile("\\s*(?:及以上|以上|以下|以内|左右)?\\s*");

    /**
     * Whether the figure is one of three or more written one after another with nothing but bounds between them (a
     * grading standard's 优良中差, a table row pasted without its header): no words name any of them.
     */
    private boolean inAScale(List<Figure> figures, int index) {
        int first = index;
        while (first > 0 && onlyABoundBetween(figures.get(first - 1), figures.get(first))) {
            first--;
        }
        int last = index;
        while (last + 1 < figures.size() && onlyABoundBetween(figures.get(last), figures.get(last + 1))) {
            last++;
        }
        return last - first >= 2;
    }

    private boolean onlyABoundBetween(Figure before, Figure after) {
        return before.unitEnd() <= after.start() && after.start() - before.unitEnd() <= 8
                && ONLY_A_BOUND.matcher(s).region(before.unitEnd(), after.start()).matches();
    }

    /**
     * Whether the name before is a verb alone, or a plan word and a verb (计划竣工46个，续建33个，开工41个): a list of what is
     * done to the projects, each item named by its own verb.
     */
    private static boolean listOfVerbs(String previous) {
        return previous != null && previous.length() <= 4 && VERB_ALONE.matcher(previous).matches();
    }

    /** Blanks a reprint's annotations leave in a name (空白鄉(xiāng)鎮(zhèn)” → 空白乡 镇 ”): beside a character or a quote. */
    private static final Pattern BLANKS_BY_A_WORD = Pattern
            .compile("(?<=[\\u4e00-\\u9fa5“”])\\s+|\\s+(?=[\\u4e00-\\u9fa5“”])");

    private static final Pattern VERB_ALONE = Pattern.compile("(?:计划)?(?:" + Lexicon.alternation("goal verb") + ")");

    /**
     * The finished candidate: offsets in code points of the whole text, draft.confidence within
     * 0.1–0.99.
     */
    private Candidate candidate(Draft draft) {
        ValueType type = draft.figure.zero() ? ValueType.INTEGER : Units.type(draft.figure.unit());
        if (type == ValueType.INTEGER && draft.figure.value().stripTrailingZeros().scale() > 0) {
            type = ValueType.DECIMAL; // 每千人口托位数4.5个: a count per head is a decimal
        }
        int start = plan.codePointOffset(offset + draft.figure.start());
        int end = plan.codePointOffset(offset + draft.figure.end());
        String name = draft.name.indexOf(' ') >= 0 ? BLANKS_BY_A_WORD.matcher(draft.name).replaceAll("") : draft.name;
        return new Candidate(name, draft.figure.value(), draft.figure.unit(), type, draft.direction, draft.period,
                draft.baseline, draft.orgUnitName, sentence.category(), sentenceText(draft.figure), start, end,
                BigDecimal.valueOf(Math.max(0.1, Math.min(0.99, draft.confidence))).setScale(2, RoundingMode.HALF_UP),
                draft.notes.isEmpty() ? null : String.join("; ", draft.notes), List.of(), null);
    }

    /** The sentence as the plan writes it, on one line and without its list number. */
    private String sentenceText(Figure f) {
        // A sentence of a plan is a line or two; a text without stops is cut to the figure's neighbourhood, so that
        // no answer repeats a whole document for each of its figures.
        int from = sentence.start();
        int to = sentence.end();
        boolean cutBefore = offset + f.start() - from > SENTENCE_WINDOW;
        boolean cutAfter = to - (offset + f.unitEnd()) > SENTENCE_WINDOW;
        from = cutBefore ? offset + f.start() - SENTENCE_WINDOW : from;
        to = cutAfter ? offset + f.unitEnd() + SENTENCE_WINDOW : to;
        StringBuilder text = new StringBuilder(cutBefore ? "…" : "");
        String original = plan.original();
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (plan.numbering(i) || c == '\n' || c == '\r') {
                continue;
            }
            text.append(c);
        }
        return text.toString().strip() + (cutAfter ? "…" : "");
    }

    /**
     * How many years before the plan year a baseline may lie: a plan compares with its last year or its five-year plan's
     * base; a comparison with a year before that reports a result.
     */
    private static final int LONG_AGO = 5;

    /** How much of a long sentence a candidate quotes on each side of its figure. */
    private static final int SENTENCE_WINDOW = 200;
}