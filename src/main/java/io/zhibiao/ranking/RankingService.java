package io.zhibiao.ranking;

import io.zhibiao.common.PageRequest;
import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorService;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitService;
import io.zhibiao.orgunit.OrgUnitType;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Numbers;
import io.zhibiao.progress.ProgressEngine;
import io.zhibiao.progress.Ranks;
import io.zhibiao.progress.TreeValues;
import io.zhibiao.target.ProgressService;
import io.zhibiao.target.ProgressView;
import io.zhibiao.target.Target;
import io.zhibiao.target.TargetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rankings of the units of a type under a parent: one tree load, valued by the same rules as progress. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RankingService {

    @Inject
    IndicatorService indicators;

    @Inject
    OrgUnitService orgUnits;

    @Inject
    ProgressService progress;

    @Inject
    TargetService targets;

    public Ranking ranking(String indicatorCode, String parentCode, OrgUnitType type, Period period, YearMonth asOf,
            PageRequest page, boolean approvedOnly) {
        Indicator indicator = indicators.get(indicatorCode);
        OrgUnit parent = orgUnits.get(parentCode);
        YearMonth month = asOf != null ? asOf : ProgressEngine.defaultAsOf(period, progress.lastCompleteMonth());
        int last = Math.min(Period.index(month), period.endMonth());
        List<OrgUnit> units = orgUnits.ofTypeBelow(parent, type);
        List<BigDecimal> values = new ArrayList<>(units.size());
        if (last >= period.startMonth()) {
            Period window = new Period(period.startMonth(), last);
            TreeValues tree = progress.load(List.of(indicator), List.of(parent), window, approvedOnly);
            units.forEach(u -> values.add(tree.of(indicator.id, u.id).over(window).value()));
        } else {
            units.forEach(u -> values.add(null));
        }
        List<Integer> ranks = Ranks.of(values, indicator.direction);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> ranks.get(i), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> units.get(i).code));
        List<Integer> shown = order.stream().skip((long) page.page() * page.size()).limit(page.size()).toList();
        Map<Long, Target> targets = targetsOf(indicator, shown.stream().map(units::get).toList(), period);
        Map<Long, ProgressView> states = progress.progress(targets.values(), asOf, approvedOnly).stream()
                .collect(Collectors.toMap(ProgressView::targetId, Function.identity()));
        List<Ranking.Item> items = shown.stream().map(i -> {
            OrgUnit unit = units.get(i);
            Target target = targets.get(unit.id);
            return new Ranking.Item(unit.code, unit.name, Numbers.display(values.get(i)), ranks.get(i),
                    target == null ? null : target.id, target == null ? null : states.get(target.id).status());
        }).toList();
        return new Ranking(indicator.code, parent.code, type, period.toString(), month.toString(), items, page.page(),
                page.size(), units.size());
    }

    private Map<Long, Target> targetsOf(Indicator indicator, List<OrgUnit> units, Period period) {
        return targets.ofIndicatorAt(indicator, units, period).stream()
                .collect(Collectors.toMap(t -> t.orgUnit.id, Function.identity(), (a, b) -> a));
    }
}
