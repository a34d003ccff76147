package io.zhibiao.demo;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.zhibiao.common.ZhibiaoConfig;
import io.zhibiao.indicator.Frequency;
import io.zhibiao.indicator.IndicatorRequest;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.observation.ObservationInput;
import io.zhibiao.observation.ObservationService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitRequest;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Aggregation;
import io.zhibiao.progress.Direction;
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
 * Dev mode only: a fictional prefecture with two counties, a few schools, twenty indicators in the
 * style of a county 工作要点, targets for two years and monthly figures up to last month, so the
 * dashboard and Swagger UI show real-looking data at once. The bean does not exist in a production
 * build.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {

    private static final String ACTOR = "demo";

    /** One indicator of the demo plan and the county's yearly target for it. */
    private record Spec(String code, String name, String category, String unit, ValueType type, Direction direction,
            Aggregation aggregation, Frequency frequency, String target2025, String target2026, String baseline,
            double pace) {
    }

    private static final List<Spec> PLAN = List.of(
            new Spec("preschool-enrolment", "学前三年毛入园率", "学前教育", "%", ValueType.PERCENT, Direction.INCREASE,
                    Aggregation.LAST, Frequency.YEARLY, "94", "95", "93.4", 0.9),
            new Spec("inclusive-kindergarten", "普惠性幼儿园覆盖率", "学前教育", "%", ValueType.PERCENT, Direction.INCREASE,
                    Aggregation.LAST, Frequency.YEARLY, "90", "92", "88", 1.05),
            new Spec("new-kindergartens", "新建改扩建公办幼儿园", "学前教育", "所", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.QUARTERLY, "2", "3", null, 1.0),
            new Spec("new-places", "新增学位", "学前教育", "个", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "800", "900", null, 0.8),
            new Spec("retention", "义务教育巩固率", "义务教育", "%", ValueType.PERCENT, Direction.INCREASE, Aggregation.LAST,
                    Frequency.QUARTERLY, "98.8", "99", "98.5", 1.1),
            new Spec("dropouts", "控辍保学辍学人数", "义务教育", "人", ValueType.INTEGER, Direction.DECREASE, Aggregation.LAST,
                    Frequency.MONTHLY, "0", "0", "3", 0.7),
            new Spec("after-school", "课后服务覆盖率", "义务教育", "%", ValueType.PERCENT, Direction.MAINTAIN, Aggregation.LAST,
                    Frequency.MONTHLY, "100", "100", "100", 1.0),
            new Spec("primary-quality", "小学学业质量监测合格率", "义务教育", "%", ValueType.PERCENT, Direction.INCREASE,
                    Aggregation.LAST, Frequency.YEARLY, "85.3", "88.5", "82.1", 0.95),
            new Spec("high-school-intake", "普通高中计划招生", "高中教育", "人", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.YEARLY, "2500", "2600", null, 1.0),
            new Spec("bk-rate", "本科上线率", "高中教育", "%", ValueType.PERCENT, Direction.INCREASE, Aggregation.LAST,
                    Frequency.YEARLY, "63", "68", "58", 0.75),
            new Spec("top-scorers", "高考600分以上考生", "高中教育", "人", ValueType.INTEGER, Direction.INCREASE, Aggregation.LAST,
                    Frequency.YEARLY, "40", "45", "36", 1.1),
            new Spec("teacher-hiring", "公开招聘教师", "教师队伍", "名", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "110", "120", null, 0.9),
            new Spec("teacher-training", "教师培训", "教师队伍", "人次", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "6000", "6500", null, 1.02),
            new Spec("key-teacher-training", "骨干教师培训", "教师队伍", "人次", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.MONTHLY, "700", "800", null, 0.86),
            new Spec("renovations", "校舍改造项目", "条件保障", "个", ValueType.INTEGER, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "5", "6", null, 1.0),
            new Spec("investment", "完成投资", "条件保障", "亿元", ValueType.DECIMAL, Direction.INCREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "2.1", "2.35", null, 0.93),
            new Spec("safety-inspections", "校园安全隐患排查", "校园安全", "次", ValueType.INTEGER, Direction.INCREASE,
                    Aggregation.SUM, Frequency.MONTHLY, "4", "4", null, 1.5),
            new Spec("drowning", "学生溺水事故", "校园安全", "起", ValueType.INTEGER, Direction.DECREASE, Aggregation.SUM,
                    Frequency.MONTHLY, "0", "0", null, 1.0),
            new Spec("myopia", "学生近视率", "学生健康", "%", ValueType.PERCENT, Direction.DECREASE, Aggregation.LAST,
                    Frequency.HALF_YEARLY, "53.5", "52", "54.8", 0.8),
            new Spec("swimming-pools", "标准化游泳馆", "条件保障", "座", ValueType.INTEGER, Direction.INCREASE, Aggregation.LAST,
                    Frequency.YEARLY, null, null, "0", 1.0));

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
    Clock clock;

    @Inject
    CallerContext callers;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled() || OrgUnit.count() > 0) {
            return;
        }
        load();
    }

    @Transactional
    @ActivateRequestContext
    void load() {
        callers.set(Caller.system(ACTOR));
        long started = System.nanoTime();
        unit("anlan", "安澜市教育局", OrgUnitType.PREFECTURE, null);
        unit("qinghe", "青禾县教育局", OrgUnitType.COUNTY, "anlan");
        unit("shiquan", "石泉区教育局", OrgUnitType.DISTRICT, "anlan");
        unit("qinghe-no1-middle", "青禾县第一中学", OrgUnitType.SCHOOL, "qinghe");
        unit("qinghe-no2-middle", "青禾县第二中学", OrgUnitType.SCHOOL, "qinghe");
        unit("qinghe-exp-primary", "青禾县实验小学", OrgUnitType.SCHOOL, "qinghe");
        unit("shiquan-central-kg", "石泉区中心幼儿园", OrgUnitType.KINDERGARTEN, "shiquan");

        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        Random random = new Random(2026);
        int figures = 0;
        for (Spec spec : PLAN) {
            indicators.create(new IndicatorRequest(spec.code(), spec.name(), spec.category(), null,
                    spec.type() == ValueType.PERCENT ? null : spec.unit(), spec.type(), spec.direction(),
                    spec.aggregation(), spec.frequency(), null, null, null, null));
            for (String county : List.of("qinghe", "shiquan")) {
                double countyPace = spec.pace() * (county.equals("qinghe") ? 1.0 : 0.9 + random.nextDouble() * 0.2);
                if (spec.code().equals("swimming-pools")) {
                    target(spec, county, "2026/2028", "2", "2025", "0",
                            List.of(new PeriodValue("2026", BigDecimal.ZERO), new PeriodValue("2027", BigDecimal.ONE)));
                    figures += figure(spec, county, "2025", BigDecimal.ZERO);
                    continue;
                }
                target(spec, county, "2025", spec.target2025(), "2024", spec.baseline(), List.of());
                target(spec, county, "2026", spec.target2026(), "2025", null, List.of());
                figures += figuresFor(spec, county, 2025, new BigDecimal(spec.target2025()), countyPace, lastMonth,
                        random);
                figures += figuresFor(spec, county, 2026, new BigDecimal(spec.target2026()), countyPace, lastMonth,
                        random);
            }
        }
        // Per-school targets, as plans set them ("县第一中学和县第二中学完成初中招生分别为820人、760人").
        for (String school : List.of("qinghe-no1-middle", "qinghe-no2-middle")) {
            target(PLAN.get(12), school, "2026", school.contains("no1") ? "820" : "760", null, null, List.of());
            figures += figuresFor(PLAN.get(12), school, 2026, new BigDecimal(school.contains("no1") ? "820" : "760"),
                    school.contains("no1") ? 1.05 : 0.8, lastMonth, random);
        }
        Log.infof("Demo data loaded: 7 org units, %d indicators, %d figures in %d ms (dev mode only)", PLAN.size(),
                figures, (System.nanoTime() - started) / 1_000_000);
    }

    private void unit(String code, String name, OrgUnitType type, String parent) {
        orgUnits.create(new OrgUnitRequest(code, name, type, parent));
    }

    private void target(Spec spec, String unit, String period, String value, String baselinePeriod,
            String baselineValue, List<PeriodValue> milestones) {
        PeriodValue baseline = baselinePeriod == null
                ? null
                : new PeriodValue(baselinePeriod, baselineValue == null ? null : new BigDecimal(baselineValue));
        targets.create(new TargetRequest(spec.code(), unit, period, new BigDecimal(value),
                spec.direction() == Direction.MAINTAIN ? new BigDecimal("0.5") : null, baseline, milestones, null,
                spec.name() + (spec.direction() == Direction.DECREASE ? "控制在" : "达到") + value + spec.unit(), null,
                null));
    }

    /**
     * Figures of one year up to {@code lastMonth}, moving towards {@code target} at roughly {@code
     * pace}.
     */
    private int figuresFor(Spec spec, String unit, int year, BigDecimal target, double pace, YearMonth lastMonth,
            Random random) {
        int written = 0;
        int step = spec.frequency().periodType().months();
        BigDecimal start = spec.baseline() == null ? BigDecimal.ZERO : new BigDecimal(spec.baseline());
        for (int month = 1; month <= 12; month += step) {
            Period period = new Period(year * 12 + month - 1, year * 12 + month - 2 + step);
            if (period.end().isAfter(lastMonth)) {
                break;
            }
            double share = (month - 1 + step) / 12.0;
            double wobble = 0.9 + random.nextDouble() * 0.2;
            BigDecimal value = switch (spec.aggregation()) {
                case SUM -> spec.direction() == Direction.DECREASE
                        ? BigDecimal.valueOf(unit.equals("shiquan") && year == 2026 && month == 7 ? 1 : 0)
                        : target.multiply(BigDecimal.valueOf(pace * wobble * step / 12.0));
                default -> spec.direction() == Direction.MAINTAIN
                        ? target.subtract(BigDecimal.valueOf(random.nextDouble() * 0.6))
                        : start.add(target.subtract(start)
                                .multiply(BigDecimal.valueOf(Math.min(pace * share * wobble, 1.2))));
            };
            int scale = spec.type() == ValueType.INTEGER ? 0 : spec.type() == ValueType.DECIMAL ? 3 : 1;
            value = value.setScale(scale, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
            if (spec.type() == ValueType.PERCENT) {
                value = value.min(BigDecimal.valueOf(100));
            }
            written += figure(spec, unit, period.toString(), value);
        }
        return written;
    }

    private int figure(Spec spec, String unit, String period, BigDecimal value) {
        observations.put(spec.code(), unit, period, new ObservationInput(null, null, null, value, null, null), null);
        return 1;
    }
}
