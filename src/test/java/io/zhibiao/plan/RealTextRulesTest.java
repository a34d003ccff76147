package io.zhibiao.plan;

import static io.zhibiao.plan.TargetExtractorTest.d;
import static io.zhibiao.plan.TargetExtractorTest.extract;
import static io.zhibiao.plan.TargetExtractorTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zhibiao.progress.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules written from the first reading of real published texts (plans/real), each in other words than the text it
 * came from: one fixture per rule, in the style of county plans and of the sites that republish them.
 */
class RealTextRulesTest {

    private static final TargetExtractor EXTRACTOR = new TargetExtractor();

    @Test
    void aTextInTraditionalCharactersIsReadAsSimplified() {
        List<Candidate> all = extract("松嶺縣2027年教育工作要點\n全縣義務教育鞏固率達到99.2%，全年新增學位2000個以上，學生體質健康達標率穩定在95%。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("99.2"), d("2000"), d("95"));
        assertThat(all).extracting(Candidate::name).containsExactly("义务教育巩固率", "新增学位", "学生体质健康达标率");
        assertThat(all.get(1).unit()).isEqualTo("个");
    }

    @Test
    void aSimplifiedTextWithAFewTraditionalCharactersStaysAsItIs() {
        char[] text = "新建学校3所，其中於城区新建1所，显著改善办学条件。".toCharArray();
        assertThat(TraditionalText.simplify(text)).isFalse();
        assertThat(new String(text)).contains("於");
    }

    @Test
    void wanAndYiMultiplyEveryUnitButMoney() {
        Candidate area = only("全年完成校舍改造2.4万平方米。");
        assertThat(area.value()).isEqualByComparingTo("24000");
        assertThat(area.unit()).isEqualTo("平方米");
        Candidate money = only("全年投入教育经费3.5亿元。");
        assertThat(money.value()).isEqualByComparingTo("3.5");
        assertThat(money.unit()).isEqualTo("亿元");
    }

    @Test
    void yearsMeasureAFigureReachedButNotASpanOrADate() {
        Candidate years = only("到2027年，新增劳动力平均受教育年限达到14.2年以上。");
        assertThat(years.value()).isEqualByComparingTo("14.2");
        assertThat(years.unit()).isEqualTo("年");
        assertThat(extract("用3年时间完成校舍改造，三年内建成标准化学校。")).isEmpty();
    }

    @Test
    void aParagraphThatOpensOnHowThingsStandYieldsNoTargets() {
        assertThat(extract("截至6月，全县新建学校4所，开工率80%；完成投资2100万元，占年度计划的40%。")).isEmpty();
        assertThat(extract("1-5月，全县完成教师培训3200人次。")).isEmpty();
        assertThat(extract("记者从县教育局获悉，今年上半年全县学前教育项目开工率为90%。")).isEmpty();
        // a deadline is not a report
        assertThat(extract("截至2027年底，全县学前三年毛入园率达到95%。")).hasSize(1);
        // a schedule is not a report
        assertThat(extract("3-4月，完成5所学校建设项目开工手续。")).hasSize(1);
    }

    @Test
    void aGoalNamedInAProgressReportStaysAGoal() {
        Candidate c = only("截至11月底，全县辍学学生降至12人，为实现2027年九年义务教育巩固率达到99%的目标打下基础。");
        assertThat(c.value()).isEqualByComparingTo("99");
        assertThat(c.name()).isEqualTo("九年义务教育巩固率");
    }

    @Test
    void whatIsDoneAlreadyEndsTheTargetsOfItsSentence() {
        List<Candidate> found = extract("全年实施校建项目12个，其中新建8个，上半年已完成投资3000万元，完成计划的45%。");
        assertThat(found).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("12"), d("8"));
    }

    @Test
    void aReportedSentenceStatesFactsUnlessItSaysWhatIsPlanned() {
        assertThat(extract("据悉，今年全县中考优秀率达到35%，创历史新高。")).isEmpty();
        assertThat(extract("据悉，今年全县计划新建幼儿园3所。")).hasSize(1);
    }

    @Test
    void recordSectionsYieldNoTargets() {
        String plan = "一、发展基础\n2026年，全县学前三年毛入园率为93%，新增幼儿园5所。\n二、主要目标\n到2027年，学前三年毛入园率达到95%。";
        assertThat(extract(plan)).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("95"));
        String highlights = "一、2026年亮点工作\n新建中小学3所，增加学位2000个。\n二、2027年工作打算\n新建中小学4所。";
        assertThat(extract(highlights)).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("4"));
    }

    @Test
    void aPlanFlattenedIntoOneLineKeepsItsSections() {
        String flat = "县教育局2026年工作总结与2027年工作打算一、2026年亮点工作(一)资源供给。新建中小学3所，增加学位2000个，"
                + "招聘教师150名，培训教师4000人次，建成智慧校园20所，各项工作扎实推进，群众满意度持续提升，获评省级先进单位，"
                + "全面完成年度目标任务，教育事业发展水平持续走在全市前列，办学条件和教育质量同步改善，社会各界广泛认可。"
                + "(二)质量提升。高考本科上线率为66%。二、2027年工作打算(一)资源供给。新建中小学4所。";
        assertThat(flat.length()).isGreaterThan(200);
        assertThat(extract(flat)).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("4"));
    }

    @Test
    void keywordLinesOriginalTitlesAndChannelHeadlinesAreNoText() {
        assertThat(extract("关键词: 新增学位3000个 教育规划")).isEmpty();
        assertThat(extract("原标题：我县新建学校5所")).isEmpty();
        assertThat(extract("教育快讯|我县新增学位3000个")).isEmpty();
    }

    @Test
    void aHeadlineAboveItsBylineIsATitle() {
        String item = "我县今年拟新增学位3000个\n来源：县融媒体中心 时间：2027-02-01\n2027年，全县计划新增学位3000个，新建学校2所。";
        assertThat(extract(item)).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3000"), d("2"));
    }

    @Test
    void aCountAfterTheListAMeasureJoinsIsNoTarget() {
        assertThat(extract("县政府将学前教育项目纳入全县10项民生实事。")).isEmpty();
        Candidate c = only("全年共有16所薄弱学校改造项目列入县级民生实事。");
        assertThat(c.value()).isEqualByComparingTo("16");
    }

    @Test
    void thePlanYearIsNotTheEndOfASpanAndMayBeWrittenWithout年() {
        assertThat(TargetExtractor.planYear("关于实施学前教育行动计划的通知\n组织实施学前教育行动计划（2027年—2029年），计划三年内新建幼儿园30所。"))
                .hasValue(2027);
        assertThat(TargetExtractor.planYear("2027学校体育工作方案\n上传时间：2028-01-03\n全年组织学生体质测试1次。")).hasValue(2027);
    }

    @Test
    void aFiveYearPlanRunsItsFiveYears() {
        String plan = "县教育局印发《县“十五五”教育事业发展规划》\n到2030年，学前三年毛入园率达到98%以上。";
        assertThat(TargetExtractor.planYear(plan)).hasValue(2026);
        Candidate c = EXTRACTOR.extract(plan, 2026).candidates().get(0);
        assertThat(c.period()).isEqualTo("2026/2030");
    }

    @Test
    void aTargetStatedAgainAsPlannedIsOneTarget() {
        List<Candidate> found = extract("全县2027年计划新招录教师400人。\n任务目标是新招录教师400名，其中音体美教师60名。");
        assertThat(found).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("400"), d("60"));
        assertThat(found.get(0).alsoAt()).hasSize(1);
    }

    @Test
    void namesLeaveOutWhoStatesThemAndWhatFramesThem() {
        assertThat(only("我县学前三年毛入园率将达到96%。").name()).isEqualTo("学前三年毛入园率");
        assertThat(only("松岭市学前三年毛入园率达到96%。").name()).isEqualTo("学前三年毛入园率");
        assertThat(only("预计建成后可新增学位1200个。").name()).isEqualTo("新增学位");
        assertThat(only("“十四五”期间新建幼儿园12所。").name()).isEqualTo("新建幼儿园");
        assertThat(only("新建成3所幼儿园。").name()).isEqualTo("新建成幼儿园");
    }

    @Test
    void aYearInReviewIsReportedToItsParagraphsEnd() {
        assertThat(extract("这一年，我们办好人民满意的教育。新建幼儿园4所，新增学位1200个，招聘教师90名。")).isEmpty();
    }

    @Test
    void phrasesSetOnePerLineUnderASinceAreResults() {
        assertThat(extract("2024年以来\n我县不断加大投入\n新建小学2所\n新增学位1500个\n\n2027年，计划新建小学1所。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("1"));
    }

    @Test
    void whatAnOfficialSaysWasDoneIsAResultAndWhatIsPlannedATarget() {
        List<Candidate> found = extract("局长介绍，2026年全县新建学校5所，新增学位3000个。\n他表示，2027年将新建学校4所。");
        assertThat(found).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("4"));
    }

    @Test
    void aParagraphThatOpensOnLastYearReportsItToItsEnd() {
        assertThat(extract("2026年，全县教育资源持续扩增。开工新建学校8所，普惠性幼儿园覆盖率达到90%。")).isEmpty();
    }

    @Test
    void aNewsColumnTagOpensAHeadline() {
        assertThat(extract("【教育快讯】今年我县计划新建学校6所\n2027年，全县计划新建学校6所。")).singleElement()
                .satisfies(c -> assertThat(c.alsoAt()).isEmpty());
    }

    @Test
    void aFiveYearPlanNamedInATraditionalTitleWithPinyinIsStillOne() {
        assertThat(TargetExtractor.planYear("您的位置：教育\n啟動“十五五”學(xué)前教育發(fā)展提升行動\n到2030年，毛入園率達到99%。")).hasValue(2026);
    }

    @Test
    void aTableOneCellPerLineWithBlankLinesAndRowsOfPartsGivesEveryPart() {
        String table = "“十五五”教育事业发展主要指标表\n\n指  标\n\n2025年\n\n2030年\n\n属性\n\n一、普及水平\n\n"
                + "1.学前三年毛入园率(%)\n\n95%\n\n98%以上\n\n约束性\n\n2.平均受教育年限(年)\n\n11.2年\n\n12年以上\n\n约束性\n\n"
                + "二、师资水平\n\n1.小学教师本科学历比例(%)\n\n其中:研究生学历比例(%)\n\n80%\n\n3%\n\n90%\n\n6%\n\n预期性\n\n"
                + "2.大班额比例(%)\n\n其中:小学\n\n初中\n\n5%\n\n8%\n\n0%\n\n0%\n\n约束性\n";
        List<Candidate> found = EXTRACTOR.extract(table, TargetExtractor.planYear(table).orElseThrow()).candidates();
        assertThat(found).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("98"), d("12"), d("90"), d("6"), d("0"), d("0"));
        assertThat(found).allSatisfy(c -> assertThat(c.period()).isEqualTo("2026/2030"));
        assertThat(found.get(3).baseline().value()).isEqualByComparingTo("3");
        assertThat(found.get(5).name()).isEqualTo("大班额比例（初中）");
    }

    @Test
    void aSpaceTypedBetweenAFigureAndItsUnitKeepsTheFigure() {
        assertThat(extract("力争全县初中获一等奖 2 所、二等奖 3 所。")).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("2"), d("3"));
    }

    @Test
    void aChineseCountAfterABuildingVerbIsATarget() {
        assertThat(only("年内改扩建一所县城公办幼儿园。").value()).isEqualByComparingTo("1");
    }

    @Test
    void aShiftFromOneWayToAnotherIsNoZeroTarget() {
        assertThat(extract("控辍保学实现由“动态”清零向“常态”清零转变。")).isEmpty();
    }

    @Test
    void aLineThatLeadsIntoProgressReportsTheLinesBelowIt() {
        assertThat(extract("教育方面的具体进展有\n推动教育均衡发展。\n●新增托位数1500个，已建成幼儿园2所。\n\n2027年，计划新建幼儿园3所。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("3"));
    }

    @Test
    void aClauseBeforeAnAsOfStillOpensAProgressReport() {
        assertThat(extract("经各部门全力攻坚，截至7月底全县新建学校4所，开工率90%。")).isEmpty();
    }

    @Test
    void theDateASiteAddedAPageDatesItWhenNothingElseDoes() {
        assertThat(TargetExtractor.planYear("教育部：覆盖率达76%\n添加时间:2020-12-1\n今天上午，教育部举办发布会。")).hasValue(2020);
    }

    @Test
    void aCountOfAProgrammesProjectsIsItsStructure() {
        assertThat(extract("遴选确定了十个方面30项为民实事。")).isEmpty();
    }

    @Test
    void aTraditionalHeadingOpensAReviewAsASimplifiedOneDoes() {
        String plan = "松嶺縣“十四五”教育事業發展規劃\n一、“十三五”教育工作回顧\n(一)成績與經驗\n一是辦學條件日臻完善。累計投入超過6億元，新建幼兒園14所。\n"
                + "二、發展目標\n到2025年，新建幼兒園10所。";
        List<Candidate> found = EXTRACTOR.extract(plan, TargetExtractor.planYear(plan).orElseThrow()).candidates();
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("10");
            assertThat(c.category()).isEqualTo("发展目标");
        });
    }

    @Test
    void aListIntroducedAfterWhatWasDoneIsWhatWasDone() {
        String text = "全年计划新建学校5所。\n计划实施的5所学校已于8月底全部竣工。具体情况如下:\n\n1.城东小学，建设面积3000平方米。\n\n"
                + "2.城西小学，建设面积2800平方米。\n\n随着项目的完成，能够增加学位600个。";
        assertThat(extract(text)).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("5"));
    }

    @Test
    void aMonthDeadlineInsideASentenceDatesTheFiguresAfterIt() {
        List<Candidate> found = extract("全年新建学校6所，确保6月底，在建项目开工率达到80%。");
        assertThat(found).extracting(Candidate::period).containsExactly("2027", "2027-06");
    }

    // ---- from the fifth set (47–54)

    @Test
    void oneFigureForAListOfMeasuresIsATargetForEach() {
        List<Candidate> each = extract("全县初中入学率、巩固率、毕业率均保持100%。");
        assertThat(each).extracting(Candidate::name).containsExactly("初中入学率", "巩固率", "毕业率");
        assertThat(each).allSatisfy(c -> assertThat(c.value()).isEqualByComparingTo("100"));
        List<Candidate> shares = extract("全县公办园数、公办园在园幼儿数分别占总数60%以上。");
        assertThat(shares).extracting(Candidate::name).containsExactly("公办园数", "公办园在园幼儿数");
        // one measure for two things (视力、龋齿筛查率) and a bracketed list (各乡（镇、街道）) are no such list
        assertThat(extract("视力、龋齿筛查率均达到100%。")).hasSize(1);
        assertThat(extract("各乡（镇、街道）均不低于85%。")).hasSize(1);
    }

    @Test
    void aListGivenRespectivelyMayEndWithAnd() {
        assertThat(extract("学前三年毛入园率、义务教育巩固率和高中阶段毛入学率分别达到92%、98%和90%。")).extracting(Candidate::name)
                .containsExactly("学前三年毛入园率", "义务教育巩固率", "高中阶段毛入学率");
    }

    @Test
    void aLaterClauseGivenRespectivelyWithoutNamesReadsTheListBefore() {
        List<Candidate> found = EXTRACTOR.extract("2026年学前三年毛入园率、义务教育巩固率分别达到92%、98%；2030年分别达到95%、99%。", 2026)
                .candidates();
        assertThat(found).extracting(Candidate::name).containsExactly("学前三年毛入园率", "义务教育巩固率", "学前三年毛入园率", "义务教育巩固率");
        assertThat(found).extracting(Candidate::period).containsExactly("2026", "2026", "2026/2030", "2026/2030");
    }

    @Test
    void aLaterYearASentenceOpensWithHoldsForItsEveryClause() {
        List<Candidate> found = EXTRACTOR.extract("2030年学前三年毛入园率达到95%，全面普及学前教育，从业人员继续教育年参与率达70%以上。", 2026).candidates();
        assertThat(found).extracting(Candidate::period).containsExactly("2026/2030", "2026/2030");
    }

    @Test
    void aClauseThatTurnsToResultsOrToHowThingsStandYieldsNoTargets() {
        assertThat(extract("记者从县教育局获悉，三年来，全县新建学校12所，新增学位5000个。")).isEmpty();
        assertThat(extract("县教育局负责人介绍说，截至本月10日，全县有20所幼儿园投入使用，完成年初25所目标任务的80%。")).isEmpty();
    }

    @Test
    void aShareOfUnitsToBecomeSomethingIsATarget() {
        Candidate share = only("100%乡镇中学创立为市级文明校园。");
        assertThat(share.value()).isEqualByComparingTo("100");
        assertThat(share.name()).isEqualTo("市级文明校园");
    }

    @Test
    void toFoundIsAGoalVerb() {
        Candidate founded = only("创立市级绿色学校5所。");
        assertThat(founded.value()).isEqualByComparingTo("5");
        assertThat(founded.name()).endsWith("绿色学校").doesNotContain("创立");
    }

    @Test
    void theYearOfAFiveYearPlanATextSaysThisYearIsIsItsPlanYear() {
        assertThat(PlanYears.of("某市新建学校30所\n更新：2023-05-01\n今年是“十三五”收官之年，记者获悉，今年新建学校30所。")).hasValue(2020);
        assertThat(PlanYears.of("某县教育\n今年是“十四五”开局之年，全县新建学校5所。")).hasValue(2021);
        // a yearly plan that is to complete a five-year plan is that plan's last year; the five-year plan is not its title
        String plan = "教育局基础教育科工作计划一、指导思想：以深化课程改革为抓手，进一步提高学校办学水平，全面完成教育事业“十二五”发展规划提出的目标任务。" + "二、工作目标：小学入学率保持100%。";
        assertThat(PlanYears.of(plan)).hasValue(2015);
        assertThat(PlanYears.lastYear(plan, 2015)).isEqualTo(2015);
    }

    @Test
    void aHeadlineAboveWhenThePageWasUpdatedIsATitle() {
        String text = "本市5年建学校200所新增学位8万个\n\n更新：2023-05-01 某某网\n\n今年全市新建学校30所。";
        assertThat(EXTRACTOR.extract(text, 2027).candidates()).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("30"));
    }

    @Test
    void aSentenceOpeningWithAPastSeasonReportsToItsEnd() {
        // 2026年秋季，… in a 2027 plan: last autumn's results, every clause of it
        assertThat(EXTRACTOR.extract("2026年秋季，新建城南小学、城北中学等6所学校投入使用，新增学位5400个；完成幼儿园改扩建项目12个，" + "增加学位2100个。", 2027)
                .candidates()).isEmpty();
        // this year's season is a time, not a report
        assertThat(EXTRACTOR.extract("2027年秋季，新增学位3000个。", 2027).candidates()).singleElement()
                .satisfies(c -> assertThat(c.period()).isEqualTo("2027"));
    }

    @Test
    void aCountInWordsOfTheSchoolsJustListedIsATarget() {
        Candidate two = only("今年将建成城东二小、滨江一初两所学校。");
        assertThat(two.value()).isEqualByComparingTo("2");
        assertThat(two.name()).isEqualTo("学校");
        // a count that is not the list's length is an everyday word
        assertThat(extract("今年将建成城东二小、滨江一初两所学校的配套工程。").stream().map(Candidate::value).toList())
                .allSatisfy(v -> assertThat(v).isNotEqualByComparingTo("3"));
    }

    @Test
    void projectsToStartOrPushOnAreCounted() {
        List<Candidate> all = extract("今年将加快推进一中新校区、实验小学等4个项目建设，启动城南一高、城西三小、城北二初3个项目建设。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("4"), d("3"));
        assertThat(all.get(1).name()).isEqualTo("启动项目建设");
    }

    @Test
    void aTaskQuotedByItsNameIsNoSlogan() {
        List<Candidate> all = extract("今年承办县办实事两项：“新建改扩建幼儿园8所”和“为全县96所农村学校食堂实行运行补助”。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("8"), d("96"));
        // a slogan's figures count nothing
        assertThat(extract("深入实施“5+2”课后服务，推进“1530”安全教育。")).isEmpty();
    }

    @Test
    void theYearOfANewsItemIsTheOneItsPlansName() {
        String news = "多区召开教育工作会议\n记者获悉，今年各区将新建改扩建一批学校。\n东城区将完成两所小学改扩建，新增学位900个。\n" + "西城区将加快幼儿园建设，确保2019年秋季开学前投入使用。";
        assertThat(PlanYears.of(news)).hasValue(2019);
    }

    @Test
    void partsOfADocumentAndItsBackgroundAreNoTargets() {
        assertThat(extract("该方案分总体要求、主要任务、保障措施3部分。")).isEmpty();
        assertThat(extract("（一）发展环境。\n十三五以来，全市职业学校每年输送技术技能人才近2万名。")).isEmpty();
    }

    @Test
    void aTaskTableWrittenWithPipesGivesItsTasksNotItsProgress() {
        String table = "类别 | 事项 | 2027年度目标任务 | 责任单位 | 1-6月完成情况 |\n"
                + "教育 | 1.新建幼儿园 | 新建公办幼儿园3所，新增学位540个。 | 教育局 | 已开工2所，完成投资60%。 |\n"
                + "2.食堂改造 | 完成12所学校食堂改造。 | 教育局 | 完成5所，占计划的42%。 | |\n";
        List<Candidate> all = EXTRACTOR.extract(table, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3"), d("540"), d("12"));
        assertThat(table.substring(all.get(2).start(), all.get(2).end())).isEqualTo("12");
    }

    @Test
    void aMarkdownIndicatorTableIsATable() {
        String table = "| 指标 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|\n| 学前三年毛入园率（%） | 92.5 | 96以上 | 预期性 |\n"
                + "| 义务教育巩固率（%） | 98.6 | 99 | 约束性 |\n";
        List<Candidate> all = EXTRACTOR.extract(table, 2026).candidates();
        assertThat(all).extracting(Candidate::name).containsExactly("学前三年毛入园率", "义务教育巩固率");
        assertThat(all).extracting(Candidate::period).containsOnly("2026/2030");
        assertThat(table.substring(all.get(0).start(), all.get(0).end())).isEqualTo("96以上");
    }

    @Test
    void rowsOfATableWhoseHeaderIsNotInTheTextAreKnownByTheirAttribute() {
        String rows = "生均公用经费(元) 800 ≥ 1000 约束性\n体育场馆 全县体育场馆年接待人次 - 35万 预期性\n" + "（二）主要任务\n全县新建学校4所。\n";
        List<Candidate> all = EXTRACTOR.extract(rows, 2026).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("1000"), d("350000"), d("4"));
        Candidate spending = all.get(0);
        assertThat(spending.name()).isEqualTo("生均公用经费");
        assertThat(spending.unit()).isEqualTo("元");
        assertThat(spending.direction()).isEqualTo(io.zhibiao.progress.Direction.INCREASE);
        assertThat(spending.baseline()).as("the base column's year is not in the text").isNull();
        assertThat(all.get(1).category()).isEqualTo("体育场馆");
        assertThat(rows.substring(spending.start(), spending.end())).isEqualTo("≥ 1000");
        // a line that ends with an attribute but says more than a row is prose
        assertThat(EXTRACTOR.extract("本项指标由2.6%调整为4% 预期性", 2026).candidates()).isEmpty();
    }

    @Test
    void aTableCellInWanIsMultiplied() {
        String table = "指标\t2025年\t2030年\n年培训教师（人次）\t1.2万\t1.5万\n";
        Candidate training = EXTRACTOR.extract(table, 2026).candidates().get(0);
        assertThat(training.value()).isEqualByComparingTo("15000");
        assertThat(training.baseline().value()).isEqualByComparingTo("12000");
    }

    @Test
    void aDeadlineOrAStatusInTheOpeningIsNotThePlanYearButAByline() {
        String news = "某市教育补短板\n去年，我市提出到2025年推进教育项目120个。\n争取2025年建成招生。\n" + "今年列入为民办实事的有：2023年列入新建学校10所，都将在年内完成。";
        assertThat(PlanYears.of(news)).hasValue(2023);
        String results = "全国学校数量再创新高\n2026年03月05日09:30 | 来源：某某网\n截至2025年，全国学校数量达到50万所。";
        assertThat(PlanYears.of(results)).hasValue(2026);
    }

    @Test
    void theLastYearsAndWhatWasBoughtAreResults() {
        assertThat(extract("近5年，全县对学校投入达12亿元，补充教师1800多人。")).isEmpty();
        assertThat(extract("去年以来，全县新建幼儿园6所。")).isEmpty();
        assertThat(extract("全年购置了校车30辆、课桌椅2000套。")).isEmpty();
        assertThat(extract("今年全县涉及校舍改造项目超过40个。")).isEmpty();
    }

    @Test
    void aFiveYearPlanNamedInASentenceGivesItsSpan() {
        List<Candidate> all = EXTRACTOR.extract("县长表示，“十四五”期间规划新建公办幼儿园6所，中小学校9所。", 2023).candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2021/2025", "2021/2025");
        // a plan that ended before the text's year is named to compare, not to date
        assertThat(EXTRACTOR.extract("到2030年，学位数约为“十三五”期间的2倍，新增学位3万个。", 2027).candidates())
                .extracting(Candidate::period).containsExactly("2027/2030");
    }

    @Test
    void repairsSurveysAndTreesAreTargets() {
        List<Candidate> all = extract("修复操场3处，布设监测点20处，种植乔木1200株。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3"), d("20"), d("1200"));
        assertThat(all.get(2).unit()).isEqualTo("株");
    }

    @Test
    void aLeadAndAnOfficialStatingTheSameProjectsInOtherWordsGiveOneTargetEach() {
        String news = "今年年内将有12个中小学项目完工，将提供约1.5万个学位，还有8个幼儿园项目陆续开建。\n"
                + "处长表示：今年列入为民办实事项目有：建成12所中小学项目，新增1.5万个学位，开建8个幼儿园项目，都将在年内完成。";
        List<Candidate> all = EXTRACTOR.extract(news, 2026).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactlyInAnyOrder(d("12"), d("15000"), d("8"));
        assertThat(all).allSatisfy(c -> assertThat(c.alsoAt()).hasSize(1));
    }

    @Test
    void aRateComparedWithADecadeAgoIsAResult() {
        assertThat(EXTRACTOR.extract("全县普惠性幼儿园在园幼儿占比达到91%，比2015年提高25个百分点。", 2026).candidates()).isEmpty();
        // compared with last year it is a goal
        assertThat(EXTRACTOR.extract("全县普惠性幼儿园在园幼儿占比达到91%，比2025年提高2个百分点。", 2026).candidates()).hasSize(1);
    }

    @Test
    void aTimeClauseHoldsForEveryClauseAfterItThatSaysNoTimeOfItsOwn() {
        List<Candidate> all = EXTRACTOR.extract("去年下半年，我县加快教育补短板，提出到2028年，推进学校项目40个，学位数约为现在的2倍，总学位预计新增近1万个。", 2026)
                .candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2026/2028", "2026/2028");
    }

    @Test
    void aParagraphOpeningOnAPastYearWithoutACommaReportsToItsEnd() {
        assertThat(EXTRACTOR.extract("司长表示，2025年中央财政投入近300亿元。生均公用经费小学由650元提高到720元，初中由850元提高到940元。", 2026).candidates())
                .isEmpty();
    }

    @Test
    void aProjectListsAmountsAreTargetsAndItsContentsAreReadAsSentences() {
        String list = "|\n序号 |\n项目名称 |\n2027年建设内容 |\n年度投资金额（万元） |\n责任单位 |\n|\n"
                + "1 |\n城关小学扩建项目 |\n新建教学楼1栋，新增学位540个。 |\n1200 |\n教育局 |\n|\n"
                + "2 |\n乡村学校食堂改造项目 |\n改造学校食堂12所。 |\n650 |\n教育局 |\n";
        List<Candidate> all = EXTRACTOR.extract(list, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("1"), d("540"), d("1200"), d("12"), d("650"));
        Candidate amount = all.get(2);
        assertThat(amount.name()).isEqualTo("城关小学扩建项目年度投资");
        assertThat(amount.unit()).isEqualTo("万元");
        assertThat(amount.period()).isEqualTo("2027");
        assertThat(list.substring(amount.start(), amount.end())).isEqualTo("1200");
    }

    @Test
    void aPerformanceGoalTableCopiedOneCellPerLineGivesEachIndicatorItsValue() {
        String table = "项目支出绩效目标表\n（2027年度）\n项目名称\n\n乡村学校改薄项目\n\n资金总额\n\n800万元\n\n当年资金总额：\n\n800万元\n\n"
                + "其中：财政拨款\n\n800万元\n\n一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n改造校舍数量\n\n6\n\n"
                + "质量指标\n\n工程验收合格率\n\n100%\n\n满意度指标\n\n师生满意度\n\n≥95%\n\n序号\n\n3\n";
        List<Candidate> all = EXTRACTOR.extract(table, 2027).candidates();
        assertThat(all).extracting(Candidate::name).containsExactly("资金总额", "改造校舍数量", "工程验收合格率", "师生满意度");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("800"), d("6"), d("100"), d("95"));
        assertThat(all.get(0).unit()).isEqualTo("万元");
        assertThat(all.get(1).unit()).isNull();
        assertThat(all).extracting(Candidate::period).containsOnly("2027");
        assertThat(table.substring(all.get(3).start(), all.get(3).end())).isEqualTo("≥95%");
        // outside a performance-goal table a line of a figure is no value of the line before it
        assertThat(extract("重点建设工程安排数量\n\n2\n")).isEmpty();
    }

    @Test
    void aFlattenedPerformanceTableNamesTheIndicatorNotItsLevels() {
        String table = "绩效目标表\n资金情况\n（万元）\n年度资金总额：45\n    其中：上级资金45\n"
                + "产出指标数量指标乡村学校改造覆盖率100%\n效益指标可持续影响指标办学条件持续改善\n满意度指标家长满意度≥92%\n";
        List<Candidate> all = EXTRACTOR.extract(table, 2027).candidates();
        assertThat(all).extracting(Candidate::name).containsExactly("年度资金总额", "乡村学校改造覆盖率", "家长满意度");
        assertThat(all.get(0).unit()).isEqualTo("万元");
        assertThat(all.get(0).value()).isEqualByComparingTo("45");
    }

    @Test
    void aYearTheTextNamesAsItsOwnDatesItBeforeTheDayItWasPublished() {
        assertThat(TargetExtractor.planYear("发布日期 2028-01-05\n绩效目标表\n（2027年度）\n学生满意度≥90%")).hasValue(2027);
        assertThat(TargetExtractor.planYear("发布日期: 2028.07.21\n一、总体绩效目标2027年，全县教育工作的总体要求是：办好人民满意的教育。")).hasValue(2027);
        // a news item's own year in passing does not
        assertThat(TargetExtractor.planYear("发布日期: 2028.07.21\n2027年，全县新建学校3所。")).hasValue(2028);
    }

    @Test
    void aReprintsPinyinInsideAWordNeitherSplitsANameNorHidesAProgrammesSize() {
        List<Candidate> all = extract("县政府将集中力量办好十件民生实(shí)事：实施城关小学等12所改善薄弱学(xué)校项(xiàng)目，硬化校园道路3公里。");
        assertThat(all).extracting(Candidate::name).containsExactly("改善薄弱学校项目", "硬化校园道路");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("12"), d("3"));
    }

    @Test
    void villagesAndWhatIsGivenFreeAreCounted() {
        List<Candidate> all = extract("完成上坪等18村整村推进项目；为2600名小学生免费检查视力。");
        assertThat(all).extracting(Candidate::unit).containsExactly("村", "名");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("18"), d("2600"));
    }

    @Test
    void aClauseOfANameAndAnAmountGoesOnWithTheGoalBeforeItInAUnitOfItsOwn() {
        List<Candidate> all = extract("建成标准化运动场4块，“软化”运动场地12000平方米。");
        assertThat(all).extracting(Candidate::unit).containsExactly("块", "平方米");
        assertThat(all.get(1).name()).isEqualTo("软化运动场地");
        // a share or a part of the figure before is not
        assertThat(extract("招聘教师100名，平均工资6000元。")).hasSize(1);
        assertThat(extract("新建幼儿园3所，其中城区1200平方米。")).hasSize(1);
    }

    @Test
    void aProjectRestatedWithItsNounUnqualifiedIsOneTarget() {
        List<Candidate> all = extract("2027年，“新增城镇公办幼儿园学位2400个”项目总投资1.2亿元，建成后将新增2400个学位，其中城东区1000个、城西区1400个。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("2400"), d("1.2"), d("1000"), d("1400"));
        assertThat(all.get(0).alsoAt()).hasSize(1);
        assertThat(all.get(2).name()).isEqualTo("新增学位");
    }

    @Test
    void aSpaceTypedBeforeWanStillMultipliesAndADurationIsNoCount() {
        Candidate pupils = only("全市普通高中招生人数达到 3.2 万人。");
        assertThat(pupils.value()).isEqualByComparingTo("32000");
        assertThat(pupils.unit()).isEqualTo("人");
        assertThat(extract("新建幼儿园2所，建设工期为8个月。")).singleElement().satisfies(c -> assertThat(c.unit()).isEqualTo("所"));
        // a phase's name counts nothing
        assertThat(extract("全面落实省特殊教育规划、省特殊教育三期提升计划。")).isEmpty();
    }

    @Test
    void aSpanFromThisYearHoldsForTheClausesAfterItAndForASentenceThatGoesOnAlongside() {
        List<Candidate> all = EXTRACTOR.extract("县政府决定，从今年到2028年，将分批投入4800万元修建8个乡镇公办幼儿园。同时，还将招聘260名幼儿园教职工。", 2026)
                .candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2026/2028", "2026/2028", "2026/2028");
        // a sentence with a time of its own keeps it
        assertThat(EXTRACTOR.extract("从今年到2028年，将修建8个乡镇公办幼儿园。同时，今年招聘260名教职工。", 2026).candidates())
                .extracting(Candidate::period).containsExactly("2026/2028", "2026");
    }

    @Test
    void aDeadlineOrASpanOpeningAClauseHoldsForTheClausesAfterIt() {
        assertThat(EXTRACTOR.extract("按照规划，到2030年全市将规划城乡各类幼儿园860所，提供约12万个幼儿园学位。", 2027).candidates())
                .extracting(Candidate::period).containsExactly("2027/2030", "2027/2030");
        assertThat(EXTRACTOR.extract("首页 > 教育 > 正文\n会议召开\n据悉，我市2027-2028年计划总投资8600万元，新建幼儿园项目12个，增加学位2400个。", 2027)
                .candidates()).extracting(Candidate::period).containsExactly("2027/2028", "2027/2028", "2027/2028");
        // a ratio a rule applies by is no target
        assertThat(extract("中心幼儿园可按照不超过编制总数6%的比例核增附加编制。")).isEmpty();
    }

    @Test
    void aHeadlineThatSaysWhatThisYearWillDoIsReadAndOneDatedOnlyByThePlanYearJoinsTheSpanThatStatesIt() {
        String news = "全省今年将新建改扩建260所公办幼儿园\n2027-01-22 08:34 记者 来源：日报\n此前两年，全省已新增公办园学位9万个。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("260"));
        String headline = "首页 > 教育 > 正文\n好消息!松岭市计划新建幼儿园项目18个!\n会议召开。\n据悉，我市2027-2028年计划新建幼儿园项目18个，增加学位2400个。";
        List<Candidate> all = EXTRACTOR.extract(headline, 2027).candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2027/2028", "2027/2028");
        assertThat(all.get(0).alsoAt()).hasSize(1);
    }

    @Test
    void aBylineDatedWithDashesDatesANewsItemAndThePastItTellsOfIsNoTarget() {
        String news = "某县新扩建3所幼儿园\nhttp://www.example.cn?2027-08-15 15:59? 记者?来源:晨报\n记者了解到，某县今年计划投资600万元新建3所幼儿园。"
                + "\n前两年新扩建7所\n早期的县实验幼儿园分成两处，分别有10个班和6个班。某县自2023年就开始改造幼儿园。";
        assertThat(TargetExtractor.planYear(news)).hasValue(2027);
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("600"), d("3"));
    }

    @Test
    void worksReportedDoneByTheNextSentenceAreWhatWasDone() {
        assertThat(extract("稳步实施8个乡镇校舍改造工程，总面积2.1万平方米。截至目前，整体工程已基本完成，新增学位600个。")).isEmpty();
        // works planned, or dated, stay targets whatever the progress
        assertThat(extract("今年计划实施8个乡镇校舍改造工程。截至目前，整体工程已完成过半。")).hasSize(1);
    }

    @Test
    void aFigureSaidForNextYearAndDatedElsewhereDatesTheText() {
        String news = "某区明年新增900个公办幼儿园学位\n为缓解就学压力，未来三年某区将新增3000个小学学位，新增1800个初中学位。"
                + "其中，甲园、乙园等多所公办幼儿园将于2028年开办，能够新增优质学位900个。";
        assertThat(TargetExtractor.planYear(news)).hasValue(2027);
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2027/2029", "2027/2029", "2027/2028");
        assertThat(all.get(2).alsoAt()).hasSize(1); // the headline's 明年 is the body's 2028
    }

    @Test
    void aMeasureDueByAYearNamesNoYearAndTheNextItemOfItsListIsTheSameMeasure() {
        List<Candidate> all = EXTRACTOR.extract("落实公办幼儿园在园儿童占比2027年底达到40%、2028年底达到55%的任务。", 2027).candidates();
        assertThat(all).extracting(Candidate::name).containsExactly("公办幼儿园在园儿童占比", "公办幼儿园在园儿童占比");
        assertThat(all).extracting(Candidate::period).containsExactly("2027", "2027/2028");
    }

    @Test
    void whatASchoolWillHoldOutlineNumbersAndWhatMonitoringShowedAreNoTargets() {
        assertThat(extract("新建的学校可满足2400余名中小学生就读，1200余名中小学生寄宿。")).isEmpty();
        assertThat(extract("七、资源需求\n7.1人力资源配置\n7.2物力资源投入\n7.3财力资源保障")).isEmpty();
        assertThat(extract("从监测数据看，2026年监测显示，全县学生总体近视率达52.1%，其中小学生35.2%。")).isEmpty();
        // a school that adds places is a target
        assertThat(extract("新建的学校可新增学位1200个。")).hasSize(1);
    }

    @Test
    void whatSomeOfThemAreAndAnotherPlansGoalCitedAsBackgroundAreNoTargets() {
        assertThat(extract("在建学校项目规模较大，部分项目占地面积超过80亩。")).isEmpty();
        assertThat(extract("一、项目背景\n省“十四五”规划提出每个县至少建成2所示范性普通高中。\n二、主要目标\n新建示范性普通高中1所。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("1"));
        // placeholders are no figures
        assertThat(extract("公办园在园幼儿占比达到X%，补充幼儿教师X名，一本上线人数*人。")).isEmpty();
    }

    @Test
    void partsInBracketsTotalsASplitVerbAndAUnitThePinyinSplitAreRead() {
        List<Candidate> all = extract("新建和改扩建18所学校，其中城区学校6所（含幼儿园2所），新增学位3600个。全年培训8个家庭医生服务团队，共32人。"
                + "提高村卫生室运行经费补助至5000元。举办不少于10场(chǎng)次宣讲活动。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("18"), d("6"), d("2"), d("3600"), d("8"), d("32"), d("5000"), d("10"));
        assertThat(all.get(7).unit()).isEqualTo("场次");
    }

    @Test
    void whatOneBuildingIsAndAReportUnderAHeadingBetweenEmojiAreNoTargets() {
        assertThat(extract("这所占地6000平方米、投资280万元的幼儿园由原小学改建而成，规划容纳6个教学班、180个学位。")).isEmpty();
        String report = "县政府工作报告📜\n我代表县政府，向大家汇报工作。🌟\n回顾2026年工作成果🏆\n全县GDP增长6%，投资10亿元。📈\n"
                + "展望2027年工作目标🎯\n确保GDP增长7%，投资15亿元。📈";
        assertThat(EXTRACTOR.extract(report, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("7"), d("15"));
    }

    @Test
    void aTotalNamedAfterItsFigureABoundWritten大于AndHandingOverAreRead() {
        List<Candidate> all = extract("今年全县新建公办幼儿园6所，总面积约2.1万平方米，计72个教学班，年内交付投用3所。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("6"), d("21000"), d("72"), d("3"));
        assertThat(all.get(2).name()).isEqualTo("教学班");
        assertThat(all.get(2).unit()).isEqualTo("个");
        Candidate bound = only("到2028年，全省义务教育巩固率将大于96%。");
        assertThat(bound.value()).isEqualByComparingTo("96");
        assertThat(bound.name()).isEqualTo("义务教育巩固率");
    }

    @Test
    void anAgeIsALevelToReachButNotWhoIsCounted() {
        Candidate age = only("全市人均预期寿命达到80.5岁。");
        assertThat(age.value()).isEqualByComparingTo("80.5");
        assertThat(age.unit()).isEqualTo("岁");
        assertThat(extract("为0-3岁婴幼儿家庭开展科学育儿指导，3岁以下婴幼儿入托率逐步提高。")).isEmpty();
        // a per-head measure named in full goes on with the goals before it
        assertThat(extract("到2028年，高中阶段教育毛入学率达到93%，每千人口拥有3岁以下婴幼儿托位数4个。")).extracting(Candidate::unit)
                .containsExactly("%", "个");
    }

    @Test
    void howManyItemsADocumentProposesAndAProjectStartedOnADayAreNoTargets() {
        assertThat(extract("会议围绕教育民生领域提出18项重点工程。")).isEmpty();
        assertThat(extract("该校区项目计划总投资2600万元，建筑面积8000平方米，于2026年3月12日开工建设。")).isEmpty();
        // a start by month is a schedule
        assertThat(extract("新建学校2所，计划于2026年3月开工建设。")).hasSize(1);
    }

    @Test
    void aLevelForAFiveYearPlansLastYearIsThePlansGoalAndItsHeadingHoldsForItsParts() {
        Candidate level = EXTRACTOR.extract("“十四五”学前教育发展规划印发。2025年全省学前教育毛入园率大于95%。", 2021).candidates().get(0);
        assertThat(level.period()).isEqualTo("2021/2025");
        String report = "2026年政府工作报告解读\n\n今天上午，市长作政府工作报告，介绍了今后五年的主要目标和今年的工作任务。\n\n"
                + "“十五五”时期主要目标和任务\n\n关于民生福祉方面——\n\n>>劳动年龄人口平均受教育年限提高到11.9年\n\n" + "2026年工作任务\n\n>>新增普通高中学位2万个。";
        List<Candidate> all = EXTRACTOR.extract(report, 2026).candidates();
        assertThat(all).extracting(Candidate::name).containsExactly("劳动年龄人口平均受教育年限", "新增普通高中学位");
        assertThat(all).extracting(Candidate::period).containsExactly("2026/2030", "2026");
        // a place that states the goal is no part of its name
        assertThat(only("全国范围内将新建学校30所。").name()).isEqualTo("新建学校");
    }

    @Test
    void aYearsPracticalProjectsDateANewsItemThatReportsThemChosen() {
        assertThat(TargetExtractor.planYear("2025年1月8日，县人大会议闭幕，代表们票决选出了2025年全县十件民生实事项目。\n新增学位900个。")).hasValue(2025);
    }

    @Test
    void aForumsAntiCopyCharactersAreNoPartOfANameButARowOfSmallFiguresStays() {
        List<Candidate> all = extract("新建教学楼1栋，改造操场3000平方米。* p/ {) b& x! R8 r( k\n更新课桌椅800套。5 K2 F! U6 V# S! o4 c0 L");
        assertThat(all).extracting(Candidate::name).containsExactly("新建教学楼", "改造操场", "更新课桌椅");
        char[] row = "各校班数 3 2 1 0 5 4 2".toCharArray();
        assertThat(new PlanText(new String(row)).normal(0, row.length)).contains("3 2 1 0 5 4 2");
    }

    @Test
    void whoAServiceIsExtendedToAndAProgrammesMakeUpAreNoTargets() {
        assertThat(extract("将65岁以上老年人和高血压、糖尿病2种慢病纳入家庭医生签约服务，受益人群达3.2万人以上。")).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("32000"));
        assertThat(extract("全力推进总投资12.5亿元的8件30项民生实事。")).isEmpty();
        assertThat(extract("计划实施6类25项民生公益项目。还将实施供水、污水治理等3项工程。")).isEmpty();
        // works counted by what they are stay targets; a list a plan puts a measure on still counts
        assertThat(extract("完成3项校舍改造工程。")).hasSize(1);
        assertThat(extract("全县共有12所幼儿园建设项目列入为民办实事项目。")).hasSize(1);
    }

    @Test
    void facilitiesOpenedAndUnitsNamedThenCountedAreGoals() {
        assertThat(only("开放学校运动场地30处。").name()).isEqualTo("开放学校运动场地");
        assertThat(only("同时对城东、城西小区等5个老旧小区进行改造。").value()).isEqualByComparingTo("5");
    }

    @Test
    void theLastFiveYearsInAWorkReportAreResults() {
        List<Candidate> all = extract("报告指出，这五年，全县新建学校38所，补充招聘教师820人。\n2027年，全县将新建公办幼儿园2所。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("2"));
    }

    @Test
    void whatAYearIsExpectedToAchieveIsAGoalNamedByWhatIsAchieved() {
        Candidate income = only("以项目建设带动发展，预期全年可实现旅游收入6亿元。");
        assertThat(income.name()).isEqualTo("旅游收入");
        assertThat(income.value()).isEqualByComparingTo("6");
        assertThat(income.unit()).isEqualTo("亿元");
    }

    @Test
    void aTemplateSitesTitleDatedByYearAndMonthDatesTheText() {
        assertThat(TargetExtractor.planYear("第三篇:2016—3城关镇打造八大民生工程\n城关镇全力推进民生工程。\n新建便民服务点6个。")).hasValue(2016);
    }

    @Test
    void whatAnInspectionCountedIsAResult() {
        assertThat(extract("12月上旬，对今年的健身工程项目进行现场验收，共建成2个健身中心、6个健身广场。")).isEmpty();
        // a total to build is a goal where nothing was inspected
        assertThat(extract("全年共建成健身广场6个。")).hasSize(1);
    }

    @Test
    void placesAddedToWhatThereIsAndBareSumsForDifferentWorksAreEachATarget() {
        List<Candidate> all = extract("全年安排资金1亿元，在农村学校新建教师周转宿舍600套；安排资金2亿元，在城区增补学位12000个；" + "安排资金1亿元，在农村学校改扩建厕所180个。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("1"), d("600"), d("2"), d("12000"), d("1"), d("180"));
    }

    @Test
    void aSentenceOpeningOnASpanOfPastYearsAndAYearBeforeTheBylineAreResults() {
        String news = "教育为民办实事项目落地见效\n来源:日报 | 2028-04-14 09:26:15\n"
                + "2023年至2027年，全省每年投入1亿元，连续5年实施教师周转宿舍建设项目，建设宿舍5000套。\n" + "2027年，全省共投入0.7亿元，改造厕所261个。";
        assertThat(TargetExtractor.planYear(news)).hasValue(2028);
        assertThat(EXTRACTOR.extract(news, 2028).candidates()).isEmpty();
    }

    @Test
    void aSchoolsPlanForASchoolYearSetsItsTargetsForThatYear() {
        String plan = "松岭县第一中学2027—2028学年度工作计划\n\n一、关键指标\n①中考总分优秀率≥40%，低分率≤4%；\n" + "②到2029年底，建成创客实验室1间。";
        assertThat(TargetExtractor.planYear(plan)).hasValue(2027);
        List<Candidate> all = EXTRACTOR.extract(plan, 2027).candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2027-09/2028-08", "2027-09/2028-08",
                "2027/2029");
        // a site that drops the dash, and a term: September to January, February to August
        assertThat(EXTRACTOR.extract("20272028学年度学校工作计划\n\n教师培训合格率达到98%。", 2028).candidates())
                .extracting(Candidate::period).containsExactly("2027-09/2028-08");
        assertThat(EXTRACTOR.extract("2027-2028学年第一学期教学工作计划\n\n作业公示率达到100%。", 2027).candidates())
                .extracting(Candidate::period).containsExactly("2027-09/2028-01");
        assertThat(EXTRACTOR.extract("2027-2028学年下学期德育工作安排\n\n家访覆盖率达到100%。", 2028).candidates())
                .extracting(Candidate::period).containsExactly("2028-02/2028-08");
        // years that are not one school year, and a calendar year's plan, stay calendar years
        assertThat(EXTRACTOR.extract("2027-2029学年度工作计划\n\n作业公示率达到100%。", 2027).candidates())
                .extracting(Candidate::period).containsExactly("2027");
        assertThat(EXTRACTOR.extract("松岭县教育局2027年工作要点\n\n作业公示率达到100%。", 2027).candidates())
                .extracting(Candidate::period).containsExactly("2027");
    }

    @Test
    void aBlankLineBeforeAParagraphOnThePastDoesNotCarryTheReportIntoTheNextParagraph() {
        String news = "松岭今秋新增学位3000个\n\n多年来，松岭持续扩大公办园供给。2020到2024年，全市建成公办园40所。"
                + "预计整个“十五五”期间，全市将建设幼儿园项目60个，新增幼儿园学位1.2万个。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3000"), d("60"), d("12000"));
        assertThat(all).extracting(Candidate::period).containsExactly("2027", "2026/2030", "2026/2030");
    }

    @Test
    void aCoefficientNeedsNoUnit() {
        Candidate coefficient = only("义务教育学校校际差异系数≤0.45。");
        assertThat(coefficient.name()).isEqualTo("义务教育学校校际差异系数");
        assertThat(coefficient.value()).isEqualByComparingTo("0.45");
        assertThat(coefficient.unit()).isNull();
        assertThat(coefficient.direction()).isEqualTo(io.zhibiao.progress.Direction.DECREASE);
        assertThat(only("小学校际差异系数控制在0.5以内。").value()).isEqualByComparingTo("0.5");
        // a bare number elsewhere stays no figure
        assertThat(extract("全县建成第3批示范校，评估得分0.92。")).isEmpty();
    }

    @Test
    void whatEachLearnerIsToMasterIsAGoalNamedByTheSkill() {
        List<Candidate> all = extract("确保每名学生掌握2项运动技能、1项艺术特长。");
        assertThat(all).extracting(Candidate::name).containsExactly("运动技能", "艺术特长");
        // what the bureau is to know is no goal
        assertThat(extract("全面掌握全县2600名教师的培训需求。")).isEmpty();
    }

    @Test
    void aPlaceBeforeItsWholeCityAndAPlanToBuildNameNothing() {
        assertThat(only("今秋开学，松岭全市将新增12所公办幼儿园。").name()).isEqualTo("新增公办幼儿园");
        assertThat(only("2027年计划新改扩建幼儿园30所。").name()).isEqualTo("新改扩建幼儿园");
    }

    @Test
    void anAreaWrittenAsASignIsInSquareMetres() {
        Candidate area = only("全年维修改造农村学校校舍52310㎡。");
        assertThat(area.value()).isEqualByComparingTo("52310");
        assertThat(area.unit()).isEqualTo("平方米");
        assertThat(area.end() - area.start()).isEqualTo(5); // the figure, not the sign, is highlighted
        assertThat(only("新建塑胶跑道1.2万m²。").value()).isEqualByComparingTo("12000");
    }

    @Test
    void projectsPlannedForTheYearAreGoalsAndTheirProgressAgainstTheScheduleIsNot() {
        List<Candidate> all = extract("2027年，拟谋划教育基础设施项目8个，总投资6200万元。");
        assertThat(all).extracting(Candidate::name).containsExactly("教育基础设施项目", "总投资");
        assertThat(extract("两个项目完成投资分别为820万元和640万元，投资完成率均高于序时进度要求。")).isEmpty();
    }

    @Test
    void worksASentenceReportsFinishedOnADateAreResults() {
        assertThat(extract("该校投资300万元新建2100平方米综合楼，已于今年9月竣工投用，办学条件明显改善。")).isEmpty();
        // a goal with progress on it keeps its goal
        assertThat(extract("全年新建公办幼儿园4所，已完成3所。")).hasSize(1);
    }

    @Test
    void whatEachLevelOfGovernmentPaysAndHowFarTheMoneyCameAreNoGoals() {
        List<Candidate> all = extract("全年校舍改造项目总投资3600万元，各级财政资金到位率和拨付率均达100%，" + "其中中央、省级和县级资金分别为1200万元、900万元和1500万元。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3600"));
        // a rate of funds to reach stays a goal
        assertThat(extract("确保项目资金到位率达100%。")).hasSize(1);
    }

    @Test
    void aWorkReportThatReviewsTheYearBeforeSpeaksFromTheYearAfterIt() {
        String report = "3月6日，县人民代表大会开幕。县长作政府工作报告。\n报告说，2027年是全县发展极不平凡的一年。"
                + "过去一年，全县新增学位3000个。\n今年发展主要预期目标是：新增学位2000个左右。";
        assertThat(TargetExtractor.planYear(report)).hasValue(2028);
        assertThat(EXTRACTOR.extract(report, 2028).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("2000"));
        // a year a figure is compared with dates nothing
        assertThat(TargetExtractor.planYear("全县学前三年毛入园率达到93%，比2022年提高5个百分点，为完成2027年的目标打下基础。")).hasValue(2027);
    }

    @Test
    void aTextSpunWithASynonymDictionaryIsReadInTheWordsItReplaced() {
        String spun = "停止2026岁尾，全县任务教诲稳固率达98.1%；全县教前三年毛进园率达90.2%。"
                + "本年全县可以完成教前三年毛进园率到达92%的目的，为完成2027年任务教诲稳固率到达99%的目的奠基了基础。" + "本年全县可以完成92%的进园目的。";
        List<Candidate> all = EXTRACTOR.extract(spun, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("92"), d("99"));
        assertThat(all.get(0).name()).endsWith("学前三年毛入园率");
        assertThat(all.get(0).alsoAt()).hasSize(1); // the last sentence's 92% is the same goal
        // a plan that says 停止 and 目的 in their own sense stays as it is
        char[] plain = "停止使用危房，目的是保障安全。".toCharArray();
        assertThat(SpunText.restore(plain)).isFalse();
    }

    @Test
    void aVerbInADocumentsTitleSetsNothing() {
        assertThat(extract("该项目与《县教育质量提升三年行动方案》形成联动——吸引4家研学机构签约合作。")).isEmpty();
    }

    @Test
    void aChangeStressedAsLargeAndWhatAFinishedChangeMadeAreReports() {
        assertThat(extract("今年安排学前教育资金大幅度增长21.5%。")).isEmpty();
        assertThat(extract("学校扩建后，不仅新增8个标准化教室，还配备了录播系统，使生均教学面积从3.9平方米提升至5.2平方米。")).isEmpty();
        // 不仅 in a plan that finishes nothing stays a goal
        assertThat(extract("2027年，不仅新增8个标准化教室，还要配备录播系统。")).hasSize(1);
    }

    @Test
    void aPlacesSharesOfAHigherLevelsTasksAreItsTargetsNotTheWholes() {
        String notice = "松岭市承办的2027年民生实事项目公示如下：\n" + "新建乡村学校少年宫20所(其中松岭3所)。 | 已完成。 | 100 |\n"
                + "增加学前教育学位(略)个(其中松岭1200个)。 | 已完成。 | 100 |";
        List<Candidate> all = EXTRACTOR.extract(notice, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("3"), d("1200"));
        assertThat(all).extracting(Candidate::name).containsExactly("新建乡村学校少年宫", "增加学前教育学位");
        // a part of a kind in a plan is a part: the whole stays the goal
        assertThat(extract("2027年新建学校10所（其中城区4所），新建幼儿园6所（其中城区2所）。")).hasSize(4);
    }

    @Test
    void aHeadlineSayingWhatThisSeasonWillDoIsReadAndIsTheBodysTarget() {
        String news = "松岭今秋开学将新增6000个学位 32所学校幼儿园交付使用\n来源:日报 2027年04月21日 12:15\n" + "记者昨日获悉，今年秋季开学，松岭将确保32所学校交付使用。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactlyInAnyOrder(d("6000"), d("32"));
        assertThat(all).filteredOn(c -> c.value().intValue() == 32).singleElement()
                .satisfies(c -> assertThat(c.alsoAt()).hasSize(1)); // the headline's 32所 is the body's
        assertThat(all).filteredOn(c -> c.value().intValue() == 6000).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("新增学位"));
    }

    @Test
    void financingDoneAndAShareOfThePlanAreProgress() {
        assertThat(extract("120个配建项目顺利完成融资12亿元，占计划融资数的88.5%。")).isEmpty();
        assertThat(extract("今年全县新生数曾达1.2万人。")).isEmpty();
    }

    @Test
    void aFigureGivenAsAnExampleIsNoTarget() {
        assertThat(extract("第一年夯实基础（如教师培训覆盖率100%），第二年重点突破（例如竞赛获奖率提升20%）。")).isEmpty();
        // a bracket that is no example keeps its figure
        assertThat(extract("2027年新建学校3所（含幼儿园1所）。")).hasSize(2);
    }

    @Test
    void aLevelSetFromWhereItStoodToTheYearItIsForIsAGoal() {
        Candidate cut = only("班额上限从2020年的56人降至2027年的45人。");
        assertThat(cut.value()).isEqualByComparingTo("45");
        assertThat(cut.direction()).isEqualTo(io.zhibiao.progress.Direction.DECREASE);
        assertThat(cut.baseline().period()).isEqualTo("2020");
        assertThat(cut.baseline().value()).isEqualByComparingTo("56");
        assertThat(only("毛入园率由2022年的88%提高到2027年的93%。").value()).isEqualByComparingTo("93");
        // a rate compared with a decade ago, naming no year of its own, is still a result
        assertThat(extract("占比达到90.8%，比2016年提高23.5个百分点。")).isEmpty();
    }

    @Test
    void howThingsAreOrHaveBeenIsNoGoal() {
        assertThat(extract("新兴领域专业占比首次突破40%。")).isEmpty();
        assertThat(extract("值得关注的是，全县校均规模连续三年稳定在900人左右，东部片区校均规模达1300人，而西部片区仅600人。")).isEmpty();
        assertThat(extract("全县校均招生规模连续三年稳定在900人左右。")).isEmpty();
        // 不仅 is no 仅
        assertThat(extract("2027年，不仅新增8个标准化教室，还要配备录播系统。")).hasSize(1);
    }

    @Test
    void aYearDescribingWhatBeganThenDatesNoParagraph() {
        Candidate fund = only("2026年启动的专项资金将重点支持薄弱学校改善条件，预计全县年度投入超过8000万元。");
        assertThat(fund.value()).isEqualByComparingTo("8000");
        assertThat(fund.period()).isEqualTo("2027");
    }

    @Test
    void aReportOfAYearIsDatedByTheYearAfterIt() {
        String report = "县2026年教育事业发展情况汇报\n\n2026年，全县新招聘教师80名，新建学校2所。";
        assertThat(TargetExtractor.planYear(report)).hasValue(2027);
        assertThat(EXTRACTOR.extract(report, 2027).candidates()).isEmpty();
        assertThat(TargetExtractor.planYear("县2026年工作总结和2027年工作计划\n")).hasValue(2027);
    }

    @Test
    void aSectionAffirmingWhatWasAchievedReports() {
        String speech = "一、肯定成绩，正视问题\n两年来，全县新建学校6所，资助学生1200人。\n二、明确任务\n2027年新建学校3所。";
        assertThat(EXTRACTOR.extract(speech, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("3"));
    }

    @Test
    void othersFiguresCitedAsExamplesAreNoTargets() {
        assertThat(extract("各地相继出台配套方案，如甲省计划三年投入5亿元加强师资建设，乙省重点建设30所示范校。")).isEmpty();
        // 如期 is on schedule, not an example
        assertThat(extract("2027年如期建成幼儿园3所。")).hasSize(1);
    }

    @Test
    void aBracketRestatingAFigureOfItsSentenceIsThatTarget() {
        List<Candidate> all = extract("2027年新建义务教育学校项目4个，建设面积1.5万平方米（省定任务项目4个、面积1万平方米）。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("4"), d("15000"), d("10000"));
        assertThat(all.get(0).alsoAt()).hasSize(1);
    }

    @Test
    void placesExpandedAndCanteensUpgradedAreGoalsNamedByWhatTheyCount() {
        List<Candidate> all = extract(
                "今年列入市政府民生实事的教育项目有2项：第一项是扩充公办初中学位1.2万个，" + "第二项是提质60所乡村学校食堂。今年除了继续推进8个续建项目，还将开工12个新建项目。");
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("12000"), d("60"), d("8"), d("12"));
        assertThat(all).extracting(Candidate::name).containsExactly("扩充公办初中学位", "乡村学校食堂", "续建项目", "新建项目");
    }

    @Test
    void aLongHeadlineListingTheBodysFiguresIsATitle() {
        String news = "2027年“看重点”|扩充公办初中学位1.2万个、提质60所乡村学校食堂、新增校舍面积8万平方米\n\n" + "2027-02-10 09:12:40 来源:市教育网\n"
                + "今年列入市政府民生实事的项目有3项：扩充公办初中学位1.2万个；提质60所乡村学校食堂；新增校舍面积8万平方米。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("12000"), d("60"), d("80000"));
        assertThat(all).allSatisfy(c -> assertThat(c.start()).isGreaterThan(news.indexOf("来源")));
    }

    @Test
    void aSidebarOfOtherPagesDatesNothingAndABreadcrumbIsNoName() {
        String page = "当(dāng)前位置:升学网 > 中学教育 > 正文\n" + "到2030年全县计划投入校舍建设资金12.5亿元，新建学校6所。今年将开工建设8个新建项目。\n"
                + "甲市有哪些重点高中\n时间:2025-05-10 10:0:04乙市有哪些重点高中\n时间:2025-05-10 10:0:32";
        // the sidebar's dates are other pages'; the deadline is no year of a text that speaks of 今年: the planner's
        assertThat(TargetExtractor.planYear(page)).isEmpty();
        List<Candidate> all = EXTRACTOR.extract(page, 2027).candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2027/2030", "2027/2030", "2027");
        assertThat(all.get(0).name()).doesNotContain("升学网").endsWith("校舍建设资金");
        // a deadline still dates a text that names no other year
        assertThat(TargetExtractor.planYear("到2030年，全县新建学校6所。")).hasValue(2030);
    }

    @Test
    void aTimeOpeningAStatementHoldsForThePartsASemicolonJoinsToIt() {
        List<Candidate> all = EXTRACTOR.extract("到2030年，全县新建幼儿园12所以上；普惠性幼儿园覆盖率达92%以上，优质园覆盖率达60%以上；每年培训园长100人。", 2027)
                .candidates();
        assertThat(all).extracting(Candidate::period).containsExactly("2027/2030", "2027/2030", "2027/2030", "2027");
        List<Candidate> quoted = EXTRACTOR.extract("“十五五”时期，要“学前教育毛入园率提高到95%以上；高中阶段教育毛入学率提高到96%以上”。", 2026)
                .candidates();
        assertThat(quoted).extracting(Candidate::period).containsExactly("2026/2030", "2026/2030");
        // a past date opening the statement is left to the report rules: its parts are no goals
        assertThat(extract("截至2026年底，全县公办园达80所；学前三年毛入园率达91.5%。")).isEmpty();
    }

    @Test
    void aParagraphOpeningOnAStatusDateReportsItButNotTheGoalItNames() {
        assertThat(extract("截至2025年，全县在园幼儿1.2万人，毛入园率为88.4%。小学在校生3.1万人，巩固率达96.2%。")).isEmpty();
        Candidate goal = only("截至2025年底，全县巩固率达95.8%；截至2027年11月底，全县辍学学生降至12人，为实现2027年巩固率达到97%的目标打下了基础。");
        assertThat(goal.value()).isEqualByComparingTo("97");
        // nor what it says of this year
        assertThat(only("截至2026年底，全县在园幼儿1.2万人，毛入园率为88.4%。本年全县可以实现毛入园率达到92%的目标。").value()).isEqualByComparingTo("92");
    }

    @Test
    void anotherDocumentsYearsAndAPlansLastYearNamedDateAReview() {
        String review = "全县教育五年成就综述\n2025年是收官之年，《县教育事业发展规划(2016-2025年)》确定的各项目标如期实现。"
                + "从2019年开始，全县连续6年实现教育经费支出占财政支出比重达20%的目标。";
        assertThat(TargetExtractor.planYear(review)).hasValue(2025);
        assertThat(EXTRACTOR.extract(review, 2025).candidates()).isEmpty();
    }

    @Test
    void aNewsAgencysDatelineDatesItsItem() {
        String item = "新华社北京3月5日电/2026年3月4日，在全市教育发布会上，局长表示，全市学前三年毛入园率达到92.4%。";
        assertThat(TargetExtractor.planYear(item)).hasValue(2026);
    }

    @Test
    void figuresListedWithOneMeasuredAgainstLongAgoAreResultsToo() {
        assertThat(extract("全县小学净入学率达到99.9%、初中毛入学率达到102.1%，九年义务教育巩固率达到96.3%，比2018年提高2.1个百分点。")).isEmpty();
        // one measured against last year in a plan stays a goal with its partners
        assertThat(extract("全县小学净入学率达到99.9%，九年义务教育巩固率达到96.3%，比2026年提高0.5个百分点。")).hasSize(2);
    }

    @Test
    void aSentenceTheNextCallsDataStatesFacts() {
        assertThat(extract("县长在报告中说，全县实施课后服务全覆盖，惠及3.2万名学生，教师补助标准再提高200元。这些数据表明，民生投入持续加大。")).isEmpty();
        // a goal followed by a sentence that is not about data stays a goal
        assertThat(extract("全县实施课后服务，惠及3.2万名学生。这些措施要落实到每一所学校。")).hasSize(1);
    }

    @Test
    void whatIsStillToOpenAndWhatThereWillBeAtLeastAreGoals() {
        List<Candidate> all = EXTRACTOR
                .extract("2027年年底前，松岭市还有12所幼儿园将陆续投入使用，预计新增学位3600个。" + "今年9月，全区将最少有15所公办园招生，其中今年可新招幼儿2800余名。", 2027)
                .candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("12"), d("3600"), d("15"), d("2800"));
        assertThat(all.get(2).name()).isEqualTo("公办园招生");
        assertThat(all.get(3).name()).isEqualTo("新招幼儿");
    }

    @Test
    void thePartsASemicolonJoinsToAReportedSentenceAreReported() {
        assertThat(extract("据统计，全市新增幼儿园中，城区新增14所，新增学位4200个；其中，新增公办园9所，学位2700个。")).isEmpty();
        // a planned part stays a goal
        assertThat(extract("据统计，全市今年新增幼儿园14所；计划明年再新增公办园9所。")).hasSize(1);
    }

    @Test
    void aBreadcrumbIsFurnitureAndATitleOpeningOnItsYearDatesThePage() {
        String page = "首页 > 百科 > 儿童教育\n\n2027松岭新区新增多少所幼儿园\n\n来源: 更新时间:2029-03-01 10:12:40\n" + "预计今年新增6所公办幼儿园。";
        assertThat(TargetExtractor.planYear(page)).hasValue(2027);
        assertThat(EXTRACTOR.extract(page, 2027).candidates()).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("6"));
    }

    @Test
    void resultsSinceAFiveYearPlanBeganAreReports() {
        assertThat(extract("特别是十一五以来，全县教育取得了显著成绩。全县初中阶段入学率达99.1%；高中阶段毛入学率达91%。")).isEmpty();
    }

    @Test
    void aClauseSayingWhatSomethingIsSetsNoGoal() {
        assertThat(extract("建设教育强县，是落实两个优先的重大举措。")).isEmpty();
        // 一是 opens a task, not a description
        assertThat(extract("一是新建学校3所。")).hasSize(1);
    }

    @Test
    void aSummarysNumberedSectionsReportUntilThePlansTitle() {
        String notice = "县教育局2026年工作总结\n一、全面抓党建\n全年组织专题党课40次，教师培训覆盖率达100%。\n" + "县教育局2027年工作计划\n一、重点任务\n新建学校2所。";
        assertThat(EXTRACTOR.extract(notice, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("2"));
    }

    @Test
    void aZeroVerbBeforeAQuotedSayingNamesNothing() {
        assertThat(extract("会议要求杜绝发生“学校建好了，学生又流失了”的反弹现象。")).isEmpty();
        // a quoted name stays a zero target
        assertThat(extract("杜绝“有偿补课”现象。")).hasSize(1);
    }

    @Test
    void aSpanOfYearsDatesATextByItsFirstAndADayDueDatesNothing() {
        assertThat(TargetExtractor.planYear("据悉，我县2027-2028年计划新建幼儿园项目12个，所有项目在2028年12月底前完成。")).hasValue(2027);
        assertThat(TargetExtractor.planYear("全县所有项目在2028年12月底前完成。\n发布:2027-05-06")).hasValue(2027);
    }

    @Test
    void whereARateStandsNowIsItsBaseline() {
        Candidate rate = only("到2030年，全县学前三年毛入园率由目前的88%提升至95%。");
        assertThat(rate.value()).isEqualByComparingTo("95");
        assertThat(rate.baseline().period()).isEqualTo("2026");
        assertThat(rate.baseline().value()).isEqualByComparingTo("88");
    }

    @Test
    void aHeadlineAboveANewsLeadIsATitleAndItsPlannedFigureIsTheBodys() {
        String news = "好消息!计划新招聘教师260人,松岭这一地发布招聘计划\n" + "3月2日，松岭区第九届人民代表大会第一次会议开幕，区长向大会作政府工作报告。报告提出，2027年松岭区将加强教师队伍建设，"
                + "新招聘教师260名，新增学位1800个。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("260"), d("1800"));
        assertThat(all.get(0).unit()).isEqualTo("名"); // the body's statement, the headline's 260人 pointed at
        assertThat(all.get(0).alsoAt()).hasSize(1);
        // a headline that plans nothing is a title: its figure is none
        String report = "松岭教育这五年：新建学校40所\n3月2日，记者从区教育局获悉，2027年全区将新建学校6所。";
        assertThat(EXTRACTOR.extract(report, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("6"));
    }
    @Test
    void anotherSpinnersWordsAreReadBack() {
        // 欺压 for 截至, 样式 for 项目, 教化 for 教育, 逾额…磋商 for 超额…计划: a status date and a report, once read back
        assertThat(extract("记者获悉，欺压2026年年底，全县共开工18个样式，其中新建义务教化学校5所，逾额完成年度磋商任务。")).isEmpty();
        // a plan that says 样式 in its own sense is not a spun text
        assertThat(extract("新建幼儿园3所，统一园舍样式。")).hasSize(1);
    }

    @Test
    void figuresThatWentPastTheYearsTaskAreAReport() {
        assertThat(extract("全县新增学位3200个，超额完成年度计划任务。")).isEmpty();
        // exceeding as an aim is a goal
        assertThat(extract("全县新增学位3200个，力争超额完成年度计划任务。")).hasSize(1);
    }

    @Test
    void aPostingDateAndAReportersCreditUnderAHeadlineMakeItATitle() {
        String news = "2026年松岭新增学位9000个,财政投入3.6亿元\n2027-02-20【松岭日报记者王某】记者从县教育局获悉，2027年全县将新建学校4所。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("4"));
    }

    @Test
    void aTallyOfWhatOpensAndItsDetailReportUntilThePlan() {
        String post = "今年秋季开学\n全区小学中\n新建有3所,改扩建有12所\n共增加学位4800个\n具体情况\n东城街道\n"
                + "新建实验小学新增学位1800个;\n西城街道\n改扩建育才小学新增学位600个;\n根据年度学位建设计划\n全年计划新增\n小学学位6000个";
        assertThat(EXTRACTOR.extract(post, 2027).candidates()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("6000");
            assertThat(c.name()).isEqualTo("新增小学学位"); // the verb's object on the next line
        });
        // a count that is to be built is no tally
        assertThat(extract("今年新建学校3所，改扩建学校12所。")).hasSize(2);
    }

    @Test
    void aShortLineEndingOnAPlannedVerbGoesOnOnTheNext() {
        assertThat(extract("今年计划新建\n公办幼儿园5所")).singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo("新建公办幼儿园"));
        // a line ending on a verb without a plan word still ends its sentence
        assertThat(extract("学校建设\n新建学校3所")).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("新建学校"));
    }

    @Test
    void aSentenceThatGoesOnToSayWhatWasDoneReports() {
        assertThat(extract("高中阶段毛入学率达到93.6%，五年提高6.1个百分点，实现了基本普及。")).isEmpty();
        // what the plan aims at, or what it dates to the plan year or later, stays a goal however it goes on
        assertThat(extract("高中阶段毛入学率力争达到95%，巩固了普及成果。")).hasSize(1);
        assertThat(extract("到2028年，高中阶段毛入学率达到95%，实现了全面普及。")).hasSize(1);
        assertThat(extract("高中阶段毛入学率达到95%，为了实现全面普及。")).hasSize(1);
    }

    private static List<java.math.BigDecimal> values(String text, int year) {
        return EXTRACTOR.extract(text, year).candidates().stream().map(Candidate::value).toList();
    }

    @Test
    void aChannelLabelsLineThatGoesOnIntoTheBodyIsReadAndItsGluedHeadlineIsNot() {
        String news = "教育快讯|今年将新增学位3000个\n教育快讯|今年将新增学位3000个】《报告》提出，年内新建小学5所、初中2所，" + "分别新增学位2000和1000个。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).extracting(Candidate::value).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(d("5"), d("2"), d("2000"), d("1000"));
        assertThat(all.get(2).unit()).isEqualTo("个"); // the unit written once, after the pair
        assertThat(all.get(2).name()).isEqualTo("新增学位"); // 分别 with nothing before it: the name after it
        // a channel label's line without a full stop is a headline, page furniture
        assertThat(values("教育快讯|今年将新增学位3000个\n全年新建小学5所。", 2027)).containsExactly(d("5"));
    }

    @Test
    void yearsWrittenAsAPairShareNoUnit() {
        // 2026和2027年 are years, not a count of them
        assertThat(extract("2026和2027年新建学校3所。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("3"));
    }

    @Test
    void theYearAfterNextIsThePlanYearPlusTwo() {
        List<Candidate> all = extract("松岭区今年新建幼儿园6所，明年新建4所，后年新建3所。");
        assertThat(all).extracting(Candidate::period).containsExactly("2027", "2027/2028", "2027/2029");
        // 然后年底前 is no year after next
        assertThat(only("先完成设计，然后年底前改造学校3所。").period()).isEqualTo("2027");
    }

    @Test
    void theBodysStatedYearDatesTheTextOverASitesTitle() {
        assertThat(TargetExtractor.planYear("教育局2030年工作安排\n2027年全区教育工作的总体要求是：优先发展。\n新建幼儿园3所。")).hasValue(2027);
        // a review of the year before in a plan titled with its year: the title's year
        assertThat(TargetExtractor.planYear("松岭县2028年教育工作要点\n2027年，全县教育工作目标任务全面完成。")).hasValue(2028);
    }

    @Test
    void aTimedPostingDateDatesANewsItemAndItsDeadlineRunsFromIt() {
        String news = "松岭2029年新增学位5000个\nhttp://edu.example.cn2027年03月02日 10:15松岭教育网\n记者获悉，到2029年底全区将新增学位" + "5000个。";
        assertThat(TargetExtractor.planYear(news)).hasValue(2027);
        assertThat(only(news).period()).isEqualTo("2027/2029");
    }

    @Test
    void aYearReportedDoneIsNotThePlansYear() {
        assertThat(TargetExtractor.planYear("1月9日，市教育局召开2026年民生实事完成情况发布会，2027年拟新建幼儿园8所。")).hasValue(2027);
        // a progress report of a year's goals is of that year
        assertThat(TargetExtractor.planYear("2026年度绩效目标进展情况公示\n新建体育设施20处")).hasValue(2026);
    }

    @Test
    void aClauseOpeningOnItsCountContinuesTheCountFirstGoalBefore() {
        List<Candidate> all = extract("全区创建4所区级示范学校，2个区级社区教育示范街道，1个市级社区教育示范街道。");
        assertThat(all).extracting(Candidate::name).containsExactly("区级示范学校", "区级社区教育示范街道", "市级社区教育示范街道");
        // a verb before a level is no place: 创建省级… keeps its 省
        assertThat(only("创建省级优秀示范高中1所。").name()).isEqualTo("省级优秀示范高中");
        // a count after a report is no goal
        assertThat(extract("全区已有区级示范学校4所，2个街道。")).isEmpty();
    }

    @Test
    void aGrowthInPercentThatIsItsSentencesOnlyFigureIsATarget() {
        assertThat(only("扩大中职招生规模，招生数较去年增加6%；双师型教师有所增长。").value()).isEqualByComparingTo("6");
        // said of another figure it is that figure's baseline, no target of its own
        assertThat(extract("一本上线人数比2026年增长10%，达到660人。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("660"));
        // what last year did is a record
        assertThat(extract("去年全县招生数增加6%。")).isEmpty();
    }

    @Test
    void aReportsClauseTurningToThisYearsPlanIsAGoal() {
        assertThat(only("两年来，全县改薄工作成效明显。改善了120个教学点的办学条件，今年将对剩余的40个教学点全部进行改造。").value()).isEqualByComparingTo("40");
        assertThat(values("今年配置教学设备8万台(件)。", 2027)).containsExactly(d("80000")); // 配置: equipment to install
        // a report's clause that does not turn stays a report
        assertThat(extract("两年来，全县改薄工作成效明显。改善了120个教学点的办学条件，完成了40个教学点改造。")).isEmpty();
    }

    @Test
    void whatABracketLeavesOutAndAPastYearsQuotedPlanAreNoTargets() {
        assertThat(values("总投资5000万元(不含社会投资800万元)，新增学位1200个。", 2027)).containsExactly(d("5000"), d("1200"));
        assertThat(values("2026年“惠民工程”规划“新建幼儿园10所，新建校舍8万平方米，新建运动场6万平方米”。2027年拟新建幼儿园6所。", 2027)).containsExactly(d("6"));
    }

    @Test
    void aRangeOfYearsToUseRunsToItsUpperEnd() {
        assertThat(only("同时计划用1至两年，改造100所以上的老旧学校。").period()).isEqualTo("2027/2028");
        assertThat(only("同时计划用1至两年，改造100所以上的老旧学校。").name()).isEqualTo("老旧学校");
        assertThat(only("计划用2到3年时间改造老旧学校50所。").period()).isEqualTo("2027/2029");
    }

    @Test
    void aListOfVerbNamedItemsKeepsEachVerb() {
        assertThat(extract("80个项目中，计划竣工30个，续建20个，开工30个。")).extracting(Candidate::name).containsExactly("计划竣工", "续建",
                "开工");
        // a bare verb after a named goal is the same thing again
        assertThat(extract("2027年新建两所公办幼儿园，2028年新建3所。")).extracting(Candidate::name).containsOnly("新建公办幼儿园");
    }

    @Test
    void aGrantIssuedIsNoGoalAndATallyToBeFinishedIs() {
        String news = "近日，省财政厅下达松岭县公办幼儿园建设省级补助资金1500万元，用于新建幼儿园。据了解，获本批补助的公办幼儿园共有8家，" + "在2027年秋季开学前将基本建成并投入使用。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("8");
            assertThat(c.name()).doesNotEndWith("共有");
        });
        // a tally with nothing to finish is what there is; a rate of money issued is a measure
        assertThat(extract("全县公办幼儿园共有8家。")).isEmpty();
        assertThat(only("预算资金当年下达率100%。").value()).isEqualByComparingTo("100");
    }

    @Test
    void aZeroTargetInAHeadlineAndItsBodyIsOneWhateverTheReprintLeftInIt() {
        String news = "松岭2028年消除公辦中心園“空白鄉(xiāng)鎮(zhèn)”\n核心提示:近日，记者获悉，到2028年底全县将新增公办园20所，" + "彻底消除公办中心幼儿园“空白乡镇”。";
        List<Candidate> all = EXTRACTOR.extract(news, 2027).candidates();
        assertThat(all).hasSize(2);
        Candidate zero = all.stream().filter(c -> c.value().signum() == 0).findFirst().orElseThrow();
        assertThat(zero.name()).doesNotContain(" ");
        assertThat(zero.period()).isEqualTo("2027/2028");
    }

    @Test
    void aPerUnitCountCarriesItsSentencesDeadlineAndAPopulationIsNoCount() {
        List<Candidate> all = extract("到2029年，每个乡镇至少建成1所示范幼儿园，85%的幼儿园达到办园标准。");
        assertThat(all).extracting(Candidate::period).containsExactly("2027/2029", "2027/2029");
        assertThat(extract("3万人口以上乡镇至少办好2所中心幼儿园。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("2"));
    }

    @Test
    void aHeadlineAboveAPagesSummaryIsMasked() {
        String news = "新闻中心\n松岭:新建改扩建120所幼儿园今年投用\n本文摘要:日前，县政府通报民生实事实施情况。\n截至2026年12月25日，" + "松岭实际建设120所幼儿园。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).isEmpty();
    }

    @Test
    void theYearsUpToADeadlineDateTheTextFromTheirFirst() {
        String news = "松岭新区建设学校\n记者获悉，松岭新区预计到2029年，3年内新增学校8所。";
        assertThat(TargetExtractor.planYear(news)).hasValue(2027);
        // 明年 beside a deadline: a year the text does not name, the planner sends it
        assertThat(TargetExtractor.planYear("明年入学人数将明显增加。到2030年，全市新增学位10万个。")).isEmpty();
        assertThat(TargetExtractor.planYear("到2030年，全市新增学位10万个。")).hasValue(2030);
    }

    @Test
    void aLineOfThePostingDayAndTimeUnderAHeadlineIsItsByline() {
        String news = "松岭27亿元改扩建中小学 预计3年新增学位4万个\n2031-05-23 12:31:52 某某考试网\n记者获悉，松岭将投入27亿元对中小学校进行改扩建，" + "3年内新增学位4万个。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).extracting(Candidate::value)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(d("27"), d("40000"));
    }

    @Test
    void aMagnitudeAReportStressesIsNoLevelToReach() {
        assertThat(values("今年高校毕业生将高达900万人，完成农民工培训2000万人次以上。", 2027)).containsExactly(d("20000000"));
    }

    @Test
    void sinceAThingBeganTurnsToResults() {
        assertThat(extract("全面实施第三期学前教育行动计划以来，全县学前一年毛入园率达到96%。")).isEmpty();
        assertThat(extract("三月启动了强镇行动。启动以来，各级投入资金2.1亿元，实施项目300个。")).isEmpty();
        // a plan that begins (启动…计划) is no span since
        assertThat(extract("今年启动学前教育行动计划，新建幼儿园5所。")).hasSize(1);
    }

    @Test
    void theClausesAfterWhatWasDoneReportIt() {
        assertThat(extract("我们遴选确定了40个试点乡镇，覆盖中小学150所，省级财政安排6000万元予以扶持。")).isEmpty();
        // unless the sentence says what is planned
        assertThat(extract("我们确定了40个试点乡镇，力争覆盖中小学150所。")).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualByComparingTo("150"));
    }

    @Test
    void nineYearCompulsoryEducationIsNoTimeOfItsOwn() {
        assertThat(extract("到2030年，全县幼儿入园率达到96%；全面实现普九目标，九年义务教育巩固率达98%。")).extracting(Candidate::period)
                .containsExactly("2027/2030", "2027/2030");
    }

    @Test
    void aPagesCountOfTextsAndAGradingScaleAreNoTargets() {
        assertThat(values("学前教育行动计划（共7篇）\n到2030年，全县幼儿入园率达到96%。", 2027)).containsExactly(d("96"));
        assertThat(extract("提高幼儿入园率。96.65%以上92.5%以上85%以上85%以下  实施民办幼儿园奖补。")).isEmpty();
        // two figures with a bound between are a goal and its part, not a scale
        assertThat(extract("入园率达到95%以上，普惠率达到85%以上。")).hasSize(2);
    }

    @Test
    void aZeroWrittenAsADigitIsAZeroTarget() {
        assertThat(extract("实行奖励机制。严格控制学生流失，流失率为0。")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("流失率");
            assertThat(c.value()).isEqualByComparingTo("0");
            assertThat(c.direction()).isEqualTo(Direction.DECREASE);
        });
        assertThat(extract("辍学率降至0%。")).singleElement().satisfies(c -> assertThat(c.value()).isEqualByComparingTo("0"));
        // a figure that goes on, or a bound below a small rate, is no zero
        assertThat(extract("依托社区为0-3岁婴幼儿家庭提供指导。")).isEmpty();
        assertThat(values("学生流失率控制在0.5%以内。", 2027)).containsExactly(d("0.5"));
    }

    @Test
    void oneCountForEachOfAListOfThings() {
        assertThat(extract("创建省级文明校园、平安校园各3所。")).extracting(Candidate::name, c -> c.value().intValue())
                .containsExactly(tuple("省级文明校园", 3), tuple("平安校园", 3));
        // 各 before a unit each has one of, or before a verb, is no such list
        assertThat(extract("各乡镇、街道各建1所幼儿园。")).noneMatch(c -> c.name().equals("街道"));
        assertThat(extract("城区、农村学校各配备心理教师1名。")).hasSize(1);
    }

    @Test
    void aHeadlinesNextYearWrittenTheYearBeforeIsTheYearTheBodyNames() {
        String news = "松岭明年新增中小学学位3万个\n记者获悉，2028年松岭县民生实事项目确定，新增中小学学位3万个、幼儿托位5000个。";
        assertThat(EXTRACTOR.extract(news, 2028).candidates())
                .extracting(Candidate::period, c -> c.alsoAt() == null ? 0 : c.alsoAt().size())
                .containsExactly(tuple("2028", 1), tuple("2028", 0));
        // 明年 with no statement of the year: a span from the plan year
        assertThat(EXTRACTOR.extract("明年新增中小学学位3万个。", 2028).candidates()).extracting(Candidate::period)
                .containsExactly("2028/2029");
    }

    @Test
    void thePlansOwnPartsAreNoCountToReach() {
        assertThat(extract("2027年民生实事项目确定，包含改善居住条件、提高生活便利性等8个方面、33件实事项目。")).isEmpty();
        assertThat(values("今年新建实训基地项目3个。", 2027)).containsExactly(d("3"));
    }

    @Test
    void ratesPerThousandAndABoundAfterAListOfRatesHoldForEach() {
        assertThat(EXTRACTOR.extract("到2030年，新生儿、婴儿和5岁以下儿童死亡率分别保持在2‰、3‰和4‰以下。", 2027).candidates())
                .extracting(Candidate::name, c -> c.value().intValue(), Candidate::unit, Candidate::direction)
                .containsExactly(tuple("新生儿死亡率", 2, "‰", Direction.DECREASE),
                        tuple("婴儿死亡率", 3, "‰", Direction.DECREASE), tuple("5岁以下儿童死亡率", 4, "‰", Direction.DECREASE));
        // a list whose items each name their measure keeps its names
        assertThat(extract("小学、初中巩固率分别达到98%、95%以上。")).extracting(Candidate::name).containsExactly("小学巩固率", "初中巩固率");
    }

    @Test
    void howOftenBetweenTheVerbAndItsCountIsAFrequencyToKeep() {
        assertThat(extract("组织每月一次的健康知识讲座。")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("健康知识讲座");
            assertThat(c.value()).isEqualByComparingTo("1");
        });
        // a chinese numeral after 每 with no verb before is no count
        assertThat(extract("每个月一次。")).isEmpty();
    }

    @Test
    void theItemsOfAPlansOwnAFewWordsQualifyAreItsParts() {
        assertThat(extract("各学校至少报4项重点工作和1项创新工作。")).isEmpty();
        assertThat(values("今年新建实训基地项目5项。", 2027)).containsExactly(d("5"));
    }

    @Test
    void aHeadlineAndABodyThatLostOneCharacterOfTheNameStateOneTarget() {
        String news = "松岭印发纲要 小学生近视率要降至36%以下\n到2030年，小学生视率降至36%以下，初中生视率降至58%以下。";
        assertThat(EXTRACTOR.extract(news, 2027).candidates()).extracting(c -> c.value().intValue()).containsExactly(36,
                58);
        // two names apart by more than one character are two targets
        assertThat(values("到2030年，建成省示范高中1所，创建省级优秀示范高中1所。", 2027)).hasSize(2);
        assertThat(values("到2030年，第十项达标率达到45%，第十一项达标率达到45%。", 2027)).hasSize(2);
    }

    @Test
    void oneSetUpInEachIsAGoalWhatAPlaceHasIsNot() {
        assertThat(values("到2030年，市、县均设1所标准化妇幼保健机构。", 2027)).containsExactly(d("1"));
        assertThat(extract("各校均设有1名心理教师。")).isEmpty();
    }

    @Test
    void aParagraphThatNamesASocialChannelIsReadAShareBarIsNot() {
        assertThat(values("标题\n组织每月两次的健康知识讲座，利用宣传栏、微信平台等多种渠道发布。新建幼儿园5所。", 2027)).containsExactly(d("2"), d("5"));
        assertThat(values("标题\n新建幼儿园5所。\n分享到：微信 QQ 新增学位300个", 2027)).containsExactly(d("5"));
    }

    @Test
    void aFloorForHowOftenCountsInChineseNumeralsToo() {
        assertThat(extract("严格按照课程表开展体育课教学，保证每周不少于四节体育课。")).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("体育课");
            assertThat(c.value()).isEqualByComparingTo("4");
        });
        // a Chinese numeral after a bound with nothing counted is no target
        assertThat(extract("每周不少于四节。")).isEmpty();
    }
}
