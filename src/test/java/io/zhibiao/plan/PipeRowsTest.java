package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rows written with | between cells read as tab rows, character for character; a site's navigation stays text. */
class PipeRowsTest {

    @Test
    void pipesBetweenCellsBecomeTabsAndTheBorderSpaces() {
        String text = "| 指标 | 2025年 | 2030年 |\n";
        String rows = PipeRows.asTabs(text);
        assertThat(rows).hasSameSizeAs(text).isEqualTo("  指标 \t 2025年 \t 2030年  \n");
    }

    @Test
    void aRowWithoutBordersNeedsSpacesAroundItsPipes() {
        assertThat(PipeRows.asTabs("类别 | 事项 | 目标任务")).isEqualTo("类别 \t 事项 \t 目标任务");
        String navigation = "首页|新闻中心|教育动态|正文";
        assertThat(PipeRows.asTabs(navigation)).isEqualTo(navigation);
        String onePipe = "发布机构: | 某县教育局";
        assertThat(PipeRows.asTabs(onePipe)).isEqualTo(onePipe);
    }

    @Test
    void aMarkdownRuleRowIsBlankAndFullWidthPipesCount() {
        assertThat(PipeRows.asTabs("|---|:---:|\n").strip()).isEmpty();
        assertThat(PipeRows.asTabs("｜指标｜2030年｜")).isEqualTo(" 指标\t2030年 ");
    }

    @Test
    void aCellWrittenBetweenPipesIsPaddedNotIndented() {
        String text = "| 义务教育巩固率 | 99 |\n学校\t  其中：小学\t98";
        assertThat(PipeRows.padded(text, 0)).isTrue();
        assertThat(PipeRows.padded(text, text.indexOf("99"))).isTrue();
        assertThat(PipeRows.padded(text, text.indexOf("  其中"))).isFalse();
    }

    @Test
    void aTextWithoutPipesIsTheSameString() {
        String text = "新增学位900个。";
        assertThat(PipeRows.asTabs(text)).isSameAs(text);
    }

    @Test
    void aTableCopiedOneCellPerLineBetweenLinesOfPipesBecomesOneRowPerLine() {
        String text = "|\n序号 |\n项目名称 |\n年度投资（万元） |\n|\n1 |\n新建幼儿园 |\n800 |\n说明：另行下达。\n";
        String rows = PipeRows.asTabs(text);
        assertThat(rows).hasSameSizeAs(text);
        assertThat(rows.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                .containsExactly("序号  \t项目名称  \t年度投资（万元）", "1  \t新建幼儿园  \t800", "说明：另行下达。");
    }
}
