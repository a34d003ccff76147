package io.zhibiao.demo;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Frequency;
import io.zhibiao.indicator.IndicatorRequest;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.observation.ObservationInput;
import io.zhibiao.observation.ObservationService;
import io.zhibiao.orgunit.OrgUnitRequest;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.plan.AcceptRequest;
import io.zhibiao.plan.AcceptedTarget;
import io.zhibiao.plan.PlanRequest;
import io.zhibiao.plan.PlanService;
import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Direction;
import io.zhibiao.progress.Rollup;
import io.zhibiao.progress.ValueType;
import io.zhibiao.security.Caller;
import io.zhibiao.security.CallerContext;
import io.zhibiao.target.PeriodValue;
import io.zhibiao.target.TargetRequest;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

/**
 * The demo prefecture: 安澜市 with a county of two 学区 (schools, a 教学点, a school closed in a merger) and two middle
 * schools under the county itself, and a district; a county plan's indicators, most of them reported by the schools and
 * rolled up to the county, some reported by the county itself (完成投资), a derived rate (本科上线率 = 本科上线人数 ÷
 * 高考参考人数), a rankCount target, targets for two years (two of them accepted from the county's plan) and figures up
 * to last month — some on track, some behind. Loaded into an empty database in dev mode, or by a packaged service
 * started with ZHIBIAO_DEMO=true; never meant for production.
 */
@ApplicationScoped
public class DemoData {

    private static final String ACTOR = "demo";

    /** Who posts an indicator's figures. */
    private enum Source {
        /** The county (and district) itself: rollup NONE. */
        COUNTY,
        /** Every open school; the county's value is rolled up. */
        SCHOOLS,
        /** The middle schools only (gaokao figures). */
        MIDDLE_SCHOOLS
    }

    /** One indicator of the demo plan and the county's yearly targets for it. */
    private record Spec(String code, String name, String category, String unit, ValueType type, Direction direction,
            Aggregation aggregation, Frequency frequency, Source source, String target2025, String target2026,
            String baseline, double pace) {
    }

    private static final List<Spec> PLAN = List.of(
            new Spec("preschool-enrolment", "学前三年毛入园率", "学前教育", "%", ValueType.PERCENT, Direction.INCREASE,
                    Aggregation.LAST, Frequency.YEARLY, Source.COUNTY, "94", "95", "93.4", 0.9),
            new Spec("new-kindergartens", "新建改扩建公办幼儿园", "学前教育", "所", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.QUARTERLY, Source.COUNTY, "2", "3", null, 1.0),
            new Spec("retention", "义务教育巩固率", "义务教育", "%", ValueType.PERCENT, Direction.INCREASE, Aggregation.LAST,
                    Frequency.QUARTERLY, Source.COUNTY, "98.8", "99", "98.5", 1.1),
            new Spec("dropouts", "控辍保学辍学人数", "义务教育", "人", ValueType.INTEGER, Direction.DECREASE, Aggregation.LAST,
                    Frequency.MONTHLY, Source.SCHOOLS, "0", "0", "1", 0.7),
            new Spec("after-school", "课后服务覆盖率", "义务教育", "%", ValueType.PERCENT, Direction.MAINTAIN, Aggregation.LAST,
                    Frequency.MONTHLY, Source.COUNTY, "100", "100", "100", 1.0),
            new Spec("top-scorers", "高考600分以上考生", "高中教育", "人", ValueType.INTEGER, Direction.INCREASE, Aggregation.LAST,
                    Frequency.YEARLY, Source.MIDDLE_SCHOOLS, "40", "45", "36", 1.1),
            new Spec("teacher-hiring", "公开招聘教师", "教师队伍", "名", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, Source.COUNTY, "110", "120", null, 0.9),
            new Spec("teacher-training", "教师培训", "教师队伍", "人次", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, Source.SCHOOLS, "6000", "6500", null, 1.02),
            new Spec("key-teacher-training", "骨干教师培训", "教师队伍", "人次", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.MONTHLY, Source.SCHOOLS, "700", "800", null, 0.78),
            new Spec("investment", "完成投资", "条件保障", "亿元", ValueType.DECIMAL, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, Source.COUNTY, "2.1", "2.35", null, 0.93),
            new Spec("safety-inspections", "校园安全隐患排查", "校园安全", "次", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.MONTHLY, Source.SCHOOLS, "60", "60", null, 1.3),
            new Spec("drowning", "学生溺水事故", "校园安全", "起", ValueType.INTEGER, Direction.DECREASE, Aggregation.SUM,
                    Frequency.MONTHLY, Source.SCHOOLS, "0", "0", null, 1.0),
            new Spec("myopia", "学生近视率", "学生健康", "%", ValueType.PERCENT, Direction.DECREASE, Aggregation.LAST,
                    Frequency.HALF_YEARLY, Source.COUNTY, "53.5", "52", "54.8", 0.8),
            new Spec("swimming-pools", "标准化游泳馆", "条件保障", "座", ValueType.INTEGER, Direction.INCREASE, Aggregation.LAST,
                    Frequency.YEARLY, Source.COUNTY, null, null, "0", 1.0));

    private static final List<String> QINGHE_SCHOOLS = List.of("qinghe-exp-primary", "qinghe-east-primary",
            "qinghe-lijia-tp", "qinghe-west-primary", "qinghe-old-primary", "qinghe-no1-middle", "qinghe-no2-middle");
    private static final List<String> MIDDLE_SCHOOLS = List.of("qinghe-no1-middle", "qinghe-no2-middle",
            "shiquan-middle");
    /** 老街小学 merged into 西城小学 after December 2025: it reports nothing after. */
    private static final YearMonth OLD_PRIMARY_CLOSED = YearMonth.of(2025, 12);

    private static final String PLAN_TEXT = """
            青禾县教育局2026年教育工作要点
            一、教师队伍建设
            1.全年完成教师培训6500人次，其中骨干教师培训800人次。（责任股室：人事股）
            二、高中教育
            2.本科上线率达到68%，比2025年提高5个百分点；高考600分以上考生达到45人。（责任股室：基础教育股）
            3.力争全县有2所学校高考600分以上人数进入全市前3名。
            """;

    @Inject
    ZhibiaoConfig config;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    IndicatorService indicators;

    @Inject
    TargetService targets;

    @Inject
    ObservationService observations;

    @Inject
    PlanService plans;

    @Inject
    Clock clock;

    @Inject
    CallerContext callers;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        if (!orgUnits.isEmpty()) {
            Log.info("Demo data not loaded: the database already holds org units");
            return;
        }
        load();
    }

    @Transactional
    @ActivateRequestContext
    void load() {
        callers.set(Caller.system(ACTOR));
        long started = System.nanoTime();
        tree();
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        Random random = new Random(2026);
        int figures = 0;
        for (Spec spec : PLAN) {
            indicators.create(new IndicatorRequest(spec.code(), spec.name(), spec.category(), null,
                    spec.type() == ValueType.PERCENT ? null : spec.unit(), spec.type(), spec.direction(),
                    spec.aggregation(), spec.frequency(), null, null,
                    spec.source() == Source.COUNTY ? Rollup.NONE : null, null));
        }
        gaokaoIndicators();
        for (Spec spec : PLAN) {
            for (String county : List.of("qinghe", "shiquan")) {
                double countyPace = spec.pace() * (county.equals("qinghe") ? 1.0 : 0.9 + random.nextDouble() * 0.2);
                if (spec.code().equals("swimming-pools")) {
                    target(spec.code(), spec, county, "2026/2028", "2", "2025", "0",
                            List.of(new PeriodValue("2026", BigDecimal.ZERO), new PeriodValue("2027", BigDecimal.ONE)));
                    figures += figure(spec.code(), county, "2025", BigDecimal.ZERO);
                    if (!YearMonth.of(2026, 7).isAfter(lastMonth)) {
                        figures += figure(spec.code(), county, "2026", BigDecimal.ONE);
                    }
                    continue;
                }
                target(spec.code(), spec, county, "2025", spec.target2025(), "2024", spec.baseline(), List.of());
                boolean fromPlan = county.equals("qinghe")
                        && (spec.code().equals("teacher-training") || spec.code().equals("top-scorers"));
                if (!fromPlan) {
                    target(spec.code(), spec, county, "2026", spec.target2026(), "2025", null, List.of());
                }
                for (String unit : reporters(spec, county)) {
                    double share = 1.0 / reporters(spec, county).size();
                    double pace = countyPace * (0.85 + random.nextDouble() * 0.3);
                    figures += figuresFor(spec, unit, 2025, new BigDecimal(spec.target2025()), share, pace, lastMonth,
                            random);
                    figures += figuresFor(spec, unit, 2026, new BigDecimal(spec.target2026()), share, pace, lastMonth,
                            random);
                }
            }
        }
        figures += gaokaoFigures(lastMonth);
        plan();
        // Per-school targets, as plans set them ("县第一中学和县第二中学完成教师培训分别为820人次、760人次").
        Spec training = PLAN.get(7);
        target("teacher-training", training, "qinghe-no1-middle", "2026", "820", null, null, List.of());
        target("teacher-training", training, "qinghe-no2-middle", "2026", "760", null, null, List.of());
        Log.warnf("Demo data loaded (%d figures in %d ms): a fictional prefecture to try Zhibiao — not for production",
                figures, (System.nanoTime() - started) / 1_000_000);
    }

    private void tree() {
        unit("anlan", "安澜市教育局", OrgUnitType.PREFECTURE, null, null);
        unit("qinghe", "青禾县教育局", OrgUnitType.COUNTY, "anlan", null);
        unit("shiquan", "石泉区教育局", OrgUnitType.DISTRICT, "anlan", null);
        unit("qinghe-xq-east", "东城学区", OrgUnitType.TOWNSHIP, "qinghe", null);
        unit("qinghe-xq-west", "西城学区", OrgUnitType.TOWNSHIP, "qinghe", null);
        unit("qinghe-exp-primary", "青禾县实验小学", OrgUnitType.SCHOOL, "qinghe-xq-east", null);
        unit("qinghe-east-primary", "东城小学", OrgUnitType.SCHOOL, "qinghe-xq-east", null);
        unit("qinghe-lijia-tp", "李家村教学点", OrgUnitType.TEACHING_POINT, "qinghe-east-primary", null);
        unit("qinghe-west-primary", "西城小学", OrgUnitType.SCHOOL, "qinghe-xq-west", null);
        unit("qinghe-old-primary", "老街小学", OrgUnitType.SCHOOL, "qinghe-xq-west", OLD_PRIMARY_CLOSED.toString());
        unit("qinghe-no1-middle", "青禾县第一中学", OrgUnitType.SCHOOL, "qinghe", null);
        unit("qinghe-no2-middle", "青禾县第二中学", OrgUnitType.SCHOOL, "qinghe", null);
        unit("shiquan-central-kg", "石泉区中心幼儿园", OrgUnitType.KINDERGARTEN, "shiquan", null);
        unit("shiquan-middle", "石泉区中学", OrgUnitType.SCHOOL, "shiquan", null);
    }

    private List<String> reporters(Spec spec, String county) {
        return switch (spec.source()) {
            case COUNTY -> List.of(county);
            case SCHOOLS -> county.equals("qinghe") ? QINGHE_SCHOOLS : List.of("shiquan-central-kg", "shiquan-middle");
            case MIDDLE_SCHOOLS -> MIDDLE_SCHOOLS.stream().filter(s -> s.startsWith(county)).toList();
        };
    }

    /** 本科上线率 = 本科上线人数 ÷ 高考参考人数 × 100, and how many schools rank in the prefecture's top 3 by 600+ scorers. */
    private void gaokaoIndicators() {
        indicators.create(new IndicatorRequest("gk-candidates", "高考参考人数", "高中教育", null, "人", ValueType.INTEGER,
                Direction.INCREASE, Aggregation.LAST, Frequency.YEARLY, null, null, null, null));
        indicators.create(new IndicatorRequest("bk-passed", "本科上线人数", "高中教育", null, "人", ValueType.INTEGER,
                Direction.INCREASE, Aggregation.LAST, Frequency.YEARLY, null, null, null, null));
        indicators.create(new IndicatorRequest("bk-rate", "本科上线率", "高中教育", null, null, ValueType.PERCENT,
                Direction.INCREASE, Aggregation.LAST, Frequency.YEARLY, null, null, null,
                new IndicatorRequest.FormulaRequest("bk-passed", "gk-candidates", null, null)));
        indicators.create(new IndicatorRequest("top3-schools", "600分以上人数进入全市前3名的学校", "高中教育", null, "所",
                ValueType.INTEGER, Direction.INCREASE, Aggregation.LAST, Frequency.YEARLY, null, null, null,
                new IndicatorRequest.FormulaRequest(null, null, null, new IndicatorRequest.RankCountRequest(
                        "top-scorers", OrgUnitType.PREFECTURE, OrgUnitType.SCHOOL, 3))));
        for (String county : List.of("qinghe", "shiquan")) {
            targets.create(new TargetRequest("bk-rate", county, "2025", new BigDecimal("63"), null,
                    new PeriodValue("2024", new BigDecimal("58")), List.of(), null, "本科上线率达到63%", null, null));
        }
        targets.create(new TargetRequest("bk-rate", "shiquan", "2026", new BigDecimal("66"), null, null, List.of(),
                null, "本科上线率达到66%", null, null));
    }

    /** The schools' gaokao figures (posted once the results are out, in July). */
    private int gaokaoFigures(YearMonth lastMonth) {
        String[][] byYear = {
                // school, 2024 candidates, passed, 2025 …, 2026 …
                {"qinghe-no1-middle", "420", "260", "430", "275", "440", "290"},
                {"qinghe-no2-middle", "300", "150", "310", "168", "320", "180"},
                {"shiquan-middle", "350", "190", "340", "200", "360", "215"}};
        int written = 0;
        for (String[] school : byYear) {
            for (int y = 0; y < 3; y++) {
                int year = 2024 + y;
                if (YearMonth.of(year, 7).isAfter(lastMonth)) {
                    continue;
                }
                written += figure("gk-candidates", school[0], String.valueOf(year), new BigDecimal(school[1 + 2 * y]));
                written += figure("bk-passed", school[0], String.valueOf(year), new BigDecimal(school[2 + 2 * y]));
            }
        }
        return written;
    }

    /** The county's 2026 plan, with three of its targets accepted from the text. */
    private void plan() {
        long id = plans.create(new PlanRequest("qinghe", "青禾县教育局2026年教育工作要点", "2026", PLAN_TEXT)).id;
        plans.accept(id,
                new AcceptRequest(List.of(accepted("teacher-training", "6500", "教师培训", "全年完成教师培训6500人次", "人事股"),
                        accepted("bk-rate", "68", "本科上线率", "本科上线率达到68%，比2025年提高5个百分点", "基础教育股"),
                        accepted("top-scorers", "45", "高考600分以上考生", "高考600分以上考生达到45人", "基础教育股"),
                        accepted("top3-schools", "2", "600分以上人数进入全市前3名的学校", "力争全县有2所学校高考600分以上人数进入全市前3名", null))));
    }

    private static AcceptedTarget accepted(String indicator, String value, String name, String sentence,
            String leadUnit) {
        return new AcceptedTarget(indicator, null, null, null, "2026", new BigDecimal(value), null, null, null, name,
                sentence, null, leadUnit);
    }

    private void unit(String code, String name, OrgUnitType type, String parent, String closedAt) {
        orgUnits.create(new OrgUnitRequest(code, name, type, parent, null, closedAt));
    }

    private void target(String indicator, Spec spec, String unit, String period, String value, String baselinePeriod,
            String baselineValue, List<PeriodValue> milestones) {
        PeriodValue baseline = baselinePeriod == null
                ? null
                : new PeriodValue(baselinePeriod, baselineValue == null ? null : new BigDecimal(baselineValue));
        targets.create(new TargetRequest(indicator, unit, period, new BigDecimal(value),
                spec.direction() == Direction.MAINTAIN ? new BigDecimal("0.5") : null, baseline, milestones, null,
                spec.name() + (spec.direction() == Direction.DECREASE ? "控制在" : "达到") + value + spec.unit(), null,
                null));
    }

    /**
     * Figures of one year up to {@code lastMonth}, moving towards the unit's {@code share} of {@code target} at roughly
     * {@code pace}; a closed school's stop at its closing month.
     */
    private int figuresFor(Spec spec, String unit, int year, BigDecimal target, double share, double pace,
            YearMonth lastMonth, Random random) {
        int written = 0;
        int step = spec.frequency().periodType().months();
        BigDecimal start = spec.baseline() == null ? BigDecimal.ZERO : new BigDecimal(spec.baseline());
        boolean rate = spec.type() == ValueType.PERCENT || spec.aggregation() != Aggregation.SUM;
        for (int month = 1; month <= 12; month += step) {
            Period period = new Period(year * 12 + month - 1, year * 12 + month - 2 + step);
            // A yearly figure (an enrolment rate, the gaokao's results) is known by July; the others once their period ends.
            YearMonth known = spec.frequency() == Frequency.YEARLY ? YearMonth.of(year, 7) : period.end();
            if (known.isAfter(lastMonth)
                    || unit.equals("qinghe-old-primary") && period.end().isAfter(OLD_PRIMARY_CLOSED)) {
                break;
            }
            double elapsed = (month - 1 + step) / 12.0;
            double wobble = 0.9 + random.nextDouble() * 0.2;
            BigDecimal value = switch (spec.aggregation()) {
                case SUM -> spec.direction() == Direction.DECREASE
                        ? BigDecimal.valueOf(unit.equals("shiquan-middle") && year == 2026 && month == 7 ? 1 : 0)
                        : target.multiply(BigDecimal.valueOf(share * pace * wobble * step / 12.0));
                default -> spec.direction() == Direction.MAINTAIN
                        ? target.subtract(BigDecimal.valueOf(random.nextDouble() * 0.6))
                        : spec.direction() == Direction.DECREASE && !rate
                                ? BigDecimal.valueOf(random.nextDouble() < 0.15 ? 1 : 0)
                                : start.add(target.subtract(start)
                                        .multiply(BigDecimal.valueOf(Math.min(pace * elapsed * wobble, 1.2))))
                                        .multiply(BigDecimal
                                                .valueOf(rate && spec.type() != ValueType.PERCENT ? share : 1));
            };
            int scale = spec.type() == ValueType.INTEGER ? 0 : spec.type() == ValueType.DECIMAL ? 3 : 1;
            value = value.setScale(scale, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
            if (spec.type() == ValueType.PERCENT) {
                value = value.min(BigDecimal.valueOf(100));
            }
            written += figure(spec.code(), unit, period.toString(), value);
        }
        return written;
    }

    private int figure(String indicator, String unit, String period, BigDecimal value) {
        observations.put(indicator, unit, period, new ObservationInput(null, null, null, value, null, null), null);
        return 1;
    }
}
