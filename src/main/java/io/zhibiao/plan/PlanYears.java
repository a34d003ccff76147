package io.zhibiao.plan;

import io.zhibiao.period.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The first stage of reading a plan: the years it is about, from its title and opening lines — the plan year that
 * dates a bare 年底 or 全年, and the last year a titled range or a five-year plan (十四五 → 2021–2025) runs to. Plain
 * Java, no state.
 */
final class PlanYears {

    private PlanYears() {
    }

    /**
     * The last year the plan runs to when it starts in {@code year}: the end of the range its title gives (三年行动计划
     * （2025—2027年）) or of the five-year plan it names; {@code year} itself for a yearly plan, or when {@code year}
     * lies before the titled range.
     */
    static int lastYear(String text, int year) {
        int[] fiveYear = fiveYearPlan(text);
        int titledFirst = titledRange(text, 1).orElse(fiveYear != null ? fiveYear[0] : year);
        return titledFirst <= year
                ? titledRange(text, 2).orElse(fiveYear != null && fiveYear[0] == year ? fiveYear[1] : year)
                : year;
    }

    private static final Pattern TITLED = Pattern
            .compile("((?:19|20)\\d{2})\\s*年度?[^\\d\\n]{0,12}?(?:工作要点|工作计划|工作思路|工作安排|工作任务|重点工作|要点|计划)");
    /** The date a document was issued, as the sites that republish plans label it: 【公布日期】2005.02.01. */
    private static final Pattern ISSUED = Pattern
            .compile("(?:公布|发布|印发|成文|施行)(?:日期|时间)\\s*[】\\]]?\\s*[:：]?\\s*((?:19|20)\\d{2})\\s*[.\\-/年]");
    /**
     * A news item's byline with its full date (2024年05月16日17:48 | 来源：人民网), or a full date with its time of day
     * (2019年01月14日 09:42教育装备网): the day it was published, the year it speaks from — its 去年 and 截至2023年 are
     * results, its 到2020年底 a goal from then.
     */
    private static final Pattern BYLINE_DATED = Pattern
            .compile("((?:19|20)\\d{2})\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日"
                    + "(?:[^\\n]{0,30}?(?:来源|作者|编辑)\\s*[:：]|\\s*\\d{1,2}:\\d{2})"
                    + "|(?:来源|作者|编辑)\\s*[:：][^\\n]{0,30}?((?:19|20)\\d{2})\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日");
    private static final Pattern BREADCRUMB = Pattern.compile(PageNoise.BREADCRUMB);
    /** A news agency's dateline, then the day of the event (北京10月17日电/2015年10月12日，在…): the year it reports from. */
    private static final Pattern DATELINE = Pattern
            .compile("\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:电|讯)\\s*[/／]?\\s*((?:19|20)\\d{2})\\s*年\\s*\\d{1,2}\\s*月");
    /** A line that is nothing but the year a table or a report accounts for: (2020年度). */
    private static final Pattern YEAR_OF_ACCOUNT = Pattern
            .compile("(?m)^[ \\t]*[(（]?[ \\t]*((?:19|20)\\d{2})[ \\t]*年度[ \\t]*[)）]?[ \\t]*$");
    /**
     * A body that states its own year's requirements (2012年全区教育工作的总体要求是：…): the year the document is for,
     * over a title a republishing site gave it (教育局2025年工作安排). Only the forward forms (总体要求是, 总体思路是), not
     * 2020年全县教育工作目标任务全面完成, a review in a plan of the year after.
     */
    private static final Pattern STATED_OWN_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?\\s*[,，]?\\s*"
            + "(?:全县|全区|全市|全省|全州|全旗|全镇|全乡|我县|我区|我市|本县|本区|本市)[^。\\n]{0,10}?(?:工作|教育)[^。\\n]{0,6}?"
            + "(?:总体要求|总体思路|工作思路)\\s*(?:是|为)?\\s*[:：]?");
    /** A body that opens on its own year's work: 2020年，全县教育工作的总体要求是. */
    private static final Pattern OWN_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年度?\\s*[,，]\\s*"
            + "(?:全县|全区|全市|全省|全州|全旗|全镇|全乡|我县|我区|我市|本县|本区|本市)[^。\\n]{0,10}?(?:工作|教育)[^。\\n]{0,6}?"
            + "(?:总体要求|总体思路|工作思路|总体目标|主要目标|目标任务)");
    /**
     * A year's practical projects named as such (选出了2024年顺德十大民生实事项目): the year they are for, read where a
     * news item reports them chosen — a report that would otherwise leave the text undated.
     */
    private static final Pattern PROGRAMME_YEAR = Pattern
            .compile("((?:19|20)\\d{2})\\s*年度?[^\\d\\n，。,;；]{0,8}?" + "(?:民生实事|惠民实事|为民办实事|民心工程|实事项目)");
    /** A byline whose date is written with dashes (2013-08-15 15:59 记者 | 来源：晨报). */
    private static final Pattern BYLINE_DASHED = Pattern
            .compile("((?:19|20)\\d{2})-\\d{1,2}-\\d{1,2}[^\\n]{0,40}?(?:来源|作者|编辑)\\s*[:：]");
    /** A title a template site dates by year and month (第一篇:2014—6汉滨老城办…, dashes normalised to -). */
    private static final Pattern TITLE_YEAR_MONTH = Pattern.compile(
            "(?m)^\\s*(?:第[一二三四五六七八九十\\d]{1,3}篇\\s*[:：]\\s*)?((?:19|20)\\d{2})\\s*-\\s*\\d{1,2}(?=[\\u4e00-\\u9fa5])");
    /** A date written with dots or dashes (2005.02.01), or a document number (杭政函〔2005〕39号). */
    private static final Pattern DATED = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*[.\\-/]\\s*\\d{1,2}\\s*[.\\-/]\\s*\\d{1,2}(?!\\d)|[〔\\[]((?:19|20)\\d{2})[〕\\]]\\s*\\d+\\s*号");

    /**
     * The years a plan's title spans (三年行动计划（2025—2027年）): group 1 the first, group 2 the last; empty when the
     * opening lines give no such range.
     */
    private static OptionalInt titledRange(String text, int group) {
        String head = text.substring(0, Math.min(text.length(), 300));
        int lines = 0;
        for (String line : head.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = TITLED_RANGE.matcher(line);
            if (m.find() && !anotherDocuments(line, m.start())
                    && Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1))
                    && Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) <= 10) {
                return OptionalInt.of(Integer.parseInt(m.group(group)));
            }
            if (++lines == 2) {
                break;
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether the years at {@code at} belong to another document a sentence cites (2020年是收官之年，《…规划纲要(2010-2020
     * 年)》确定的…): inside 《…》 on a line that is a sentence, not the title.
     */
    private static boolean anotherDocuments(String line, int at) {
        int open = line.lastIndexOf('《', at);
        return open >= 0 && line.indexOf('》', open) > at && line.lastIndexOf('》', at) < open
                && (line.indexOf('。') >= 0 || line.indexOf('，') >= 0 || line.indexOf(',') >= 0);
    }

    /** Pinyin a reprint puts after a character (發(fā)展): left out where a phrase is matched whole. */
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]");

    private static final Pattern ADDED = Pattern
            .compile("(?:添加|更新|上传)(?:日期|时间)\\s*[:：]\\s*((?:19|20)\\d{2})\\s*[.\\-/年]");

    private static final Pattern PLANNED = Pattern.compile(Lexicon.alternation("planned"));
    /** A byline naming its source, then the day and time (来源:甘肃日报 | 2023-04-14 09:26:15): when the item was published. */
    private static final Pattern SOURCE_THEN_DATE = Pattern.compile(
            "(?:来源|作者|编辑)\\s*[:：][^\\n]{0,30}?((?:19|20)\\d{2})\\s*[-年]\\s*\\d{1,2}\\s*[-月]\\s*\\d{1,2}\\s*日?\\s+\\d{1,2}:\\d{2}");
    /** A year that opens a span of years (2018年至2022年，每年投入…): a stretch looked back on or ahead to, no plan year. */
    private static final Pattern SPAN_TO = Pattern.compile("\\s*(?:至|到|-)\\s*(?:19|20)\\d{2}\\s*年");
    private static final Pattern FULL_DATE_OR_SINCE = Pattern.compile("\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|以来)");

    /**
     * A site's list of other pages, each title followed by when it was posted (…学校名\n时间:2024-07-12 15:0:04): two or
     * more labelled dates with a time of day.
     */
    private static final Pattern LISTED_DATE = Pattern
            .compile("(?:时间|日期)\\s*[:：]\\s*(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}\\s+\\d{1,2}:\\d{1,2}");
    private static final Pattern LISTED_DATE_AFTER = Pattern.compile("(?:时间|日期)\\s*[:：]\\s*$");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\s+\\d{1,2}:\\d{1,2}");

    private static boolean listsPages(String head) {
        Matcher m = LISTED_DATE.matcher(head);
        return m.find() && m.find();
    }

    /** The first year of a span whose last year follows (2021-2022年计划总投资…). */
    private static final Pattern RANGE_START = Pattern.compile("((?:19|20)\\d{2})\\s*年?\\s*[—–\\-~～至到]+\\s*$");
    /** A year that ends a span (2014年—2016年): it titles nothing. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?:19|20)\\d{2}\\s*年?\\s*[—–\\-~～至到]+\\s*$");
    /** A title that writes its year without 年: 2020幼儿近视防控工作方案. */
    private static final Pattern TITLED_WITHOUT_YEAR_MARK = Pattern.compile(
            "\\s*((?:19|20)\\d{2})(?=[\\u4e00-\\u9fa5])[^\\d\\n，,。]{0,16}?(?:工作要点|工作计划|工作方案|实施方案|方案|规划|计划|要点)");

    /** A title that opens on a year written without 年 before its words: 2020珠海香洲区新增多少所幼儿园. */
    private static final Pattern TITLE_YEAR_FIRST = Pattern.compile("\\s*((?:19|20)\\d{2})(?=[\\u4e00-\\u9fa5])(?!年)");

    private static final Pattern TITLED_RANGE = Pattern
            .compile("((?:19|20)\\d{2})\\s*年?\\s*[—–\\-~～至到]+\\s*((?:19|20)\\d{2})\\s*年");

    /**
     * The years of the five-year plan a text's opening names (“十四五”教育事业发展规划: 2021–2025), as {@code [first, last]};
     * null when it names none. The n-th plan runs from 2006 + 5 × (n − 11).
     */
    static int[] fiveYearPlan(String text) {
        char[] head = String.join("\n", text.strip().lines().filter(l -> !l.isBlank()).limit(2).toList()).toCharArray();
        TraditionalText.simplifyAll(head);
        // a title names the plan; a five-year plan a long first line mentions further on (全面完成…“十一五”规划提出的
        // 目标任务) is the plan this one serves, not this one
        String titles = PINYIN.matcher(new String(head)).replaceAll("").lines().map(PlanYears::titlePart)
                .collect(Collectors.joining("\n"));
        Matcher m = FIVE_YEAR_PLAN.matcher(titles);
        if (!m.find()) {
            return null;
        }
        int n = 10 + "一二三四五六七八九".indexOf(m.group(1)) + 1;
        int first = 2006 + 5 * (n - 11);
        return new int[]{first, first + 4};
    }

    /** How much of an opening line can be a title. */
    private static final int TITLE_LENGTH = 40;

    /** What of an opening line can be a title: up to its first sentence end or numbered heading, 40 characters at most. */
    private static String titlePart(String line) {
        int end = Math.min(line.length(), TITLE_LENGTH);
        for (String stop : new String[]{"。", "一、"}) {
            int at = line.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return line.substring(0, end);
    }

    /**
     * A year's plan that is to complete a five-year plan (全面完成“十一五”规划提出的目标任务): the last year of that plan.
     */
    private static final Pattern COMPLETES_FIVE_YEAR_PLAN = Pattern
            .compile("全面完成[^。；;]{0,20}?十([一二三四五六七八九])五[”\"]?[^。；;]{0,12}?(?:规划|计划)");

    /** The year of a five-year plan a text says this year is: 今年是“十二五”收官之年, 2021年是“十四五”开局之年. */
    private static final Pattern FIVE_YEAR_TURN = Pattern
            .compile("(?:今年|本年)是?[“\"]?十([一二三四五六七八九])五[”\"]?(?:规划)?的?(收官|最后一|决胜|开局|起步|第一)之?年");

    /** A year named as a plan's last or first (2020年是收官之年, 2021年是“十四五”开局之年): the year the text speaks from. */
    private static final Pattern YEAR_TURN = Pattern
            .compile("((?:19|20)\\d{2})\\s*年是[“\"]?(?:十[一二三四五六七八九]五[”\"]?(?:规划)?的?)?(?:收官|开局|决胜|起步)之年");

    private static final Pattern FIVE_YEAR_PLAN = Pattern
            .compile("十([一二三四五六七八九])五[”\"’]?\\s*(?:[\\u4e00-\\u9fa5]{0,12}?(?:规划|行动|计划|方案|指标)|时期|期间)");

    /**
     * The plan year, from the first of: a range of years in the title (its first); the school year a school's plan is
     * for (its first year); the year of "…年工作要点" in the
     * opening lines; the date the document was issued there; a title with its year but no 年; a five-year plan's first
     * year; the date a site added the page; a heading further down that names the year's work (2021年重点工作 under a
     * reprint's preamble); the first year the opening lines mention; their first date or document number.
     */
    static OptionalInt of(String text) {
        OptionalInt ranged = titledRange(text, 1);
        if (ranged.isPresent()) {
            return ranged;
        }
        Matcher reportTitle = REPORT_TITLE.matcher(text.substring(0, Math.min(text.length(), 200)));
        if (reportTitle.find() && !TITLED.matcher(text.substring(0, Math.min(text.length(), 200))).find()) {
            return OptionalInt.of(Integer.parseInt(reportTitle.group(1)) + 1); // 县2023年教育事业发展情况汇报: written after it
        }
        PlanText plan = new PlanText(text);
        PlannedYear planned = new PlannedYear(plan);
        Optional<Period> schoolYear = schoolYear(plan);
        if (schoolYear.isPresent()) {
            return OptionalInt.of(Math.floorDiv(schoolYear.get().startMonth(), 12)); // 2026-2027学年: begun in 2026
        }
        List<String> opening = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (PlanText.Sentence sentence : plan.sentences()) {
            String line = plan.normal(sentence.start(), sentence.end());
            if (opening.size() < 6 && (!plan.masked(sentence.start()) || plan.numbering(sentence.start()))) {
                opening.add(line);
            }
            if (sentence.category() != null && !headings.contains(sentence.category())) {
                headings.add(sentence.category());
            }
        }
        // Page furniture (公布日期, 字号) is masked as noise, yet it dates the document: read the raw opening too.
        // read in simplified characters, without a reprint's annotations inside a word (发(fā)布时间)
        String head = plan.normal(0, Math.min(plan.length(), 2000))
                .replaceAll("(?<=[\\u4e00-\\u9fa5])\\s+(?=[\\u4e00-\\u9fa5])", "");
        // a year the document names as its own (its title's, a table's year of account, its body's opening) dates it
        // before the day it was published: a year's performance goals are often published the year after
        for (Pattern rule : List.of(STATED_OWN_YEAR, TITLED, YEAR_OF_ACCOUNT, OWN_YEAR, ISSUED, BYLINE_DATED, DATELINE,
                PROGRAMME_YEAR)) {
            for (String line : rule == TITLED ? opening : List.of(head)) {
                Matcher m = rule.matcher(line);
                while (m.find()) {
                    // a range's end titles nothing, nor does a deadline (到2030年全县计划投入…)
                    if (rule == PROGRAMME_YEAR
                            && reportedBeforeAPlan(planned, line, m.end(1), Integer.parseInt(m.group(1)))) {
                        continue; // 召开2026年民生实事完成情况发布会，2027年拟新建…: the year reported, then the year planned
                    }
                    if (rule != TITLED || !RANGE_BEFORE.matcher(line.substring(0, m.start(1))).find()
                            && !BY_BEFORE.matcher(line.substring(0, m.start(1))).find()) {
                        return OptionalInt.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
                    }
                }
            }
        }
        Matcher fiveYearTurn = FIVE_YEAR_TURN.matcher(head);
        if (fiveYearTurn.find()) {
            // 今年是“十二五”收官之年: the last year of that plan (2015); 开局之年: its first
            int first = 2006 + 5 * ("一二三四五六七八九".indexOf(fiveYearTurn.group(1)));
            return OptionalInt.of(fiveYearTurn.group(2).matches("收官|最后一|决胜") ? first + 4 : first);
        }
        Matcher yearTurn = YEAR_TURN.matcher(head);
        if (yearTurn.find()) {
            return OptionalInt.of(Integer.parseInt(yearTurn.group(1))); // 2020年是收官之年: a review written in it
        }
        // the title: the first line that is no site's breadcrumb (首页 > 百科 > 儿童教育)
        String firstLine = text.strip().lines().filter(l -> !l.isBlank() && !BREADCRUMB.matcher(l).find()).findFirst()
                .orElse("");
        Matcher bare = TITLED_WITHOUT_YEAR_MARK.matcher(firstLine);
        if (bare.lookingAt()) {
            return OptionalInt.of(Integer.parseInt(bare.group(1))); // 2020幼儿近视防控工作方案
        }
        int[] fiveYear = fiveYearPlan(text);
        if (fiveYear != null) {
            return OptionalInt.of(fiveYear[0]);
        }
        Matcher dashed = BYLINE_DASHED.matcher(head);
        if (dashed.find()) {
            return OptionalInt.of(Integer.parseInt(dashed.group(1))); // 2013-08-15 15:59 记者 来源：晨报
        }
        // a title that opens on its year (2020珠海香洲区新增多少所幼儿园): the year it is about, before a page's update
        Matcher leading = TITLE_YEAR_FIRST.matcher(firstLine);
        if (leading.lookingAt()) {
            return OptionalInt.of(Integer.parseInt(leading.group(1)));
        }
        // the date a site added or updated the page: later than an issue date, so only when none is given
        Matcher added = ADDED.matcher(head);
        if (added.find()) {
            return OptionalInt.of(Integer.parseInt(added.group(1)));
        }
        for (String heading : headings) {
            Matcher m = TITLED.matcher(heading);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        Matcher spanEnding = SPAN_ENDING.matcher(head);
        if (spanEnding.find()) {
            // 预计到2020年，3年内新增学校12所: three years ending in 2020 run from 2018, the year the text speaks from
            Long years = PlanNumbers.number(spanEnding.group(2)) == null
                    ? null
                    : PlanNumbers.number(spanEnding.group(2)).longValue();
            if (years != null && years >= 1 && years <= 10) {
                return OptionalInt.of(Integer.parseInt(spanEnding.group(1)) - years.intValue() + 1);
            }
        }
        OptionalInt fromNextYear = nextYearDated(head);
        if (fromNextYear.isPresent()) {
            return fromNextYear; // 明年新增1770个 / 将于2020年开办，能够新增…1770个: the text speaks from 2019
        }
        Matcher reviewed = REVIEWED_YEAR.matcher(head);
        if (reviewed.find() && LAST_YEAR_REVIEWED.matcher(head).region(reviewed.end(), head.length()).find()) {
            return OptionalInt.of(Integer.parseInt(reviewed.group(1)) + 1); // 2022年是…的一年。…过去一年: a report of 2023
        }
        Integer deadline = null; // 到2020年: the year a goal is due, the plan's year only when nothing else dates it
        Matcher byline = SOURCE_THEN_DATE.matcher(head);
        int published = byline.find() ? Integer.parseInt(byline.group(1)) : 0;
        for (String line : opening) {
            Matcher m = GoalRules.YEAR.matcher(line);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) < published) {
                    continue; // 2022年，全省…共投入0.7亿元 in an item of 2023-04-14: a year it looks back on
                }
                // a meeting's or an issue's full date (2022年12月31日), a start of a span (2021年以来) and a
                // status (截至2023年) date no plan
                if (FULL_DATE_OR_SINCE.matcher(line).region(m.end(), line.length()).lookingAt()
                        || reportedBeforeAPlan(planned, line, m.end(), Integer.parseInt(m.group(1)))
                        || SPAN_TO.matcher(line).region(m.end(), line.length()).lookingAt()
                        || STATUS_BEFORE.matcher(line).region(0, m.start()).find()
                        || COMPARED_BEFORE.matcher(line).region(0, m.start()).find()) {
                    continue;
                }
                Matcher range = RANGE_START.matcher(line).region(0, m.start());
                if (range.find()) {
                    return OptionalInt.of(Integer.parseInt(range.group(1))); // 我市2021-2022年计划…: its first year
                }
                if (DEADLINE_BEFORE.matcher(line).region(0, m.start()).find()
                        || DEADLINE_AFTER.matcher(line).region(m.end(), line.length()).lookingAt()) {
                    deadline = deadline == null ? Integer.valueOf(m.group(1)) : deadline;
                    continue;
                }
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        Matcher completes = COMPLETES_FIVE_YEAR_PLAN.matcher(head);
        if (completes.find()) {
            return OptionalInt.of(2006 + 5 * "一二三四五六七八九".indexOf(completes.group(1)) + 4);
        }
        if (planned.get().isPresent()) {
            return planned.get();
        }
        Matcher titled = TITLE_YEAR_MONTH.matcher(head);
        if (titled.find()) {
            return OptionalInt.of(Integer.parseInt(titled.group(1)));
        }
        Matcher dated = DATED.matcher(head);
        boolean listing = listsPages(head);
        while (dated.find()) {
            if (listing && LISTED_DATE_AFTER.matcher(head).region(0, dated.start()).find()
                    && TIME_OF_DAY.matcher(head).region(dated.end(), head.length()).lookingAt()) {
                continue; // 时间:2024-07-12 15:0:04 beside other pages' titles: when they were posted, not this text
            }
            return OptionalInt.of(Integer.parseInt(dated.group(1) != null ? dated.group(1) : dated.group(2)));
        }
        // a text that speaks of 今年 or 明年 apart from its deadline (今年…15个新建项目，到2020年完成…53所; 明年…到了入学
        // 年龄，…到2025年…) is of a year before it, which it does not name: the year the planner sends
        return deadline == null || head.contains("今年") || head.contains("明年")
                ? OptionalInt.empty()
                : OptionalInt.of(deadline);
    }

    /**
     * A school year a plan is for (2025—2026学年度学校工作计划, 2025-2026学年第一学期工作计划, 2025—2026学年定义为…): two
     * consecutive years before 学年, then a plan word within a few characters. A site may drop the dash (20252026学年度).
     */
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*年?\\s*[-—–~～至到]*\\s*"
            + "((?:19|20)\\d{2})\\s*年?\\s*学年度?\\s*(?:(第一|第二|上|下)学期)?[^\\d\\n。，,；;]{0,12}?"
            + "(?:工作要点|工作计划|工作安排|工作思路|计划|要点|安排|方案|目标|定义为)");

    /**
     * The school year (September to August) or the term (September to January, February to August) a plan's opening
     * names; empty when it names none. A school's plan is written for a school year, not a calendar year: its targets
     * are due at the year's end in August.
     */
    static Optional<Period> schoolYear(PlanText plan) {
        Matcher m = SCHOOL_YEAR.matcher(plan.normal(0, Math.min(plan.length(), 2000)));
        while (m.find()) {
            int first = Integer.parseInt(m.group(1));
            if (Integer.parseInt(m.group(2)) != first + 1 || first + 1 > Period.MAX_YEAR) {
                continue;
            }
            int september = first * 12 + 8;
            String term = m.group(3);
            if (term == null) {
                return Optional.of(new Period(september, september + 11));
            }
            return Optional.of("第一".equals(term) || "上".equals(term)
                    ? new Period(september, september + 4)
                    : new Period(september + 5, september + 11));
        }
        return Optional.empty();
    }

    /** A deadline and the years up to it (到2020年，3年内…): the span's first year is the text's. */
    private static final Pattern SPAN_ENDING = Pattern
            .compile("(?:到|至)\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?\\s*[,，]?\\s*([一二两三四五六七八九十]|\\d{1,2})\\s*年(?:内|之内|时间)");
    /** A figure said for 明年: 盐田明年新增1770个公办幼儿园学位. */
    private static final Pattern NEXT_YEAR_FIGURE = Pattern
            .compile("明年[^。，,\\n\\d]{0,12}?(\\d+(?:\\.\\d+)?)\\s*(万?[个所名人]|%)");

    /**
     * The year before the one a figure said for 明年 is dated by elsewhere in the text (盐田明年新增1770个…学位 / 将于2020年
     * 开办，能够新增优质学位1770个 → 2019); empty when no figure is said both ways.
     */
    private static OptionalInt nextYearDated(String text) {
        Matcher next = NEXT_YEAR_FIGURE.matcher(text);
        while (next.find()) {
            Matcher dated = Pattern.compile("((?:19|20)\\d{2})\\s*年[^。\\n]{0,40}?(?<![\\d.])"
                    + Pattern.quote(next.group(1)) + "\\s*" + Pattern.quote(next.group(2))).matcher(text);
            if (dated.find()) {
                return OptionalInt.of(Integer.parseInt(dated.group(1)) - 1);
            }
        }
        return OptionalInt.empty();
    }

    /** 到2020年, 至2025年, 争取2020年建成: a year a goal is due by. */
    private static final Pattern DEADLINE_BEFORE = Pattern.compile("(?:到|至|争取|力争|确保|计划|预计)\\s*$");
    /** 到2020年: a year a goal is due by, never the plan's year where a sentence says what will be done. */
    /** A day a thing is due by (所有项目在2022年12月底前完成): a deadline, however it opens. */
    private static final Pattern DEADLINE_AFTER = Pattern
            .compile("\\s*(?:\\d{1,2}\\s*月\\s*(?:\\d{1,2}\\s*日\\s*)?)?(?:底|末)?\\s*(?:前|之前)");
    private static final Pattern BY_BEFORE = Pattern.compile("(?:到|至)\\s*$");
    /**
     * A title that names a report of a year (县2023年教育事业发展情况汇报, 2023年工作总结): the text looks back on that year
     * from the next. Not 工作报告: a government's 2025年政府工作报告 is the plan of 2025.
     */
    private static final Pattern REPORT_TITLE = Pattern
            .compile("(?m)^[^\\n]{0,20}?((?:19|20)\\d{2})\\s*年度?[^\\d\\n]{0,12}?(?:情况汇报|工作汇报|工作总结|完成情况)\\s*$");

    /** 比2015年提高, 较2020年: the year a figure is compared with, never the plan's. */
    private static final Pattern COMPARED_BEFORE = Pattern.compile("(?:比|较|同比|相比)\\s*$");
    /**
     * A work report's review of the year before (2022年是…极为重要的一年。…过去一年，…): the report speaks from the year
     * after, its 今年 the next — read only where the text goes on to say 过去一年 of it.
     */
    private static final Pattern REVIEWED_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年是[^。\\n]{0,40}?的一年");
    private static final Pattern LAST_YEAR_REVIEWED = Pattern.compile("过去的?一年");

    /**
     * 2018年“十件实事”完成情况, 2018年教育惠民工程实施情况: a year a text reports done, not the one it plans (not 进展情况:
     * a progress report of a year's goals is still of that year).
     */
    private static final Pattern REPORTED_ON = Pattern.compile("[^。，,；;\\n\\d]{0,14}?(?:完成情况|实施情况|落实情况|执行情况|工作总结)");

    /**
     * Whether the year ending at {@code yearEnd} is one the text reports done (2018年“十件实事”完成情况) and then plans a
     * later year (2019年拟纳入…): the later year is the plan's. A report of a year with no later plan (2024年民生实事完成
     * 情况, its projects listed) is of that year.
     */
    private static boolean reportedBeforeAPlan(PlannedYear planned, String line, int yearEnd, int year) {
        if (!REPORTED_ON.matcher(line).region(yearEnd, line.length()).lookingAt()) {
            return false;
        }
        return planned.get().isPresent() && planned.get().getAsInt() > year;
    }

    /** A text's {@link #plannedYear}, read once when first asked for: it walks every sentence. */
    private static final class PlannedYear {

        private final PlanText plan;
        private OptionalInt year;

        PlannedYear(PlanText plan) {
            this.plan = plan;
        }

        OptionalInt get() {
            if (year == null) {
                year = plannedYear(plan);
            }
            return year;
        }
    }

    /** 截至2023年: how things stood then. */
    private static final Pattern STATUS_BEFORE = Pattern.compile("(?:截至|截止|截止到)\\s*$");

    /**
     * The first year named in a sentence that says what will be done (河北区将…，确保2018年秋季开学前投入使用; 2018年列入
     * 为民办实事项目有…，都将在年内完成), not as a deadline (到2020年，将…) — the year of a news item that dates itself only
     * there, before a site's dates; empty when no such sentence names one.
     */
    private static OptionalInt plannedYear(PlanText plan) {
        // a year the sentence speaks of (2018年列入…) first; then one it sets a task by (确保2018年秋季开学前投入使用),
        // never one a goal is due by (到2020年)
        for (Pattern skipped : List.of(DEADLINE_BEFORE, BY_BEFORE)) {
            for (PlanText.Sentence sentence : plan.sentences()) {
                String line = plan.normal(sentence.start(), sentence.end());
                if (!PLANNED.matcher(line).find()) {
                    continue;
                }
                Matcher m = GoalRules.YEAR.matcher(line);
                while (m.find()) {
                    if (!plan.masked(sentence.start() + m.start())
                            && !FULL_DATE_OR_SINCE.matcher(line).region(m.end(), line.length()).lookingAt()
                            && !REPORTED_ON.matcher(line).region(m.end(), line.length()).lookingAt()
                            && !skipped.matcher(line).region(0, m.start()).find()) {
                        return OptionalInt.of(Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return OptionalInt.empty();
    }
}
