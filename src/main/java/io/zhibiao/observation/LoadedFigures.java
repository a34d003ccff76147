package io.zhibiao.observation;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource.SeriesKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures one read asked for (some indicators at some units, periods starting in a span), as of a change number
 * of the changes feed. Immutable: bringing it up to date makes a new one, so concurrent readers never see half a
 * change.
 *
 * <p>Every figure write draws its change number inside the serialised write transaction, so numbers commit in order:
 * figures read after the largest committed number {@code asOf} was read hold every change up to it, and the changes
 * after it are exactly the revisions numbered above it. Applying a change sets the figure to the observation's current
 * state, so applying one twice is harmless.
 */
final class LoadedFigures {

    /** One current figure, by observation. */
    record Row(long observationId, long indicatorId, long orgUnitId, int startMonth, int endMonth, BigDecimal value,
            boolean deleted) {
    }

    private final Set<Long> indicators;
    private final Set<Long> units;
    private final Period span;
    private final Map<Long, Row> byObservation;
    final long asOf;

    LoadedFigures(Set<Long> indicators, Set<Long> units, Period span, Map<Long, Row> byObservation, long asOf) {
        this.indicators = indicators;
        this.units = units;
        this.span = span;
        this.byObservation = byObservation;
        this.asOf = asOf;
    }

    int size() {
        return byObservation.size();
    }

    boolean wants(Row row) {
        return indicators.contains(row.indicatorId()) && units.contains(row.orgUnitId())
                && row.startMonth() >= span.startMonth() && row.startMonth() <= span.endMonth();
    }

    /** The same figures with the observations' current states applied, as of {@code newAsOf}. */
    LoadedFigures with(List<Row> changed, long newAsOf) {
        Map<Long, Row> next = new HashMap<>(byObservation);
        for (Row row : changed) {
            if (row.deleted() || !wants(row)) {
                next.remove(row.observationId());
            } else {
                next.put(row.observationId(), row);
            }
        }
        return new LoadedFigures(indicators, units, span, next, newAsOf);
    }

    /** Grouped by series, each in period order. */
    Map<SeriesKey, List<Figure>> bySeries() {
        Map<SeriesKey, List<Row>> grouped = new HashMap<>();
        for (Row row : byObservation.values()) {
            grouped.computeIfAbsent(new SeriesKey(row.indicatorId(), row.orgUnitId()), k -> new ArrayList<>()).add(row);
        }
        Map<SeriesKey, List<Figure>> series = new HashMap<>(grouped.size() * 2);
        grouped.forEach((key, rows) -> {
            rows.sort(Comparator.comparingInt(Row::startMonth).thenComparingInt(Row::endMonth));
            List<Figure> figures = new ArrayList<>(rows.size());
            for (Row row : rows) {
                figures.add(new Figure(new Period(row.startMonth(), row.endMonth()), row.value()));
            }
            series.put(key, figures);
        });
        return series;
    }
}
