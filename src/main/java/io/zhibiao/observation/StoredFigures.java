package io.zhibiao.observation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk reads for an import chunk: the stored figures of its keys and the recent history the quality
 * rule looks at.
 */
final class StoredFigures {

    private StoredFigures() {
    }

    /** The stored figure (live or deleted) of every key that has one. */
    static Map<CellKey, StoredFigure> of(Connection connection, Set<CellKey> keys) throws SQLException {
        Set<Long> indicators = new LinkedHashSet<>();
        Set<Long> units = new LinkedHashSet<>();
        Set<Integer> starts = new LinkedHashSet<>();
        keys.forEach(k -> {
            indicators.add(k.indicatorId());
            units.add(k.orgUnitId());
            starts.add(k.startMonth());
        });
        String sql = "SELECT id, indicator_id, org_unit_id, start_month, end_month, obs_value, status, comment, revision, "
                + "deleted, flags FROM observation WHERE org_unit_id IN (" + marks(units.size())
                + ") AND indicator_id IN (" + marks(indicators.size()) + ") AND start_month IN (" + marks(starts.size())
                + ")";
        Map<CellKey, StoredFigure> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = bind(query, 1, units, indicators);
            for (Integer start : starts) {
                query.setInt(i++, start);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    CellKey key = new CellKey(rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5));
                    if (keys.contains(key)) {
                        stored.put(key,
                                new StoredFigure(rs.getLong(1), rs.getBigDecimal(6),
                                        ObservationStatus.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9),
                                        rs.getBoolean(10), rs.getString(11)));
                    }
                }
            }
        }
        return stored;
    }

    /**
     * For the quality rule: each key's earlier figures, oldest first, at most the rule's window. Only what the rule can
     * use is read, so an import does not get slower with every year already loaded: first the figures of the
     * {@link QualityRule#WINDOW} months before the chunk's first month and those inside its months — the whole window
     * of a monthly series — then, only for the series that came up short (yearly or quarterly figures, gaps), their
     * last figures before that.
     */
    static Map<CellKey, List<BigDecimal>> history(Connection connection, Collection<CellKey> keys) throws SQLException {
        Set<Long> indicators = new LinkedHashSet<>();
        Set<Long> units = new LinkedHashSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (CellKey key : keys) {
            indicators.add(key.indicatorId());
            units.add(key.orgUnitId());
            first = Math.min(first, key.startMonth());
            last = Math.max(last, key.startMonth());
        }
        int chunkFirst = first;
        int recentFrom = first - QualityRule.WINDOW;
        Map<Series, List<MonthValue>> figures = new HashMap<>();
        read(connection,
                "SELECT indicator_id, org_unit_id, start_month, obs_value FROM observation WHERE "
                        + series(units, indicators) + " AND start_month >= ? AND start_month < ?",
                units, indicators, new int[]{recentFrom, last}, figures);
        Set<Long> shortIndicators = new LinkedHashSet<>();
        Set<Long> shortUnits = new LinkedHashSet<>();
        for (CellKey key : keys) {
            List<MonthValue> known = figures.getOrDefault(new Series(key.indicatorId(), key.orgUnitId()), List.of());
            if (known.stream().filter(f -> f.month() < chunkFirst).count() < QualityRule.WINDOW) {
                shortIndicators.add(key.indicatorId());
                shortUnits.add(key.orgUnitId());
            }
        }
        if (!shortIndicators.isEmpty()) {
            read(connection, "SELECT indicator_id, org_unit_id, start_month, obs_value FROM ("
                    + "SELECT indicator_id, org_unit_id, start_month, obs_value, ROW_NUMBER() OVER ("
                    + "PARTITION BY indicator_id, org_unit_id ORDER BY start_month DESC) AS recency FROM observation WHERE "
                    + series(shortUnits, shortIndicators) + " AND start_month < ?) earlier WHERE recency <= ?",
                    shortUnits, shortIndicators, new int[]{recentFrom, QualityRule.WINDOW}, figures);
        }
        Map<CellKey, List<BigDecimal>> history = new HashMap<>();
        for (CellKey key : keys) {
            List<MonthValue> series = figures.getOrDefault(new Series(key.indicatorId(), key.orgUnitId()), List.of());
            history.put(key, windowBefore(series, key.startMonth()));
        }
        return history;
    }

    private static String series(Set<Long> units, Set<Long> indicators) {
        return "deleted = FALSE AND org_unit_id IN (" + marks(units.size()) + ") AND indicator_id IN ("
                + marks(indicators.size()) + ")";
    }

    /** Adds the rows of a history query to their series, keeping each series oldest first. */
    private static void read(Connection connection, String sql, Set<Long> units, Set<Long> indicators, int[] tail,
            Map<Series, List<MonthValue>> figures) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = bind(query, 1, units, indicators);
            for (int value : tail) {
                query.setInt(i++, value);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    figures.computeIfAbsent(new Series(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                            .add(new MonthValue(rs.getInt(3), rs.getBigDecimal(4)));
                }
            }
        }
        figures.values().forEach(series -> series.sort(Comparator.comparingInt(MonthValue::month)));
    }

    /**
     * The last WINDOW figures before {@code month}; {@code series} is oldest first, so they are a
     * prefix's tail.
     */
    private static List<BigDecimal> windowBefore(List<MonthValue> series, int month) {
        int end = 0;
        int high = series.size();
        while (end < high) {
            int middle = (end + high) >>> 1;
            if (series.get(middle).month() < month) {
                end = middle + 1;
            } else {
                high = middle;
            }
        }
        List<BigDecimal> window = new ArrayList<>(Math.min(end, QualityRule.WINDOW));
        for (int f = Math.max(0, end - QualityRule.WINDOW); f < end; f++) {
            window.add(series.get(f).value());
        }
        return window;
    }

    private static int bind(PreparedStatement query, int from, Set<Long> units, Set<Long> indicators)
            throws SQLException {
        int i = from;
        for (Long id : units) {
            query.setLong(i++, id);
        }
        for (Long id : indicators) {
            query.setLong(i++, id);
        }
        return i;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private record Series(long indicatorId, long orgUnitId) {
    }

    private record MonthValue(int month, BigDecimal value) {
    }
}
