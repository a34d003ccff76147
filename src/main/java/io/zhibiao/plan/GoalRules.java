package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.number;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Direction;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a figure a goal, which way it points and over which years: the cue words of goal
 * clauses (达到, 不少于, 控制在 … 以内), what rules a clause out (已, 截至, past years, placeholders), and the
 * time phrases (三年内, 到2028年).
 */
final class GoalRules {

    /** A bracket naming the item right after a figure: 控制在45人（小学）、50人（初中）以内. */
    private static final Pattern BRACKETED_ITEM = Pattern.compile("^[（(][^）)]{0,12}[）)]\\s*");
    /** The rates after a rate in a list (3‰、4‰和5‰以下): the bound after the last holds for each. */
    private static final Pattern RATES_AFTER = Pattern.compile("^(?:\\s*[、和及与]\\s*\\d+(?:\\.\\d+)?\\s*[%‰])+");
    /** A year said as a deadline: 到2027年, 2027年底, 2027年前. */
    private static final Pattern UNTIL_WORD = Pattern.compile("\\s*(?:到|至|于)");
    private static final Pattern UNTIL_END = Pattern.compile("(?:底|末|前)\\z");

    /**
     * A sentence that dates a project's start to the day (项目总投资1790万元，建筑面积5198平方米，于2025年4月19日开工建设)
     * describes works under way: a plan says when works will start by month or season, a report says the day they did.
     */
    static final Pattern STARTED_ON_A_DAY = Pattern
            .compile("于\\s*(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:正式)?(?:开工|动工|开建|奠基)");

    /** Words that only say a figure is a total (共40人 of what the clause before counts, 计99个班 of a thing of its own). */
    static final Pattern TOTAL = Pattern.compile("共|计|共计|合计|总计");

    /** A clause that sets a goal (lexicon role "goal verb"): 达到95%, 不少于20所, 新建3所. */
    static final Pattern GOAL_CUE = words(Lexicon.alternation("goal verb"));

    /** A pattern for any of the words of an alternation, led by a look-ahead on their first characters. */
    static Pattern words(String alternation) {
        return Pattern.compile("(?=" + Lexicon.openingClass(alternation) + ")(?:" + alternation + ")");
    }
    /** A goal verb after a figure that opens its clause: 6所小学创建为文明校园, 1200名学生参加研学. */
    static final Pattern GOAL_AFTER = words(Lexicon.alternation("verb after a count"));
    /** A status the counted units are to attain: 6所小学创建为文明校园 names 文明校园. */
    static final Pattern BECOMING = Pattern.compile("^.*?(?:" + Lexicon.alternation("becoming") + ")");
    /** What may stand before a count that opens its clause: 力争2名教师获评…, 对全县1200名教师进行轮训. */
    static final Pattern BEFORE_OPENING_COUNT = Pattern
            .compile("^(?:分[一二三四五六七八九十两\\d]{1,2}[批期轮次])?(?:(?:全县|全区|全市|全省|全州)?(?:力争|争取|确保)?有?"
                    // 还将有…, and the place that says it: 成都市还有27所幼儿园将陆续投入使用, 香洲区将最少有21所公办园招生
                    + "|(?:[\\u4e00-\\u9fa5]{1,4}(?:市|县|区|州|省|镇))?(?:其中)?(?:今年|年内|全年){0,2}(?:还|将)(?:最少|至少)?有"
                    // 对1200名教师进行轮训, 同时对奇章、金胜小区等7个老旧小区进行改造, 今年将对剩余的63个教学点全部进行改造: the
                    // units named, then counted
                    + "|(?:同时|并|还|另外|此外)?(?:今年|年内|全年|明年)?(?:将|要|拟|计划)?(?:对|为|给|向|帮助|组织|推动|支持)"
                    + "(?:[\u4e00-\u9fa5、]{1,30}?等|[\u4e00-\u9fa5]{0,6}?)(?:全县|全区|全市|全镇|全乡|全校)?)$");
    /** Awards already won (获评, 荣获) rule a clause out, unless the clause aims at them: 力争2名教师获评特级教师. */
    static final Pattern AIMED = words(Lexicon.alternation("aim"));
    /** The rank a count of units is to reach: 有2所学校进入全市前5名 (a rankCount target, design §6). */
    static final Pattern RANK_AFTER = Pattern.compile(
            "^([^，,。；;、\\d]{0,12}?)(?:进入|跻身|位列|排名进入|排进)([^，,。；;\\d]{0,8}?)前\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*(?:名|位)");

    /** A rate named right before its figure, without a verb: 义务教育入学率100%. */
    static final Pattern RATE_BEFORE = Pattern.compile("(?:率|比例|占比)$");

    /**
     * Nouns that make a count the plan's own structure, not a goal: 实施八项行动, 聚焦五项工作, 落实25项要点, 包含…33件实事项目 (but 新建5项工程
     * counts projects).
     */
    static final Pattern STRUCTURE_AFTER = Pattern
            .compile("^\\s*(?:大)?(?:行动|工作|任务|举措|措施|要点|主线|保障|体系|方面|重点|原则|目标|环节|机制|为民实事|民生实事|实事|民心工程)");
    /** Items of the plan's own a few words qualify (报4项重点工作和1项创新工作, 3项改革任务): its parts, counted in 项. */
    static final Pattern QUALIFIED_STRUCTURE_AFTER = Pattern
            .compile("\\s*[\\u4e00-\\u9fa5]{1,3}?(?:工作|任务|举措|措施|要点)(?![\\u4e00-\\u9fa5])");
    /** A count that announces the list after it (实施民生实事项目6项，具体如下：): the plan's own outline. */
    static final Pattern ANNOUNCES_A_LIST = Pattern
            .compile("\\s*(?:[，,]\\s*(?:具体|主要)?(?:如下|包括|内容如下|情况如下|分别是|是)\\s*[:：]|[:：]\\s*$)");
    static final Pattern AFTER_CUE = Pattern.compile("^\\s*(?:以上|及以上|以内|之内|以下|左右)");
    /** Nothing after a figure but a bound and the clause's end: 36700平方米。, 3000平方米以上. */
    static final Pattern AFTER_CUE_OR_NOTHING = Pattern.compile("\\s*(?:以上|及以上|以内|之内|以下|左右)?\\s*[。；;]?\\s*");
    static final Pattern NOT_A_GOAL = words(Lexicon.alternation("not a goal"));
    /** A shift from one way to another (向…转变, 转为): what changes is a way of working. */
    static final Pattern SHIFT = words(Lexicon.alternation("shift"));
    /** A list a measure is put on (纳入20项民心工程, 列入十大实事): a count after it describes the list. */
    static final Pattern INCLUDED_IN = words(Lexicon.alternation("list a measure joins"));
    /** A clause inside a progress report that still names a goal: 为实现…巩固率达到95%的目标奠定了基础. */
    static final Pattern AIM_IN_PROGRESS = words(Lexicon.alternation("aim in progress"));
    /** 完成年初35所目标任务的94.29%: how much of a target is done — progress, though it names the target. */
    static final Pattern SHARE_OF_TARGET_DONE = Pattern.compile("完成[^，,。；;]{0,12}目标(?:任务)?的\\s*\\d");
    static final Pattern AWARDED = words(Lexicon.alternation("awarded"));
    /**
     * What a count in Chinese numerals names when it is the plan's own programme, not a goal: 实施十项民生工程, 办好八件实事
     * (Arabic counts of projects, 新建5项工程, stay goals).
     */
    static final Pattern PROGRAMME_AFTER = Pattern.compile("^\\s*(?:大)?(?:民生)?(?:工程|实事|好事|活动|计划|攻坚|战役|品牌|改革|行动|举措|服务)");
    static final Pattern CHINESE_NUMERAL_VERB = Pattern
            .compile("(?:建成|新建|续建|改扩建|扩建|改建|新增|建设|完成|开展|举办|举行|进行|组织|培育|打造|创建|创成|招聘|引进|培养|评选|认定|开设|增加|实现|达到|设立|成立|建立"
                    + "|改造|实施|召开|培训|办好|建好)(?:至少|不少于|再|新|共|累计)?"
                    // how often, between the verb and its count: 组织每月一次的健康知识讲座, 开展每学期两次
                    + "(?:每(?:年|半年|季度|月|周|学期|学年)(?:至少|不少于)?)?$"
                    // a floor set for how often, with no verb of its own: 保证每周不少于四节体育课
                    + "|每(?:年|半年|季度|月|周|学期|学年|天|日)(?:不少于|不低于)$");
    static final Pattern DECREASE_BEFORE = Pattern.compile("控制在|下降到|下降至|降低到|降低至|降至|减少到|减少至|压减到|不超过|不高于|(?<!不)低于|≤");
    static final Pattern MAINTAIN_BEFORE = Pattern.compile("保持在|保持|稳定在|维持在");

    static final Set<String> IDIOMATIC_ONE = Set.of("批", "支", "轮", "部", "门", "条", "本");

    static final Pattern PLACEHOLDER = Pattern.compile("(?<![A-Za-z])[xX]{1,4}(?![A-Za-z])|\\*{2,}");
    /** A count of years: 三, 两, 10. */
    private static final String YEAR_COUNT_RAW = "[两二三四五六七八九十一]|\\d{1,2}";
    private static final String YEAR_COUNT = "(?:" + YEAR_COUNT_RAW + ")";
    /** Between the ends of a range of years: 1至两年, 1到2年. */
    private static final String TO = "(?:至|到|-|—)";
    /**
     * 三年内, 一年半的时间, 未来三年, 用1至两年, 用1到2年时间 (not 三年级): the number of years (a range's upper end) in group 1,
     * 3 or 4, a half year in group 2.
     */
    static final Pattern YEARS_WITHIN = Pattern.compile("(?:" + YEAR_COUNT + "\\s*" + TO + "\\s*)?(" + YEAR_COUNT_RAW
            + ")\\s*年(半)?(?:内|之内|时间|的时间)" + "|(?:未来|今后)([两二三四五六七八九十]|\\d{1,2})\\s*年(?!级)" + "|(?:利用|用)\\s*" + YEAR_COUNT
            + "\\s*" + TO + "\\s*(" + YEAR_COUNT_RAW + ")\\s*年(?![级制])");
    /**
     * Whether {@link #YEARS_WITHIN} can match at all: each of its ways holds one of these words. Tried first, as the
     * pattern itself is tried at every position of the text before each figure.
     */
    static boolean mayHoldYearsWithin(String text) {
        return text.contains("年内") || text.contains("年之内") || text.contains("年时间") || text.contains("年的时间")
                || text.contains("年半") || text.contains("未来") || text.contains("今后") || text.contains("用");
    }
    static final Pattern BY_YEAR = Pattern.compile("(?:到|至|于)?\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?(?:前|之前)?");
    /** A span of years: 三年内, 利用一年半的时间, 未来三年, 用1至两年 (not 三年级). */
    private static final String SPAN_OF_YEARS = "(?:利用|用|在)?(?:" + YEAR_COUNT + TO + ")?" + YEAR_COUNT
            + "年半?(?:内|之内|时间|的时间)" + "|(?:未来|今后)(?:[两二三四五六七八九十]|\\d{1,2})年(?!级)" + "|(?:利用|用)" + YEAR_COUNT + TO
            + YEAR_COUNT + "年(?![级制])";
    /** A time clause of its own: 到2027年, 提出到2020年, 截至2023年, 2022年秋季, 2023年上半年, 三年内. */
    static final Pattern TIME_CLAUSE = Pattern
            .compile("(?:力争|争取|确保|提出|明确)?(?:(?:(?:从|自)?(?:今年|本年|明年|(?:19|20)\\d{2}年)(?=到|至))?"
                    + "(?:到|至|于|截至|截止到?)?(?:19|20)\\d{2}年" + "(?:底|末|初|(?:春|夏|秋|冬)季(?:学期)?|[上下]半年)?(?:前|之前)?|"
                    + SPAN_OF_YEARS + ")");
    /**
     * A deadline or a span of years that opens a clause, after its subject and a plan word at most (到2015年全市将规划…,
     * 我市2021-2022年计划…, 同时计划用1至两年，改造…): it holds for the clauses after it that say no time of their own. Group
     * 1 is the time.
     */
    static final Pattern OPENING_TIME = Pattern
            .compile("(?:[我全本][市县区省州旗])?(?:同时|并|还)?(?:计划|拟|将)?((?:力争|争取|确保)?(?:(?:到|至)(?:19|20)\\d{2}年"
                    + "(?:底|末)?(?:前|之前)?|(?:19|20)\\d{2}\\s*[-—–~～至到]\\s*(?:19|20)\\d{2}年|" + SPAN_OF_YEARS + "))");
    /**
     * A year a clause without a figure of its own says something happens in (…等多所公办幼儿园将于2020年开办，能够新增
     * 优质学位1770个): the clause after it speaks of that year. Group 1 is the time.
     */
    static final Pattern HAPPENS_IN = Pattern.compile("(?:于|在)((?:19|20)\\d{2}年(?:底|末)?)(?!的?基础上)");
    /** 明年新增1770个: the year after the plan year. */
    static final Pattern NEXT_YEAR = Pattern.compile("明年");
    /** 后年新建7所: the second year after the plan year (not 此后年均…, 然后年底前…). */
    static final Pattern YEAR_AFTER_NEXT = Pattern.compile("(?<![前此之然以最今])后年(?![底末度初内均])");
    /** A span that opens a sentence and covers every clause of it: 两年内新建幼儿园四所，新增学位1080个. */
    static final Pattern OPENING_SPAN = Pattern
            .compile("(?:力争|争取|确保)?(?:" + SPAN_OF_YEARS + "|(?:到|至)(?:19|20)\\d{2}年(?:底|末)?(?:前|之前)?)");
    /**
     * A clause that says its own time: 全年, 今年, 年内, 每学期, 2026年 — not the 年 of a measure's name (继续教育年参与率,
     * 受教育年限, 九年义务教育, 三年级).
     */
    static final Pattern OWN_TIME = Pattern.compile(
            "(?:19|20)\\d{2}\\s*年|[今明全本当去]年|[一二两三四五六七八九十\\d]+年(?![级制]|义务|一贯)|年[内底末初中度]|每(?![个個位所名家])" + "|学期|月");
    /** A line that opens with the months it schedules: 3-4月，… / 9月：… (not 2021年9月). */
    static final Pattern SCHEDULE = Pattern
            .compile("\\s*(?<![\\d年])(\\d{1,2})\\s*(?:[-—~～至到]\\s*(\\d{1,2})\\s*)?月份?(?:[上中下]旬)?\\s*[，,:：]");
    /** What a counted list of schools or projects is to reach: 开复工, 竣工并交付使用, 招生办学. */
    static final Pattern COMPLETION = words("开复工|开工|复工|完成|竣工|完工|交付使用|投入使用|投用|招生|办学|建成|挂牌|验收");
    /** A figure's qualifier before the next figure of a list: 2个省级、 (3个市级劳动教育基地). */
    static final String LEVEL = "(?:国家|全国|省|自治区|市|地市|州|县|区|校)级";
    static final Pattern QUALIFIER_ITEM = Pattern.compile("\\s*(" + LEVEL + ")\\s*、\\s*");
    /** A qualifier before its figure: 申报国家级1个、省级2个特色项目. */
    static final Pattern QUALIFIER_BEFORE = Pattern.compile("(" + LEVEL + ")$");
    /** The noun after the last figure of such a list. */
    static final Pattern SHARED_NOUN = Pattern.compile("\\s*((?:[\\u4e00-\\u9fa5]|[“”\"]){2,16}?)(?=[，,。；;、]|$)");
    /** The last figure of such a list: its qualifier, then the noun the list shares. */
    static final Pattern QUALIFIED_NOUN = Pattern
            .compile("\\s*(" + LEVEL + ")((?:[\\u4e00-\\u9fa5]|[“”\"]){2,16}?)(?=[，,。；;、]|$)");

    /** A five-year plan by its number: “十四五” is 2021–2025. */
    static final Pattern FIVE_YEAR_PLAN = Pattern.compile("十([一二三四五六七八九])五");

    static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*年");

    private GoalRules() {
    }

    static Direction direction(FigureScanner.Figure f, String before, String after) {
        if (f.zero()) {
            return Direction.DECREASE;
        }
        // 控制在45人（小学）、50人（初中）以内: the bracket names the item, the bound follows it
        String head = BRACKETED_ITEM.matcher(after.stripLeading()).replaceFirst("");
        if (f.unit() != null && (f.unit().equals("%") || f.unit().equals("‰"))) {
            head = RATES_AFTER.matcher(head).replaceFirst("").stripLeading(); // 分别保持在3‰、4‰和5‰以下
        }
        if (head.startsWith("以内") || head.startsWith("之内") || head.startsWith("以下")) {
            return Direction.DECREASE;
        }
        if (head.startsWith("以上") || head.startsWith("及以上")) {
            return Direction.INCREASE;
        }
        if (DECREASE_BEFORE.matcher(before).find()) {
            return Direction.DECREASE;
        }
        if (MAINTAIN_BEFORE.matcher(before).find()) {
            return Direction.MAINTAIN;
        }
        return Direction.INCREASE;
    }

    /**
     * The first five-year plan a sentence names (“十四五”期间规划新建…10所: 2021/2025) that has not ended before the plan
     * year, or null. Read once per sentence: a figure after it is due in its span.
     */
    static FiveYears fiveYearsNamed(String sentence, int year) {
        Matcher m = FIVE_YEAR_PLAN_NAMED.matcher(sentence);
        while (m.find()) {
            int first = 2006 + 5 * (number(m.group(1)).intValue() - 1);
            if (first + 4 >= year && first + 4 <= Period.MAX_YEAR) { // not one past, named to compare (为十二五期间的1.6倍)
                return new FiveYears(m.start(), new Period(first * 12, (first + 4) * 12 + 11).toString());
            }
        }
        return null;
    }

    /** Where a sentence names a five-year plan, and that plan's span: the figures after it are due in it. */
    record FiveYears(int at, String period) {
    }

    private static final Pattern FIVE_YEAR_PLAN_NAMED = Pattern.compile("十([一二三四五六七八九])五[”\"’]?\\s*(?:期间|时期|内|末)");

    /** A verb with 了 (购置了, 新增了): done, not to do — not 为了 (for) or 了解 (learn). */
    static final Pattern DONE = Pattern.compile("(?<![为除罢])了(?!解)");

    /**
     * The plan year, or, in a section of a five-year plan (“十四五”时期任务) that runs on from it, the range from the
     * plan year to the plan's last year.
     */
    static String fiveYearPlan(String category, int year) {
        if (category != null) {
            Matcher m = FIVE_YEAR_PLAN.matcher(category);
            if (m.find()) {
                int last = 2006 + 5 * (number(m.group(1)).intValue() - 1) + 4;
                if (last > year && last <= Period.MAX_YEAR) {
                    return new Period(year * 12, last * 12 + 11).toString();
                }
            }
        }
        return String.valueOf(year);
    }

    /**
     * The plan year, or a range when the clause says 三年内 or 到2028年. In a plan titled with its years (running to
     * {@code planEnd}), a bare later year (2026年新建3所) is that year's share, except where a level is set for the
     * plan's own last year ({@code level}: a rate, an age, not a count), which is the plan's goal
     * (2025年学前教育毛入园率将大于90% in a 十四五 plan: 2021/2025); elsewhere ({@code planEnd} not after {@code year}:
     * 2007年，入园率达到96%) the year a goal is to be reached by.
     */
    static String period(String before, int year, int planEnd, boolean level) {
        boolean yearly = planEnd > year;
        if (NEXT_YEAR.matcher(before).find() && !BY_YEAR.matcher(before).find() && year < Period.MAX_YEAR) {
            before = NEXT_YEAR.matcher(before).replaceFirst((year + 1) + "年"); // 明年新增1770个学位: as 2020年 would say
        }
        if (before.contains("后年") && YEAR_AFTER_NEXT.matcher(before).find() && !BY_YEAR.matcher(before).find()
                && year + 1 < Period.MAX_YEAR) {
            before = YEAR_AFTER_NEXT.matcher(before).replaceFirst((year + 2) + "年"); // 后年新建7所: as 2021年 would say
        }
        Matcher within = YEARS_WITHIN.matcher(before);
        int last = year;
        if (mayHoldYearsWithin(before) && within.find()) {
            String count = within.group(1) != null
                    ? within.group(1)
                    : within.group(3) != null ? within.group(3) : within.group(4);
            long years = number(count) == null ? 1 : number(count).longValue();
            if (within.group(2) != null) {
                years++; // 一年半的时间: the half year ends in the next year
            }
            last = (int) (year + Math.max(1, Math.min(years, 20)) - 1);
        } else {
            Matcher by = BY_YEAR.matcher(before);
            Integer single = null;
            while (by.find()) {
                int y = Integer.parseInt(by.group(1));
                boolean until = !yearly || level && y == planEnd || UNTIL_WORD.matcher(by.group()).lookingAt()
                        || UNTIL_END.matcher(by.group()).find();
                if (y > last && y <= year + 20 && until) {
                    last = y;
                } else if (y > year && y <= year + 20 && !until) {
                    single = y; // 2026年新建3所: in that year, not by it
                }
            }
            if (single != null && last == year && single <= Period.MAX_YEAR) {
                return String.valueOf(single);
            }
        }
        last = Math.min(last, Period.MAX_YEAR);
        return last <= year ? String.valueOf(year) : new Period(year * 12, last * 12 + 11).toString();
    }
}
