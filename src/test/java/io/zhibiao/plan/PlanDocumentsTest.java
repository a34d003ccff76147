package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibiao.common.ApiException;
import io.zhibiao.support.Documents;
import io.zhibiao.support.Documents.Cell;
import io.zhibiao.support.Documents.Table;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One plan as pasted text, a Word file, a web page and a PDF: the same candidates from each; what each reader keeps
 * and drops. The hostile documents are in {@link HostileDocumentsTest}.
 */
class PlanDocumentsTest {

    /** A county plan with a 主要指标表 whose header is two rows of merged cells, and a category merged down. */
    static final List<Object> PLAN = List.of("青禾县教育局2026年工作要点", "一、主要目标", "1.普通高中计划招生2600人，本科上线率达到68%，比2025年增加5个百分点。",
            "2.全年完成教师培训9200人次。", "二、主要指标",
            new Table(List.of(
                    List.of(new Cell("类别", 1, 2), new Cell("指标", 1, 2), new Cell("目标值", 2, 1), new Cell("属性", 1, 2)),
                    List.of(Cell.of("2025年"), Cell.of("2026年")),
                    List.of(new Cell("学前教育", 1, 2), Cell.of("学前三年毛入园率（%）"), Cell.of("90"), Cell.of("92"),
                            Cell.of("约束性")),
                    List.of(Cell.of("普惠性幼儿园覆盖率（%）"), Cell.of("85"), Cell.of("88"), Cell.of("预期性")),
                    List.of(Cell.of("义务教育"), Cell.of("九年义务教育巩固率（%）"), Cell.of("97"), Cell.of("98"), Cell.of("约束性")))),
            "三、安全稳定", "3.学生溺水事故零发生。");

    static final List<String> EXPECTED = List.of("普通高中计划招生 2600 人 INCREASE 2026 - 主要目标",
            "本科上线率 68 % INCREASE 2026 2025:63 主要目标", "教师培训 9200 人次 INCREASE 2026 - 主要目标",
            "学前三年毛入园率 92 % INCREASE 2026 2025:90 学前教育", "普惠性幼儿园覆盖率 88 % INCREASE 2026 2025:85 学前教育",
            "九年义务教育巩固率 98 % INCREASE 2026 2025:97 义务教育", "学生溺水事故 0 null DECREASE 2026 - 安全稳定");

    private static List<String> read(String type, byte[] body) {
        PlanDocuments.Read read = PlanDocuments.text(type, null, body);
        return summaries(new TargetExtractor().extract(read.text(), 2026), read.text());
    }

    /** Each candidate in a line, after checking that its offsets point at its figure in the text. */
    static List<String> summaries(Extraction extraction, String text) {
        List<String> lines = new ArrayList<>();
        for (Candidate c : extraction.candidates()) {
            String figure = text.substring(text.offsetByCodePoints(0, c.start()), text.offsetByCodePoints(0, c.end()));
            assertThat(figure).as("the figure of %s", c.name()).isNotBlank();
            lines.add(String.join(" ", c.name(), c.value().stripTrailingZeros().toPlainString(),
                    String.valueOf(c.unit()), String.valueOf(c.direction()), c.period(),
                    c.baseline() == null ? "-" : c.baseline().period() + ":" + c.baseline().value().toPlainString(),
                    String.valueOf(c.category())));
        }
        return lines;
    }

    @Test
    void pastedTextGivesTheExpectedCandidates() {
        assertThat(read("text/plain", Documents.text(PLAN).getBytes(StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void wordWithMergedHeaderCellsGivesTheSameCandidates() {
        assertThat(read(PlanDocuments.DOCX, Documents.docx(PLAN))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void webPageGivesTheSameCandidates() {
        assertThat(read("text/html", Documents.html(PLAN).getBytes(StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void pdfGivesTheSameCandidates() {
        assertThat(read("application/pdf", Documents.pdf(PLAN))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void wordTableIsReadOnItsGridWithMergedCellsInEveryPlaceTheyCover() {
        String text = PlanDocuments.text(PlanDocuments.DOCX, null, Documents.docx(PLAN)).text();
        assertThat(text).contains("类别\t指标\t目标值\t目标值\t属性\n类别\t指标\t2025年\t2026年\t属性\n")
                .contains("学前教育\t普惠性幼儿园覆盖率（%）\t85\t88\t预期性\n").startsWith("青禾县教育局2026年工作要点\n一、主要目标\n");
    }

    @Test
    void webPageDropsScriptsAndNavigationAndReadsTheDataTableInsideALayoutTable() {
        String page = """
                <html><head><title>青禾县人民政府</title><script>var x = "达到99%";</script></head><body>
                <nav><a href="/">首页</a> <a href="/zwgk">政务公开</a></nav>
                <table><tr><td class="left">栏目导航</td><td>
                  <h2>青禾县教育局2026年工作要点</h2><p>一、学前教育<br>1.新建幼儿园<b>3</b>所。</p>
                  <table><tr><th>指标</th><th>2025年</th><th>2026年</th></tr>
                         <tr><td>学前三年毛入园率（%）</td><td>90</td><td>92</td></tr></table>
                </td></tr></table>
                <footer>版权所有 青禾县人民政府 电话 0000-1234567</footer>
                <style>.x{}</style></body></html>""";
        String text = PlanDocuments.text("text/html", null, page.getBytes(StandardCharsets.UTF_8)).text();
        assertThat(text)
                .isEqualTo("栏目导航\n青禾县教育局2026年工作要点\n一、学前教育\n1.新建幼儿园3所。\n指标\t2025年\t2026年\n" + "学前三年毛入园率（%）\t90\t92\n");
    }

    @Test
    void webPageIsReadInTheCharsetItDeclares() {
        String page = "<html><head><meta charset=\"gbk\"></head><body><p>新建幼儿园3所。</p></body></html>";
        byte[] gbk = page.getBytes(Charset.forName("GBK"));
        assertThat(PlanDocuments.text("text/html", null, gbk).text()).isEqualTo("新建幼儿园3所。\n");
        assertThat(PlanDocuments.text("text/html", "GBK", gbk).text()).isEqualTo("新建幼儿园3所。\n");
    }

    @Test
    void pdfTableThatContinuesOverAPageBreakGivesEveryRowOnce() {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.of("序号"), Cell.of("指标"), Cell.of("2020年"), Cell.of("2025年"), Cell.of("属性")));
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(Cell.of(String.valueOf(i)), Cell.of("第" + ChineseNumerals.write(i) + "项达标率（%）"),
                    Cell.of(String.valueOf(30 + i / 2)), Cell.of(String.valueOf(40 + i / 2)), Cell.of("预期性")));
        }
        List<Object> plan = List.of("青禾县教育事业发展“十四五”规划（2021—2025年）", "一、主要指标", new Table(rows), "二、保障措施", "加强组织领导。");
        byte[] pdf = Documents.pdf(plan);
        assertThat(Documents.pages(pdf)).isGreaterThan(1);
        PlanDocuments.Read read = PlanDocuments.text("application/pdf", null, pdf);
        List<Candidate> candidates = new TargetExtractor().extract(read.text(), 2021).candidates();
        assertThat(candidates).hasSize(60);
        for (int i = 1; i <= 60; i++) {
            Candidate c = candidates.get(i - 1);
            assertThat(c.name()).isEqualTo("第" + ChineseNumerals.write(i) + "项达标率");
            assertThat(c.value()).isEqualByComparingTo(String.valueOf(40 + i / 2));
            assertThat(c.period()).isEqualTo("2021/2025");
        }
    }

    @Test
    void pdfParagraphsWrappedAtTheMarginAreJoinedAndPageNumbersDropped() {
        String longSentence = "全县各级各类学校要持续深化教育教学改革，全面落实立德树人根本任务，推进义务教育优质均衡发展，"
                + "到年底全县义务教育巩固率达到98.6%以上，高中阶段毛入学率达到95%以上，学前三年毛入园率达到92%。";
        String page = "<html><head><style>@page{size:A5;@bottom-center{content:'— ' counter(page) ' —'}} "
                + "body{font-family:'Noto Sans SC';font-size:11pt}</style></head><body><p>" + longSentence
                + "</p></body></html>";
        String text = PlanDocuments.text("application/pdf", null, Documents.pdfFromHtml(page)).text();
        assertThat(text).isEqualTo(longSentence + "\n");
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheOnesRead() {
        assertThatThrownBy(() -> PlanDocuments.text("application/msword", null, new byte[]{1}))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("application/pdf");
    }

    @Test
    void wordNumberingIsWrittenAsTheAuthorSeesIt() {
        assertThat(WordDocuments.Numbers.format(3, "chineseCounting")).isEqualTo("三");
        assertThat(WordDocuments.Numbers.format(12, "chineseCountingThousand")).isEqualTo("十二");
        assertThat(WordDocuments.Numbers.format(2, "decimalEnclosedCircle")).isEqualTo("②");
        assertThat(WordDocuments.Numbers.format(7, "decimal")).isEqualTo("7");
        assertThat(ChineseNumerals.write(105)).isEqualTo("一百零五");
        assertThat(ChineseNumerals.write(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.write(110)).isEqualTo("一百一十");
    }
}
