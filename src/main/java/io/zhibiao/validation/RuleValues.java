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
 * The values a rule's references stand for at one unit and period (design §7 over §6): a code is the unit's value of
 * the indicator in the period — its own figure, else its formula, else its children's values rolled up —
 * {@code prev} the same in the preceding period of the same length, {@code lastYear} a year earlier, and
 * {@code children} the children's values rolled up, leaving out the unit's own. Plain Java over figures in memory.
 */
final class RuleValues {

    private final Map<Long, Measure> measures;
    private final Map<Long, List<Long>> children;
    private final Map<Long, String> types;
    private final Map<SeriesKey, List<Figure>> figures;
    /** Each series' figures by period: a unit's own figure of exactly the checked period is one lookup. */
    private final Map<SeriesKey, Map<Period, BigDecimal>> byPeriod;
    /** §6 for everything else (rolled-up, derived, other windows); built on first need. */
    private TreeValues tree;

    RuleValues(Map<Long, Measure> measures, Map<Long, List<Long>> children, Map<Long, String> types,
            Map<SeriesKey, List<Figure>> figures) {
        this(measures, children, types, figures, index(figures));
    }

    private RuleValues(Map<Long, Measure> measures, Map<Long, List<Long>> children, Map<Long, String> types,
            Map<SeriesKey, List<Figure>> figures, Map<SeriesKey, Map<Period, BigDecimal>> byPeriod) {
        this.measures = measures;
        this.children = children;
        this.types = types;
        this.figures = figures;
        this.byPeriod = byPeriod;
    }

    private static Map<SeriesKey, Map<Period, BigDecimal>> index(Map<SeriesKey, List<Figure>> figures) {
        Map<SeriesKey, Map<Period, BigDecimal>> index = new HashMap<>();
        figures.forEach((key, list) -> {
            Map<Period, BigDecimal> cells = new HashMap<>();
            list.forEach(f -> cells.put(f.period(), f.value()));
            index.put(key, cells);
        });
        return index;
    }

    /** The same figures with some cells replaced (value) or removed (null): what a write would leave. */
    RuleValues with(Map<SeriesKey, Map<Period, BigDecimal>> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<SeriesKey, List<Figure>> after = new HashMap<>(figures);
        Map<SeriesKey, Map<Period, BigDecimal>> index = new HashMap<>(byPeriod);
        changed.forEach((key, cells) -> {
            List<Figure> series = new ArrayList<>(after.getOrDefault(key, List.of()));
            series.removeIf(f -> cells.containsKey(f.period()));
            Map<Period, BigDecimal> periods = new HashMap<>(index.getOrDefault(key, Map.of()));
            cells.forEach((period, value) -> {
                periods.remove(period);
                if (value != null) {
                    series.add(new Figure(period, value));
                    periods.put(period, value);
                }
            });
            series.sort(Comparator.comparing(Figure::period));
            after.put(key, series);
            index.put(key, periods);
        });
        return new RuleValues(measures, children, types, after, index);
    }

    BigDecimal value(CompiledRule rule, Expression.Ref ref, long unit, Period period) {
        Long indicator = rule.ids().get(ref.code());
        if (indicator == null || !measures.containsKey(indicator)) {
            return null;
        }
        return switch (ref.reach()) {
            case SAME -> over(indicator, unit, period);
            case PREV -> over(indicator, unit, period.precedingOfSameLength());
            case LAST_YEAR -> over(indicator, unit, period.previousYear());
            case CHILDREN -> tree().childrenValue(indicator, unit, period);
        };
    }

    /**
     * The unit's value over the window: its own figure of exactly that period when it has one (what a figure of the
     * indicator's own frequency always is), otherwise §6 in full.
     */
    private BigDecimal over(long indicator, long unit, Period window) {
        BigDecimal own = byPeriod.getOrDefault(new SeriesKey(indicator, unit), Map.of()).get(window);
        return own != null ? own : tree().of(indicator, unit).over(window).value();
    }

    private TreeValues tree() {
        if (tree == null) {
            tree = new TreeValues(measures, children, types, figures, Map.of());
        }
        return tree;
    }

    /** Whether the unit holds a figure of its own, for exactly this period, of one of the indicators. */
    boolean posts(long unit, Set<Long> indicators, Period period) {
        for (long indicator : indicators) {
            if (byPeriod.getOrDefault(new SeriesKey(indicator, unit), Map.of()).containsKey(period)) {
                return true;
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
