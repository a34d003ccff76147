package io.zhibiao.report;

import io.zhibiao.commentary.Commentary;
import io.zhibiao.commentary.CommentaryService;
import io.zhibiao.common.DataVersion;
import io.zhibiao.common.PageRequest;
import io.zhibiao.dashboard.Dashboard;
import io.zhibiao.dashboard.DashboardService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.progress.SeriesPoint;
import io.zhibiao.progress.Status;
import io.zhibiao.progress.ValueType;
import io.zhibiao.ranking.Ranking;
import io.zhibiao.ranking.RankingService;
import io.zhibiao.reporting.ReportingRow;
import io.zhibiao.reporting.ReportingService;
import io.zhibiao.reporting.ReportingStatus;
import io.zhibiao.target.ProgressService;
import io.zhibiao.target.ProgressView;
import io.zhibiao.target.Target;
import io.zhibiao.target.TargetService;
import io.zhibiao.validation.ValidationResult;
import io.zhibiao.validation.ValidationRuleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a report says through the same services the API answers with, so that every figure in it equals the
 * API's at the report's data version: the dashboard's progress rows, the reporting status, the validation results,
 * the rankings, the commentary.
 */
@ApplicationScoped
public class ReportCollector {

    static final Set<Status> CHARTED = Set.of(Status.OFF_TRACK, Status.MISSED, Status.AT_RISK);
    static final Map<Status, String> STATUS_NAMES = Map.of(Status.ACHIEVED, "已完成", Status.ON_TRACK, "正常",
            Status.AT_RISK, "有风险", Status.OFF_TRACK, "落后", Status.MISSED, "未完成", Status.NO_DATA, "无数据");
    private static final PageRequest ALL = new PageRequest(0, 10_000);

    @Inject
    OrgUnitService orgUnits;

    @Inject
    DashboardService dashboards;

    @Inject
    TargetService targets;

    @Inject
    ProgressService progress;

    @Inject
    ReportingService reporting;

    @Inject
    ValidationRuleService validation;

    @Inject
    RankingService rankings;

    @Inject
    CommentaryService commentary;

    @Inject
    DataVersion dataVersion;

    @Inject
    Clock clock;

    /**
     * The report's content at one data version: read between two readings of the version, again when a write landed
     * in between (at most three times; then the last reading, named by the version read before it).
     */
    public ReportData collect(String orgUnitCode, Period period, boolean approvedOnly, ZoneId zone) {
        ReportData data = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = dataVersion.current();
            data = read(orgUnitCode, period, approvedOnly, before, zone);
            if (dataVersion.current() == before) {
                return data;
            }
        }
        return data;
    }

    /** One reading; called by {@link #collect}, which checks that no write landed while it ran. */
    ReportData read(String orgUnitCode, Period period, boolean approvedOnly, long version, ZoneId zone) {
        OrgUnit unit = orgUnits.get(orgUnitCode);
        YearMonth asOf = period.end();
        Dashboard board = dashboards.dashboard(orgUnitCode, period, asOf, false, false, approvedOnly);
        Map<Long, Target> byId = new LinkedHashMap<>();
        targets.find(new TargetService.Filter(orgUnitCode, null, period, null, null)).forEach(t -> byId.put(t.id, t));
        Map<Long, Commentary> notes = commentary.latest(byId.keySet(), period);

        Map<String, Long> counts = new LinkedHashMap<>();
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        board.targets().forEach(p -> byStatus.merge(p.status(), 1L, Long::sum));
        for (Status s : Status.values()) {
            counts.put(STATUS_NAMES.get(s), byStatus.getOrDefault(s, 0L));
        }

        List<ReportData.TargetRow> rows = new ArrayList<>();
        List<ReportData.Trajectory> charts = new ArrayList<>();
        for (ProgressView p : board.targets()) {
            Commentary c = notes.get(p.targetId());
            rows.add(new ReportData.TargetRow(p.targetId(), p.indicatorName(), p.unit(), p.period(), p.target(),
                    p.actual(), p.gap(), p.attainment(), p.yoy() == null ? null : p.yoy().delta(),
                    p.yoy() == null ? null : p.yoy().deltaUnit(), p.forecast(), p.status().name(),
                    STATUS_NAMES.get(p.status()), p.leadUnit(), c == null ? null : c.progress,
                    c == null ? null : c.problems, c == null ? null : c.nextSteps));
            if (CHARTED.contains(p.status()) && byId.containsKey(p.targetId())) {
                List<SeriesPoint> series = progress.series(byId.get(p.targetId()), asOf, approvedOnly);
                boolean cumulative = p.aggregation() == io.zhibiao.progress.Aggregation.SUM;
                List<ReportData.Point> points = series.stream()
                        .map(s -> new ReportData.Point(s.period(), cumulative ? s.cumulative() : s.value(),
                                s.expected(), cumulative ? s.previousYearCumulative() : s.previousYearValue()))
                        .toList();
                charts.add(new ReportData.Trajectory(p.targetId(), p.indicatorName() + "（" + p.period() + "）", p.unit(),
                        points));
            }
        }

        ReportingStatus status = reporting.status(orgUnitCode, period, reporting.today(),
                ReportingService.GroupBy.CHILD, approvedOnly, ALL);
        List<ReportData.ChildRow> children = status.items().stream().filter(r -> !r.orgUnitCode().equals(unit.code))
                .filter(r -> r.expected() > 0).map(ReportCollector::child).toList();
        boolean unapproved = !approvedOnly
                && reporting.status(orgUnitCode, period, reporting.today(), ReportingService.GroupBy.UNIT, false, ALL)
                        .items().stream().anyMatch(r -> r.filled() > 0 && !"APPROVED".equals(r.submission()));

        List<ReportData.Failure> failures = validation.results(orgUnitCode, period, null, ALL).items().stream()
                .map(ReportCollector::failure).toList();

        List<ReportData.RankingTable> ranked = new ArrayList<>();
        Optional<OrgUnitType> childType = orgUnits.childType(unit);
        if (childType.isPresent()) {
            for (ProgressView p : board.targets()) {
                if (p.valueType() != ValueType.PERCENT) {
                    continue;
                }
                Ranking r = rankings.ranking(p.indicatorCode(), unit.code, childType.get(), Period.parse(p.period()),
                        asOf, ALL, approvedOnly);
                ranked.add(new ReportData.RankingTable(p.indicatorName() + "（" + p.period() + "）", p.unit(),
                        r.items().stream().map(i -> new ReportData.Ranked(i.rank(), i.name(), i.value())).toList()));
            }
        }
        String generated = OffsetDateTime.now(clock).atZoneSameInstant(zone)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return new ReportData(title(unit, period), unit.name, unit.code, period.toString(), asOf.toString(), version,
                approvedOnly ? "approved" : "all", unapproved, generated, counts, rows, charts, children, failures,
                ranked);
    }

    private static ReportData.ChildRow child(ReportingRow r) {
        return new ReportData.ChildRow(r.name(), r.orgUnitCode(), r.expected(), r.filled(), r.late(), r.missing(),
                r.completeness(), r.timeliness(), r.submission());
    }

    private static ReportData.Failure failure(ValidationResult v) {
        return new ReportData.Failure(v.orgUnitName(), v.name(), v.severity().name(), v.left(), v.right(), v.message());
    }

    /** XX县教育局2026年3月目标进展月报; a school's report carries the school's own name. */
    static String title(OrgUnit unit, Period period) {
        boolean bureau = switch (unit.type) {
            case PROVINCE, PREFECTURE, COUNTY, DISTRICT -> true;
            default -> false;
        };
        String who = bureau && !unit.name.endsWith("教育局") ? unit.name + "教育局" : unit.name;
        YearMonth start = period.start();
        String when = switch (period.type()) {
            case MONTH -> start.getYear() + "年" + start.getMonthValue() + "月";
            case QUARTER -> start.getYear() + "年第" + "一二三四".charAt((start.getMonthValue() - 1) / 3) + "季度";
            case HALF_YEAR -> start.getYear() + (start.getMonthValue() == 1 ? "年上半年" : "年下半年");
            default -> start.getYear() + "年";
        };
        String kind = switch (period.type()) {
            case MONTH -> "月报";
            case QUARTER -> "季报";
            case HALF_YEAR -> "半年报";
            default -> "年报";
        };
        return who + when + "目标进展" + kind;
    }
}
