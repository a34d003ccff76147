package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first stage: the plan year and the last year a plan runs to, from its title and opening lines. */
class PlanYearsTest {

    @Test
    void isTheYearOfTheTitle() {
        assertThat(PlanYears.of("松岭县教育局2027年工作要点\n一、学前教育")).hasValue(2027);
        assertThat(PlanYears.of("2027年度教育局工作要点(市级)")).hasValue(2027);
    }

    @Test
    void prefersThePlanOverTheReport() {
        assertThat(PlanYears.of("区教育局2026年工作总结及2027年工作思路\n")).hasValue(2027);
    }

    @Test
    void skipsPageFurniture() {
        assertThat(PlanYears.of("时间:2022-04-28 10:15:04 来源:网友投稿\n教育局2027年工作要点")).hasValue(2027);
    }

    @Test
    void isTheDateAReprintSaysTheDocumentWasIssued() {
        assertThat(PlanYears.of("松岭市关于加快职业教育发展的意见\n- 格式:doc\n"
                + "文章属性•【制定机关】松岭市人民政府•【公布日期】2019.03.12•【字号】松政发〔2019〕7号\n一、目标任务\n" + "2021年，中职学校达到12所。")).hasValue(2019);
    }

    @Test
    void isTheYearOfALaterHeadingWhenTheOpeningNamesNone() {
        String plan = String.join("\n", "今年教育这样干!", "", "3月2日", "", "01", "", "2026年工作回顾", "", "新建学校5所。", "", "02", "",
                "2027年重点工作", "", "新增学位1200个。");
        assertThat(PlanYears.of(plan)).hasValue(2027);
    }

    @Test
    void isTheDocumentNumberAsALastResort() {
        assertThat(PlanYears.of("松岭县教育局文件\n松教发〔2027〕3号\n关于印发要点的通知")).hasValue(2027);
    }

    @Test
    void isAbsentWhenNoLineNamesOne() {
        assertThat(PlanYears.of("一、学前教育\n新增学位900个。")).isEmpty();
    }

    @Test
    void aYearlyPlanEndsInItsYear() {
        assertThat(PlanYears.lastYear("松岭县教育局2027年工作要点\n新增学位900个。", 2027)).isEqualTo(2027);
    }

    @Test
    void aTitledRangeRunsToItsLastYear() {
        String plan = "松岭县学前教育三年行动计划（2027—2029年）\n新建幼儿园30所。";
        assertThat(PlanYears.of(plan)).hasValue(2027);
        assertThat(PlanYears.lastYear(plan, 2027)).isEqualTo(2029);
    }

    @Test
    void aFiveYearPlanRunsOverItsFiveYears() {
        String plan = "松岭县“十五五”教育事业发展规划\n到2030年，毛入园率达到95%。";
        assertThat(PlanYears.of(plan)).hasValue(2026);
        assertThat(PlanYears.lastYear(plan, 2026)).isEqualTo(2030);
        // read from a later year than the plan's first, it is that year's plan
        assertThat(PlanYears.lastYear(plan, 2028)).isEqualTo(2028);
    }

    @Test
    void aSchoolYearsPlanIsDatedByTheYearItBegins() {
        assertThat(PlanYears.of("松岭县实验小学2027—2028学年度工作计划\n一、工作目标")).hasValue(2027);
        assertThat(PlanYears.schoolYear(new PlanText("松岭县实验小学2027—2028学年度工作计划\n一、工作目标")))
                .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("2027-09/2028-08"));
        assertThat(PlanYears.schoolYear(new PlanText("2027-2028学年第二学期工作计划")))
                .hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("2028-02/2028-08"));
        assertThat(PlanYears.schoolYear(new PlanText("松岭县教育局2027年工作要点\n每学年开展一次家访。"))).isEmpty();
    }
}
