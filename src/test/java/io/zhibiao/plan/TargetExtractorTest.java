package io.zhibiao.plan;

import static io.zhibiao.progress.Direction.DECREASE;
import static io.zhibiao.progress.Direction.INCREASE;
import static io.zhibiao.progress.Direction.MAINTAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zhibiao.progress.ValueType;
import io.zhibiao.target.PeriodValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extraction rules, one fixture per rule, in the style of county work plans. */
class TargetExtractorTest {

    private static final TargetExtractor EXTRACTOR = new TargetExtractor();

    static List<Candidate> extract(String text) {
        return EXTRACTOR.extract(text, 2027).candidates();
    }

    static Candidate only(String text) {
        List<Candidate> found = extract(text);
        assertThat(found).as("candidates of %s", text).hasSize(1);
        return found.get(0);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TargetExtractorTest.class.getResourceAsStream("/plans/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFixturePlanGivesExactlyItsListedTargets() throws IOException {
        String text = resource("songling-county-2027.txt");
        List<Expected> expected = Expected.read(resource("songling-county-2027.targets.tsv"));
        Extraction extraction = EXTRACTOR.extract(text, TargetExtractor.planYear(text).orElseThrow());

        assertThat(extraction.year()).isEqualTo(2027);
        assertThat(extraction.candidates()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(extraction.candidates().get(i), true);
        }
    }

    /** design §8: the 责任单位 a plan names after a task fills the candidates' leadUnit. */
    @Test
    void theUnitNamedAfterATaskLeadsItsTargets() {
        List<Candidate> found = extract("""
                二、重点任务
                1.全年完成教师培训9200人次，其中乡村教师不少于4000人次。（责任股室：人事股、教师发展中心）
                2.本科上线率达到70%；新建标准化考场20个。
                （牵头单位：基础教育股；配合单位：装备中心）
                3.学前三年毛入园率达到92%。(责任单位:学前教育股)
                4.义务教育巩固率保持在99%以上。
                """);
        assertThat(found).extracting(Candidate::value, Candidate::leadUnit).containsExactly(
                tuple(new java.math.BigDecimal("9200"), "人事股"), tuple(new java.math.BigDecimal("4000"), "人事股"),
                tuple(new java.math.BigDecimal("70"), "基础教育股"), tuple(new java.math.BigDecimal("20"), "基础教育股"),
                tuple(new java.math.BigDecimal("92"), "学前教育股"), tuple(new java.math.BigDecimal("99"), null));
    }

    /** 责任单位：… without brackets, and a 主要指标表 whose column names who answers for each row. */
    @Test
    void theUnitNamedAfterATaskWithoutBracketsOrInATablesColumnLeadsItsTargets() {
        List<Candidate> found = extract("""
                三、工作措施
                1.完成中小学教师全员培训6000人次。责任单位：教师发展中心、各学校
                2.落实意识形态工作责任制，义务教育巩固率达到99.5%。
                3.建成智慧教室120间。
                牵头单位：电教馆
                """);
        assertThat(found).extracting(Candidate::value, Candidate::leadUnit).containsExactly(
                tuple(new java.math.BigDecimal("6000"), "教师发展中心"), tuple(new java.math.BigDecimal("99.5"), null),
                tuple(new java.math.BigDecimal("120"), "电教馆"));
        String table = String.join("\n", "松岭县教育发展规划（节选）", "表1 主要发展指标", "指标名称\t2025年\t2030年\t责任单位",
                "学前三年毛入园率（%）\t90\t93\t学前教育股", "高中阶段毛入学率（%）\t92\t96\t基础教育股、职成股", "普惠性幼儿园覆盖率（%）\t85\t90\t—");
        assertThat(EXTRACTOR.extract(table, 2030).candidates()).extracting(Candidate::value, Candidate::leadUnit)
                .containsExactly(tuple(new java.math.BigDecimal("93"), "学前教育股"),
                        tuple(new java.math.BigDecimal("96"), "基础教育股"), tuple(new java.math.BigDecimal("90"), null));
    }

    /** Offsets count code points: a character outside the BMP (a rare name's 𠮷) before a task moves nothing. */
    @Test
    void theUnitNamedAfterATaskIsFoundAfterCharactersOutsideTheBmp() {
        List<Candidate> found = extract("""
                1.𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷乡全年完成教师培训900人次。（责任股室：人事股）
                2.新建考场2个。
                （牵头单位：装备中心）
                """);
        assertThat(found).extracting(Candidate::value, Candidate::leadUnit).containsExactly(
                tuple(new java.math.BigDecimal("900"), "人事股"), tuple(new java.math.BigDecimal("2"), "装备中心"));
    }

    @Test
    void theSameTextAlwaysGivesTheSameCandidates() throws IOException {
        String text = resource("songling-county-2027.txt");
        assertThat(EXTRACTOR.extract(text, 2027)).isEqualTo(EXTRACTOR.extract(text, 2027));
    }

    @Nested
    class Names {

        @Test
        void dropTheVerbAndFiller() {
            assertThat(only("全年完成教师培训9200人次。").name()).isEqualTo("教师培训");
            assertThat(only("本科上线率力争达到75%。").name()).isEqualTo("本科上线率");
            assertThat(only("其中研究生学历不少于20名。").name()).isEqualTo("研究生学历");
        }

        @Test
        void keepVerbsThatNameTheThing() {
            assertThat(only("新增学位900个。").name()).isEqualTo("新增学位");
            assertThat(only("新建、改扩建公办幼儿园3所。").name()).isEqualTo("新建改扩建公办幼儿园");
        }

        @Test
        void comeAfterTheFigureWhenOnlyAVerbPrecedesIt() {
            assertThat(only("建设100个智慧教室。").name()).isEqualTo("智慧教室");
            assertThat(only("三年内建成两个以上标准化游泳馆。").name()).isEqualTo("标准化游泳馆");
        }

        @Test
        void dropHowOftenFromTheName() {
            assertThat(only("组织开展应急疏散演练每学期不少于2次。").name()).isEqualTo("应急疏散演练");
        }

        @Test
        void keepTheNounAVerbIsPartOf() {
            assertThat(only("确保完成率达100%。").name()).isEqualTo("完成率");
        }
    }

    @Nested
    class UnitsAndValueTypes {

        @Test
        void percentIsPercent() {
            Candidate c = only("体质健康达标率达到92.5%。");
            assertThat(c.value()).isEqualByComparingTo("92.5");
            assertThat(c.unit()).isEqualTo("%");
            assertThat(c.valueType()).isEqualTo(ValueType.PERCENT);
        }

        @Test
        void countsAreIntegers() {
            for (String unit : List.of("人", "名", "所", "个", "次", "人次", "座", "项", "起")) {
                Candidate c = only("全年新增" + unit + "类目标12" + unit + "。");
                assertThat(c.unit()).as(unit).isEqualTo(unit);
                assertThat(c.valueType()).as(unit).isEqualTo(ValueType.INTEGER);
            }
        }

        @Test
        void moneyIsDecimalAndKeepsItsMagnitudeInTheUnit() {
            for (String unit : List.of("元", "万元", "亿元")) {
                Candidate c = only("完成投资2.35" + unit + "。");
                assertThat(c.value()).isEqualByComparingTo("2.35");
                assertThat(c.unit()).isEqualTo(unit);
                assertThat(c.valueType()).isEqualTo(ValueType.DECIMAL);
            }
        }

        @Test
        void wanAndYiInsideANumberMultiplyIt() {
            Candidate c = only("新增学位2万个。");
            assertThat(c.value()).isEqualByComparingTo("20000");
            assertThat(c.unit()).isEqualTo("个");
            assertThat(only("开展职业技能培训1.2万人次。").value()).isEqualByComparingTo("12000");
        }

        @Test
        void fullWidthDigitsReadAsDigits() {
            Candidate c = only("新增学位１２００个，");
            assertThat(c.value()).isEqualByComparingTo("1200");
            assertThat(only("合格率达到９８．５％。").value()).isEqualByComparingTo("98.5");
        }

        @Test
        void baiFenBaiIsOneHundredPercent() {
            Candidate c = only("课后服务覆盖率达到百分百。");
            assertThat(c.value()).isEqualByComparingTo("100");
            assertThat(c.unit()).isEqualTo("%");
        }

        @Test
        void aRangeTakesTheLowerBoundAndSaysSo() {
            Candidate c = only("学校每周开设1-2节劳动教育课程。");
            assertThat(c.value()).isEqualByComparingTo("1");
            assertThat(c.unit()).isEqualTo("节");
            assertThat(c.note()).contains("1-2").contains("lower bound");
            assertThat(c.confidence()).isLessThan(d("0.9"));
        }
    }

    @Nested
    class ChineseNumeralWords {

        @Test
        void countWhenAGoalVerbPrecedesThem() {
            assertThat(only("三年内建成两个以上标准化游泳馆。").value()).isEqualByComparingTo("2");
            assertThat(only("新建三所公办幼儿园。").value()).isEqualByComparingTo("3");
            assertThat(only("每学年至少开展一次心理健康测评。").value()).isEqualByComparingTo("1");
            assertThat(only("年内评选十项优秀教学成果。").value()).isEqualByComparingTo("10");
        }

        @Test
        void countWhenAGoalClauseEndsWithThem() {
            assertThat(only("新建公办幼儿园两所。").value()).isEqualByComparingTo("2");
        }

        @Test
        void areOrdinaryWordsOtherwise() {
            assertThat(extract("聚焦“提质、扩优”四项任务，把立德树人作为一项政治任务，打造一批特色学校，实施新一轮布局调整，建设一支高素质队伍。")).isEmpty();
            assertThat(extract("县第一中学开展第二期培训，稳步实施特殊教育二期提升计划。")).isEmpty();
        }

        @Test
        void parse() {
            assertThat(ChineseNumerals.parse("两")).isEqualTo(2);
            assertThat(ChineseNumerals.parse("十")).isEqualTo(10);
            assertThat(ChineseNumerals.parse("十二")).isEqualTo(12);
            assertThat(ChineseNumerals.parse("二十")).isEqualTo(20);
            assertThat(ChineseNumerals.parse("一百二十")).isEqualTo(120);
            assertThat(ChineseNumerals.parse("一千零五")).isEqualTo(1005);
            assertThat(ChineseNumerals.parse("三万")).isEqualTo(30000);
            assertThat(ChineseNumerals.parse("十万")).isEqualTo(100000);
            assertThat(ChineseNumerals.parse("一二")).isEqualTo(-1);
            assertThat(ChineseNumerals.parse("")).isEqualTo(-1);
            assertThat(ChineseNumerals.parse("一亿亿")).isEqualTo(ChineseNumerals.MAX);
            assertThat(ChineseNumerals.parse("一万亿亿")).isEqualTo(-1);
            assertThat(ChineseNumerals.parse("九千九百亿亿亿")).isEqualTo(-1);
        }
    }

    @Nested
    class Directions {

        @Test
        void capsAndZeroTargetsDecrease() {
            assertThat(only("学生近视率控制在52%以内。").direction()).isEqualTo(DECREASE);
            assertThat(only("辍学人数下降到10人。").direction()).isEqualTo(DECREASE);
            assertThat(only("安全事故不超过2起。").direction()).isEqualTo(DECREASE);
        }

        @Test
        void zeroTargetsAreZeroAndDecrease() {
            for (String text : List.of("学生溺水事故零发生。", "控辍保学动态清零。")) {
                Candidate c = only(text);
                assertThat(c.value()).as(text).isEqualByComparingTo("0");
                assertThat(c.direction()).as(text).isEqualTo(DECREASE);
                assertThat(c.unit()).as(text).isNull();
            }
            assertThat(only("学生溺水事故零发生。").name()).isEqualTo("学生溺水事故");
            assertThat(only("控辍保学动态清零。").name()).isEqualTo("控辍保学");
        }

        @Test
        void floorsAndGoalsIncrease() {
            assertThat(only("优质率达到80%以上。").direction()).isEqualTo(INCREASE);
            assertThat(only("骨干教师培训不少于800人次。").direction()).isEqualTo(INCREASE);
            assertThat(only("优秀率提高到35%。").direction()).isEqualTo(INCREASE);
            assertThat(only("巩固率保持在99%以上。").direction()).isEqualTo(INCREASE);
            assertThat(only("体质健康达标率不低于93%。").direction()).isEqualTo(INCREASE);
        }

        @Test
        void holdingAFigureWithoutABoundMaintainsIt() {
            assertThat(only("生师比稳定在15%。").direction()).isEqualTo(MAINTAIN);
        }
    }

    @Nested
    class Periods {

        @Test
        void areThePlanYear() {
            assertThat(only("新增学位900个。").period()).isEqualTo("2027");
        }

        @Test
        void spanTheYearsWithin() {
            assertThat(only("三年内建成标准化游泳馆2座以上。").period()).isEqualTo("2027/2029");
            assertThat(only("两年内建成三个标准化足球场。").period()).isEqualTo("2027/2028");
        }

        @Test
        void runToAYearNamed() {
            assertThat(only("到2029年底前建成智慧校园20所。").period()).isEqualTo("2027/2029");
        }

        @Test
        void followATimeClauseOfItsOwn() {
            assertThat(only("到2029年，建成智慧校园示范校30所。").period()).isEqualTo("2027/2029");
            assertThat(extract("建成智慧校园20所，到2029年，新增学位900个。")).extracting(Candidate::period).containsExactly("2027",
                    "2027/2029");
        }
    }

    @Nested
    class Baselines {

        @Test
        void percentagePointsAboveANamedYear() {
            Candidate c = only("本科上线率达到75.3%，比2026年增加10个百分点。");
            assertThat(c.baseline().period()).isEqualTo("2026");
            assertThat(c.baseline().value()).isEqualByComparingTo("65.3");
        }

        @Test
        void percentagePointsAboveLastYear() {
            Candidate c = only("合格率达到88.5%，比上年提高3.2个百分点。");
            assertThat(c.baseline().period()).isEqualTo("2026");
            assertThat(c.baseline().value()).isEqualByComparingTo("85.3");
        }

        @Test
        void percentagePointsBelow() {
            Candidate c = only("学生近视率控制在52%以内，比2026年下降1.5个百分点。");
            assertThat(c.baseline().value()).isEqualByComparingTo("53.5");
            assertThat(c.direction()).isEqualTo(DECREASE);
        }

        @Test
        void fromOneFigureToAnother() {
            Candidate c = only("毛入园率由2026年的93.4%提高到95%。");
            assertThat(c.value()).isEqualByComparingTo("95");
            assertThat(c.baseline().period()).isEqualTo("2026");
            assertThat(c.baseline().value()).isEqualByComparingTo("93.4");
        }

        @Test
        void fromAFigureWithoutAYearMeansLastYear() {
            Candidate c = only("毛入园率由93.4%提高到95%。");
            assertThat(c.baseline().period()).isEqualTo("2026");
        }

        @Test
        void countsAboveANamedYear() {
            Candidate c = only("普通高中招生3100人，比2026年增加28人。");
            assertThat(c.baseline().value()).isEqualByComparingTo("3072");
            assertThat(c.baseline().period()).isEqualTo("2026");
        }

        @Test
        void areLeftOutWhenTheUnitsDoNotFit() {
            Candidate c = only("本科上线率达到68%，比2026年增加5人。");
            assertThat(c.baseline()).isNull();
            assertThat(c.note()).contains("baseline");
            assertThat(only("优秀率达到40%，比上年提高5%。").baseline()).as("relative or points: ambiguous").isNull();
        }
    }

    @Nested
    class Subjects {

        @Test
        void pairWithValuesInOrder() {
            List<Candidate> found = extract("县第一中学和县第二中学完成初中招生分别为820人、760人。");
            assertThat(found).extracting(Candidate::orgUnitName).containsExactly("县第一中学", "县第二中学");
            assertThat(found).extracting(Candidate::value).containsExactly(d("820"), d("760"));
            assertThat(found).extracting(Candidate::name).containsOnly("初中招生");
        }

        @Test
        void pairWhenTheNameFollowsFenbie() {
            List<Candidate> found = extract("实验小学、城南小学分别新增学位180个、240个。");
            assertThat(found).extracting(Candidate::orgUnitName).containsExactly("实验小学", "城南小学");
            assertThat(found).extracting(Candidate::name).containsOnly("新增学位");
        }

        @Test
        void aSingleSchoolIsTheSubject() {
            Candidate c = only("康乐一中完成招生1800人。");
            assertThat(c.orgUnitName()).isEqualTo("康乐一中");
            assertThat(c.name()).isEqualTo("招生");
        }

        @Test
        void theWholeCountyIsNotASchool() {
            Candidate c = only("全县小学学业质量监测合格率达到88.5%。");
            assertThat(c.orgUnitName()).isNull();
            assertThat(c.name()).isEqualTo("小学学业质量监测合格率");
        }

        @Test
        void aSubTargetAfterQizhongIsItsOwnTarget() {
            List<Candidate> found = extract("公开招聘教师120名，其中研究生学历不少于20名。");
            assertThat(found).extracting(Candidate::value).containsExactly(d("120"), d("20"));
            assertThat(found).extracting(Candidate::name).containsExactly("公开招聘教师", "研究生学历");
        }

        @Test
        void unmatchedCountsAreFlaggedNotGuessed() {
            List<Candidate> found = extract("县第一中学和县第二中学完成招生分别为820人、760人、300人。");
            assertThat(found).hasSize(3).allSatisfy(c -> {
                assertThat(c.orgUnitName()).isNull();
                assertThat(c.note()).contains("respectively");
            });
        }
    }

    @Nested
    class Categories {

        @Test
        void areTheInnermostHeadingWithoutNumbering() {
            String text = """
                    一、学前教育
                    1.新增学位900个。
                    二、构建三大体系
                    （一）加快构建优质均衡的义务教育体系
                    2.义务教育巩固率达到99%。
                    """;
            assertThat(extract(text)).extracting(Candidate::category).containsExactly("学前教育", "加快构建优质均衡的义务教育体系");
        }
    }

    @Nested
    class Offsets {

        @Test
        void pointAtTheFigureInCodePoints() {
            String text = "\uD83C\uDFEB一、高中教育\n1.本科上线率达到68%。";
            Candidate c = only(text);
            int[] codePoints = text.codePoints().toArray();
            assertThat(new String(codePoints, c.start(), c.end() - c.start())).isEqualTo("68");
            assertThat(c.sentence()).isEqualTo("本科上线率达到68%。");
        }

        @Test
        void coverAFigureWrittenWithWan() {
            String text = "新增学位2万个。";
            Candidate c = only(text);
            assertThat(text.substring(c.start(), c.end())).isEqualTo("2万");
        }

        @Test
        void sentencesWrappedAcrossLinesAreOneSentence() {
            String text = "一、高中教育\n坚持五育并举，深化课程改革，推动学校特色发展，本科上线\n率达到68%，比2026年增加5个百分点。";
            Candidate c = only(text);
            assertThat(c.sentence()).isEqualTo("坚持五育并举，深化课程改革，推动学校特色发展，本科上线率达到68%，比2026年增加5个百分点。");
            assertThat(c.baseline().value()).isEqualByComparingTo("63");
        }
    }

    @Nested
    class Noise {

        @Test
        void neverYieldsCandidates() {
            String text = """
                    县教育局2027年工作要点
                    发布时间：2027-03-01 10:15:04  来源：县教育局  浏览次数：2389
                    信息索引号 | 001008001/2027-00031 | 文件编号 | 松教发〔2027〕5号 |
                    下面是小编为大家整理的工作要点，供大家参考。
                    2027年，全县教育工作以《教育强国建设规划纲要（2024-2035年）》为指引，落实“1+3+5”工作体系。
                    一、2026年工作回顾
                    全县新增学位1500个，完成教师培训5200人次。
                    二、重点任务
                    1.推进集团化办学，组织开展“3+2”衔接试点。
                    2.新建幼儿园xx所，实施《第三期学前教育行动计划》确定的8项任务。（材料来源：某某写作网）
                    3.在已建成12所智慧校园的基础上，持续推进数字化转型。
                    材料来自某某写作网 www.example-xiezuo.com，群主QQ微信同号3231169
                    查阅全文加微信：3231169
                    如若转载，请注明出处：https://www.example.com/309466.html
                    """;
            assertThat(extract(text)).isEmpty();
        }

        @Test
        void aSourceRemarkDoesNotHideTheTargetBeforeIt() {
            Candidate c = only("学生肥胖率控制在12%以内。（材料来源：某某教育网）");
            assertThat(c.value()).isEqualByComparingTo("12");
        }

        @Test
        void pastYearsAreReportsNotTargets() {
            assertThat(extract("2025年全县本科上线率达到61%。")).isEmpty();
        }
    }

    /** Kinds seen in reprinted real plans (issue 15), each on a fixture of its own. */
    @Nested
    class Reprints {

        @Test
        void aBreakdownByPlaceAfter其中IsTheSameTargetForEachPlace() {
            List<Candidate> found = extract("新建公办幼儿园、中小学12所，其中：松岭区5所，青河县(市)4所，北山镇3所。");
            assertThat(found).extracting(Candidate::value, Candidate::orgUnitName).containsExactly(
                    Tuple.tuple(d("12"), null), Tuple.tuple(d("5"), "松岭区"), Tuple.tuple(d("4"), "青河县(市)"),
                    Tuple.tuple(d("3"), "北山镇"));
            assertThat(found).extracting(Candidate::name).containsOnly(found.get(0).name());
        }

        @Test
        void aBreakdownNeedsAPlaceAndTheSameUnit() {
            assertThat(extract("新建学校12所，其中：小学5所。")).hasSize(1);
            assertThat(extract("新建学校12所，其中：松岭区5个。")).extracting(Candidate::unit).containsExactly("所");
        }

        @Test
        void aScheduleLineSetsTheMonthsOfItsCountedLists() {
            List<Candidate> found = extract(String.join("\n", "二、实施步骤",
                    "3-4月，城南小学、北山幼儿园、青河中学3所学校建设项目开工，西关小学、东湖幼儿园2所学校建设项目实施基础工程。", "9月，城南小学等3所学校招生办学。"));
            assertThat(found).extracting(Candidate::name, Candidate::value, Candidate::period).containsExactly(
                    Tuple.tuple("学校建设项目开工", d("3"), "2027-03/2027-04"), Tuple.tuple("学校招生办学", d("3"), "2027-09"));
        }

        @Test
        void aCountedListWithoutScheduleOrGoalIsNoTarget() {
            assertThat(extract("城南小学、北山幼儿园2所学校建设项目竣工。")).isEmpty();
            assertThat(extract("2027年，确保城南小学、北山幼儿园2所学校建设项目竣工。")).extracting(Candidate::name)
                    .containsExactly("学校建设项目竣工");
        }

        @Test
        void anOpeningYearClauseDatesEveryClauseOfItsSentence() {
            List<Candidate> found = EXTRACTOR.extract("2029年，全县入园率达到96%以上，其中城区入园率达到98%以上。", 2027).candidates();
            assertThat(found).extracting(Candidate::period).containsExactly("2027/2029", "2027/2029");
        }

        @Test
        void 以上StaysWithTheFigureBeforeIt() {
            assertThat(extract("毛入园率达99%以上、普惠性幼儿园覆盖率达85%以上。")).extracting(Candidate::name).containsExactly("毛入园率",
                    "普惠性幼儿园覆盖率");
        }

        @Test
        void annotationsOfReprintsAreNeitherNamesNorClauseBreaks() {
            List<Candidate> found = extract("(一)新建公办(繁体:辦)幼儿园、中小学9所，其中{拼音:zhōng}：青河làng 县4所。" + "新增学位[繁:學]1200个澳门金沙。");
            assertThat(found).extracting(Candidate::name, Candidate::value, Candidate::orgUnitName).containsExactly(
                    Tuple.tuple("新建公办幼儿园中小学", d("9"), null), Tuple.tuple("新建公办幼儿园中小学", d("4"), "青河县"),
                    Tuple.tuple("新增学位", d("1200"), null));
            assertThat(found.get(0).category()).isEqualTo("新建公办幼儿园、中小学9所，其中");
        }

        @Test
        void levelsListedWithTheirFiguresShareTheNounAfterTheLast() {
            assertThat(extract("争创2个省级、3个市级劳动教育基地。")).extracting(Candidate::name, Candidate::value)
                    .containsExactly(Tuple.tuple("省级劳动教育基地", d("2")), Tuple.tuple("市级劳动教育基地", d("3")));
            assertThat(extract("申报国家级1个、省级2个特色项目。")).extracting(Candidate::name, Candidate::value)
                    .containsExactly(Tuple.tuple("国家级特色项目", d("1")), Tuple.tuple("省级特色项目", d("2")));
            assertThat(extract("新增省级课题3项、市级课题5项。")).extracting(Candidate::name).containsExactly("新增省级课题", "市级课题");
        }

        @Test
        void aQuotedTermIsPartOfTheName() {
            assertThat(only("安排“送教下乡”教师40名。").name()).isEqualTo("送教下乡教师");
            assertThat(only("组织1500名“两后生”参加技能培训。").name()).isEqualTo("两后生参加技能培训");
        }

        @Test
        void aClauseWithoutAVerbGoesOnWithTheGoalBeforeIt() {
            assertThat(extract("创建2所省级示范幼儿园，3所市级示范幼儿园。")).extracting(Candidate::name).containsExactly("省级示范幼儿园",
                    "市级示范幼儿园");
            assertThat(extract("招聘教师120名，其中特岗教师40名。")).extracting(Candidate::name, Candidate::value)
                    .containsExactly(Tuple.tuple("招聘教师", d("120")), Tuple.tuple("特岗教师", d("40")));
            // not across units, not past 已 or 现有
            assertThat(extract("新建学校5所，已建成3所。")).hasSize(1);
            assertThat(extract("新增学位900个，现有学位3000个。")).hasSize(1);
            assertThat(extract("新建学校5所，占地1.2万平方米。")).hasSize(1);
        }

        @Test
        void namesListedBefore分别PairWithTheFigures() {
            assertThat(extract("学前三年毛入园率、普惠率分别达到92%、85%。")).extracting(Candidate::name, Candidate::value)
                    .containsExactly(Tuple.tuple("学前三年毛入园率", d("92")), Tuple.tuple("普惠率", d("85")));
        }

        @Test
        void coverageWith建有IsAGoal() {
            assertThat(only("每个乡镇都建有1所公办中心幼儿园。").value()).isEqualByComparingTo("1");
        }

        @Test
        void aReviewHeadedWithoutNumbersGivesNoTargetsAndTheNextSectionDoes() {
            String plan = String.join("\n", "01", "", "2026年工作回顾", "", "新建学校16所，新增学位12570个。", "", "02", "", "“十五五”时期任务",
                    "", "引进2所国际学校。", "", "03", "", "2027年重点工作", "", "新增学位5760个。");
            List<Candidate> found = extract(plan);
            assertThat(found).extracting(Candidate::value, Candidate::period)
                    .containsExactly(Tuple.tuple(d("2"), "2027/2030"), Tuple.tuple(d("5760"), "2027"));
        }

        @Test
        void shortLinesOfAPlanWithNumberedHeadingsStayText() {
            String plan = String.join("\n", "一、学前教育", "", "工作成效显著的园所", "", "新增学位900个。");
            assertThat(only(plan).category()).isEqualTo("学前教育");
        }
    }

    /** One row of a fixture's expected-targets TSV. */
    /**
     * An indicator table (主要指标表) pasted from Excel: one candidate per row with a target-year value — units from the
     * name, 以上 as a lower bound, — as no baseline, 其中 and indented rows named after their parent, a yearly change
     * computed over the years, equal values a MAINTAIN — and nothing from its header, its notes or a row without a
     * figure.
     */
    @Test
    void anIndicatorTableGivesOneCandidatePerRow() {
        String plan = String.join("\n", "松岭县“十五五”教育发展规划（节选）", "", "表1 主要发展指标", "领域\t指标名称\t2025年\t2030年\t属性",
                "学前教育\t普惠性幼儿园在园幼儿占比（%）\t90.5\t95以上\t约束性", "义务教育\t标准化学校（所）\t—\t12\t预期性",
                "教师\t研究生学历教师占比（%）\t8.4\t15\t预期性", "教师\t其中：初中\t10.2\t18\t预期性", "教师\t\u3000\u3000高中\t16.0\t25\t预期性",
                "健康\t体质健康优良率（%）\t55\t年均提高2个百分点\t约束性", "健康\t学生近视新发率（%）\t3.2\t3.2\t约束性", "安全\t溺水死亡人数（人）\t2\t0\t约束性",
                "治理\t家校协同机制\t初步建立\t全面建立\t预期性", "", "注：“—”表示无基数。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        List<Expected> expected = Expected.read("""
                普惠性幼儿园在园幼儿占比\t95\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t90.5\t\t
                标准化学校\t12\t所\tINTEGER\tINCREASE\t2026/2030\t\t\t\t
                研究生学历教师占比\t15\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t8.4\t\t
                研究生学历教师占比（初中）\t18\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t10.2\t\t
                研究生学历教师占比（高中）\t25\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t16.0\t\t
                体质健康优良率\t65\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t55\t\t
                学生近视新发率\t3.2\t%\tPERCENT\tMAINTAIN\t2026/2030\t2025\t3.2\t\t
                溺水死亡人数\t0\t人\tINTEGER\tDECREASE\t2026/2030\t2025\t2\t\t
                """);
        assertThat(found).extracting(Candidate::name)
                .containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(found.get(i), true);
        }
        assertThat(found.get(0).note()).contains("at least 95");
        assertThat(found.get(1).note()).contains("no baseline");
        assertThat(found.get(5).note()).contains("55 + 5 × 2");
        assertThat(found.get(0).category()).isEqualTo("学前教育");
        // The offsets point at the target-year cell: the figure as the plan writes it.
        assertThat(plan.substring(found.get(0).start(), found.get(0).end())).isEqualTo("95以上");
        assertThat(plan.substring(found.get(5).start(), found.get(5).end())).isEqualTo("年均提高2个百分点");
    }

    /** The same table pasted from Word or a PDF: one cell per line, the unit in the name, a category on its first row. */
    @Test
    void anIndicatorTableOneCellPerLineGivesTheSameRows() {
        String plan = String.join("\n", "松岭县教育发展规划（节选）", "表2 主要指标", "领域", "指标名称", "2025年", "2030年", "属性", "学前教育",
                "普惠性幼儿园在园幼儿占比（%）", "90.5", "95以上", "约束性", "标准化学校（所）", "—", "12", "预期性", "教师", "研究生学历教师占比（%）", "8.4",
                "15", "预期性", "其中：初中", "10.2", "18", "预期性", "学生体质健康优良率（%）", "55", "年均提高2个百分点", "约束性", "", "注：“—”表示无基数。",
                "新增学位900个。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        List<Expected> expected = Expected.read("""
                普惠性幼儿园在园幼儿占比\t95\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t90.5\t\t
                标准化学校\t12\t所\tINTEGER\tINCREASE\t2026/2030\t\t\t\t
                研究生学历教师占比\t15\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t8.4\t\t
                研究生学历教师占比（初中）\t18\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t10.2\t\t
                学生体质健康优良率\t65\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t55\t\t
                新增学位\t900\t个\tINTEGER\tINCREASE\t2026\t\t\t\t
                """);
        assertThat(found).extracting(Candidate::name)
                .containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            expected.get(i).check(found.get(i), true);
        }
        assertThat(found.get(0).category()).isEqualTo("学前教育");
        assertThat(found.get(1).category()).isEqualTo("学前教育");
        assertThat(found.get(2).category()).isEqualTo("教师");
        assertThat(plan.substring(found.get(0).start(), found.get(0).end())).isEqualTo("95以上");
    }

    /**
     * Tables with a 序号 column and a 单位 column of their own, tab-separated and one cell per line: the number is no
     * category and no value, the unit comes from its column, a 其中 row without a number stays a part of the row above.
     */
    @Test
    void anIndicatorTableWithNumberAndUnitColumnsReadsTheUnitFromItsColumn() {
        String tabbed = String.join("\n", "主要指标", "序号\t指标\t单位\t2025年\t2030年\t属性", "1\t义务教育巩固率\t%\t98.8\t99.2\t约束性",
                "2\t新增中小学学位\t个\t—\t12000\t预期性", "3\t研究生学历教师比例\t％\t3.2\t6\t预期性", "\t其中：普通高中\t%\t9.5\t15\t预期性",
                "4\t小学生均公用经费\t元\t720\t720\t约束性");
        String oneCellPerLine = String.join("\n", "主要指标", "序号", "指标名称", "单位", "2025年", "2030年", "属性", "1", "义务教育巩固率",
                "%", "98.8", "99.2", "约束性", "2", "新增中小学学位", "个", "—", "12000", "预期性", "3", "研究生学历教师比例", "%", "3.2", "6",
                "预期性", "其中：普通高中", "%", "9.5", "15", "预期性", "4", "小学生均公用经费", "元", "720", "720", "约束性", "",
                "注：约束性指标必须完成。");
        List<Expected> expected = Expected.read("""
                义务教育巩固率\t99.2\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t98.8\t\t
                新增中小学学位\t12000\t个\tINTEGER\tINCREASE\t2026/2030\t\t\t\t
                研究生学历教师比例\t6\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t3.2\t\t
                研究生学历教师比例（普通高中）\t15\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t9.5\t\t
                小学生均公用经费\t720\t元\tDECIMAL\tMAINTAIN\t2026/2030\t2025\t720\t\t
                """);
        for (String plan : List.of(tabbed, oneCellPerLine)) {
            List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
            assertThat(found).extracting(Candidate::name)
                    .containsExactlyElementsOf(expected.stream().map(Expected::name).toList());
            for (int i = 0; i < expected.size(); i++) {
                expected.get(i).check(found.get(i), true);
            }
            assertThat(found).extracting(Candidate::category).containsOnlyNulls();
        }
    }

    /**
     * Lists sharing a verb (其中教师党员9名、学生党员3名), counts before what they count behind a preposition (对全县1200名
     * 教师进行轮训, 为2.3万名学生提供…), awards aimed at (力争2名教师获评…) but not awards won, projects carried on (续建甲小学、
     * 乙中学2个项目), equipment (更新计算机1500台), pairs (200对, but not 1对1), batches (3批次).
     */
    @Test
    void listsPrepositionsAwardsAimedAtAndCarriedOnProjectsAreGoals() {
        String plan = String.join("\n", "2026年工作要点", "一、队伍", "1.全年发展党员12名，其中教师党员9名、学生党员3名。",
                "2.利用两年时间，分三批对全县1200名乡村教师进行轮训。为全县2.3万名农村学生提供营养膳食补助。", "3.力争2名教师获评省级特级教师。5所学校申报省级劳动教育实践基地。",
                "4.续建城东小学、第二实验中学2个项目，新开工建设县第四幼儿园等3个项目。为农村学校更新计算机1500台。", "5.开展“青蓝结对”师徒帮扶200对，推行1对1帮扶。组织骨干教师跟岗研修3批次。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period())
                .containsExactly("党员 12名 2026", "教师党员 9名 2026", "学生党员 3名 2026", "乡村教师轮训 1200名 2026/2027",
                        "农村学生提供营养膳食补助 23000名 2026", "省级特级教师 2名 2026", "学校申报省级劳动教育实践基地 5所 2026", "续建项目 2个 2026",
                        "新开工建设项目 3个 2026", "更新计算机 1500台 2026", "青蓝结对师徒帮扶 200对 2026", "骨干教师跟岗研修 3批次 2026");
    }

    /**
     * Not goals: the plan's own programme in Chinese numerals (实施十项民生工程, 办好八件实事), a sentence that opens with a
     * past year (2025年，全区新增学位4800个…), awards already won. A clause that names nothing takes the subject of the
     * clause before (学生近视率较上年下降1个百分点，控制在48%以内), and a zero target at the end of a list is named by its
     * own item.
     */
    @Test
    void programmesAndPastYearsAreNotGoalsAndNamesCarryOver() {
        String plan = String.join("\n", "2026年工作要点", "2025年，全区新增学位4800个，上线人数达到356人，12所学校获评市级文明校园。", "一、目标",
                "聚焦五大行动，实施十项民生工程，办好八件实事。新建5项工程。", "学生近视率较上年下降1个百分点，控制在48%以内。", "实现校园欺凌零容忍、重大安全事故零发生。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.direction())
                .containsExactly("新建工程 5INCREASE", "学生近视率 48DECREASE", "重大安全事故 0DECREASE");
        assertThat(found.get(1).baseline()).isEqualTo(new PeriodValue("2025", new BigDecimal("49")));
    }

    /**
     * A table copied from a PDF with two name columns (一级指标 / 二级指标, the first merged down), % written in the value
     * cells, ≥ and ≤ before the target, a part in brackets that is no unit (差异系数（小学）) — and the same table one cell
     * per line with a 指标性质 column.
     */
    @Test
    void anIndicatorTableWithSymbolsAndPercentCellsReadsBoundsAndUnits() {
        String aligned = String.join("\n", "主要指标", "一级指标      二级指标                 2025年      2030年      指标性质",
                "普及发展      学前三年毛入园率          92%         ≥96%        约束性",
                "              高中阶段毛入学率          93%         ≥97%        约束性",
                "条件保障      校际差异系数（小学）      0.42        ≤0.35       约束性",
                "质量提升      学生近视率                55%         ≤50%        约束性");
        String oneCellPerLine = String.join("\n", "主要指标", "一级指标", "二级指标", "2025年", "2030年", "指标性质", "普及发展", "学前三年毛入园率",
                "92%", "≥96%", "约束性", "高中阶段毛入学率", "93%", "≥97%", "约束性", "条件保障", "校际差异系数（小学）", "0.42", "≤0.35", "约束性",
                "质量提升", "学生近视率", "55%", "≤50%", "约束性");
        List<Expected> expected = Expected.read("""
                学前三年毛入园率\t96\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t92\t\t
                高中阶段毛入学率\t97\t%\tPERCENT\tINCREASE\t2026/2030\t2025\t93\t\t
                校际差异系数(小学)\t0.35\t\tDECIMAL\tDECREASE\t2026/2030\t2025\t0.42\t\t
                学生近视率\t50\t%\tPERCENT\tDECREASE\t2026/2030\t2025\t55\t\t
                """);
        for (String plan : List.of(aligned, oneCellPerLine)) {
            List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
            assertThat(found).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                expected.get(i).check(found.get(i), false);
            }
            assertThat(found).extracting(Candidate::category).containsExactly("普及发展", "普及发展", "条件保障", "质量提升");
            assertThat(found.get(0).note()).contains("at least 96");
            assertThat(found.get(3).note()).contains("at most 50");
        }
    }

    /**
     * Zero targets stated by a verb (全面消除56人以上大班额, 确保不发生重大安全责任事故): the object is the name and a figure in
     * it is no goal. And the second level of one measure (确保…达到80%，力争达到82%) keeps its name.
     */
    @Test
    void zeroTargetsByTheirVerbAndASecondLevelOfTheSameMeasure() {
        String plan = String.join("\n", "2027年工作要点", "确保高考本科上线率达到80%，力争达到82%。", "全面消除56人以上大班额，确保全年不发生重大安全责任事故。",
                "消除安全隐患的工作要做实。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + " " + c.direction())
                .containsExactly("高考本科上线率 80 INCREASE", "高考本科上线率 82 INCREASE", "56人以上大班额 0 DECREASE",
                        "重大安全责任事故 0 DECREASE");
        assertThat(plan.substring(found.get(2).start(), found.get(2).end())).isEqualTo("消除");
    }

    /**
     * A plan titled with its years (三年行动计划（2025—2027年）) starts in its first year and sets its goals over the range,
     * while a year named in a clause is that year's share (2026年新建3所, named after the first of the list); 2,700 is one
     * number, 九成 is 90 %, a growth in percent of a count gives its exact baseline, a quoted zero phrase is a target,
     * 一本 is a tier of universities, and a table's mid-term column is a target of its own year — unless the table is a
     * five-year plan's, whose columns before the year five before the last are history.
     */
    @Test
    void titledRangesYearlySharesAndWrittenFormsOfNumbers() {
        String plan = String.join("\n", "松河县学前教育三年行动计划（2025—2027年）", "一、目标", "到2027年底，学前三年毛入园率达到95%，每个乡镇至少办好一所公办中心幼儿园。",
                "2025年新建两所公办幼儿园，2026年新建3所，2027年新建2所。", "三年内新增公办学位2,700个，群众满意率达到九成以上。", "高考一本上线人数比2024年增长10%，达到660人。",
                "实现校园安全事故“零发生”。", "附表", "指标\t单位\t2024年\t2025年\t2027年", "高中阶段毛入学率\t%\t96\t97\t98", "",
                "表2 十五五指标（2020年为上一规划的基期）", "指标\t单位\t2020年\t2025年\t2030年", "义务教育巩固率\t%\t97\t98\t99");
        assertThat(TargetExtractor.planYear(plan)).hasValue(2025);
        List<Candidate> found = new TargetExtractor().extract(plan, 2025).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period())
                .containsExactly("学前三年毛入园率 95% 2025/2027", "公办中心幼儿园 1所 2025/2027", "新建公办幼儿园 2所 2025", "新建公办幼儿园 3所 2026",
                        "新建公办幼儿园 2所 2027", "新增公办学位 2700个 2025/2027", "群众满意率 90% 2025/2027", "高考一本上线人数 660人 2025/2027",
                        "校园安全事故 0null 2025/2027", "高中阶段毛入学率 97% 2025", "高中阶段毛入学率 98% 2025/2027",
                        "义务教育巩固率 99% 2026/2030");
        assertThat(found.get(7).baseline()).isEqualTo(new PeriodValue("2024", new BigDecimal("600")));
        assertThat(found.get(9).baseline()).isEqualTo(new PeriodValue("2024", new BigDecimal("96")));
    }

    /**
     * A growth in percent gives a baseline only to the figure it is said of (达到660人，比上年增长10%), never to a figure
     * of another measure before it (检查12次，事故发生数较上年下降50%): a wrong baseline is a wrong gap on a dashboard.
     */
    @Test
    void aGrowthInPercentIsTheBaselineOfItsOwnFigureOnly() {
        String plan = String.join("\n", "2026年工作要点", "一本上线人数达到660人，比上年增长10%。", "全年开展安全专项检查12次，溺水事故发生数较上年下降50%。",
                "招生人数比上年增长7%，达到1000人。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit())
                .containsExactly("一本上线人数 660人", "安全专项检查 12次", "招生人数 1000人");
        assertThat(found.get(0).baseline()).isEqualTo(new PeriodValue("2025", new BigDecimal("600")));
        assertThat(found.get(1).baseline()).isNull();
        assertThat(found.get(1).note()).contains("another measure");
        assertThat(found.get(2).baseline()).isNull(); // 1000 ÷ 1.07 does not end: no exact baseline
        assertThat(found.get(2).note()).contains("no exact baseline");
    }

    /**
     * A task-breakdown table (序号 / 重点工作 / 目标任务 / 牵头股室 / 完成时限) pasted from Excel: each row is a sentence of
     * its own, its cells are clauses (no name runs across them), and a deadline month of the plan year is the period.
     * And two prose forms: a share of a project to finish (完成主体工程的60%), and a list of counts before their nouns
     * (选派30名校长、200名骨干教师), each named by its own noun.
     */
    @Test
    void taskTableRowsSharesOfAProjectAndListsOfCountsBeforeTheirNouns() {
        String plan = String.join("\n", "2026年重点工作任务分解表", "序号\t重点工作\t目标任务\t牵头股室\t完成时限",
                "1\t学前教育扩容\t新建公办幼儿园2所，新增学位540个\t计财股\t2026年8月", "2\t教师培训\t组织教师全员培训5000人次\t人事股\t2026年12月底前",
                "3\t校园安全\t学生溺水死亡事故零发生\t安全股\t全年", "", "其他工作", "启动职教中心迁建，年底前完成主体工程的60%。确定的8项任务要落实。",
                "选派30名校长、200名骨干教师到发达地区挂职学习。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period())
                .containsExactly("新建公办幼儿园 2所 2026-08", "新增学位 540个 2026-08", "教师全员培训 5000人次 2026-12",
                        "学生溺水死亡事故 0null 2026", "主体工程 60% 2026", "校长 30名 2026", "骨干教师到发达地区挂职学习 200名 2026");
    }

    /**
     * One cell per line with three year columns: a five-year plan's history column (2020) is no base, a mid-term column
     * (2027) is a target of its own, and a note under a year (（基期值）), pasted as a line of its own, is part of the
     * header.
     */
    @Test
    void anIndicatorTableOneCellPerLineWithThreeYearColumns() {
        String fiveYear = String.join("\n", "主要指标", "指标名称", "2020年", "2025年", "（基期值）", "2030年", "（目标值）", "属性",
                "义务教育巩固率（%）", "96", "98", "99", "约束性", "新增学位（个）", "—", "—", "8000", "预期性");
        String midTerm = String.join("\n", "主要指标", "指标名称", "2025年", "2027年", "2030年", "高中阶段毛入学率（%）", "94", "96", "98");
        assertThat(new TargetExtractor().extract(fiveYear, 2026).candidates()).extracting(c -> c.name() + " "
                + c.value().toPlainString() + c.unit() + " " + c.period() + " "
                + (c.baseline() == null ? "-" : c.baseline().period() + "=" + c.baseline().value().toPlainString()))
                .containsExactly("义务教育巩固率 99% 2026/2030 2025=98", "新增学位 8000个 2026/2030 -");
        assertThat(new TargetExtractor().extract(midTerm, 2026).candidates())
                .extracting(
                        c -> c.value().toPlainString() + " " + c.period() + " " + c.baseline().value().toPlainString())
                .containsExactly("96 2026/2027 94", "98 2026/2030 94");
    }

    /** And copied from a PDF with the columns aligned by spaces; a row without its category keeps the one above. */
    @Test
    void anIndicatorTableAlignedWithSpacesGivesTheSameRows() {
        String plan = String.join("\n", "表3 主要指标", "领域      指标名称                      2025年    2030年    属性",
                "学前教育  普惠性幼儿园在园幼儿占比（%）  90.5      95以上    约束性",
                "          标准化学校（所）              —         12        预期性",
                "教师      研究生学历教师占比（%）        8.4       15        预期性",
                "          其中：初中                    10.2      18        预期性", "", "二、重点任务", "新增学位900个。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(Candidate::name, Candidate::value, Candidate::category).containsExactly(
                Tuple.tuple("普惠性幼儿园在园幼儿占比", d("95"), "学前教育"), Tuple.tuple("标准化学校", d("12"), "学前教育"),
                Tuple.tuple("研究生学历教师占比", d("15"), "教师"), Tuple.tuple("研究生学历教师占比（初中）", d("18"), "教师"),
                Tuple.tuple("新增学位", d("900"), "重点任务"));
        assertThat(found.get(0).baseline().value()).isEqualByComparingTo("90.5");
        assertThat(found.get(1).baseline()).isNull();
    }

    /** Lines of one word and a year are no table unless a name cell and two year cells head them. */
    @Test
    void singleCellLinesWithoutAHeaderAreNoTable() {
        String plan = String.join("\n", "2026年工作要点", "一、学前教育", "指标", "2025年", "新增学位900个。");
        assertThat(new TargetExtractor().extract(plan, 2026).candidates()).extracting(Candidate::value)
                .containsExactly(d("900"));
    }

    /** Tab-separated lines without a year header are no table: their figures are read as sentences, if at all. */
    @Test
    void tabsWithoutAYearHeaderAreNoTable() {
        String plan = "2026年工作要点\n一、学前教育\n新建幼儿园\t3所\t年底前完成。\n";
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("3");
            assertThat(c.unit()).isEqualTo("所");
            assertThat(c.period()).isEqualTo("2026");
            assertThat(c.baseline()).isNull();
        });
    }

    /**
     * Goals of recognition and selection (申报, 推荐, 争创, 发展 党员) set targets like 新建 does; a count of the plan's own
     * actions or tasks (实施八项行动, 落实12项要点) is its structure, not a goal.
     */
    @Test
    void recognitionAndSelectionSetGoalsWhileCountsOfActionsDoNot() {
        String plan = String.join("\n", "2026年工作要点", "一、党建与队伍", "1.全年发展预备党员12名、正式党员6名。",
                "2.申报3所省级示范学校，推荐5名教师参评市级学科带头人。", "3.聚焦六项工作，实施八项行动，落实12项要点。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(Candidate::name).containsExactly("预备党员", "正式党员", "省级示范学校", "教师参评市级学科带头人");
        assertThat(found).extracting(c -> c.value().toPlainString() + c.unit()).containsExactly("12名", "6名", "3所",
                "5名");
    }

    /**
     * A rate named right before its figure is a goal without a verb (义务教育入学率100%，巩固率达到98%), and a count that
     * opens its clause before what it counts is one when a goal verb follows (8所小学创建为…, 900名学生参加…); a count of
     * units that are to become something is named by what they become.
     */
    @Test
    void verblessRatesAndCountsBeforeTheNounAreGoals() {
        String plan = String.join("\n", "2026年工作要点", "一、义务教育", "推进控辍保学，义务教育入学率100%，巩固率达到99.2%。",
                "年内，8所小学创建为市级书香校园，900名学生参加航模研学。", "（材料来源：县教育局）");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit())
                .containsExactly("义务教育入学率 100%", "巩固率 99.2%", "市级书香校园 8所", "学生参加航模研学 900名");
    }

    /**
     * A duration sets the period (利用一年半的时间 → through next year; the batches are no value), and a count of units
     * within a rank is a rankCount target whose rank is not a second figure.
     */
    @Test
    void durationsSetThePeriodAndRanksAreCountsOfUnits() {
        String plan = String.join("\n", "2026年工作要点", "一、教师与质量", "3.利用一年半的时间，分三批组织450名教师参加信息化轮训。",
                "4.有3所学校进入全州前10名，力争2名学生进入全省前50名。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period())
                .containsExactly("教师参加信息化轮训 450名 2026/2027", "学校进入全州前10名 3所 2026", "学生进入全省前50名 2名 2026");
        assertThat(found.get(1).note()).contains("rankCount").contains("top 10");
    }

    /**
     * A target a plan states in its summary and again in its detailed section is one candidate — the fuller statement,
     * pointing at the other with alsoAt; the same figure under two detailed sections is two targets.
     */
    @Test
    void theSameTargetStatedTwiceIsOneCandidate() {
        String plan = String.join("\n", "2026年工作要点", "一、工作目标", "全年新增公办学位1800个。", "二、学前教育", "新增公办学位1800个，比2025年增加300个。",
                "三、小学教育", "新增公办学位1800个。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).hasSize(2);
        Candidate preschool = found.get(0);
        assertThat(preschool.category()).isEqualTo("学前教育");
        assertThat(preschool.baseline().value()).isEqualByComparingTo("1500");
        int summary = plan.indexOf("1800");
        assertThat(preschool.alsoAt()).containsExactly(new Candidate.Span(summary, summary + 4));
        assertThat(found.get(1).category()).isEqualTo("小学教育");
        assertThat(found.get(1).alsoAt()).isEmpty();
    }

    /**
     * A count behind 为 followed by what is fitted for those counted (为45所村小配齐录播设备); pairs (结对帮扶学校20对); a
     * duration that opens a sentence spans its later clauses unless one says its own time (全年); a bound followed by a
     * noun only describes it (60人以上超大班额); bracketed items of one bound share it (控制在30人（小班）、35人（中班）以内); a
     * comparison belongs to the figure of its own clause or to the next one it is said of; a count that announces the
     * list after it (实事5件，具体如下：) is the plan's outline.
     */
    @Test
    void fittedForCountsPairsOpeningSpansDescribingBoundsAndAnnouncedLists() {
        String plan = String.join("\n", "2027年工作要点", "今年确定教育实事5件，具体如下：", "1.为45所村小配齐录播设备，城乡结对帮扶学校20对。",
                "2.三年内改建学生宿舍6栋，新增床位900张，全年开展宿舍安全检查4次。", "3.幼儿园班额控制在30人（小班）、35人（中班）以内，60人以上超大班额动态清零。",
                "4.新招聘教师达到200名，小学生体质合格率较上年提高3个百分点，达到93%。", "5.专任教师本科学历比例达到90%（其中初中达到96%），其中农村学校达到85%。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(c -> c.value().toPlainString() + c.unit() + " " + c.direction() + " " + c.period())
                .containsExactly("45所 INCREASE 2027", "20对 INCREASE 2027", "6栋 INCREASE 2027/2029",
                        "900张 INCREASE 2027/2029", "4次 INCREASE 2027", "30人 DECREASE 2027", "35人 DECREASE 2027",
                        "0null DECREASE 2027", "200名 INCREASE 2027", "93% INCREASE 2027", "90% INCREASE 2027",
                        "96% INCREASE 2027", "85% INCREASE 2027");
        assertThat(found.get(0).name()).contains("录播设备");
        assertThat(found.get(8).baseline()).isNull();
        assertThat(found.get(9).baseline()).isEqualTo(new PeriodValue("2026", new BigDecimal("90")));
        // 其中 and a group (初中, 农村学校): the rate of that group, no org unit
        assertThat(found.subList(10, 13)).extracting(Candidate::name, Candidate::orgUnitName).containsExactly(
                tuple("专任教师本科学历比例", null), tuple("专任教师本科学历比例（初中）", null), tuple("专任教师本科学历比例（农村学校）", null));
    }

    /**
     * An annex that breaks targets down by org unit (rows: schools or townships; columns: measures with their units in
     * brackets) gives one target per cell for that org unit, in the year its title names; totals, dashes and zeros give
     * none. And 招录, 未来两年, a count followed by 开展, a count per head that is a decimal.
     */
    @Test
    void breakdownTablesByOrgUnitAndFurtherForms() {
        String plan = String.join("\n", "2027年工作要点", "未来两年，每年招录教师不少于90名，为8000名学生开展营养监测。", "每百名幼儿配备专任教师达到8.5个。", "",
                "附表：2028年各学区招生任务分解", "序号\t学区\t小学招生（人）\t初中招生（人）\t新建食堂（个）", "1\t东片学区\t420\t380\t1", "2\t西片学区\t350\t—\t0",
                "\t合计\t770\t380\t1", "", "本表由计财股负责解释。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period() + " "
                + c.orgUnitName() + " " + c.valueType()).containsExactly("招录教师 90名 2027/2028 null INTEGER",
                        "学生营养监测 8000名 2027/2028 null INTEGER", "每百名幼儿配备专任教师 8.5个 2027 null DECIMAL",
                        "小学招生 420人 2028 东片学区 INTEGER", "初中招生 380人 2028 东片学区 INTEGER", "新建食堂 1个 2028 东片学区 INTEGER",
                        "小学招生 350人 2028 西片学区 INTEGER");
        int cell = plan.indexOf("420");
        assertThat(found.get(3).start()).isEqualTo(cell);
        assertThat(found.get(3).end()).isEqualTo(cell + 3);
    }

    /**
     * A yearly plan's table of last year's result and this year's target (2026年完成 / 2027年目标): the result is the
     * baseline. And 解决…问题 for a count of people, 场次 as a unit of Chinese-numeral events.
     */
    @Test
    void aYearlyTableOfResultAndTargetAndProblemsSolved() {
        String plan = String.join("\n", "2027年工作计划", "新建学生公寓2栋，解决1500名学生住宿问题；开展家庭教育讲座二十场次。", "", "附：主要指标",
                "指标\t单位\t2026年完成值\t2027年目标值", "高中阶段毛入学率\t%\t94.5\t95.5", "校车\t辆\t40\t40");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(c -> c.value().toPlainString() + c.unit() + " " + c.period() + " " + c.direction()
                + " "
                + (c.baseline() == null ? "-" : c.baseline().period() + "=" + c.baseline().value().toPlainString()))
                .containsExactly("2栋 2027 INCREASE -", "1500名 2027 INCREASE -", "20场次 2027 INCREASE -",
                        "95.5% 2027 INCREASE 2026=94.5", "40辆 2027 MAINTAIN 2026=40");
    }

    /**
     * Year columns named inside their header (现状值（2025年）, “十四五”末（2025年）, 2030年目标值) are year columns; a cell
     * with other words (2025年新增学位) is not.
     */
    @Test
    void aYearColumnMayNameItsYearInsideItsHeader() {
        assertThat(TableColumns.yearOf("现状值（2025年）")).isEqualTo(2025);
        assertThat(TableColumns.yearOf("“十四五”末(2025年)")).isEqualTo(2025);
        assertThat(TableColumns.yearOf("2030年目标值")).isEqualTo(2030);
        assertThat(TableColumns.yearOf("2026年完成")).isEqualTo(2026);
        assertThat(TableColumns.yearOf("2025年新增学位")).isNull();
        assertThat(TableColumns.yearOf("2025—2030年")).isNull();
        assertThat(TableColumns.yearOf("年均增长（%）")).isNull();
        String plan = String.join("\n", "某区教育规划（2026—2030年）", "领域\t指标\t基期（2025年）\t目标（2030年）", "保障\t生均图书（册）\t32\t40",
                "\t差异系数（初中）\t0.41\t≤0.35");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found)
                .extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.direction() + " "
                        + c.baseline().value().toPlainString())
                .containsExactly("生均图书 40册 INCREASE 32", "差异系数(初中) 0.35null DECREASE 0.41");
    }

    /**
     * Shares of a total by school after 其中 (其中县一中900人、县二中380人) are the total's targets for those schools; a score
     * in 分 is a target unless it describes those counted (600分以上考生); minutes are a unit; 撤并 and 创成 set goals.
     */
    @Test
    void sharesBySchoolScoresMinutesAndMergers() {
        String plan = String.join("\n", "2027年工作要点", "本科上线人数达到800人，其中城关中学500人、实验中学300人。",
                "中考平均分提高到520.5分，力争650分以上考生达到30人。", "学生每天户外活动不少于120分钟，三分之一的学校开设围棋课。", "撤并教学点4个，创成市级文明校园3所。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(c -> c.value().toPlainString() + c.unit() + " " + c.orgUnitName()).containsExactly(
                "800人 null", "500人 城关中学", "300人 实验中学", "520.5分 null", "30人 null", "120分钟 null", "4个 null", "3所 null");
        assertThat(found.get(1).name()).isEqualTo("本科上线人数");
        assertThat(found.get(3).valueType()).isEqualTo(ValueType.DECIMAL);
    }

    /**
     * A schedule by year (年份 / measures with units; rows 2027年, 2028年) gives each cell as a target of its row's year,
     * history rows before the plan year none; a figure that sets nothing (一级) stays in the name of the next; a grade
     * (市级示范幼儿园) is no school to assign to; an appraisal table's 分值 column weighs, it sets nothing.
     */
    @Test
    void schedulesByYearGradesAndAppraisalWeights() {
        String plan = String.join("\n", "2027年工作要点", "省级一类幼儿园达到6所，市级示范幼儿园达到10所。", "", "分年度目标",
                "年份\t建成智慧校园（所）\t培训校长（人次）", "2026年\t8\t120", "2027年\t10\t150", "2028年\t12\t150", "", "考核指标",
                "序号\t考核内容\t目标要求\t分值", "1\t控辍保学\t辍学学生动态清零\t10", "2\t教师发展\t教师培训参训率达到98%\t8");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found).extracting(
                c -> c.name() + " " + c.value().toPlainString() + c.unit() + " " + c.period() + " " + c.orgUnitName())
                .containsExactly("省级一类幼儿园 6所 2027 null", "市级示范幼儿园 10所 2027 null", "建成智慧校园 10所 2027 null",
                        "培训校长 150人次 2027 null", "建成智慧校园 12所 2028 null", "培训校长 150人次 2028 null", "辍学学生 0null 2027 null",
                        "教师培训参训率 98% 2027 null");
    }

    /**
     * Outline numbers (2.1, 3.2.1) are no figures and no part of names; 开发, 共建 and 保障 set goals; 参与 and 普及 are
     * words, not conjunctions, in the object after a figure; a category of schools (中等职业学校) is no org unit.
     */
    @Test
    void outlineNumbersMaterialsAndCategoriesOfSchools() {
        String plan = String.join("\n", "2026年工作要点", "2.1 开发地方课程教材6本，与高校共建教师发展基地3个。",
                "3.2.1 保障学生每天阅读各30分钟，每学期组织2次全员参与的读书节。", "中等职业学校招生2800人。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.value().toPlainString() + c.unit() + " " + c.orgUnitName())
                .containsExactly("6本 null", "3个 null", "30分钟 null", "2次 null", "2800人 null");
        assertThat(found).extracting(Candidate::name).containsExactly("地方课程教材", "与高校共建教师发展基地", "学生每天阅读", "全员参与的读书节",
                "中等职业学校招生");
    }

    /**
     * A plan typed with ASCII punctuation ends sentences with '.' between words (达到92%.招生…), never in 2.5 or a list
     * number; last year's figure (去年…) is no goal; 甲小学、乙中学等学校三所 is named by the noun after 等, so the item and
     * its heading that repeat it are one target; a stop alone is no name.
     */
    @Test
    void asciiStopsLastYearAndExamplesBeforeTheNoun() {
        String plan = String.join("\n", "2026年工作计划", "(一)新建学校三所", "1.新建甲小学、乙中学等学校三所,完成投资2.5亿元.",
                "去年招生2300人,今年计划招生2500人;合格率达到92%.本科上线人数比去年增加80人,达到980人.");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().toPlainString() + c.unit())
                .containsExactly("新建学校 3所", "完成投资 2.5亿元", "计划招生 2500人", "合格率 92%", "本科上线人数 980人");
        assertThat(found.get(0).alsoAt()).hasSize(1);
        assertThat(found.get(4).baseline()).isEqualTo(new PeriodValue("2025", new BigDecimal("900")));
    }

    /**
     * 年均增长5% of an amount (亿元) compounds and states no value: no candidate — never the base plus five times five
     * read as 亿元 (a wrong target is worse than a missing one). 年均提高1个百分点 of a rate adds up exactly.
     */
    @Test
    void aYearlyGrowthInPercentOfAnAmountGivesNoTarget() {
        String plan = String.join("\n", "规划指标", "指标\t单位\t2025年\t2030年", "教育经费总投入\t亿元\t12.6\t年均增长5%",
                "普惠率\t%\t88\t年均提高1个百分点");
        List<Candidate> found = new TargetExtractor().extract(plan, 2026).candidates();
        assertThat(found).extracting(c -> c.name() + " " + c.value().stripTrailingZeros().toPlainString() + c.unit())
                .containsExactly("普惠率 93%");
    }

    /**
     * A table of the present (各乡镇学校分布如下, a past year in its title) sets no targets, while one whose title or
     * measures say target (招生计划) does; a comparison gives a baseline only to the figure it is said of — right after it,
     * or leading to it (同比提高1.5个百分点、达到42%) — and none when it is about another measure (优良率达到60%，近视率较上年
     * 下降1.2个百分点): a wrong gap is worse than none.
     */
    @Test
    void tablesOfThePresentAndComparisonsOfAnotherMeasure() {
        String plan = String.join("\n", "2027年工作要点", "全区学校分布如下：", "街道\t学校（所）\t学生（人）", "东街\t12\t9000", "",
                "2026年各学区招生完成情况", "学区\t招生（人）", "北区\t800", "", "2027年招生计划", "学区\t招生（人）", "北区\t820", "",
                "达标校占比达到80%，一本上线率同比提高1.5个百分点、达到42%。优良率达到60%，近视率较上年下降1.2个百分点。新开办学校2所，交流轮岗教师150名。");
        List<Candidate> found = new TargetExtractor().extract(plan, 2027).candidates();
        assertThat(found)
                .extracting(c -> c.value().toPlainString() + c.unit() + " " + c.orgUnitName() + " "
                        + (c.baseline() == null ? "-" : c.baseline().value().toPlainString()))
                .containsExactly("820人 北区 -", "80% null -", "42% null 40.5", "60% null -", "2所 null -", "150名 null -");
    }

    /** A part in brackets after its whole (招聘教师90名（其中特岗教师20名）) is named without the bracket and 其中. */
    @Test
    void aBracketedPartIsNamedWithoutItsBracket() {
        List<Candidate> found = new TargetExtractor().extract("2027年要点\n招聘教师90名（其中特岗教师20名）。", 2027).candidates();
        assertThat(found).extracting(Candidate::name).containsExactly("招聘教师", "特岗教师");
    }

    record Expected(String name, String value, String unit, String valueType, String direction, String period,
            String baselinePeriod, String baselineValue, String orgUnit, String note) {

        static List<Expected> read(String tsv) {
            return tsv.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(line -> {
                String[] f = (line + "\t\t\t\t\t\t\t\t\t\t").split("\t", -1);
                return new Expected(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
            }).toList();
        }

        void check(Candidate c, boolean withName) {
            String what = "candidate for " + name + " in " + c.sentence();
            if (withName) {
                assertThat(c.name()).as(what).isEqualTo(name);
            }
            assertThat(c.value()).as(what).isEqualByComparingTo(value);
            assertThat(c.unit() == null ? "" : c.unit()).as(what).isEqualTo(unit);
            if (!valueType.isEmpty()) {
                assertThat(c.valueType().name()).as(what).isEqualTo(valueType);
            }
            assertThat(c.direction().name()).as(what).isEqualTo(direction);
            assertThat(c.period()).as(what).isEqualTo(period);
            if (baselinePeriod.isEmpty()) {
                assertThat(c.baseline()).as(what).isNull();
            } else {
                assertThat(c.baseline()).as(what).isNotNull();
                assertThat(c.baseline().period()).as(what).isEqualTo(baselinePeriod);
                assertThat(c.baseline().value()).as(what).isEqualByComparingTo(baselineValue);
            }
            assertThat(c.orgUnitName() == null ? "" : c.orgUnitName()).as(what).isEqualTo(orgUnit);
            if (note.equals("range")) {
                assertThat(c.note()).as(what).contains("lower bound");
            }
        }
    }
}
