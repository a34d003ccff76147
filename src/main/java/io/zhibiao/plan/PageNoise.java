package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pages a plan is copied from add to it: page furniture on lines of its own (addresses, share and copyright
 * lines, metadata, breadcrumbs, channel labels), inline spans that never hold a target (titles, slogans, dates, document
 * numbers, placeholders) and what reprints weave into words (traditional forms and pinyin in brackets, bare pinyin,
 * advertising, a forum's anti-copy characters). Pure functions over text; {@link PlanText} masks or blanks what they
 * find.
 */
final class PageNoise {

    private PageNoise() {
    }

    /** A site's breadcrumb: two steps at least, each a few words, between > › or ». */
    static final String BREADCRUMB = "^\\s*[^\\s>›»。，]{1,12}\\s*[>›»]\\s*[^\\s>›»。，]{1,12}\\s*[>›»]";

    private static final List<String> NOISE_WORDS = List.of("http://", "https://", "www.", "小编", "供大家参考", "推荐访问", "试读",
            "转载", "查阅全文", "免费下载", "版权所有", "浏览次数", "阅读次数", "点击数", "索引号", "文件编号", "成文日期", "发布日期", "发布时间", "责任编辑",
            // a breadcrumb: 当前位置:高考升学网 > 中学教育 > 正文
            "当前位置", "您的位置", "您现在的位置");
    /**
     * A page's share and follow bar (分享到：微信 QQ, 扫码关注公众号): furniture on a short line or one that says nothing
     * in sentences — a plan's paragraph may well use them (利用宣传栏、微信平台等多种渠道…。建立家长QQ群…。).
     */
    private static final List<String> SHARE_WORDS = List.of("QQ", "qq", "微信", "公众号", "扫码", "二维码");
    private static final int SHORT_LINE = 20;

    /** The characters {@link #NOISE_WORDS} open with. */
    private static final String NOISE_OPENINGS = NOISE_WORDS.stream().map(w -> w.substring(0, 1)).distinct()
            .collect(java.util.stream.Collectors.joining());
    /** An address, a leader of dots, a row between bars: looked for on a line holding a dot or a bar. */
    private static final Pattern NOISE_MARKS = Pattern.compile("\\.(?:com|cn|net|org)\\b|\\.{6,}|\\|.*\\|");
    private static final Openings NOISE_MARKS_OPEN = Openings.of(".|");
    /**
     * A line opening on a page's metadata, keywords and tags, a news item's original title, a news column's tag
     * opening a headline (【环球热闻】今年西宁市计划…).
     */
    private static final Pattern NOISE_OPENING = Pattern
            .compile("\\s*(?:(?:时间|来源|作者|编辑|日期)\\s*:|(?:关\\s*键\\s*[词字]|标\\s*签|原题为?|原标题)\\s*[:：]" + "|【[^】]{2,8}】)");
    /**
     * A headline after a channel label (教育｜今年全市…): tried on a line holding a bar and no full stop — a line that goes
     * on into the body (聚焦两会|今年将新增…】《报告》提出，…。) is read.
     */
    private static final Pattern CHANNEL_LABEL = Pattern.compile("\\s*[^|｜\\s]{2,8}[|｜]\\S");
    /** A breadcrumb line (首页 > 百科 > 儿童教育), tried only on a line holding one of its marks. */
    private static final Pattern BREADCRUMB_LINE = Pattern.compile(BREADCRUMB);

    /**
     * Whether a line is a page's furniture: an address, a share or copyright line, a page's metadata, a leader of dots.
     * The plain words are looked up as words (a regular expression's alternation tried at every position of every line
     * was the extractor's hottest code), the rest as a pattern.
     */
    static boolean line(String line) {
        // the words as written, without the blanks a reprint's annotations leave inside them (当(dāng)前位置)
        String words = line.indexOf(' ') >= 0 ? line.replace(" ", "") : line;
        for (int i = 0; i < words.length(); i++) {
            if (NOISE_OPENINGS.indexOf(words.charAt(i)) >= 0) { // a word is looked for only where one may begin
                for (String word : NOISE_WORDS) {
                    if (words.startsWith(word, i)) {
                        return true;
                    }
                }
            }
        }
        if (words.length() <= SHORT_LINE || words.indexOf('。') < 0) {
            for (String word : SHARE_WORDS) {
                if (words.contains(word)) {
                    return true;
                }
            }
        }
        return NOISE_MARKS_OPEN.foundIn(NOISE_MARKS, line) || NOISE_OPENING.matcher(line).lookingAt()
                || (line.indexOf('|') >= 0 || line.indexOf('｜') >= 0) && line.indexOf('。') < 0
                        && CHANNEL_LABEL.matcher(line).lookingAt()
                || (line.indexOf('>') >= 0 || line.indexOf('›') >= 0 || line.indexOf('»') >= 0)
                        && BREADCRUMB_LINE.matcher(line).find();
    }

    /** A headline whose opening bracket a reprint lost, closed by 】 and followed by its body on the same line. */
    private static final Pattern HEADLINE_BEFORE_BODY = Pattern.compile("\\s*[^【】\\n。；;]{4,60}?】(?=[^\\n]*。)");

    /**
     * How much of a line is a headline glued before its body (聚焦两会|今年将新增…4.68万个】《报告》提出，…。): the headline
     * restates what the body says, so it is furniture; 0 when the line opens on no such headline.
     */
    static int headlineBeforeBody(String line) {
        if (line.indexOf('】') < 0) {
            return 0;
        }
        Matcher headline = HEADLINE_BEFORE_BODY.matcher(line);
        return headline.lookingAt() ? headline.end() : 0;
    }

    /** Inline spans that never hold a target figure. */
    private static final Pattern INLINE_NOISE = Pattern
            .compile(String.join("|", "[(][^()\\n]{0,40}?(?:来源|出处|材料)[^()\\n]{0,40}?[)]", // (材料来源…) remarks
                    "[(]\\s*共\\s*\\d+\\s*[篇页章]\\s*[)]", // (共7篇): how many texts a page collects
                    "《[^《》\\n]{0,80}》", // law and document titles
                    "“[^“”\\n。]{0,40}”", "\"[^\"\\n。]{0,40}\"", "「[^「」\\n]{0,40}」", // slogans and quoted names
                    "[\\[〔【]\\s*\\d{4}\\s*[\\]〕】]\\s*\\d+\\s*号", // document numbers
                    // 〔2025〕3号
                    "\\d{2,4}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}", // 2025-04-01
                    "\\d{1,2}\\s*:\\s*\\d{2}(?:\\s*:\\s*\\d{2})?", // 10:15:04
                    "\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?", // 2025年4月1日
                    "\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日", "\\d{7,}", // phone, QQ and index numbers
                    "\\*{2,}", // redactions
                    "\\d{4}\\s*-\\s*\\d{4}", // 2021-2025 spans of years
                    "(?<![A-Za-z])[xX]{1,4}(?![A-Za-z])")); // xx placeholders
    /** What each alternative of {@link #INLINE_NOISE} opens on. */
    private static final Openings INLINE_NOISE_OPENS = Openings.of("(《“\"「[〔【*xX", '0', '9');

    /** 安全事故“零发生”: a quoted zero target is the target, not a slogan. */
    private static final Pattern QUOTED_ZERO = Pattern.compile("[“\"「](?:零发生|零事故|零伤亡|零死亡|零案件|清零)[”\"」]");

    /**
     * A task quoted by its name (承办市办实事“开工建设中小学和幼儿园50所”): a count of something to do is the target, not a
     * slogan. A slogan's figures have no measure word (“5+2”, “1530”).
     */
    private static final Pattern QUOTED_TASK = Pattern
            .compile("[“\"][^”\"]*?(?<![\\d.])\\d+(?:\\.\\d+)?\\s*(?:万|亿)?(?:所|个|名|人|项|座|间|处|套|台|册|平方米|%)[^”\"]*[”\"]");

    private static final String PINYIN = "[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]";
    private static final String TONED = "[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]";
    private static final Pattern ANNOTATION = Pattern
            .compile(String.join("|", "[(\\[【{《]\\s*(?:繁体字|繁体|繁|拼音|pinyin|读|讀)\\s*[:：]?[^)\\]】}》\\n]{0,12}[)\\]】}》]",
                    "[(\\[【{]\\s*" + PINYIN + "{0,6}" + TONED + PINYIN + "{0,6}\\s*[)\\]】}]",
                    "(?<=[\\u4e00-\\u9fa5])[a-zü]{0,6}" + TONED + "[a-zü]{0,6}(?=\\s*[\\u4e00-\\u9fa5])",
                    "(?:" + Lexicon.alternation("inserted noise") + ")"));
    /** What each alternative of {@link #ANNOTATION} opens on: a bracket, a letter of pinyin, a word of the noise. */
    private static final Openings ANNOTATION_OPENS = Openings.of("([【{《ü" + TONED.substring(1, TONED.length() - 1)
            + Lexicon.openingClass(Lexicon.alternation("inserted noise")).replaceAll("[\\[\\]]", ""), 'a', 'z');

    /**
     * What sites that republish plans weave into the text — traditional forms and pinyin in brackets (园[繁体:園],
     * 中{拼音:zhōng}, 二(读:èr)), bare pinyin after a character (古浪làng县) and advertising woven into words (the lexicon's inserted noise) — become blanks:
     * not part of any name, and their colons end no clause. Blanks keep the offsets of the original.
     */
    static void blankAnnotations(char[] chars) {
        String text = new String(chars);
        for (int[] span : ANNOTATION_OPENS.find(ANNOTATION, text)) {
            java.util.Arrays.fill(chars, span[0], span[1], ' ');
        }
        for (int[] span : SCATTERED_OPENS.find(SCATTERED, text)) {
            String run = text.substring(span[0], span[1]);
            if (run.chars().filter(c -> !Character.isLetterOrDigit(c) && c != ' ').count() >= 3
                    && run.chars().anyMatch(Character::isLetter)) {
                java.util.Arrays.fill(chars, span[0], span[1], ' ');
            }
        }
    }

    /**
     * A forum's anti-copy characters between a text's lines (* p/ {) b& x! R8 r( k, 7 i8 w: D% N. Q* X7 V): six or more
     * groups of one or two ASCII characters between single spaces; blanked when they mix letters and at least three
     * symbols, so a row of small figures (3 2 1 0 5 4) stays.
     */
    private static final Pattern SCATTERED = Pattern
            .compile("(?<![\\x21-\\x7E])(?:[\\x21-\\x7E]{1,2} ){5,}[\\x21-\\x7E]{1,2}(?![\\x21-\\x7E])");
    private static final Openings SCATTERED_OPENS = Openings.of("", '\u0021', '\u007E');

    /**
     * The spans of a normalised text that never hold a target figure — document titles, slogans, dates, document numbers,
     * phone numbers, redactions, placeholders — but a quoted zero target or a quoted task, which are targets.
     */
    static List<int[]> inline(String text) {
        List<int[]> spans = new ArrayList<>();
        for (int[] span : INLINE_NOISE_OPENS.find(INLINE_NOISE, text)) {
            String noise = text.substring(span[0], span[1]);
            if (!QUOTED_ZERO.matcher(noise).matches() && !QUOTED_TASK.matcher(noise).matches()) {
                spans.add(span);
            }
        }
        return spans;
    }
}
