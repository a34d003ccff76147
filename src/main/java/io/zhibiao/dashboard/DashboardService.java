package io.zhibiao.dashboard;

import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Status;
import io.zhibiao.target.ProgressService;
import io.zhibiao.target.ProgressView;
import io.zhibiao.target.Target;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Three queries per dashboard whatever its size: targets (with indicators and units), milestones,
 * figures.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {

    /** Worst first; within a status the slowest pace first. */
    static final Comparator<ProgressView> WORST_FIRST = Comparator.comparing(ProgressView::status)
            .thenComparing(ProgressView::pace, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProgressView::indicatorCode).thenComparingLong(ProgressView::targetId);

    @Inject
    OrgUnitService orgUnits;

    @Inject
    TargetService targets;

    @Inject
    ProgressService progress;

    public Dashboard dashboard(String orgUnitCode, Period period, YearMonth asOf) {
        orgUnits.get(orgUnitCode);
        List<Target> found = targets.find(new TargetService.Filter(orgUnitCode, null, period, null, null));
        List<ProgressView> rows = progress.progress(found, asOf).stream().sorted(WORST_FIRST).toList();
        Map<Status, Long> byStatus = rows.stream()
                .collect(Collectors.groupingBy(ProgressView::status, Collectors.counting()));
        YearMonth shownAsOf = asOf != null ? asOf : progress.currentMonth();
        return new Dashboard(orgUnitCode, period.toString(), shownAsOf.toString(), Dashboard.Counts.of(byStatus), rows);
    }

    /** Changes whenever any write commits, and when the default month rolls over. */
    public String etag(long dataVersion, YearMonth asOf) {
        return dataVersion + "-" + (asOf != null ? asOf : progress.currentMonth());
    }
}
