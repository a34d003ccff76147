package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.isHan;

import io.zhibiao.plan.FigureScanner.Figure;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a figure of a sentence is set as a goal: its clause has a goal cue (or the figure is a zero target, or it
 * continues a list or a goal the sentence set before), and nothing rules it out — a report (已, 截至, a past year, a
 * progress cell), a placeholder, a figure merely described, the plan's own structure. Positions are relative to the
 * sentence start; the drafts are the sentence's candidates so far, in figure order.
 */
final class GoalClause {

    private final PlanText plan;
    private final Clauses clauses;
    private final SentenceTimes times;
    private final BaselinePhrases baselines;
    private final List<Draft> drafts;
    private final String s;
    private final int offset;
    private final int year;

    GoalClause(PlanText plan, Clauses clauses, SentenceTimes times, BaselinePhrases baselines, List<Draft> drafts,
            int offset, int year) {
        this.plan = plan;
        this.clauses = clauses;
        this.times = times;
        this.baselines = baselines;
        this.drafts = drafts;
        this.s = clauses.text();
        this.offset = offset;
        this.year = year;
    }

    private Boolean startedOnADay;

    /** Whether the sentence dates a project's start to the day: looked for once per sentence, not per figure. */
    private boolean startedOnADay() {
        if (startedOnADay == null) {
            startedOnADay = GoalRules.STARTED_ON_A_DAY.matcher(s).find();
        }
        return startedOnADay;
    }

    /** Whether the figure became a candidate: drafts follow the figures in order, so it would be the last one. */
    boolean setAGoal(Figure figure) {
        return !drafts.isEmpty() && drafts.get(drafts.size() - 1).figure == figure;
    }

    /**
     * Whether the figure is set as a goal: its clause has a goal cue (or the figure is a zero
     * target), and nothing rules it out (已, 截至, a past year, a placeholder, a figure merely
     * described).
     */
    boolean setsAGoal(Figure f, int clauseStart, int clauseEnd, int from, String pre, String post,
            boolean countsAList) {
        String clause = s.substring(clauseStart, clauseEnd);
        String whole = clauses.unconsumed(clauseStart, clauseEnd);
        Integer opened = plan.paragraphYear(offset + f.start());
        if (opened != null && opened < year && f.start() < ownYearAt()) {
            return false; // 2022年，开工新建…83所。全市校医配备率达到83%: last year's record, to the paragraph's end
        }
        if (COPULA.matcher(clause).lookingAt() && WHAT_IT_IS.matcher(clause)
                .region(Math.max(0, clause.length() - WHAT_IT_IS_LONGEST), clause.length()).find()) {
            return false; // 加快建设教育强省，是…推进两个率先的重大举措: what something is, not a goal
        }
        if (!drafts.isEmpty() && PART_IN_BRACKETS.matcher(pre).find()) {
            return true; // 城区学校10所（含幼儿园4所）: a part of the goal before, named by its kind
        }
        if (ATTRIBUTIVE.matcher(post).lookingAt() && f.unit() != null && DESCRIBING_UNITS.matcher(f.unit()).matches()) {
            return false; // 投资320万元的幼儿园, 占地7000平方米的学校: the money or the size describes the noun after it
        }
        if (SOME_OF_THEM.matcher(clauses.unconsumed(clauseStart, f.start())).lookingAt()) {
            return false; // 部分项目占地面积超过100亩: what some of them are, not what is to be reached
        }
        if (GoalRules.INCLUDED_IN.matcher(clauses.unconsumed(clauseStart, f.start())).find()) {
            return false; // 将新增学位纳入20项民心工程: the count describes the list a measure joins
        }
        if (plan.status(offset + f.start())
                && (!GoalRules.AIM_IN_PROGRESS.matcher(whole).find() && !TURNS_TO_PLANS.matcher(whole).lookingAt()
                        || GoalRules.SHARE_OF_TARGET_DONE.matcher(whole).find())
                || GoalRules.NOT_A_GOAL.matcher(withoutComparedYear(whole)).find() && !listedInThePlan(whole)
                        && !talliedToBeDone(whole, clauseEnd)
                || GoalRules.AWARDED.matcher(whole).find() && !GoalRules.AIMED.matcher(whole).find()
                || GoalRules.DONE.matcher(clauses.unconsumed(clauseStart, f.start())).find()
                || times.mentionsPastYear(clauseStart, clauseEnd) || times.opensInThePast(clauseStart)
                || quotedFromThePast(clauseStart) || GoalRules.PLACEHOLDER.matcher(clause).find() || startedOnADay()) {
            return false;
        }
        if (listedInThePlan(whole) && !f.chinese()) {
            return true;
        }
        String preTrim = pre.strip();
        if (preTrim.endsWith("的") && !f.zero() && baselines.fromToAt(f.start()) == null
                && !("%".equals(f.unit())
                        && GoalRules.GOAL_CUE.matcher(clauses.cueWords(clauseStart, f.start())).find())
                && !opensAGoalClause(clauses.nameWords(from, f.start()), post)) {
            // 确定的8项任务: a figure described, not set (but 完成主体工程的60%: a share to reach; 对剩余的63个教学点进行
            // 改造: the units a goal is done to)
            return false;
        }
        String after = clauses.unconsumed(f.unitEnd(), f.unitEnd() + post.length()); // 民生实(shí)事 reads 民生实事
        if (GoalRules.STRUCTURE_AFTER.matcher(after).find()
                || "项".equals(f.unit()) && GoalRules.QUALIFIED_STRUCTURE_AFTER.matcher(after).lookingAt()
                || f.chinese() && !f.zero() && GoalRules.PROGRAMME_AFTER.matcher(after).find()) {
            return false; // 实施八项行动, 十项民生工程: how the plan is organised
        }
        if (TALLY.matcher(whole).lookingAt() && INSPECTED.matcher(s).region(0, clauseStart).find()) {
            return false; // …进行现场验收，共建成1个健身中心、4个健身广场: what an inspection counted, a result
        }
        if ("岁".equals(f.unit()) && !GoalRules.AFTER_CUE_OR_NOTHING.matcher(post).matches()) {
            return false; // 0-6岁儿童家长, 3岁以下婴幼儿: an age says who is counted (人均预期寿命达78.3岁 is a level)
        }
        if (("项".equals(f.unit()) || "件".equals(f.unit()) || "类".equals(f.unit()))
                && (PROGRAMME_PARTS.matcher(post).lookingAt()
                        || preTrim.endsWith("等") && LISTED_WORKS.matcher(post).lookingAt())) {
            return false; // 实施9类37项民生公益项目, 供水、污水治理等4项工程: a programme's make-up (新建5项工程 is a goal)
        }
        if ("项".equals(f.unit()) && preTrim.endsWith("提出")) {
            return false; // 围绕…提出25项工程: how many items the document proposes, not a count to reach
        }
        if (unitIsMoney(f) && ISSUED_FUNDS.matcher(clauses.unconsumed(clauseStart, f.start())).find()) {
            return false; // 省财政厅下达…省级补助资金2011万元: a grant issued, not money to reach
        }
        if (unitIsMoney(f) && FUNDING_SHARES.matcher(clauses.unconsumed(clauseStart, f.start())).find()) {
            return false; // 中央、市级和县级资金分别为450万元、479.01万元和1390.99万元: who pays what, not a goal
        }
        if (insideAnExample(f.start())) {
            // 第一年夯实基础(如教师培训覆盖率100%): an example of a target, not one; (不含…建设资金23000万元): what a
            // figure leaves out
            return false;
        }
        Matcher share = PlanText.SHARE_BRACKET.matcher(post);
        if (share.lookingAt() && plan.sharePlaces().contains(share.group(1))) {
            return false; // 建设品质县中10所(其中浏阳4所) in 浏阳's notice: the province's whole, the bracket is the city's share
        }
        String before = clauses.unconsumed(clauseStart, f.start());
        if (ONLY.matcher(before).find() || FIRST_TIME.matcher(before).find()
                || HAS_STAYED.matcher(before).find() && !GoalRules.AIMED.matcher(before).find()) {
            return false; // 西部地区仅900人, 占比首次突破40%, 连续三年稳定在1200人左右: how things are, or have been
        }
        if (SHARE_OF_PLAN.matcher(before).find()) {
            return false; // 完成融资37亿元，占计划融资数的92.5%: how much of the plan is done
        }
        if (SIZE_OF_A_CHANGE.matcher(before).find()) {
            return false; // 安排资金大幅度增长37.8%: how much a thing changed, as a report stresses it
        }
        if (FUNDS_FLOWED.matcher(before).find() && !GoalRules.AIMED.matcher(before).find()) {
            return false; // 各级财政资金到位率和拨付率均达100%: how far the money came, not a goal
        }
        if (SHARES_A_DONE_CLAUSE.matcher(whole).lookingAt()
                && GoalRules.DONE.matcher(s).region(clauseEnd, Math.min(s.length(), clauseEnd + 60)).find()
                || RESULT_OF.matcher(whole).lookingAt() && GoalRules.DONE.matcher(s)
                        .region(Math.max(0, clauseStart - Clauses.MAX_CLAUSE), clauseStart).find()) {
            return false; // 不仅新增12个教室…，还配备了…，使…提升至6.8平方米: one finished change and what it made
        }
        if (clauseStart > 0 && doneBefore(clauseStart) && !plansOrNamesAYearAhead()) {
            // 遴选确定了65个试点乡镇，覆盖…中小学226所，省级财政安排9000万元: the clauses after what was done report it
            return false;
        }
        int doneAfter = s.indexOf('了', clauseEnd);
        if (doneAfter >= 0
                && doneAfter < clauseEnd + Clauses.MAX_CLAUSE && GoalRules.DONE.matcher(s)
                        .region(clauseEnd, Math.min(s.length(), clauseEnd + Clauses.MAX_CLAUSE)).find()
                && !plansOrNamesAYearAhead()) {
            return false; // 毛入学率达到57.8%，十年提高27.8个百分点，翻了近一倍: the sentence goes on to say what was done
        }
        if (RATIO_TO_APPLY.matcher(post).lookingAt()
                && APPLYING.matcher(clauses.unconsumed(clauseStart, f.start())).find()) {
            return false; // 按照不超过编制总数5%的比例核增: a ratio to apply, not a figure to reach
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
        if (countsAList || !describes && (continuesAGoal(f, clauseStart, post) || continuesAList(f))) {
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
                    && GoalRules.GOAL_CUE.matcher(clauses.cueWords(from, f.start())).find()
                    && (post.isBlank() || afterCue || post.stripLeading().startsWith("、"));
            if (lead.endsWith("每") || lead.endsWith("的") || lead.endsWith("”") || lead.endsWith("》")
                    || lead.endsWith("\"") || !(GoalRules.CHINESE_NUMERAL_VERB.matcher(lead).find() || countsAThing
                            || afterCue && !lead.isEmpty() || countsTheListBefore(f, from))) {
                return false;
            }
        } else if (!GoalRules.GOAL_CUE.matcher(clauses.cueWords(clauseStart, f.start())).find()
                && !(afterCue && !describes) && baselines.fromToAt(f.start()) == null
                && !talliedToBeDone(whole, clauseEnd) && !opensAGoalClause(clauses.nameWords(from, f.start()), post)
                && !(GoalRules.RATE_BEFORE.matcher(preTrim).find() && "%".equals(f.unit()))) {
            return false;
        }
        return true;
    }

    /** A part named in brackets after a figure: （含幼儿园4所）. */
    private static final Pattern PART_IN_BRACKETS = Pattern.compile("[(（]\\s*(?:含|其中|包括)[\\u4e00-\\u9fa5]{1,8}$");
    /** Units of what a building or a project is (its money, its size), not of what is to be done for whom. */
    private static final Pattern DESCRIBING_UNITS = Pattern.compile("元|万元|亿元|千元|平方米|亩");
    /** A clause that opens on a tally of what was built or done: 共建成, 累计完成, 合计验收. */
    private static final Pattern TALLY = Pattern.compile("\\s*(?:共|累计|合计|共计)(?:建成|完成|验收|改造)");
    /** An inspection or acceptance of works earlier in the sentence: what follows it counts what it found. */
    private static final Pattern INSPECTED = Pattern.compile("验收|核查|检查验收");

    /** The items a programme is counted in: 37项民生公益项目, 10件惠民实事 (the programme, not a thing built). */
    private static final Pattern PROGRAMME_PARTS = Pattern
            .compile("\\s*(?:\\d+\\s*[项件])?(?:民生|公益|惠民|为民|民心)+(?:实事|项目|工程)(?![\\u4e00-\\u9fa5])");
    /** Works counted after the list of them (供水一体化、污水治理等4项工程): the list's length, not more works. */
    private static final Pattern LISTED_WORKS = Pattern.compile("\\s*(?:工程|项目)(?![\\u4e00-\\u9fa5])");

    /** A figure that describes the noun after it: 320万元的幼儿园, 总投资36.3亿元的10件40项民生实事 (not …的目标, 的比例). */
    private static final Pattern ATTRIBUTIVE = Pattern
            .compile("的(?!目标|任务|要求|比例|标准|幅度)(?:[\\u4e00-\\u9fa5]|\\d+\\s*[件项个类])");

    /** A clause whose subject is some of those spoken of: 部分项目…, 部分学校…. */
    private static final Pattern SOME_OF_THEM = Pattern.compile("\\s*部分[\\u4e00-\\u9fa5]{0,4}?(?:项目|学校|园所|幼儿园|地区|县区)");

    /** A figure that sets the ratio or standard a rule applies by: …的比例, …的标准. */
    private static final String LEVEL = "(?:中央|省级|省|市级|市|县级|县|区级|区|本级|地方|各级)(?:财政)?";
    /** Money a higher level issues or pays out (下达…补助资金, 拨付资金): a grant made (not 下达率, a rate). */
    private static final Pattern ISSUED_FUNDS = Pattern.compile("(?:下达|拨付|下拨)(?!率)");
    /** Money each level of government puts in, listed with 分别为: the shares of a total, not goals. */
    private static final Pattern FUNDING_SHARES = Pattern
            .compile(LEVEL + "(?:[和、及与]" + LEVEL + ")*" + "(?:资金|补助资金|配套资金|补助|投入)\\s*分别为");

    /** Only so many: 仅900人, 仅有3所 (不仅 is no such word). */
    private static final Pattern ONLY = Pattern.compile("(?<!不)仅(?:有|为|占)?\\s*$");
    /** Reached for the first time: 首次突破40%. */
    private static final Pattern FIRST_TIME = Pattern.compile("首次(?:突破|达到|超过|实现)\\s*$");
    /**
     * Where the sentence first names the plan year or a later one, not as a day (为实现2020年…95%的目标 after a paragraph
     * opening 截至2019年底), or this year (本年): the figures after it are not the past paragraph's record. Found once per sentence.
     */
    private int ownYearAt() {
        if (ownYearAt < 0) {
            ownYearAt = Integer.MAX_VALUE;
            for (Matcher m = GoalRules.YEAR.matcher(s); m.find();) {
                if (Integer.parseInt(m.group(1)) >= year && !A_DAY.matcher(s).region(m.end(), s.length()).lookingAt()
                        && !clauses.masked(m.start())) {
                    ownYearAt = m.end();
                    break;
                }
            }
            Matcher thisYear = THIS_YEAR.matcher(s);
            if (thisYear.find() && thisYear.end() < ownYearAt) {
                ownYearAt = thisYear.end(); // 本年全县可以实现…达到92%的目标
            }
        }
        return ownYearAt;
    }

    private int ownYearAt = -1;
    /** A clause that says what its subject is (…，是推进两个率先的重大举措), ending on 的 and a noun. */
    private static final Pattern COPULA = Pattern.compile("\\s*(?:也|更|就|正)?是(?!否)");
    private static final Pattern WHAT_IT_IS = Pattern.compile("的[\\u4e00-\\u9fa5]{1,8}\\s*[。；;！!]?\\s*$");
    /** How far from a clause's end {@link #WHAT_IT_IS} can start: only its end is read, however long the clause. */
    private static final int WHAT_IT_IS_LONGEST = 14;
    private static final Pattern THIS_YEAR = Pattern.compile("今年|本年");
    private static final Pattern A_DAY = Pattern.compile("\\s*\\d{1,2}\\s*月");

    /**
     * A clause of a progress report that turns to what this year or the next will do (改善了200个…，今年将对剩余的63个
     * 教学点全部进行改造): a goal, though the report's paragraph goes on.
     */
    private static final Pattern TURNS_TO_PLANS = Pattern.compile("\\s*(?:今年|年内|明年|下一步|下步)(?:还|也|仍|又)?(?:将|要|拟|计划)");

    /** What has stayed so for years, or been reached year after year: 连续三年稳定在1200人左右, 连续7年实现…达4%的目标. */
    private static final Pattern HAS_STAYED = Pattern.compile("连续[两三四五六七八九十\\d]{1,2}年(?:稳定|保持|位居|居|实现)");
    /** The share of a plan a figure is (占计划融资数的92.5%, 占年度计划投资总额的75%): progress. */
    private static final Pattern SHARE_OF_PLAN = Pattern.compile("占(?:年度)?计划[^，,。；;]{0,8}?的?\\s*$");
    /** A change stressed as large (大幅增长, 大幅度提高): reports say how much, plans say to what. */
    private static final Pattern SIZE_OF_A_CHANGE = Pattern.compile("大幅度?(?:增长|增加|提高|提升|上升|下降|减少|降低)了?\\s*$");
    /** The share of funds arrived or paid out, said as reached (资金到位率和拨付率均达100%). */
    private static final Pattern FUNDS_FLOWED = Pattern.compile("(?:到位率|拨付率)[^，,。；;]{0,4}?(?:均|已|都)?达\\s*$");
    /** A clause a later 还…了 finishes with it (不仅新增12个…，还配备了…). */
    private static final Pattern SHARES_A_DONE_CLAUSE = Pattern.compile("\\s*(?:不仅|不但|不只)");
    /** A clause saying what a finished change made (…配备了…，使…从4.2平方米提升至6.8平方米). */
    private static final Pattern RESULT_OF = Pattern.compile("\\s*(?:使|让|使得)");
    /** What a sentence says is planned or aimed at (将, 计划, 力争, 确保): it stays a goal whatever else it says is done. */
    private static final Pattern PLANNED_OR_AIMED = Pattern
            .compile(Lexicon.alternation("planned") + "|" + Lexicon.alternation("aim"));
    /** A year the sentence names (2027年, 到2030年). */
    private static final Pattern A_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    /**
     * A tally the next clause says will be finished (…的公办幼儿园共有10家，在2011年秋季开学前将基本建成并投入使用): what
     * there is to be done, a goal — not what there is.
     */
    private boolean talliedToBeDone(String clause, int clauseEnd) {
        return clause.contains("共有")
                && TO_BE_DONE.matcher(s).region(clauseEnd, Math.min(s.length(), clauseEnd + 40)).lookingAt();
    }

    private static final Pattern TO_BE_DONE = Pattern
            .compile("[，,]\\s*[^，,。；;]{0,20}?将(?:基本|全部|陆续)?(?:建成|完工|竣工|投入使用|完成)");

    /** The year a growth is compared with (较去年增加5%, 比前年): a comparison, not a record of that year. */
    private static final Pattern COMPARED_YEAR = Pattern.compile("(?:比|较|同比)(?:去年|前年)");

    /** The clause without the years it compares with: 招生数较去年增加5% reads 招生数增加5%. */
    private static String withoutComparedYear(String clause) {
        return clause.contains("去年") || clause.contains("前年") ? COMPARED_YEAR.matcher(clause).replaceAll("") : clause;
    }

    /**
     * Whether the clause goes on a quotation opened in an earlier clause that names a past year before it (2018年
     * “教育惠民工程”规划“新建…30所，新建…校舍20万平方米，…”): the past year's plan, quoted item by item.
     */
    private boolean quotedFromThePast(int clauseStart) {
        // looked for a few clauses back at most: a hostile sentence of thousands of figures stays linear
        int open = -1;
        for (int i = clauseStart - 1; i >= 0 && clauseStart - i <= QUOTE_REACH; i--) {
            char c = s.charAt(i);
            if (c == '”') {
                return false; // the quotation closed before the clause
            }
            if (c == '“') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        int openClause = clauses.clauseStart(open);
        return openClause < clauseStart && times.mentionsPastYear(openClause, open);
    }

    /** How far back a quotation's opening mark is looked for: a quoted plan of several items. */
    private static final int QUOTE_REACH = 3 * Clauses.MAX_CLAUSE;

    /** Whether a clause before {@code clauseStart}, a few clauses back at most, says what was done (确定了, 完成了). */
    private boolean doneBefore(int clauseStart) {
        int from = Math.max(0, clauseStart - Clauses.MAX_CLAUSE);
        int done = s.lastIndexOf('了', clauseStart - 1);
        return done >= from && GoalRules.DONE.matcher(s).region(from, clauseStart).find();
    }

    /**
     * Whether the sentence says what is planned or aimed at, or names the plan year or a later one (到2027年…，基本实现
     * 了…): then what it goes on to say was done does not make it a record. Read once per sentence, not per figure.
     */
    private boolean plansOrNamesAYearAhead() {
        if (plansOrNamesAYearAhead == null) {
            boolean ahead = PLANNED_OR_AIMED.matcher(s).find();
            if (!ahead && s.indexOf('年') >= 0) {
                for (Matcher y = A_YEAR.matcher(s); !ahead && y.find();) {
                    ahead = Integer.parseInt(y.group(1)) >= year;
                }
            }
            plansOrNamesAYearAhead = ahead;
        }
        return plansOrNamesAYearAhead;
    }

    private Boolean plansOrNamesAYearAhead;

    /**
     * Whether the figure at {@code at} stands in a bracket that gives an example ((如…), （例如…）), or after a clause
     * of its sentence that opens on one (…，如广东省…计划三年投入10亿元…，江苏省…50所示范校): others' figures cited.
     */
    private boolean insideAnExample(int at) {
        if (examplesFrom() >= 0 && examplesFrom() < at) {
            return true;
        }
        for (int i = at - 1; i >= 0 && at - i <= 40; i--) {
            char c = s.charAt(i);
            if (c == ')' || c == '）') {
                return false;
            }
            if (c == '(' || c == '（') {
                return EXAMPLE.matcher(s).region(i + 1, at).lookingAt()
                        || EXCLUDED.matcher(s).region(i + 1, at).lookingAt();
            }
        }
        return false;
    }

    /** Where the sentence's first clause opening on examples starts, or -1: looked for once per sentence. */
    private int examplesFrom() {
        if (examplesFrom == null) {
            Matcher m = EXAMPLES_FOLLOW.matcher(s);
            examplesFrom = m.find() ? m.start() : -1;
        }
        return examplesFrom;
    }

    private Integer examplesFrom;

    private static final Pattern EXAMPLE = Pattern.compile("\\s*(?:如|例如|比如|譬如)");
    /** What a bracket leaves out of the figure before it: (不含开发商…的建设资金23000万元). */
    private static final Pattern EXCLUDED = Pattern.compile("\\s*(?:不含|不包括|未含|未包括|不计)");
    /** A clause that opens on examples: ，如广东省…, ，例如… (not 如期, 如实, 如下, 如何, 如果…). */
    private static final Pattern EXAMPLES_FOLLOW = Pattern
            .compile("(?:^|[，,；;：:])\\s*(?:例如|比如|譬如|如)(?![期实何下果此同今约遇需有])");

    private static boolean unitIsMoney(Figure f) {
        return f.unit() != null && f.unit().endsWith("元");
    }

    private static final Pattern RATIO_TO_APPLY = Pattern.compile("\\s*的(?:比例|标准|幅度)");
    private static final Pattern APPLYING = Pattern.compile("按照|按|依照|参照");

    /**
     * 将建成中法城三初、中法城六小两所学校: a count in words of exactly the names a goal clause lists right before it.
     */
    private boolean countsTheListBefore(Figure f, int from) {
        String before = clauses.nameWords(from, f.start());
        if (!before.contains("、") || !GoalRules.GOAL_CUE.matcher(clauses.cueWords(from, f.start())).find()) {
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
        Matcher joins = GoalRules.INCLUDED_IN.matcher(clause);
        return onlyCounting && joins.find()
                && PLAN_LIST.matcher(clause).region(joins.end(), clause.length()).lookingAt();
    }

    /** What a plan lists (列入为民办实事项目, 纳入重点工程), not a service or a scope (纳入家庭医生签约服务). */
    private static final Pattern PLAN_LIST = Pattern.compile("[^，,。；;]{0,12}?(?:实事|民心工程|工程|计划|项目|规划|任务)");

    /**
     * A count that opens its clause, followed by what is counted and a goal verb (6所小学创建为市级文明校园, 1200名学生参加
     * 研学): the figure comes before the noun.
     */
    static boolean opensAGoalClause(String preTrim, String post) {
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
    private boolean continuesAGoal(Figure f, int clauseStart, String post) {
        if (f.chinese() || f.unit() == null || clauseStart == 0 || drafts.isEmpty() || times.schedule() != null) {
            return false;
        }
        String words = clauses.nameWords(clauseStart, f.start());
        boolean measure = MEASURE_NAME.matcher(words).matches(); // 每千人口拥有3岁以下婴幼儿托位数4.5个
        if (words.contains("、") || words.length() > (measure ? 24 : 10)) {
            return false; // a list of what is counted, or a clause that says more than a name
        }
        Draft previous = drafts.get(drafts.size() - 1);
        int previousClause = clauses.clauseStart(clauseStart - 1);
        if (previous.figure.start() < previousClause || previous.figure.unitEnd() >= clauseStart
                || previous.figure.zero()) {
            return false;
        }
        // 建成标准化运动场地13块，“软化”运动场地36700平方米: a clause of nothing but a name and an amount goes on with
        // the goal before it, in a unit of its own (not a share of it: 占比30%, nor a part: 其中…)
        if (f.unit().equals(previous.figure.unit())
                || !"%".equals(f.unit()) && !words.isEmpty() && (measure || !NOT_ITS_OWN.matcher(words).find())
                        && GoalRules.AFTER_CUE_OR_NOTHING.matcher(post).matches()) {
            return true;
        }
        // 新建9所幼儿园，计99个标准班级: only a total word before the figure, and the thing counted after it — how
        // much the goal before comes to, in a unit of its own
        if (!"%".equals(f.unit()) && GoalRules.TOTAL.matcher(words).matches() && NAMED_AFTER.matcher(post).matches()) {
            return true;
        }
        // 创建4所区级示范学校，2个区级示范街道: the clause opens on its count and names what is counted, as the goal
        // before it did — the next item of the same goal, in a unit of its own
        return words.isEmpty() && !"%".equals(f.unit()) && COUNTED_AFTER.matcher(post.strip()).matches()
                && COUNT_FIRST.matcher(s).region(previous.figure.unitEnd(), clauseStart).lookingAt();
    }

    /** What a count opening its clause counts, to the clause's end: 区级社区教育示范街道. */
    private static final Pattern COUNTED_AFTER = Pattern.compile("\\p{IsHan}{2,20}");
    /** After a count, the thing it counts and nothing else to its clause's end (4所区级示范学校,): a count-first goal. */
    private static final Pattern COUNT_FIRST = Pattern.compile("\\p{IsHan}{2,20}\\s*[,，、]\\s*$");

    /** What a total counts, named right after its figure and ending the clause: 个标准班级 leaves 标准班级. */
    private static final Pattern NAMED_AFTER = Pattern.compile("\\p{IsHan}{2,8}");

    /**
     * What makes a name and a figure a part, a share or a measure of the figure before: 其中, 占比, 平均, and the
     * length of the works just named (…扩挖工程，全长345公里); a total (共40人) is a figure of its own.
     */
    /**
     * A clause's words that name a measure of its own, per head or in all (每千人口拥有…托位数, 人均预期寿命): in a list
     * of goals they go on with it, however long the name.
     */
    private static final Pattern MEASURE_NAME = Pattern
            .compile("(?:每[千万百]人口|人均)[\\p{IsHan}\\d]{1,20}?(?:数|率|面积|年限|寿命|总量)");

    private static final Pattern NOT_ITS_OWN = Pattern.compile("其中|占|比|平均|人均|生均|每|分别|全长|全程|长度");

}
