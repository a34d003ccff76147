package io.zhibiao.dashboard;

import io.zhibiao.orgunit.OrgUnit;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    public Dashboard dashboard(String orgUnitCode, Period period, YearMonth asOf, boolean includeDescendants,
            boolean byCategory, boolean approvedOnly) {
        OrgUnit unit = orgUnits.get(orgUnitCode);
        List<Target> found = includeDescendants
                ? targets.findUnder(unit, period)
                : targets.find(new TargetService.Filter(orgUnitCode, null, period, null, null));
        List<ProgressView> rows = progress.progress(found, asOf, approvedOnly).stream().sorted(WORST_FIRST).toList();
        YearMonth shownAsOf = asOf != null ? asOf : progress.lastCompleteMonth();
        List<Dashboard.CategoryCounts> categories = null;
        if (byCategory) {
            Map<Long, String> categoryOf = found.stream().collect(HashMap::new,
                    (m, t) -> m.put(t.id, t.indicator.category), HashMap::putAll);
            Map<String, List<ProgressView>> grouped = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            rows.forEach(r -> grouped.computeIfAbsent(categoryOf.get(r.targetId()), k -> new ArrayList<>()).add(r));
            categories = grouped.entrySet().stream()
                    .map(e -> new Dashboard.CategoryCounts(e.getKey(), counts(e.getValue()))).toList();
        }
        return new Dashboard(orgUnitCode, period.toString(), shownAsOf.toString(), counts(rows), rows, categories);
    }

    private static Dashboard.Counts counts(List<ProgressView> rows) {
        Map<Status, Long> byStatus = rows.stream()
                .collect(Collectors.groupingBy(ProgressView::status, Collectors.counting()));
        return Dashboard.Counts.of(byStatus);
    }

    /** Changes whenever any write commits, and when the default month rolls over. */
    public String etag(long dataVersion, YearMonth asOf) {
        return dataVersion + "-" + (asOf != null ? asOf : progress.lastCompleteMonth());
    }
}
