package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.isHan;

import io.zhibiao.period.Period;
import io.zhibiao.plan.FigureScanner.Figure;
import io.zhibiao.progress.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reading of one sentence: its baseline phrases, its figures, and a candidate for each figure in a goal clause.
 * The stages it joins are classes of their own — {@link Clauses} (the sentence as clauses), {@link SentenceTimes}
 * (when its figures are due), {@link BaselinePhrases}, {@link FigureScanner}, {@link GoalRules} (what sets a goal)
 * and {@link CandidateNames}; what stays here is how a figure's clause, its list and its neighbours decide whether it
 * is a goal and what it is called. Positions are relative to the sentence start.
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
        for (Draft draft : built) {
            for (Draft each : SharedFigures.each(draft, s, clauses, figures)) {
                out.add(candidate(each));
            }
        }
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
        Figure f = figures.get(index);
        int clauseStart = clauses.clauseStart(f.start());
        int clauseEnd = clauses.clauseEnd(f.unitEnd());
        // Several figures in one clause: each is named by the words since the previous one, unless
        // 分别 pairs them.
        int from = clauseStart;
        Figure previous = index > 0 ? figures.get(index - 1) : null;
        // A figure that set nothing (一级幼儿园, 600分以上考生) is part of the words that name the next one
        boolean sameClause = previous != null && previous.unitEnd() > clauseStart && setAGoal(previous);
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

        String listed = countedList(from, f, post);
        if (!setsAGoal(f, clauseStart, clauseEnd, from, pre, post, listed != null)) {
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
        b.period = GoalRules.period(time + clause.substring(0, f.start() - clauseStart), year, lastYear > year);
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
                                    : GoalRules.fiveYearPlan(sentence.category(), year);
        }
        b.baseline = baselines.fromToAt(f.start());
        if (f.upper() != null) {
            b.notes.add("the text gives a range " + f.value().toPlainString() + "-" + f.upper().toPlainString()
                    + "; the lower bound is taken");
            b.confidence -= 0.15;
        }
        if (f.approximate() || preTrim.endsWith("约") || preTrim.endsWith("近")) {
            b.notes.add("the text gives an approximate figure");
            b.confidence -= 0.1;
        }

        String shared = sharedNoun(figures, index, post, clauseEnd);
        if (shared == null) {
            shared = sharedNounAfterQualifier(figures, index, from, post, clauseEnd);
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
        String words = nameAndSubject(b, figures, index, paired ? clauseStart : from,
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
        if (opensAGoalClause(words, post)) {
            // 对全县1200名乡村教师进行轮训, 6所幼儿园创建为市级示范幼儿园: what is counted and done follows the figure
            words = "";
            object = GoalRules.BECOMING.matcher(object).replaceFirst("").replaceFirst("进行|开展|接受", "");
        }
        b.measure = partOfTheRateBefore(words, f);
        b.name = b.measure == null
                ? null
                : b.measure + "（" + CandidateNames.name(groupAfterWhich(words), "", false) + "）";
        if (b.name == null) {
            b.name = CandidateNames.name(words, object, f.unit() != null && f.unit().endsWith("元"));
        }
        if (b.name == null) {
            b.name = subjectOfPreviousClause(figures, clauseStart, f);
        }
        if ((b.name == null || CandidateNames.onlyAVerb(b.name)) && !drafts.isEmpty()
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

    /**
     * 学历比例达到88%（其中初中达到95%）: a rate after 其中 named only by a group is the rate of that group, named after
     * the rate before it.
     */
    private String partOfTheRateBefore(String words, Figure f) {
        if (!"%".equals(f.unit()) || drafts.isEmpty() || !"%".equals(drafts.get(drafts.size() - 1).figure.unit())) {
            return null;
        }
        String group = groupAfterWhich(words);
        String part = group == null ? null : CandidateNames.name(group, "", false);
        if (part == null || part.length() > 6 || GoalRules.RATE_BEFORE.matcher(part).find()) {
            return null;
        }
        Draft previous = drafts.get(drafts.size() - 1);
        return previous.measure != null ? previous.measure : previous.name;
    }

    /** The words after 其中, without brackets; null when the words do not start with 其中. */
    private static String groupAfterWhich(String words) {
        String part = words.replaceAll("[()（）\\s]", "");
        return part.startsWith("其中") ? part.substring(2) : null;
    }

    /** Whether the figure became a candidate: drafts follow the figures in order, so it would be the last one. */
    private boolean setAGoal(Figure figure) {
        return !drafts.isEmpty() && drafts.get(drafts.size() - 1).figure == figure;
    }

    /**
     * The words that name the figure once its subjects (the schools it is set for) are taken off;
     * the subject goes to the candidate's org unit. With 分别 ({@code respectively} ≥ 0) the subjects
     * pair with the figures in order.
     */
    private String nameAndSubject(Draft b, List<Figure> figures, int index, int nameFrom, int nameTo, int respectively,
            int clauseEnd) {
        Figure f = figures.get(index);
        boolean paired = respectively >= 0;
        String words = clauses.nameWords(nameFrom, nameTo);
        List<String> subjects = new ArrayList<>();
        Matcher subject = (paired ? CandidateNames.ONLY_SUBJECTS : CandidateNames.SUBJECTS).matcher(words);
        if (paired && !subject.find()) {
            subject = CandidateNames.SUBJECTS.matcher(words);
        } else if (paired) {
            subject.reset();
        }
        if (subject.find()) {
            for (String part : subject.group(1).split("[和、及与]")) {
                subjects.add(part);
            }
            words = words.substring(subject.end());
        }
        if (paired && words.isEmpty() && !subjects.isEmpty()) {
            // 实验小学、城南小学分别新增学位180个、240个: the name follows 分别
            int firstInGroup = figures.stream().filter(g -> g.start() > respectively).findFirst().orElse(f).start();
            words = clauses.nameWords(respectively + 2, firstInGroup);
        }
        if (paired) {
            int position = 0;
            for (int k = 0; k < index; k++) {
                if (figures.get(k).start() > respectively && figures.get(k).unitEnd() <= clauseEnd) {
                    position++;
                }
            }
            long inGroup = figures.stream().filter(g -> g.start() > respectively && g.unitEnd() <= clauseEnd).count();
            String[] names = words.split("、");
            if (names.length != inGroup) {
                names = words.split("[、和及与]"); // 毛入园率、巩固率和毛入学率分别达到…
            }
            if (subjects.isEmpty() && CandidateNames.hanOnly(GoalRules.YEAR.matcher(words).replaceAll("")).isEmpty()) {
                // …分别达到90%、99%、92%；2020年分别达到98%、99%、95%: the names of the sentence's list before
                String[] before = namesOfAnEarlierList(clauses.clauseStart(f.start()), inGroup);
                if (before != null) {
                    names = before;
                    words = String.join("、", before);
                }
            }
            if (subjects.size() == inGroup) {
                b.orgUnitName = subjects.get(position);
            } else if (subjects.isEmpty() && names.length == inGroup) {
                words = names[position]; // 毛入园率、普惠率分别达到92%、85%: the names pair with the figures
            } else if (inGroup > 1) {
                b.notes.add("one of " + inGroup + " figures given 分别 (respectively); check the name");
                b.confidence -= 0.2;
            }
        } else if (subjects.size() == 1) {
            b.orgUnitName = subjects.get(0);
        } else if (subjects.size() > 1) {
            b.notes.add("the sentence names " + subjects.size() + " units: " + String.join("、", subjects));
            b.confidence -= 0.2;
        }
        return words;
    }

    /**
     * The names of the nearest list given 分别 earlier in the sentence, when it names {@code count} measures: a later
     * clause that only gives its year and figures (2020年分别达到…) reads them in the same order.
     */
    private String[] namesOfAnEarlierList(int clauseStart, long count) {
        int earlier = clauseStart > 0 ? s.lastIndexOf("分别", clauseStart - 1) : -1;
        String list;
        if (earlier >= 0) {
            list = clauses.nameWords(clauses.clauseStart(earlier), earlier);
        } else {
            // or in the sentence before, on the same line (…分别达到90%、99%；2020年分别达到98%、99%)
            String before = plan.normal(Math.max(0, offset - 300), offset);
            before = before.substring(before.lastIndexOf('\n') + 1);
            earlier = before.lastIndexOf("分别");
            if (earlier < 0) {
                return null;
            }
            int from = earlier;
            while (from > 0 && "，,；;。：:".indexOf(before.charAt(from - 1)) < 0) {
                from--;
            }
            list = before.substring(from, earlier);
        }
        String[] names = list.split("[、和及与]");
        if (names.length != count) {
            return null;
        }
        for (int k = 0; k < names.length; k++) {
            names[k] = CandidateNames.hanOnly(GoalRules.YEAR.matcher(names[k]).replaceAll(""));
            if (names[k].isEmpty()) {
                return null;
            }
        }
        return names;
    }

    /**
     * 学生近视率较上年下降1个百分点，控制在48%以内: a clause that names nothing goes on with the subject of the clause
     * before it, when that clause has no figure of its own (its comparison is the baseline, not a figure).
     */
    private String subjectOfPreviousClause(List<Figure> figures, int clauseStart, Figure f) {
        if (clauseStart == 0) {
            return null;
        }
        int previousStart = clauses.clauseStart(clauseStart - 1);
        if (figures.stream().anyMatch(g -> g != f && g.start() >= previousStart && g.start() < clauseStart)) {
            // 确保本科上线率达到80%，力争达到82%: a second level of the same measure
            Draft previous = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            boolean aims = GoalRules.AIMED.matcher(clauses.nameWords(clauseStart, f.start())).find();
            return previous != null && aims && previous.figure.start() >= previousStart
                    && Objects.equals(previous.figure.unit(), f.unit()) ? previous.name : null;
        }
        return CandidateNames.name(clauses.nameWords(previousStart, clauseStart - 1), "",
                f.unit() != null && f.unit().endsWith("元"));
    }

    /**
     * Whether the figure is set as a goal: its clause has a goal cue (or the figure is a zero
     * target), and nothing rules it out (已, 截至, a past year, a placeholder, a figure merely
     * described).
     */
    private boolean setsAGoal(Figure f, int clauseStart, int clauseEnd, int from, String pre, String post,
            boolean countsAList) {
        String clause = s.substring(clauseStart, clauseEnd);
        String whole = clauses.unconsumed(clauseStart, clauseEnd);
        Integer opened = plan.paragraphYear(offset + f.start());
        if (opened != null && opened < year) {
            return false; // 2022年，开工新建…83所。全市校医配备率达到83%: last year's record, to the paragraph's end
        }
        if (GoalRules.INCLUDED_IN.matcher(clauses.unconsumed(clauseStart, f.start())).find()) {
            return false; // 将新增学位纳入20项民心工程: the count describes the list a measure joins
        }
        if (plan.status(offset + f.start())
                && (!GoalRules.AIM_IN_PROGRESS.matcher(whole).find()
                        || GoalRules.SHARE_OF_TARGET_DONE.matcher(whole).find())
                || GoalRules.NOT_A_GOAL.matcher(whole).find() && !listedInThePlan(whole)
                || GoalRules.AWARDED.matcher(whole).find() && !GoalRules.AIMED.matcher(whole).find()
                || times.mentionsPastYear(clauseStart, clauseEnd) || times.opensInThePast(clauseStart)
                || GoalRules.PLACEHOLDER.matcher(clause).find()) {
            return false;
        }
        if (listedInThePlan(whole) && !f.chinese()) {
            return true;
        }
        String preTrim = pre.strip();
        if (preTrim.endsWith("的") && !f.zero() && !("%".equals(f.unit())
                && GoalRules.GOAL_CUE.matcher(clauses.unconsumed(clauseStart, f.start())).find())) {
            return false; // 确定的8项任务: a figure described, not set (but 完成主体工程的60%: a share to reach)
        }
        if (GoalRules.STRUCTURE_AFTER.matcher(post).find()
                || f.chinese() && !f.zero() && GoalRules.PROGRAMME_AFTER.matcher(post).find()) {
            return false; // 实施八项行动, 十项民生工程: how the plan is organised
        }
        if (GoalRules.ANNOUNCES_A_LIST.matcher(s).region(f.unitEnd(), s.length()).lookingAt()) {
            return false; // 实施民生实事项目6项，具体如下：the items that follow are the targets
        }
        if (preTrim.endsWith("前") && ("名".equals(f.unit()) || "位".equals(f.unit()))) {
            return false; // 进入全市前5名: a rank, not a count
        }
        Matcher bound = GoalRules.AFTER_CUE.matcher(post);
        boolean afterCue = bound.find();
        // 56人以上大班额动态清零: a bound followed by a noun describes the noun; it sets nothing by itself
        boolean describes = afterCue && bound.end() < post.length() && isHan(post.charAt(bound.end()));
        if (describes && "分".equals(f.unit())) {
            return false; // 力争600分以上考生达到45人: the score describes the students counted
        }
        if (countsAList || !describes && (continuesAGoal(f, clauseStart) || continuesAList(f))) {
            return true;
        }
        if (f.zero() && GoalRules.SHIFT.matcher(whole).find()) {
            return false; // 由“动态性”清零向“常态性”清零转变: a change of how, not a count to reach
        }
        if (f.zero()) {
            // 清零, 零发生: always a goal
        } else if (f.chinese()) {
            String lead = preTrim;
            if (f.value().intValue() == 1 && GoalRules.IDIOMATIC_ONE.contains(f.unit())) {
                return false; // 一批, 一支, 一轮: "some", "a team", "a new round" — not a count
            }
            // Chinese numerals are everyday words (一个时期, 四项任务): only a goal verb right before, or a
            // goal
            // clause that counts a thing (新建公办幼儿园两所), makes them a target.
            boolean countsAThing = !lead.isEmpty() && isHan(lead.charAt(lead.length() - 1))
                    && GoalRules.GOAL_CUE.matcher(clauses.unconsumed(from, f.start())).find()
                    && (post.isBlank() || afterCue || post.stripLeading().startsWith("、"));
            if (lead.endsWith("每") || lead.endsWith("的") || lead.endsWith("”") || lead.endsWith("》")
                    || lead.endsWith("\"") || !(GoalRules.CHINESE_NUMERAL_VERB.matcher(lead).find() || countsAThing
                            || afterCue && !lead.isEmpty() || countsTheListBefore(f, from))) {
                return false;
            }
        } else if (!GoalRules.GOAL_CUE.matcher(clauses.unconsumed(clauseStart, f.start())).find()
                && !(afterCue && !describes) && baselines.fromToAt(f.start()) == null
                && !opensAGoalClause(clauses.nameWords(from, f.start()), post)
                && !(GoalRules.RATE_BEFORE.matcher(preTrim).find() && "%".equals(f.unit()))) {
            return false;
        }
        return true;
    }

    /**
     * 将建成中法城三初、中法城六小两所学校: a count in words of exactly the names a goal clause lists right before it.
     */
    private boolean countsTheListBefore(Figure f, int from) {
        String before = clauses.nameWords(from, f.start());
        if (!before.contains("、") || !GoalRules.GOAL_CUE.matcher(clauses.unconsumed(from, f.start())).find()) {
            return false;
        }
        return LIST_ITEMS.split(before).length == f.value().intValue();
    }

    private static final Pattern LIST_ITEMS = Pattern.compile("、|和(?!.*、)");

    /**
     * 全市共有39所公办幼儿园建设项目列入为民办实事项目: what the plan lists is its target, though 共有 counts what there is.
     */
    private static boolean listedInThePlan(String clause) {
        Matcher not = GoalRules.NOT_A_GOAL.matcher(clause);
        boolean onlyCounting = true;
        while (not.find()) {
            onlyCounting &= not.group().equals("共有");
        }
        return onlyCounting && GoalRules.INCLUDED_IN.matcher(clause).find();
    }

    /**
     * A count that opens its clause, followed by what is counted and a goal verb (6所小学创建为市级文明校园, 1200名学生参加
     * 研学): the figure comes before the noun.
     */
    private static boolean opensAGoalClause(String preTrim, String post) {
        return GoalRules.BEFORE_OPENING_COUNT.matcher(preTrim).matches() && GoalRules.GOAL_AFTER.matcher(post).find();
    }

    /**
     * 公开招聘教师85名、特岗教师40名 / 其中教师党员9名、学生党员3名: the next item of a list after a figure this
     * sentence already set as a goal shares that goal.
     */
    private boolean continuesAList(Figure f) {
        if (f.unit() == null || drafts.isEmpty()) {
            return false;
        }
        Figure previous = drafts.get(drafts.size() - 1).figure;
        if (f.chinese() && (!previous.chinese() || f.value().intValue() == 1)) {
            return false; // 培养名师二十名、学科带头人四十名: a list of Chinese numerals goes on only as it began
        }
        if (previous.unitEnd() > f.start() || previous.zero()) {
            return false;
        }
        // 教师党员9名、学生党员3名 / 30名校长、200名骨干教师: one 、 between the two items, in the same clause
        String between = s.substring(previous.unitEnd(), f.start());
        return between.indexOf('、') >= 0 && between.indexOf('、') == between.lastIndexOf('、')
                && between.chars().noneMatch(c -> Clauses.CLAUSE_ENDS.indexOf(c) >= 0 || "。；;".indexOf(c) >= 0)
                && between.length() <= 16;
    }

    /**
     * 创建2所省级示范幼儿园，3所市级示范幼儿园 / 上线人数突破1500人，一本上线300人: a clause without a verb of its own,
     * right after a goal clause of the same sentence that set a figure of the same unit, goes on with that goal.
     */
    private boolean continuesAGoal(Figure f, int clauseStart) {
        if (f.chinese() || f.unit() == null || clauseStart == 0 || drafts.isEmpty() || schedule != null) {
            return false;
        }
        String words = clauses.nameWords(clauseStart, f.start());
        if (words.contains("、") || words.length() > 10) {
            return false; // a list of what is counted, or a clause that says more than a name
        }
        Draft previous = drafts.get(drafts.size() - 1);
        int previousClause = clauses.clauseStart(clauseStart - 1);
        return previous.figure.start() >= previousClause && previous.figure.unitEnd() < clauseStart
                && f.unit().equals(previous.figure.unit()) && !previous.figure.zero();
    }

    /**
     * 争创2个省级、3个市级劳动教育基地: figures listed with a qualifier each share the noun after the last one. The name of
     * a figure whose qualifier is followed by the list's next figure, or null.
     */
    private String sharedNoun(List<Figure> figures, int index, String post, int clauseEnd) {
        Matcher item = GoalRules.QUALIFIER_ITEM.matcher(post);
        if (!item.lookingAt()) {
            return null;
        }
        String noun = null;
        for (int k = index + 1; k < figures.size() && figures.get(k).unitEnd() <= clauseEnd; k++) {
            Matcher last = GoalRules.QUALIFIED_NOUN.matcher(s.substring(figures.get(k).unitEnd(), clauseEnd));
            if (last.lookingAt()) {
                noun = CandidateNames.hanOnly(last.group(2));
            }
        }
        return noun == null || noun.length() < 2 ? null : item.group(1) + noun;
    }

    /** 申报国家级1个、省级2个特色项目: the qualifier comes before each figure, the noun after the last one. */
    private String sharedNounAfterQualifier(List<Figure> figures, int index, int from, String post, int clauseEnd) {
        Matcher qualifier = GoalRules.QUALIFIER_BEFORE.matcher(clauses.nameWords(from, figures.get(index).start()));
        if (!qualifier.find()) {
            return null;
        }
        Figure last = figures.get(index);
        for (int k = index + 1; k < figures.size() && figures.get(k).unitEnd() <= clauseEnd; k++) {
            last = figures.get(k);
        }
        boolean listed = last != figures.get(index)
                ? post.stripLeading().startsWith("、")
                : index > 0 && figures.get(index - 1).unitEnd() > clauses.clauseStart(figures.get(index).start());
        Matcher noun = GoalRules.SHARED_NOUN.matcher(s.substring(last.unitEnd(), clauseEnd));
        if (!listed || !noun.lookingAt()) {
            return null;
        }
        String shared = CandidateNames.hanOnly(noun.group(1));
        return shared.length() < 2 ? null : qualifier.group(1) + shared;
    }

    /**
     * A count of the things a list names (甲小学、乙幼儿园6所学校…, 甲小学等5所学校…) whose clause says what happens to
     * them (开复工, 竣工, 招生办学) — in a schedule, or after a goal cue: the name is what follows the figure. Null when
     * the figure is not such a count.
     */
    private String countedList(int from, Figure f, String post) {
        String before = clauses.nameWords(from, f.start());
        if (f.chinese() || before.isEmpty() || !(before.contains("、") || before.endsWith("等"))) {
            return null;
        }
        if (schedule == null
                && !GoalRules.GOAL_CUE.matcher(clauses.unconsumed(clauses.clauseStart(f.start()), f.start())).find()) {
            return null;
        }
        String after = CandidateNames.hanOnly(post);
        Matcher done = GoalRules.COMPLETION.matcher(after);
        if (!done.find() || done.start() == 0 || done.start() > 12) {
            return null;
        }
        return after.length() > 20 ? after.substring(0, 20) : after;
    }

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
        return new Candidate(draft.name, draft.figure.value(), draft.figure.unit(), type, draft.direction, draft.period,
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

    /** How much of a long sentence a candidate quotes on each side of its figure. */
    private static final int SENTENCE_WINDOW = 200;
}
