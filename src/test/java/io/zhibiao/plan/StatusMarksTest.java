package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a text states progress or results, character by character, as {@link PlanText#status} reports it. */
class StatusMarksTest {

    @Test
    void aSentenceThatOpensOnHowThingsStandReportsToTheEndOfItsParagraph() {
        String text = "截至6月，全县新建学校4所。开工率80%。\n今年新建学校6所。";
        PlanText plan = new PlanText(text);
        assertThat(status(plan, text, "4所")).isTrue();
        assertThat(status(plan, text, "80%")).isTrue();
        assertThat(status(plan, text, "6所")).isFalse();
    }

    @Test
    void aClauseWithYiReportsToTheEndOfItsSentenceOnly() {
        String text = "全年新建学校6所，上半年已完成投资2000万元，占40%。新增学位900个。";
        PlanText plan = new PlanText(text);
        assertThat(status(plan, text, "6所")).isFalse();
        assertThat(status(plan, text, "2000万元")).isTrue();
        assertThat(status(plan, text, "40%")).isTrue();
        assertThat(status(plan, text, "900个")).isFalse();
    }

    @Test
    void whatANewsItemReportsOrMonitoringShowedIsAFactUnlessItSaysWhatIsPlanned() {
        String text = "据了解，全县现有幼儿园40所。据了解，今年计划新建幼儿园3所。从数据看，2026年监测显示，近视率为52%。";
        PlanText plan = new PlanText(text);
        assertThat(status(plan, text, "40所")).isTrue();
        assertThat(status(plan, text, "3所")).isFalse();
        assertThat(status(plan, text, "52%")).isTrue();
    }

    @Test
    void worksDescribedThenReportedDoneByTheNextSentenceAreDone() {
        String text = "实施校舍改造工程12个，总投资3000万元。截至目前，整体工程已基本完成。";
        PlanText plan = new PlanText(text);
        assertThat(status(plan, text, "12个")).isTrue();
        String planned = "今年计划实施校舍改造工程12个。截至目前，整体工程已完成过半。";
        assertThat(status(new PlanText(planned), planned, "12个")).isFalse();
    }

    @Test
    void aListAfterALeadIntoWhatWasDoneReportsWhatWasDone() {
        String text = "5个项目已于8月底全部竣工，具体情况如下：\n1.新建学校2所\n2.新增学位900个\n今年再新建学校3所。";
        PlanText plan = new PlanText(text);
        assertThat(status(plan, text, "2所")).isTrue();
        assertThat(status(plan, text, "900个")).isTrue();
        assertThat(status(plan, text, "3所")).isFalse();
    }

    private static boolean status(PlanText plan, String text, String figure) {
        return plan.status(text.indexOf(figure));
    }
}
