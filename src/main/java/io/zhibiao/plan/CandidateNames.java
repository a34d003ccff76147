package io.zhibiao.plan;

import static io.zhibiao.plan.PlanNumbers.isDigit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a candidate from the words before its figure (or the object after it, when those words are
 * only a verb), without subjects, filler and verbs; finds the schools a sentence names as its
 * subjects.
 */
final class CandidateNames {

    /** A place a plan breaks a figure down by: 凉州区, 古浪县, 县(市). */
    static final Pattern PLACE = Pattern
            .compile("[\\u4e00-\\u9fa5]{1,10}(?:区|县|市|镇|乡|街道|旗)(?:[(（][\\u4e00-\\u9fa5]{1,4}[)）])?");

    /** The Han characters and brackets of a text: copies from the web carry pinyin and stray Latin letters in names. */
    static String hanOnly(String text) {
        StringBuilder han = new StringBuilder();
        text.codePoints().filter(c -> c >= 0x4e00 && c <= 0x9fa5 || "()（）、".indexOf(c) >= 0)
                .forEach(han::appendCodePoint);
        return han.toString();
    }

    /** A school or unit as the subject: 县第一中学和县第二中学 / 康乐一中. */
    static final String ORG = "[\\u4e00-\\u9fa5A-Za-z0-9]{1,12}?(?:中学|小学|学校|幼儿园|[一二三四五六七八九十][中小高初]|中心校|完小|学院|职校|职中|进修校|教研室)";

    /** One school, named as a part of a figure: 其中县一中900人. */
    static final Pattern ONE_SCHOOL = Pattern.compile(ORG);

    /** What opens a group of schools, not one school: 农村学校, 民办学校, 其中城区学校. */
    private static final String NOT_ONE_SCHOOL = "(?!全|各|每|其中|农村|乡村|城区|城镇|城市|民办|公办|薄弱|寄宿制|义务教育|中小"
            // a grade or a label: 市级以上一级幼儿园, 示范幼儿园
            + "|(?:国家|省|市|县|区)级|[一二三]级|示范|优质|标准化|特色|中等职业|职业|普通)";

    private static final Pattern GROUP_OF_SCHOOLS = Pattern.compile("^(?!" + NOT_ONE_SCHOOL + ").*");

    /** 农村学校, 民办学校: a group of schools, not one that could be an org unit. */
    static boolean groupOfSchools(String name) {
        return GROUP_OF_SCHOOLS.matcher(name).matches();
    }

    static final Pattern SUBJECTS = Pattern.compile("^(" + NOT_ONE_SCHOOL + ORG + "(?:[和、及与]" + ORG
            + ")*)(?=的|完成|实现|力争|确保|争取|达到|招生|招聘|新增|新建|建成|开展|要|计划|全年|年内|今年|初中|高中|小学|本科|中考|高考|分别)");

    /** Before 分别, the words may be nothing but the subjects: 实验小学、城南小学分别新增…. */
    static final Pattern ONLY_SUBJECTS = Pattern.compile("^(" + NOT_ONE_SCHOOL + ORG + "(?:[和、及与]" + ORG + ")*)$");

    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:建成|完工|竣工|投用|投入使用|完成)后|[(（]|[>›»]+|其中|全年|全县|全区|全市|全镇|全乡|全州|年内|年底前|年底|年末|今年底前|今年底|今年内|今年|当年|本年度|年度|新学年|力争|确保|努力|争取|进一步|持续|继续|累计|发展"
                    + "|实现|完成|开展|实施|建成|组织|举办|举行|进行|培育|打造|落实|推进|推动|加快|启动|全面|积极|深入|大力|做好|抓好|安排|派出|输送" + "|创建|创立"
                    + "|重点|共|再|在|要|将|拟|使|并|和|及|以及|除了|能够|的|、|\\s|保障|保证|开发|编写|谋划|[两二三四五六七八九十\\d]{1,2}年(?:内|之内)?(?![级制]|义务|一贯)|(?:未来|今后)[两二三四五六七八九十\\d]{1,2}年|(?:到|至|于)?(?:(?:19|20)\\d{2}\\s*[-—–~～至到]\\s*)?(?:19|20)\\d{2}年(?:底|末)?(?:前)?"
                    + "|每(?:年|学年|学期|月|周|两周|季度|天)"
                    // whom it is done for: 为农村学校更新计算机1500台
                    + "|(?:为|给|向)(?:全县|全区|全市)?[\\u4e00-\\u9fa5]{0,6}?(?:学校|中小学|幼儿园|园所|师生|学生|教师)"
                    // a bound left from the figure before (2名以上学生…), what frames the statement (包括, 为实现, 任务目标是),
                    // a five-year plan's span, a forecast
                    + "|以上|以下|包括|其中包括|为实现|任务目标是|目标任务是|目标是|预计(?:建成后)?可?|预期|可"
                    + "|十[一二三四五六七八九]五(?:期间|时期|末)?|计划(?=新建|新增|新改扩建|改扩建|扩建|建设|实施)"
                    // the place that states it (我市, 济宁市): the figure is the place's own
                    + "|(?:我|本)(?:国|市|县|区|州|省)|(?:全国|全省)(?:范围内)?"
                    // (not a verb before a level: 创建省级优秀示范高中, 创建省示范高中)
                    + "|(?!(?:创建|创办|争创|建设|建成|新建|申报|评为|获评)(?:市|县|州|省))[\\u4e00-\\u9fa5]{2,3}(?:市|县|州|省)(?!级)(?=[\\u4e00-\\u9fa5]{4})"
                    // a season a news item dates by (今秋开学将新增…), and the place before it (武汉今秋…)
                    + "|今秋(?:开学)?|今春(?:开学)?|(?:今年)?秋季开学|[\\u4e00-\\u9fa5]{2,3}(?=(?:今秋|今春)[\\u4e00-\\u9fa5])"
                    // a place before its 全市 (厦门全市将新增28所公办幼儿园)
                    + "|[\\u4e00-\\u9fa5]{2,3}(?=全(?:省|市|县|区|州)[\\u4e00-\\u9fa5])" + ")");

    /**
     * A practical-projects list's framing (…承担市委、市政府为民办实事新改扩建公办幼儿园), tried after
     * {@link #LEADING_FILLER} and only on words holding 实事: the lazy reach over thirty characters is the costliest
     * thing a name's start is tried for.
     */
    private static final Pattern PRACTICAL_PROJECTS_FRAME = Pattern
            .compile("^[\\u4e00-\\u9fa5]{0,30}?(?:为民办实事|民生实事|实事项目)(?=[\\u4e00-\\u9fa5]{4})");

    /** A list's ordinal as a sentence's subject (第一项是扩充…学位8万个, 第二件是…), tried last. */
    private static final Pattern ORDINAL_SUBJECT = Pattern.compile("^第[一二三四五六七八九十\\d]{1,3}(?:项|件|个|条)(?:是|为)");
    private static final Pattern TRAILING_FILLER = Pattern
            // every word opens on one of these: a name's last characters are tried only where one stands
            .compile("(?=" + Lexicon.openingClass(Lexicon.alternation("filler after a name")) + "|[\\s均每12])(?:"
                    + Lexicon.alternation("filler after a name")
                    // blanks; 均 but not 人均 (合格率均不低于); 每年, 每两周
                    + "|\\s|(?<![人生户])均|每(?:年|学年|学期|月|周|两周|季度|天)"
                    // the time a measure is due by, written between it and its verb (占比2019年底达到30%)
                    + "|(?:19|20)\\d{2}年(?:底|末)?(?:前)?)$");

    /** Longer than any word of {@link #TRAILING_FILLER} (分别达到, 每两周). */
    private static final int LONGEST_TRAILING_FILLER = 8;

    /**
     * A verb whose object comes after the figure (建成两个以上标准化游泳馆): the name is that object. Read after
     * {@link #NAMING_VERB_AT_END}, so that 新建成 stays in the name.
     */
    private static final Pattern GENERIC_VERB_AT_END = Pattern
            .compile("(?:" + Lexicon.alternation("verb naming its object") + ")$");

    /** A verb that belongs in the name (新增学位, 招聘教师). */
    private static final Pattern NAMING_VERB_AT_END = Pattern
            .compile("(?:" + Lexicon.alternation("verb in the name") + ")$");

    static final String QUOTES = "“”\"「」《》‘’";

    private CandidateNames() {
    }

    /** What frames a figure rather than what it measures: …达到55%的任务. */
    private static final Pattern FRAME = Pattern.compile("(?:目标)?任务|目标|要求|工作目标|目标要求");

    /** Blanks between two Han characters: where a reprint's annotation stood inside a word. */
    private static final Pattern BLANK_IN_A_WORD = Pattern.compile("(?<=[\\u4e00-\\u9fa5]) +(?=[\\u4e00-\\u9fa5])");

    /** A bound or 的 left at the start of the words after a figure (以上, 以内, 的). */
    private static final Pattern BOUND_OR_OF = Pattern.compile("^\\s*(?:(?:以上|及以上|以内|之内|以下|左右)的?|的)"); // 100所以上的“老破旧”学校

    static String objectAfter(String post) {
        String object = BLANK_IN_A_WORD.matcher(post).replaceAll("") // 民生实(shí)事: the annotation's blanks
        ;
        object = BOUND_OR_OF.matcher(object).replaceFirst("");
        int cut = object.length();
        for (int i = 0; i < object.length(); i++) {
            char c = object.charAt(i);
            boolean inAWord = i > 0 && (c == '与' && object.charAt(i - 1) == '参'
                    || c == '及' && "普涉以".indexOf(object.charAt(i - 1)) >= 0);
            boolean joins = (c == '纳' || c == '列') && i + 1 < object.length() && object.charAt(i + 1) == '入';
            if (("、和及与等(（".indexOf(c) >= 0 || isDigit(c) || joins) && !inAWord) { // 参与, 普及: words, no conjunction
                cut = i;
                break;
            }
        }
        object = object.substring(0, cut).strip();
        for (char q : QUOTES.toCharArray()) {
            object = object.replace(String.valueOf(q), "");
        }
        object = BLANK_IN_A_WORD.matcher(object).replaceAll(""); // 事業(yè)“一事一議”: blanks before a quote
        if (FRAME.matcher(object).matches()) {
            return ""; // …2028年底达到55%的任务: the task the figure belongs to names nothing it measures
        }
        return object.length() > 20 ? object.substring(0, 20) : object;
    }

    /**
     * A verb that names what a list of schools builds (续建城东小学、二中2个项目, 新建甲园等2所幼儿园, 启动甲高中、乙小学2个项目
     * 建设); 推进, 建设 and 建成 do not
     * (建设甲中学等8所学校 is 学校, as 建设8所学校 is).
     */
    private static final Pattern BUILDING_VERB = Pattern
            .compile("^(?:全年|年内)?(?:((?:新开工|开工)建设|新建|续建|改扩建|扩建|启动)|(?:加快)?推进)");
    private static final Pattern LISTED_UNITS = Pattern.compile("^" + ORG + "(?:[和、及与]" + ORG + ")+$");

    private static final Pattern EXAMPLES_THEN_NOUN = Pattern.compile("^[^、]+(?:、[^、]+)+等([\\u4e00-\\u9fa5]{1,8})$");

    /**
     * The levels of a performance-goal table (绩效目标表: 产出指标 › 数量指标 › the indicator) that a flattened copy
     * runs into the indicator's name, and a row without a figure before it: the name starts after the last level.
     */
    private static final Pattern TABLE_LEVELS = Pattern
            .compile("^.*(?:[一二三]级指标|(?:产出|效益|满意度|数量|质量|时效|成本|可持续影响)指标)(?=[\\u4e00-\\u9fa5]{2})");

    /**
     * A whole and the bracket that opens a place's share of it (10所(其中浏阳, (略)个(其中浏阳), group 1 the place: the
     * share is named by the whole's name.
     */
    static final Pattern SHARE_OPENING = Pattern.compile(
            "(?:(?:\\d+(?:\\.\\d+)?|[(（]略[)）])\\s*[\\u4e00-\\u9fa5])?\\s*[(（]\\s*其中\\s*([\\u4e00-\\u9fa5]{2,4})$");

    static String name(String words, String object, boolean money) {
        if (words.contains("指标")) { // every level's word ends in it
            words = TABLE_LEVELS.matcher(words).replaceFirst("");
        }
        Matcher building = BUILDING_VERB.matcher(words);
        boolean built = building.find();
        String verb = built && building.group(1) != null ? building.group(1) : ""; // 推进 names nothing
        String listed = words.substring(built ? building.end() : 0);
        if (!object.isEmpty() && (words.endsWith("等")
                || listed.length() <= 40 && listed.contains("、") && LISTED_UNITS.matcher(listed).matches())) {
            // 甲中学、乙中学等8所学校运动场改造项目, 续建甲小学、乙中学2个项目: the list names examples, the object is the
            // target, built as the verb says
            return verb + object;
        }
        Matcher examples = EXAMPLES_THEN_NOUN.matcher(listed);
        if (object.isEmpty() && examples.matches()) {
            return verb + examples.group(1); // 新建甲小学、乙中学等学校五所: the examples name no target, the noun does
        }
        String name = strip(words, money);
        Matcher generic = GENERIC_VERB_AT_END.matcher(name);
        Matcher naming = NAMING_VERB_AT_END.matcher(name);
        if (!object.isEmpty() && naming.find()) {
            name = name.substring(0, naming.start()).isEmpty() || name.length() <= 4 ? name + object : name;
        } else if (!object.isEmpty() && generic.find()) {
            name = object;
        } else if (name.isEmpty()) {
            name = object;
        }
        name = name.replace("、", "").strip(); // 新建、改扩建公办幼儿园 → 新建改扩建公办幼儿园
        return hanOnly(name).isEmpty() ? null : name; // 达到1520人. : a stop is no name
    }

    /**
     * Strips filler and verbs from both ends until nothing more comes off; keeps 完成 of 完成率 and
     * 完成投资.
     */
    private static String strip(String words, boolean money) {
        String name = words;
        String before;
        do {
            before = name;
            Matcher lead = LEADING_FILLER.matcher(name);
            boolean found = lead.lookingAt();
            if (!found && name.contains("实事")) {
                lead = PRACTICAL_PROJECTS_FRAME.matcher(name);
                found = lead.lookingAt();
            }
            if (!found && name.startsWith("第")) {
                lead = ORDINAL_SUBJECT.matcher(name);
                found = lead.lookingAt();
            }
            if (found && lead.end() > 0) {
                String rest = name.substring(lead.end());
                if (!rest.isEmpty() && "率数量度额比".indexOf(rest.charAt(0)) >= 0) {
                    break;
                }
                if (money && rest.length() == 2 && isVerb(lead.group())) {
                    break; // 完成投资2亿元: the money spent is the measure, the verb is half of its name
                }
                name = rest;
            }
            // Filler ends the name: only its last characters can match, and trying the alternation at every
            // position of a long name was the extractor's hottest code.
            Matcher tail = TRAILING_FILLER.matcher(name).useTransparentBounds(true)
                    .region(Math.max(0, name.length() - LONGEST_TRAILING_FILLER), name.length());
            if (tail.find()) {
                name = name.substring(0, tail.start());
            }
        } while (!name.equals(before));
        return name;
    }

    /** A name that is nothing but a verb (新建, 完成): the words say what is done, not to what. */
    static boolean onlyAVerb(String name) {
        return GENERIC_VERB_AT_END.matcher(name).matches() || NAMING_VERB_AT_END.matcher(name).matches();
    }

    private static boolean isVerb(String word) {
        return word.length() == 2 && GENERIC_VERB_AT_END.matcher(word).matches();
    }
}
