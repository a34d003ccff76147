package io.zhibiao.plan;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import io.zhibiao.period.Period;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the quantitative targets of a work plan (工作要点) by rules, in plain Java: a figure with a unit, in a
 * clause that sets a goal (达到, 不少于, 新增, 控制在 … 以内), named by the words before it (or after it when
 * those are only a verb), with the baseline the same sentence states (比2025年增加5个百分点, 由93.4%提高到).
 * Deterministic: the same text always gives the same candidates.
 */
public final class TargetExtractor {

    private static final String NUMBER = "\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+";

    /** 比2025年增加5个百分点 / 比上年提高3.2个百分点 / 较2024年减少28人. */
    private static final Pattern COMPARED = Pattern.compile(
            "(?:比|较|同比)\\s*(上年|去年|上一年|((?:19|20)\\d{2})\\s*年)?(?:同期|底|末)?(?:相比)?\\s*"
                    + "(增加|提高|提升|上升|增长|扩大|下降|降低|减少|缩小)了?\\s*(" + NUMBER + ")\\s*(个百分点|%|[\\u4e00-\\u9fa5]{1,4})");
    /** 由2025年的93.4%提高到 / 从120人增加到: the figure that follows is the target. */
    private static final Pattern FROM_TO = Pattern.compile(
            "(?:由|从)\\s*(?:((?:19|20)\\d{2})\\s*年(?:底|末)?的?)?\\s*(" + NUMBER + ")\\s*(%|[\\u4e00-\\u9fa5]{1,4}?)?\\s*"
                    + "(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小)?\\s*(?:到|至)");
    private static final Pattern YEARS_WITHIN = Pattern.compile("([两二三四五六七八九十]|\\d{1,2})\\s*年(?:内|之内|时间)");
    private static final Pattern BY_YEAR = Pattern.compile("(?:到|至|于)?\\s*((?:19|20)\\d{2})\\s*年(?:底|末)?(?:前|之前)?");
    private static final Pattern RANGE = Pattern.compile("\\s*(?:-|~|至)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern TIME_CLAUSE = Pattern.compile(
            "(?:力争|争取|确保)?(?:(?:到|至|于)?(?:19|20)\\d{2}年(?:底|末)?(?:前|之前)?|(?:[两二三四五六七八九十]|\\d{1,2})年(?:内|之内))");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})\\s*年");

    /** A school or unit as the subject: 县第一中学和县第二中学 / 康乐一中. */
    private static final String ORG = "[\\u4e00-\\u9fa5A-Za-z0-9]{1,12}?(?:中学|小学|学校|幼儿园|[一二三四五六七八九十]中|[一二三四五六七八九十]小|中心校|完小|学院|职校|职中|进修校|教研室)";
    private static final Pattern SUBJECTS = Pattern.compile(
            "^((?!全|各|每)" + ORG + "(?:[和、及与]" + ORG + ")*)(?=的|完成|实现|力争|确保|争取|达到|招生|招聘|新增|新建|建成|开展|要|计划|全年|年内|今年|初中|高中|小学|本科|中考|高考|分别)");
    /** Before 分别, the words may be nothing but the subjects: 实验小学、城南小学分别新增…. */
    private static final Pattern ONLY_SUBJECTS = Pattern.compile("^((?!全|各|每)" + ORG + "(?:[和、及与]" + ORG + ")*)$");

    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:其中|全年|全县|全区|全市|全镇|全乡|全州|年内|今年|当年|本年度|年度|新学年|力争|确保|努力|争取|进一步|持续|继续|累计"
                    + "|实现|完成|开展|实施|建成|组织|举办|举行|进行|培育|打造|落实|推进|推动|加快|启动|全面|积极|深入|大力|做好|抓好"
                    + "|重点|共|再|在|要|将|使|并|和|及|的|、|\\s|[两二三四五六七八九十\\d]{1,2}年(?:内|之内)|(?:到|至|于)?(?:19|20)\\d{2}年(?:底|末)?(?:前)?"
                    + "|每(?:年|学年|学期|月|周|两周|季度|天))");
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增至|上升到|上升至|保持在|保持|稳定在|维持在|控制在|下降到|下降至"
                    + "|降低到|降低至|降至|减少到|减少至|压减到|不少于|不低于|不超过|不高于|低于|高于|超过|至少|力争|确保|争取|突破|分别为|分别达到"
                    + "|分别是|分别|约|近|超|为|要|实现|持续|动态|基本|逐步|全面|共|累计|总计|的|在|和|、|\\s"
                    + "|每(?:年|学年|学期|月|周|两周|季度|天))$");
    /** A verb whose object comes after the figure (建成两个以上标准化游泳馆): the name is that object. */
    private static final Pattern GENERIC_VERB_AT_END = Pattern.compile(
            "(?:完成|开展|实施|建成|建设|组织|举办|举行|进行|培育|打造|创建|创成|开设|配备|建立|设立|成立|改造|安装|购置|提供|投入|评选"
                    + "|认定|遴选|选派|落实|推出|形成|开发|上)$");
    /** A verb that belongs in the name (新增学位, 招聘教师). */
    private static final Pattern NAMING_VERB_AT_END = Pattern.compile(
            "(?:新增|新建|改扩建|扩建|招聘|招收|招生|引进|培养|培训|资助|发放|增加|减少)$");

    private static final Pattern GOAL_CUE = Pattern.compile(
            "达到|达|提高到|提高至|提升到|提升至|增加到|增至|保持|稳定在|控制在|下降到|下降至|降低到|降至|减少到|不少于|不低于|不超过|不高于"
                    + "|至少|力争|确保|争取|突破|超过|分别|累计|完成|新增|新建|建成|建设|招聘|招生|招收|培训|开展|实施|培育|创建|举办|举行|组织"
                    + "|引进|培养|改造|投入|投资|开设|配备|打造|评选|认定|遴选|资助|扩建|覆盖|建立|选派|发放|提供|增加|减少|进行|安装|购置|计划");
    private static final Pattern AFTER_CUE = Pattern.compile("^\\s*(?:以上|及以上|以内|之内|以下|左右)");
    private static final Pattern NOT_A_GOAL = Pattern.compile("已|基础上|对标|截至|截止|现有|共有|获评|荣获|获得|入选|先后|曾经|参照|相当于");
    private static final Pattern CHINESE_NUMERAL_VERB = Pattern.compile(
            "(?:建成|新建|新增|建设|完成|开展|举办|举行|进行|组织|培育|打造|创建|创成|招聘|引进|培养|评选|认定|开设|增加|实现|达到|设立|成立|建立"
                    + "|改造|实施|召开|培训)(?:至少|不少于|再|新|共|累计)?$");
    private static final Pattern DECREASE_BEFORE = Pattern.compile("控制在|下降到|下降至|降低到|降低至|降至|减少到|减少至|压减到|不超过|不高于|(?<!不)低于");
    private static final Pattern MAINTAIN_BEFORE = Pattern.compile("保持在|保持|稳定在|维持在");
    private static final Pattern ZERO = Pattern.compile("清零|零发生|零事故|零伤亡|零死亡|零案件|为零|降至零|降为零");

    private static final Set<String> IDIOMATIC_ONE = Set.of("批", "支", "轮", "部", "门", "条", "本");

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![A-Za-z])[xX]{1,4}(?![A-Za-z])|\\*{2,}");

    private static final String CLAUSE_ENDS = "，,：:";
    private static final String QUOTES = "“”\"「」《》‘’";

    /** The plan year: the year of "…年工作要点" in the opening lines, else the first year there. */
    public static OptionalInt planYear(String text) {
        PlanText plan = new PlanText(text);
        List<String> opening = new ArrayList<>();
        for (PlanText.Sentence sentence : plan.sentences()) {
            if (!plan.masked(sentence.start()) || plan.numbering(sentence.start())) {
                opening.add(plan.normal(sentence.start(), sentence.end()));
            }
            if (opening.size() == 6) {
                break;
            }
        }
        Pattern titled = Pattern.compile("((?:19|20)\\d{2})\\s*年度?[^\\d\\n]{0,12}?(?:工作要点|工作计划|工作思路|工作安排|工作任务|重点工作|要点|计划)");
        for (String line : opening) {
            Matcher m = titled.matcher(line);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        for (String line : opening) {
            Matcher m = YEAR.matcher(line);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    public Extraction extract(String text, int year) {
        PlanText plan = new PlanText(text);
        List<Candidate> candidates = new ArrayList<>();
        for (PlanText.Sentence sentence : plan.sentences()) {
            new SentenceReader(plan, sentence, year).read(candidates);
        }
        return new Extraction(year, candidates);
    }

    /** A figure written in the text: a number with its unit, or a zero target (清零). */
    private record Figure(int start, int end, int unitEnd, BigDecimal value, String unit, BigDecimal upper,
                          boolean approximate, boolean chinese, boolean zero, int nameEnd) {
        Figure(int start, int end, int unitEnd, BigDecimal value, String unit, BigDecimal upper, boolean approximate,
               boolean chinese) {
            this(start, end, unitEnd, value, unit, upper, approximate, chinese, false, start);
        }
    }

    /** A baseline stated by comparison: the target is {@code delta} above (or below) the figure of a year. */
    private record Comparison(int start, int end, Integer year, BigDecimal delta, String unit, boolean decreasing) {
    }

    /** The reading of one sentence; positions are relative to the sentence start. */
    private static final class SentenceReader {
        private final PlanText plan;
        private final PlanText.Sentence sentence;
        private final int year;
        private final String s;
        private final int offset;
        private final boolean[] consumed;
        private final List<Comparison> comparisons = new ArrayList<>();
        /** Baselines stated by 由…到, keyed by where the target figure starts. */
        private final Map<Integer, PeriodValue> fromTo = new HashMap<>();

        SentenceReader(PlanText plan, PlanText.Sentence sentence, int year) {
            this.plan = plan;
            this.sentence = sentence;
            this.year = year;
            this.offset = sentence.start();
            this.s = plan.normal(sentence.start(), sentence.end());
            this.consumed = new boolean[s.length()];
        }

        private boolean masked(int i) {
            return plan.masked(offset + i) || consumed[i];
        }

        void read(List<Candidate> out) {
            findBaselines();
            List<Figure> figures = findFigures();
            List<Built> built = new ArrayList<>();
            for (int i = 0; i < figures.size(); i++) {
                Built candidate = build(figures, i);
                if (candidate != null) {
                    built.add(candidate);
                }
            }
            attachComparisons(built);
            for (Built b : built) {
                out.add(b.toCandidate());
            }
        }

        // ---- baselines

        private void findBaselines() {
            Matcher m = COMPARED.matcher(s);
            while (m.find()) {
                if (masked(m.start(4))) {
                    continue;
                }
                BigDecimal delta = number(m.group(4));
                String unit = m.group(5).equals("个百分点") || m.group(5).equals("%") ? m.group(5) : Units.unitAt(m.group(5), 0);
                if (delta == null || unit == null) {
                    continue;
                }
                int end = m.start(5) + unit.length();
                Integer from = m.group(1) == null ? Integer.valueOf(year - 1)
                        : m.group(2) != null ? Integer.valueOf(m.group(2)) : Integer.valueOf(year - 1);
                boolean decreasing = "下降降低减少缩小".contains(m.group(3));
                comparisons.add(new Comparison(m.start(), end, from, delta, unit, decreasing));
                consume(m.start(), end);
            }
            Matcher f = FROM_TO.matcher(s);
            while (f.find()) {
                if (masked(f.start(2))) {
                    continue;
                }
                BigDecimal value = number(f.group(2));
                String unit = f.group(3);
                if (value == null || (unit != null && !unit.equals("%") && Units.unitAt(unit, 0) == null)) {
                    continue;
                }
                int from = f.group(1) == null ? year - 1 : Integer.parseInt(f.group(1));
                int target = f.end();
                while (target < s.length() && s.charAt(target) == ' ') {
                    target++;
                }
                fromTo.put(target, new PeriodValue(String.valueOf(from), value));
                consume(f.start(), f.end());
            }
        }

        private void consume(int start, int end) {
            for (int i = start; i < end; i++) {
                consumed[i] = true;
            }
        }

        // ---- figures

        private List<Figure> findFigures() {
            List<Figure> figures = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                Figure figure = masked(i) ? null : figureAt(i);
                if (figure != null) {
                    figures.add(figure);
                    i = figure.unitEnd();
                } else {
                    i = skipToken(i);
                }
            }
            return figures;
        }

        /** Past the number (or character) at i, so that the tail of 2025 is never read as 025. */
        private int skipToken(int i) {
            char c = s.charAt(i);
            int j = i + 1;
            if (isDigit(c)) {
                while (j < s.length() && (isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
            } else if (ChineseNumerals.isNumeral(c)) {
                while (j < s.length() && ChineseNumerals.isNumeral(s.charAt(j))) {
                    j++;
                }
            }
            return j;
        }

        private Figure figureAt(int i) {
            char c = s.charAt(i);
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            if (c == '零') {
                return zeroAt(i);
            }
            if (Units.startsWith(s, i, "百分百")) {
                return new Figure(i, i + 3, i + 3, BigDecimal.valueOf(100), "%", null, false, true);
            }
            if (Units.startsWith(s, i, "百分之")) {
                int j = i + 3;
                int k = j;
                while (k < s.length() && (isDigit(s.charAt(k)) || s.charAt(k) == '.' || ChineseNumerals.isNumeral(s.charAt(k)))) {
                    k++;
                }
                BigDecimal value = k > j ? number(s.substring(j, k)) : null;
                return value == null ? null : new Figure(i, k, k, value, "%", null, false, !isDigit(s.charAt(j)));
            }
            boolean arabic = isDigit(c);
            if (!arabic && "一二两三四五六七八九十".indexOf(c) < 0) {
                return null;
            }
            if (isDigit(before) || before == '.' || before == '+' || isAsciiLetter(before) || before == '第'
                    || ChineseNumerals.isNumeral(before)) {
                return null;
            }
            int j = i;
            if (arabic) {
                while (j < s.length() && isDigit(s.charAt(j))) {
                    j++;
                }
                if (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
                    j++;
                    while (j < s.length() && isDigit(s.charAt(j))) {
                        j++;
                    }
                }
            } else {
                while (j < s.length() && ChineseNumerals.isNumeral(s.charAt(j)) && s.charAt(j) != '零' || j < s.length()
                        && s.charAt(j) == '零' && j > i) {
                    j++;
                }
            }
            int numberEnd = j;
            BigDecimal value = number(s.substring(i, numberEnd));
            if (value == null) {
                return null;
            }
            BigDecimal upper = null;
            int p = numberEnd;
            if (arabic) {
                Matcher range = RANGE.matcher(s).region(p, Math.min(s.length(), p + 16));
                if (range.lookingAt()) {
                    upper = new BigDecimal(range.group(1));
                    p = range.end();
                }
            }
            if (p < s.length() && s.charAt(p) == '+') {
                return null;
            }
            BigDecimal multiplier = BigDecimal.ONE;
            if (arabic && Units.unitAt(s, p) == null && p < s.length() && (s.charAt(p) == '万' || s.charAt(p) == '亿')) {
                multiplier = s.charAt(p) == '万' ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000);
                p++;
            }
            int figureEnd = p;   // the figure as written: 1-2, 2万
            boolean approximate = false;
            if (p < s.length() && (s.charAt(p) == '余' || s.charAt(p) == '多')) {
                approximate = true;
                p++;
            }
            String unit = Units.unitAt(s, p);
            if (unit == null) {
                return null;
            }
            if (upper != null && upper.compareTo(value) < 0) {
                return null;
            }
            value = plain(value.multiply(multiplier));
            upper = upper == null ? null : plain(upper.multiply(multiplier));
            return new Figure(i, figureEnd, p + unit.length(), value, unit, upper, approximate, !arabic);
        }

        private Figure zeroAt(int i) {
            int from = Math.max(0, i - 2);
            Matcher m = ZERO.matcher(s);
            m.region(from, Math.min(s.length(), i + 3));
            while (m.find()) {
                if (m.start() <= i && i < m.end()) {
                    return new Figure(i, i + 1, m.end(), BigDecimal.ZERO, null, null, false, true, true, m.start());
                }
            }
            return null;
        }

        // ---- candidates

        /** A candidate under construction; comparisons are attached once all of the sentence is read. */
        private final class Built {
            Figure figure;
            String name;
            Direction direction;
            String period;
            PeriodValue baseline;
            String orgUnitName;
            double confidence;
            List<String> notes = new ArrayList<>();

            Candidate toCandidate() {
                ValueType type = figure.zero() ? ValueType.INTEGER : Units.type(figure.unit());
                int start = plan.codePointOffset(offset + figure.start());
                int end = plan.codePointOffset(offset + figure.end());
                return new Candidate(name, figure.value(), figure.unit(), type, direction, period, baseline, orgUnitName,
                        sentence.category(), sentenceText(), start, end,
                        BigDecimal.valueOf(Math.max(0.1, Math.min(0.99, confidence))).setScale(2, RoundingMode.HALF_UP),
                        notes.isEmpty() ? null : String.join("; ", notes));
            }
        }

        private Built build(List<Figure> figures, int index) {
            Figure f = figures.get(index);
            int clauseStart = clauseStart(f.start());
            int clauseEnd = clauseEnd(f.unitEnd());
            // Several figures in one clause: each is named by the words since the previous one, unless 分别 pairs them.
            int from = clauseStart;
            Figure previous = index > 0 ? figures.get(index - 1) : null;
            boolean sameClause = previous != null && previous.unitEnd() > clauseStart;
            int respectively = s.indexOf("分别", clauseStart);
            boolean paired = respectively >= 0 && respectively < f.start();
            if (sameClause && !paired) {
                from = previous.unitEnd();
            }
            String pre = s.substring(from, f.start());
            String post = s.substring(f.unitEnd(), clauseEnd);
            String clause = s.substring(clauseStart, clauseEnd);

            if (NOT_A_GOAL.matcher(unconsumed(clauseStart, clauseEnd)).find() || mentionsPastYear(clauseStart, clauseEnd)
                    || PLACEHOLDER.matcher(clause).find()) {
                return null;
            }
            String preTrim = pre.strip();
            if (preTrim.endsWith("的") && !f.zero()) {
                return null;   // 确定的8项任务: a figure described, not set
            }
            boolean afterCue = AFTER_CUE.matcher(post).find();
            if (f.zero()) {
                // 清零, 零发生: always a goal
            } else if (f.chinese()) {
                String lead = preTrim;
                if (f.value().intValue() == 1 && IDIOMATIC_ONE.contains(f.unit())) {
                    return null;   // 一批, 一支, 一轮: "some", "a team", "a new round" — not a count
                }
                // Chinese numerals are everyday words (一个时期, 四项任务): only a goal verb right before, or a goal
                // clause that counts a thing (新建公办幼儿园两所), makes them a target.
                boolean countsAThing = !lead.isEmpty() && isHan(lead.charAt(lead.length() - 1))
                        && GOAL_CUE.matcher(unconsumed(from, f.start())).find()
                        && (post.isBlank() || afterCue);
                if (lead.endsWith("每") || lead.endsWith("的") || lead.endsWith("”") || lead.endsWith("》") || lead.endsWith("\"")
                        || !(CHINESE_NUMERAL_VERB.matcher(lead).find() || countsAThing || afterCue && !lead.isEmpty())) {
                    return null;
                }
            } else if (!GOAL_CUE.matcher(unconsumed(clauseStart, f.start())).find() && !afterCue && !fromTo.containsKey(f.start())) {
                return null;
            }

            Built b = new Built();
            b.figure = f;
            b.confidence = f.zero() ? 0.85 : 0.9;
            if (f.chinese() && !f.zero()) {
                b.confidence -= 0.1;
            }
            b.direction = direction(f, unconsumed(from, f.start()), post);
            b.period = period(timePhraseBefore(clauseStart) + clause.substring(0, f.start() - clauseStart));
            b.baseline = fromTo.get(f.start());
            if (f.upper() != null) {
                b.notes.add("the text gives a range " + f.value().toPlainString() + "-" + f.upper().toPlainString()
                        + "; the lower bound is taken");
                b.confidence -= 0.15;
            }
            if (f.approximate() || preTrim.endsWith("约") || preTrim.endsWith("近")) {
                b.notes.add("the text gives an approximate figure");
                b.confidence -= 0.1;
            }

            // The name: words before the figure, without subjects, verbs and filler.
            int nameFrom = paired ? clauseStart : from;
            int nameTo = paired ? respectively : f.nameEnd();
            String words = nameWords(nameFrom, nameTo);
            List<String> subjects = new ArrayList<>();
            Matcher subject = (paired ? ONLY_SUBJECTS : SUBJECTS).matcher(words);
            if (paired && !subject.find()) {
                subject = SUBJECTS.matcher(words);
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
                words = nameWords(respectively + 2, firstInGroup);
            }
            if (paired) {
                int position = 0;
                for (int k = 0; k < index; k++) {
                    if (figures.get(k).start() > respectively && figures.get(k).unitEnd() <= clauseEnd) {
                        position++;
                    }
                }
                long inGroup = figures.stream().filter(g -> g.start() > respectively && g.unitEnd() <= clauseEnd).count();
                if (subjects.size() == inGroup) {
                    b.orgUnitName = subjects.get(position);
                } else {
                    b.notes.add("one of " + inGroup + " figures given 分别 (respectively); check the name");
                    b.confidence -= 0.2;
                }
            } else if (subjects.size() == 1) {
                b.orgUnitName = subjects.get(0);
            } else if (subjects.size() > 1) {
                b.notes.add("the sentence names " + subjects.size() + " units: " + String.join("、", subjects));
                b.confidence -= 0.2;
            }
            b.name = name(words, objectAfter(post), f.unit() != null && f.unit().endsWith("元"));
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

        /** Words of the name, without numbering, consumed baseline phrases and quotation marks. */
        private String nameWords(int from, int to) {
            StringBuilder words = new StringBuilder();
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (consumed[i] || plan.numbering(offset + i) || QUOTES.indexOf(c) >= 0 || c == '\n' || c == ' ') {
                    continue;
                }
                words.append(c);
            }
            return words.toString();
        }

        private static String objectAfter(String post) {
            String object = post.replaceFirst("^\\s*(?:以上|及以上|以内|之内|以下|左右|的)", "");
            int cut = object.length();
            for (int i = 0; i < object.length(); i++) {
                char c = object.charAt(i);
                if ("、和及与等(（".indexOf(c) >= 0 || isDigit(c)) {
                    cut = i;
                    break;
                }
            }
            object = object.substring(0, cut).strip();
            for (char q : QUOTES.toCharArray()) {
                object = object.replace(String.valueOf(q), "");
            }
            return object.length() > 20 ? object.substring(0, 20) : object;
        }

        private static String name(String words, String object, boolean money) {
            if (!object.isEmpty() && words.endsWith("等")) {
                return object;   // 甲中学、乙中学等8所学校运动场改造项目: the list names examples, the object is the target
            }
            String name = strip(words, money);
            Matcher generic = GENERIC_VERB_AT_END.matcher(name);
            Matcher naming = NAMING_VERB_AT_END.matcher(name);
            if (!object.isEmpty() && generic.find()) {
                name = object;
            } else if (!object.isEmpty() && naming.find()) {
                name = name.substring(0, naming.start()).isEmpty() || name.length() <= 4 ? name + object : name;
            } else if (name.isEmpty()) {
                name = object;
            }
            name = name.replace("、", "").strip();   // 新建、改扩建公办幼儿园 → 新建改扩建公办幼儿园
            return name.isEmpty() ? null : name;
        }

        /** Strips filler and verbs from both ends until nothing more comes off; keeps 完成 of 完成率 and 完成投资. */
        private static String strip(String words, boolean money) {
            String name = words;
            String before;
            do {
                before = name;
                Matcher lead = LEADING_FILLER.matcher(name);
                if (lead.find() && lead.end() > 0) {
                    String rest = name.substring(lead.end());
                    if (!rest.isEmpty() && "率数量度额比".indexOf(rest.charAt(0)) >= 0) {
                        break;
                    }
                    if (money && rest.length() == 2 && isVerb(lead.group())) {
                        break;   // 完成投资2亿元: the money spent is the measure, the verb is half of its name
                    }
                    name = rest;
                }
                Matcher tail = TRAILING_FILLER.matcher(name);
                if (tail.find()) {
                    name = name.substring(0, tail.start());
                }
            } while (!name.equals(before));
            return name;
        }

        private static boolean isVerb(String word) {
            return word.length() == 2 && GENERIC_VERB_AT_END.matcher(word).matches();
        }

        private Direction direction(Figure f, String before, String after) {
            if (f.zero()) {
                return Direction.DECREASE;
            }
            String head = after.stripLeading();
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

        /** The plan year, or a range when the clause says 三年内 or 到2028年. */
        private String period(String before) {
            Matcher within = YEARS_WITHIN.matcher(before);
            int last = year;
            if (within.find()) {
                long years = number(within.group(1)) == null ? 1 : number(within.group(1)).longValue();
                last = (int) (year + Math.max(1, Math.min(years, 20)) - 1);
            } else {
                Matcher by = BY_YEAR.matcher(before);
                while (by.find()) {
                    int y = Integer.parseInt(by.group(1));
                    if (y > last && y <= year + 20) {
                        last = y;
                    }
                }
            }
            last = Math.min(last, Period.MAX_YEAR);
            return last <= year ? String.valueOf(year) : new Period(year * 12, last * 12 + 11).toString();
        }

        /** "到2027年，建成…": a clause of its own that only says when, for the clause after it. */
        private String timePhraseBefore(int clauseStart) {
            if (clauseStart == 0) {
                return "";
            }
            String previous = nameWords(clauseStart(clauseStart - 1), clauseStart - 1);
            return TIME_CLAUSE.matcher(previous).matches() ? previous : "";
        }

        private boolean mentionsPastYear(int from, int to) {
            Matcher m = YEAR.matcher(s);
            m.region(from, to);
            while (m.find()) {
                if (!consumed[m.start()] && !plan.masked(offset + m.start()) && Integer.parseInt(m.group(1)) < year) {
                    return true;
                }
            }
            return false;
        }

        private String unconsumed(int from, int to) {
            StringBuilder text = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (!consumed[i]) {
                    text.append(s.charAt(i));
                }
            }
            return text.toString();
        }

        /** A comparison belongs to the nearest candidate before it in the sentence, else to the next one. */
        private void attachComparisons(List<Built> built) {
            for (Comparison c : comparisons) {
                Built owner = null;
                for (Built b : built) {
                    if (b.figure.start() < c.start()) {
                        owner = b;
                    }
                }
                if (owner == null) {
                    owner = built.stream().filter(b -> b.figure.start() > c.end()).findFirst().orElse(null);
                }
                if (owner == null || owner.baseline != null || owner.figure.zero()) {
                    continue;
                }
                Figure f = owner.figure;
                boolean points = c.unit().equals("个百分点");
                if (points ? !"%".equals(f.unit()) : c.unit().equals("%") || !Units.compatible(c.unit(), f.unit())) {
                    owner.notes.add("the comparison " + s.substring(c.start(), c.end()) + " does not give a baseline in "
                            + f.unit() + "; none was set");
                    owner.confidence -= 0.1;
                    continue;
                }
                if (c.year() >= year) {
                    continue;
                }
                BigDecimal base = c.decreasing() ? f.value().add(c.delta()) : f.value().subtract(c.delta());
                if (base.signum() < 0) {
                    continue;
                }
                owner.baseline = new PeriodValue(String.valueOf(c.year()), plain(base));
            }
        }

        // ---- text helpers

        private int clauseStart(int at) {
            int i = at;
            while (i > 0 && CLAUSE_ENDS.indexOf(s.charAt(i - 1)) < 0) {
                i--;
            }
            return i;
        }

        private int clauseEnd(int at) {
            int i = at;
            while (i < s.length() && CLAUSE_ENDS.indexOf(s.charAt(i)) < 0 && "。；;！？!?".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        /** The sentence as the plan writes it, on one line and without its list number. */
        private String sentenceText() {
            StringBuilder text = new StringBuilder();
            String original = plan.original();
            for (int i = sentence.start(); i < sentence.end(); i++) {
                char c = original.charAt(i);
                if (plan.numbering(i) || c == '\n' || c == '\r') {
                    continue;
                }
                text.append(c);
            }
            return text.toString().strip();
        }
    }

    // ---- numbers

    /** Arabic or Chinese digits as a decimal, or null. */
    static BigDecimal number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (isDigit(text.charAt(0))) {
            try {
                return plain(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long value = ChineseNumerals.parse(text);
        return value < 0 ? null : BigDecimal.valueOf(value);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
