package io.zhibiao.validation;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource.SeriesKey;
import io.zhibiao.progress.Measure;
import io.zhibiao.progress.TreeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a rule's references stand for at one unit and period (DESIGN §7 over §6): a code is the unit's value of
 * the indicator in the period — its own figure, else its formula, else its children's values rolled up —
 * {@code prev} the same in the preceding period of the same length, {@code lastYear} a year earlier, and
 * {@code children} the children's values rolled up, leaving out the unit's own. Plain Java over figures in memory.
 */
final class RuleValues {

    private final Map<Long, Measure> measures;
    private final Map<Long, List<Long>> children;
    private final Map<Long, String> types;
    private final Map<SeriesKey, List<Figure>> figures;
    private final TreeValues tree;

    RuleValues(Map<Long, Measure> measures, Map<Long, List<Long>> children, Map<Long, String> types,
            Map<SeriesKey, List<Figure>> figures) {
        this.measures = measures;
        this.children = children;
        this.types = types;
        this.figures = figures;
        this.tree = new TreeValues(measures, children, types, figures, Map.of());
    }

    /** The same figures with some cells replaced (value) or removed (null): what a write would leave. */
    RuleValues with(Map<SeriesKey, Map<Period, BigDecimal>> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<SeriesKey, List<Figure>> after = new HashMap<>(figures);
        changed.forEach((key, cells) -> {
            List<Figure> series = new ArrayList<>(after.getOrDefault(key, List.of()));
            series.removeIf(f -> cells.containsKey(f.period()));
            cells.forEach((period, value) -> {
                if (value != null) {
                    series.add(new Figure(period, value));
                }
            });
            series.sort(Comparator.comparing(Figure::period));
            after.put(key, series);
        });
        return new RuleValues(measures, children, types, after);
    }

    BigDecimal value(CompiledRule rule, Expression.Ref ref, long unit, Period period) {
        Long indicator = rule.ids().get(ref.code());
        if (indicator == null || !measures.containsKey(indicator)) {
            return null;
        }
        return switch (ref.reach()) {
            case SAME -> tree.of(indicator, unit).over(period).value();
            case PREV -> tree.of(indicator, unit).over(period.precedingOfSameLength()).value();
            case LAST_YEAR -> tree.of(indicator, unit).over(period.previousYear()).value();
            case CHILDREN -> tree.childrenValue(indicator, unit, period);
        };
    }

    /** Whether the unit holds a figure of its own, for exactly this period, of one of the indicators. */
    boolean posts(long unit, Set<Long> indicators, Period period) {
        for (long indicator : indicators) {
            for (Figure f : figures.getOrDefault(new SeriesKey(indicator, unit), List.of())) {
                if (f.period().equals(period)) {
                    return true;
                }
            }
        }
        return false;
    }

    RuleCheck.Outcome check(CompiledRule rule, long unit, Period period) {
        return RuleCheck.check(rule.definition(), ref -> value(rule, ref, unit, period));
    }

    /**
     * Whether the rule checks the unit: its type is named, or the rule names none and the unit posts one of the
     * rule's figures for the period — where the figures originate.
     */
    boolean applies(CompiledRule rule, long unit, String type, Period period) {
        return rule.appliesTo().isEmpty() ? posts(unit, rule.reads(), period) : rule.appliesTo().contains(type);
    }
}
