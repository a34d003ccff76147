package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.progress.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A performance-goal table copied one cell per line: each value line is the target of the indicator line before it. */
class PerformanceLinesTest {

    @Test
    void eachValueLineIsTheTargetOfTheIndicatorLineBeforeIt() {
        List<Candidate> all = read("部门整体绩效目标表\n\n生均校舍面积\n\n≤12平方米\n\n送教上门覆盖率\n\n100%\n\n培训教师人数\n\n1500\n");
        assertThat(all).extracting(Candidate::name).containsExactly("生均校舍面积", "送教上门覆盖率", "培训教师人数");
        assertThat(all).extracting(Candidate::direction).containsExactly(Direction.DECREASE, Direction.INCREASE,
                Direction.INCREASE);
        assertThat(all).extracting(Candidate::unit).containsExactly("平方米", "%", null);
        assertThat(all).extracting(Candidate::period).containsOnly("2027");
    }

    @Test
    void levelsHeadersPartsAndTheSameMoneyForTheYearGiveNothingMore() {
        List<Candidate> all = read(
                "项目绩效目标表\n资金总额\n300万元\n年度资金总额：\n300万元\n其中：财政拨款\n300万元\n" + "指标值（年度）\n100%\n数量指标\n3\n项目属性\n2\n");
        assertThat(all).extracting(Candidate::name).containsExactly("资金总额");
    }

    @Test
    void aBareNumberCountsOnlyUnderANameThatCounts() {
        assertThat(read("绩效目标\n项目起止年份\n2027\n")).isEmpty();
        assertThat(read("绩效目标\n新建学校个数\n2\n")).extracting(Candidate::name).containsExactly("新建学校个数");
    }

    @Test
    void withoutAPerformanceTitleNothingIsRead() {
        assertThat(read("主要指标\n\n生均校舍面积\n\n12平方米\n")).isEmpty();
    }

    @Test
    void anAmountOnItsLabelsLineTakesTheUnitALineAboveGives() {
        List<Candidate> all = read("绩效目标表\n资金情况\n（万元）\n年度资金总额：28.5\n  其中：中央资金：20\n");
        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("年度资金总额");
            assertThat(c.value()).isEqualByComparingTo("28.5");
            assertThat(c.unit()).isEqualTo("万元");
        });
    }

    private static List<Candidate> read(String text) {
        return new PerformanceLines(new PlanText(text), 2027).candidates();
    }
}
