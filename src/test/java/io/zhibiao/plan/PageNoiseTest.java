package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a page adds to a plan: furniture lines, inline spans without targets, what reprints weave into words. */
class PageNoiseTest {

    @Test
    void furnitureLinesAreNoiseAndPlanLinesAreNot() {
        assertThat(PageNoise.line("发布时间：2027-02-18 09:30  来源：县教育局办公室  浏览次数：1326")).isTrue();
        // as PlanText reads it: a reprint's annotation (当(dāng)前位置) already blanked inside the word
        assertThat(PageNoise.line("当      前位置：首页 > 教育 > 正文")).isTrue();
        assertThat(PageNoise.line("首页 > 百科 > 儿童教育")).isTrue();
        assertThat(PageNoise.line("更多内容请访问 example.com 查看")).isTrue();
        assertThat(PageNoise.line("一、主要目标............12")).isTrue();
        assertThat(PageNoise.line("教育｜今年全县新增学位3000个")).isTrue();
        assertThat(PageNoise.line("【环球热闻】今年全县计划新建学校3所")).isTrue();
        assertThat(PageNoise.line("本科上线率达到61.2%，完成教师培训5200人次。")).isFalse();
        assertThat(PageNoise.line("学前三年毛入园率提高到93%以上 > 全省平均")).isFalse();
    }

    @Test
    void inlineSpansHoldNoTargetButQuotedTargetsStay() {
        String text = "落实《义务教育法》，推进“5+2”服务，于2027-03-01前完成，电话12345678；安全事故“零发生”，承办“新建幼儿园5所”。";
        assertThat(PageNoise.inline(text)).extracting(span -> text.substring(span[0], span[1]))
                .containsExactly("《义务教育法》", "“5+2”", "2027-03-01", "12345678");
    }

    @Test
    void annotationsAndWovenAdvertisingBecomeBlanksInPlace() {
        char[] chars = "古浪làng县新建园[繁体:園]3所，华藏澳门新葡京寺村".toCharArray();
        PageNoise.blankAnnotations(chars);
        assertThat(new String(chars)).isEqualTo("古浪    县新建园      3所，华藏     寺村");
    }
}
