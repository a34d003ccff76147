package io.zhibiao.observation;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource.SeriesKey;
import io.zhibiao.progress.KeptSeries;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final Comparator<Row> PERIOD_ORDER = Comparator.comparingInt(Row::startMonth)
            .thenComparingInt(Row::endMonth);

    private final Set<Long> indicators;
    private final Set<Long> units;
    private final Period span;
    /**
     * Each series' rows in period order, and the same as figures. Kept grouped so that a change regroups only the
     * series it touches: regrouping and sorting every figure of a county on each read cost more than the change read.
     */
    private final Map<SeriesKey, List<Row>> rows;
    private final Map<SeriesKey, List<Figure>> series;
    private final int size;
    final long asOf;

    private LoadedFigures(Set<Long> indicators, Set<Long> units, Period span, Map<SeriesKey, List<Row>> rows,
            Map<SeriesKey, List<Figure>> series, int size, long asOf) {
        this.indicators = indicators;
        this.units = units;
        this.span = span;
        this.rows = rows;
        this.series = series;
        this.size = size;
        this.asOf = asOf;
    }

    /** The figures read for these indicators, units and span, as of change number {@code asOf}. */
    static LoadedFigures of(Set<Long> indicators, Set<Long> units, Period span, Collection<Row> read, long asOf) {
        Map<SeriesKey, List<Row>> grouped = new HashMap<>();
        for (Row row : read) {
            grouped.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        Map<SeriesKey, List<Row>> rows = new HashMap<>(grouped.size() * 2);
        Map<SeriesKey, List<Figure>> series = new HashMap<>(grouped.size() * 2);
        grouped.forEach((key, list) -> put(key, list, rows, series));
        return new LoadedFigures(indicators, units, span, rows, series, read.size(), asOf);
    }

    int size() {
        return size;
    }

    boolean wants(Row row) {
        return indicators.contains(row.indicatorId()) && units.contains(row.orgUnitId())
                && row.startMonth() >= span.startMonth() && row.startMonth() <= span.endMonth();
    }

    /**
     * The same figures with the observations' current states applied, as of {@code newAsOf}. An observation never
     * changes its indicator, unit or period, so a change only ever touches the series it names.
     */
    LoadedFigures with(List<Row> changed, long newAsOf) {
        Map<SeriesKey, List<Row>> changesBySeries = new HashMap<>();
        for (Row row : changed) {
            changesBySeries.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        Map<SeriesKey, List<Row>> nextRows = new HashMap<>(rows);
        Map<SeriesKey, List<Figure>> nextSeries = new HashMap<>(series);
        int nextSize = size;
        for (Map.Entry<SeriesKey, List<Row>> entry : changesBySeries.entrySet()) {
            Set<Long> touched = new HashSet<>();
            entry.getValue().forEach(row -> touched.add(row.observationId()));
            List<Row> before = rows.getOrDefault(entry.getKey(), List.of());
            List<Row> after = new ArrayList<>(before.size() + entry.getValue().size());
            before.stream().filter(row -> !touched.contains(row.observationId())).forEach(after::add);
            entry.getValue().stream().filter(row -> !row.deleted() && wants(row)).forEach(after::add);
            nextSize += after.size() - before.size();
            nextRows.remove(entry.getKey());
            nextSeries.remove(entry.getKey());
            if (!after.isEmpty()) {
                put(entry.getKey(), after, nextRows, nextSeries);
            }
        }
        return new LoadedFigures(indicators, units, span, nextRows, nextSeries, nextSize, newAsOf);
    }

    /** Grouped by series, each in period order; shared between readers, so unmodifiable. */
    Map<SeriesKey, List<Figure>> bySeries() {
        return Collections.unmodifiableMap(series);
    }

    private static SeriesKey key(Row row) {
        return new SeriesKey(row.indicatorId(), row.orgUnitId());
    }

    private static void put(SeriesKey key, List<Row> unsorted, Map<SeriesKey, List<Row>> rows,
            Map<SeriesKey, List<Figure>> series) {
        unsorted.sort(PERIOD_ORDER);
        List<Figure> figures = new ArrayList<>(unsorted.size());
        for (Row row : unsorted) {
            figures.add(new Figure(new Period(row.startMonth(), row.endMonth()), row.value()));
        }
        rows.put(key, List.copyOf(unsorted));
        // Kept series keep their answers: an unchanged series is the same list in the next load, answers and all.
        series.put(key, KeptSeries.of(figures));
    }
}
