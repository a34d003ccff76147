package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.progress.Direction;
import io.zhibiao.progress.ValueType;
import io.zhibiao.target.PeriodValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last stage: the same target stated more than once is one candidate, the fullest one, with alsoAt. */
class SameTargetsTest {

    @Test
    void aHeadlineAndItsBodyAreOneTargetKeptWhereTheFullerStatementStands() {
        Candidate headline = candidate("计划新招录教师", "400", "人", null, "计划新招录教师400人", 10);
        Candidate body = candidate("新招录教师", "400", "名", null, "今年新招录教师400名，充实农村学校。", 80);
        List<Candidate> merged = SameTargets.merge(List.of(headline, body));
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).start()).isEqualTo(80);
        assertThat(merged.get(0).alsoAt()).containsExactly(new Candidate.Span(10, 13));
    }

    @Test
    void aStatedBaselineMakesTheFullerStatement() {
        Candidate bare = candidate("本科上线率", "75.3", "%", null, "本科上线率达到75.3%以上，努力再提高", 5);
        Candidate withBaseline = candidate("本科上线率", "75.3", "%", new PeriodValue("2024", new BigDecimal("65.3")),
                "本科上线率达到75.3%", 60);
        List<Candidate> merged = SameTargets.merge(List.of(bare, withBaseline));
        assertThat(merged).extracting(Candidate::start).containsExactly(60);
    }

    @Test
    void theSameFigureUnderTwoDetailedSectionsIsTwoTargets() {
        Candidate preschool = inSection(candidate("新增学位", "900", "个", null, "新增学位900个", 5), "学前教育");
        Candidate primary = inSection(candidate("新增学位", "900", "个", null, "新增学位900个", 40), "小学教育");
        assertThat(SameTargets.merge(List.of(preschool, primary))).hasSize(2);
        // the same figure in the plan's summary joins the detailed one
        Candidate summary = inSection(candidate("新增学位", "900", "个", null, "新增学位900个", 2), "工作目标");
        assertThat(SameTargets.merge(List.of(summary, preschool))).hasSize(1);
    }

    @Test
    void differentValuesOrPeriodsStayApart() {
        Candidate a = candidate("新建幼儿园", "3", "所", null, "新建幼儿园3所", 5);
        Candidate b = candidate("新建幼儿园", "4", "所", null, "新建幼儿园4所", 30);
        assertThat(SameTargets.merge(List.of(a, b))).hasSize(2);
    }

    private static Candidate inSection(Candidate c, String category) {
        return new Candidate(c.name(), c.value(), c.unit(), c.valueType(), c.direction(), c.period(), c.baseline(),
                c.orgUnitName(), category, c.sentence(), c.start(), c.end(), c.confidence(), c.note(), c.alsoAt(),
                c.leadUnit());
    }

    private static Candidate candidate(String name, String value, String unit, PeriodValue baseline, String sentence,
            int start) {
        return new Candidate(name, new BigDecimal(value), unit, ValueType.DECIMAL, Direction.INCREASE, "2027", baseline,
                null, null, sentence, start, start + value.length(), new BigDecimal("0.9"), null, null, null);
    }
}
