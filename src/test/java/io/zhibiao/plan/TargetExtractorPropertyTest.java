package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever noise surrounds a target sentence — advertising, dates, document numbers,
 * titles, slogans, placeholders, report sections, prose — the extractor finds that one target with
 * the same value, unit, direction and baseline, and nothing else. Seeded, so a failure names the
 * case that reproduces it.
 */
class TargetExtractorPropertyTest {

    private static final int CASES = 400;

    record TargetSentence(String text, String value, String unit, String direction, String baseline) {
    }

    private static final List<TargetSentence> TARGETS = List.of(
            new TargetSentence("本科上线率达到68%，比2026年增加5个百分点。", "68", "%", "INCREASE", "63"),
            new TargetSentence("全年完成教师培训9200人次。", "9200", "人次", "INCREASE", null),
            new TargetSentence("学生近视率控制在52%以内，比2026年下降1.5个百分点。", "52", "%", "DECREASE", "53.5"),
            new TargetSentence("三年内建成两个以上标准化游泳馆。", "2", "个", "INCREASE", null),
            new TargetSentence("学生溺水事故零发生。", "0", null, "DECREASE", null),
            new TargetSentence("毛入园率由2026年的93.4%提高到95%以上。", "95", "%", "INCREASE", "93.4"),
            new TargetSentence("完成投资2.35亿元。", "2.35", "亿元", "INCREASE", null),
            new TargetSentence("新增学位2万个。", "20000", "个", "INCREASE", null),
            new TargetSentence("普通高中招生3100人，比2026年增加28人。", "3100", "人", "INCREASE", "3072"));

    private static final List<String> NOISE = List.of("发布时间：2027-03-01 10:15:04  来源：县教育局  浏览次数：2389",
            "信息索引号 | 001008001/2027-00031 | 文件编号 | 松教发〔2027〕5号 |", "下面是小编为大家整理的2027年工作要点，供大家参考。",
            "材料来自某某写作网 www.example-xiezuo.com，群主QQ微信同号3231169", "查阅全文加微信：3231169",
            "如若转载，请注明出处：https://www.example.com/309466.html", "............试读结束............",
            "深入贯彻《教育强国建设规划纲要（2024-2035年）》，落实“1+3+5”工作体系。", "推进“双减”工作，落实“5+2”课后服务模式。", "新建幼儿园xx所，改造校舍xx平方米。",
            "实施《第三期学前教育行动计划》确定的8项任务。", "坚持以人民为中心发展教育，办好人民满意的教育。", "把立德树人作为一项政治任务，打造一批特色学校，建设一支高素质教师队伍。",
            "一、2026年工作回顾\n全县新增学位1500个，完成教师培训5200人次，本科上线率达到61.2%。\n二、2027年重点工作", "在已建成12所智慧校园的基础上，持续推进数字化转型。",
            "2025年全县本科上线率达到61%。", "推荐访问：工作要点 教育局工作要点 2027年工作要点");

    @Test
    void noiseAroundATargetSentenceNeverChangesWhatIsFound() {
        for (int seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            TargetSentence target = TARGETS.get(random.nextInt(TARGETS.size()));
            StringBuilder text = new StringBuilder("松岭县教育局2027年工作要点\n");
            List<String> before = noise(random);
            List<String> after = noise(random);
            before.forEach(line -> text.append(line).append('\n'));
            text.append(random.nextBoolean() ? "3." : "").append(maybeFullWidth(random, target.text())).append('\n');
            after.forEach(line -> text.append(line).append('\n'));

            List<Candidate> found = new TargetExtractor().extract(text.toString(), 2027).candidates();

            String why = "case " + seed + ":\n" + text;
            assertThat(found).as(why).hasSize(1);
            Candidate c = found.get(0);
            assertThat(c.value()).as(why).isEqualByComparingTo(target.value());
            assertThat(c.unit()).as(why).isEqualTo(target.unit());
            assertThat(c.direction().name()).as(why).isEqualTo(target.direction());
            if (target.baseline() == null) {
                assertThat(c.baseline()).as(why).isNull();
            } else {
                assertThat(c.baseline().value()).as(why).isEqualByComparingTo(target.baseline());
            }
        }
    }

    private static List<String> noise(Random random) {
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            lines.add(maybeFullWidth(random, NOISE.get(random.nextInt(NOISE.size()))));
        }
        return lines;
    }

    /** Plans pasted from Word often carry full-width digits and percent signs. */
    private static String maybeFullWidth(Random random, String text) {
        if (random.nextInt(4) != 0) {
            return text;
        }
        StringBuilder wide = new StringBuilder();
        for (char c : text.toCharArray()) {
            wide.append(c >= '0' && c <= '9' || c == '%' || c == '.' ? (char) (c + 0xFEE0) : c);
        }
        return wide.toString();
    }

    /**
     * Texts of 100 KB built to make every figure's work grow with the text — no stops, thousands of equal figures in one
     * sentence, a zero verb repeated without an object, a row of tabs — are read in bounded time (each took from 10 s
     * to minutes before clauses, look-backs and the merging of repeats were bounded), and a long sentence is quoted
     * only around its figure.
     */
    @Test
    void hostileTextsAreReadInBoundedTime() {
        List<String> texts = List.of("2026年工作要点\n" + "不发生的".repeat(25_000),
                "2026年工作要点\n" + "\t".repeat(100_000) + "新建3所",
                "2026年工作要点\n" + "、".repeat(50_000) + "新建3所、" + "教师5名、".repeat(5_000),
                "2026年工作要点\n" + "对全县".repeat(30_000) + "1200名教师进行轮训", "2026年工作要点\n" + "其中".repeat(40_000) + "新建学校3所",
                "2026年工作要点\n" + "1,".repeat(50_000) + "000所",
                // a breakdown table of 12,000 rows, a plan typed with ASCII stops, a figure after thousands of others
                "2026年工作要点\n乡镇\t新增学位（个）\t新建幼儿园（所）\n" + "甲镇\t12\t1\n".repeat(12_000),
                "2026年工作要点\n" + "合格率达到1%.".repeat(12_000), "2026年工作要点\n" + "一级".repeat(40_000) + "幼儿园达到12所",
                // rows of pipes only (blank once read as cells: 20 s while a status pattern backtracked over the
                // blanks), then 50,000 one-cell lines joined into one row
                "2026年工作要点\n" + ("|".repeat(2_000) + "\n").repeat(200) + "a |\n".repeat(50_000),
                // thousands of sentences going on alongside a span, each looking back to the target before it, and
                // figures said for 明年 that the text never dates
                "2026年工作要点\n从今年到2028年，将修建8个幼儿园。" + "同时，还将招聘260名教职工。".repeat(20_000),
                "2026年工作要点\n" + "明年新增900个学位，".repeat(20_000),
                // thousands of brackets restating the figure before them, a headline's figure stated thousands of times,
                // a sentence of examples, and statements joined by semicolons after a past date
                "2026年工作要点\n" + "新建学校4所（其中城区4所），".repeat(10_000),
                "松岭今秋开学将新增6000个学位\n来源:日报 2026年04月21日\n" + "新增6000个学位，".repeat(10_000),
                "2026年工作要点\n如甲县新建3所，" + "乙县新建4所，".repeat(20_000), "2026年工作要点\n截止2025年底，" + "全县学校达98所；".repeat(20_000),
                // thousands of parts a semicolon joins to a statement opening on a deadline or a five-year plan, a
                // paragraph opening on a status date, and a sentence of figures measured against long ago
                "2026年工作要点\n到2030年，全县新建学校5所；" + "覆盖率达90%以上；".repeat(20_000),
                "2026年工作要点\n“十五五”时期，要“" + "毛入园率提高到95%以上；".repeat(20_000) + "”",
                "2026年工作要点\n截至2025年，全县在园幼儿1万人。" + "为实现2026年入园率达95%的目标，".repeat(10_000),
                "2026年工作要点\n" + "入学率达到99%、".repeat(5_000) + "巩固率达到96%，比2015年提高2个百分点。",
                // a clause saying what something is, of thousands of figures; a reported sentence's thousands of parts
                "2026年工作要点\n建设教育强县，是" + "新建学校3所、".repeat(5_000) + "的重大举措。",
                "2026年工作要点\n据统计，全市新增幼儿园14所；" + "其中新增公办园9所；".repeat(20_000),
                // thousands of tallies in one block, of detail leads after a tally, of lines ending on a planned verb
                "2026年工作要点\n" + "新建有1所\n".repeat(20_000) + "全年计划新增学位30个",
                "2026年工作要点\n新建有3所\n\n" + "具体情况\n新增学位5个\n".repeat(10_000),
                "2026年工作要点\n" + "全年计划新增\n".repeat(20_000) + "学位30个",
                // a sentence of thousands of figures each followed by what was done, a quotation never closed over
                // thousands of clauses, thousands of growths compared with last year, of headlines glued before a body,
                // of figure pairs sharing one unit
                "2026年工作要点\n" + "入学率达到95%，提高了2个百分点，".repeat(10_000) + "。",
                "2026年工作要点\n2025年规划“" + "新建学校3所，".repeat(20_000) + "。", "2026年工作要点\n" + "招生数较去年增加5%；".repeat(20_000),
                "2026年工作要点\n" + "快讯|新增学位3个】《报告》提出，新建学校3所。\n".repeat(10_000),
                "2026年工作要点\n分别新增学位" + "3和".repeat(20_000) + "4个。");
        for (String text : texts) {
            List<Candidate> found = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new TargetExtractor().extract(text, 2026).candidates());
            assertThat(found).allSatisfy(c -> assertThat(c.sentence().length()).isLessThan(500));
        }
    }
}
