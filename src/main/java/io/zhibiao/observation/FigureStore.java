package io.zhibiao.observation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Reads current figures for the progress engine in one query per thousand org units, however many targets ask, and
 * keeps what it read up to date from the changes feed ({@link LoadedFigures}).
 */
@ApplicationScoped
public class FigureStore implements FigureSource {

    @Inject
    EntityManager em;

    /**
     * Figure reads kept between requests, brought up to date from the changes feed: after a write, a dashboard reads
     * the few revisions numbered above what it holds instead of the tens of thousands of figures of a county again.
     * Bounded by figures held.
     */
    private final Cache<LoadKey, LoadedFigures> loaded = Caffeine.newBuilder().maximumWeight(MAX_FIGURES_HELD)
            .weigher((LoadKey key, LoadedFigures figures) -> Math.max(1, figures.size()))
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    private static final int MAX_FIGURES_HELD = 400_000;
    /** Beyond this many changed figures (a large import) a fresh read is cheaper than applying them. */
    private static final int MAX_CHANGES_APPLIED = 20_000;
    private static final int UNITS_PER_QUERY = 1000;

    private record LoadKey(Set<Long> indicators, Set<Long> units, Period span) {
    }

    /**
     * Plain JDBC on the transaction's connection: a dashboard over a county reads tens of thousands of figures, and
     * Hibernate's row handling cost as much as the query. Units go in slices so the bind parameters stay far below
     * the drivers' limits however large the subtree.
     */
    @Override
    public Map<SeriesKey, List<Figure>> figures(Collection<Long> indicatorIds, Collection<Long> orgUnitIds,
            Period months) {
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return new HashMap<>();
        }
        LoadKey key = new LoadKey(Set.copyOf(indicatorIds), Set.copyOf(orgUnitIds), months);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            // The largest committed change number first, then the figures: whatever commits in between is applied
            // again next time, which changes nothing; nothing committed before it can be missing.
            long head = head(connection);
            LoadedFigures known = loaded.getIfPresent(key);
            LoadedFigures current;
            if (known != null && known.asOf >= head) {
                current = known;
            } else if (known != null && head - known.asOf <= MAX_CHANGES_APPLIED) {
                // Change numbers count every revision (and target change), so their distance bounds the changes.
                List<LoadedFigures.Row> changed = changesAfter(connection, known.asOf);
                current = changed == null ? readAll(connection, key, head) : known.with(changed, head);
            } else {
                current = readAll(connection, key, head);
            }
            loaded.put(key, current);
            return current.bySeries();
        });
    }

    /**
     * The figures as the current transaction sees them, its own uncommitted writes included, without the cache: what
     * a write checks its validation rules against (an import's earlier chunks are not committed yet).
     */
    public Map<SeriesKey, List<Figure>> uncommitted(Collection<Long> indicatorIds, Collection<Long> orgUnitIds,
            Period months) {
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return new HashMap<>();
        }
        LoadKey key = new LoadKey(Set.copyOf(indicatorIds), Set.copyOf(orgUnitIds), months);
        return em.unwrap(Session.class).doReturningWork(connection -> readAll(connection, key, 0).bySeries());
    }

    /** A figure with where its unit sits in the tree. */
    public record PlacedFigure(long indicatorId, long orgUnitId, String path, Figure figure) {
    }

    /**
     * The figures of one subtree as the current transaction sees them, each with its unit's path: a single write's
     * rule check reads the shape it needs and the figures in one query.
     */
    public List<PlacedFigure> uncommittedUnder(String path, Collection<Long> indicatorIds, Period months) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT o.indicator_id, o.org_unit_id, u.path, o.start_month, o.end_month, o.obs_value "
                + "FROM observation o JOIN org_unit u ON u.id = o.org_unit_id WHERE u.path LIKE ? ESCAPE '!' "
                + "AND o.deleted = FALSE AND o.indicator_id IN (" + marks(indicatorIds.size())
                + ") AND o.start_month BETWEEN ? AND ?";
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<PlacedFigure> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                query.setString(i++, io.zhibiao.common.Where.under(path));
                for (Long indicator : indicatorIds) {
                    query.setLong(i++, indicator);
                }
                query.setInt(i++, months.startMonth());
                query.setInt(i, months.endMonth());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.add(new PlacedFigure(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                new Figure(new Period(rs.getInt(4), rs.getInt(5)), rs.getBigDecimal(6))));
                    }
                }
            }
            return found;
        });
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection
                .prepareStatement("SELECT COALESCE(MAX(change_seq), 0) FROM observation_revision");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The current state of every observation revised after {@code asOf}; null when there are too many. Written as a
     * semi-join on purpose: as a join, H2 put the whole observation table on the outside and read every row of it
     * (a cold county dashboard took 0.9 s with 600,000 figures, 3.9 s with 2,400,000); this form starts from the
     * revisions' key range on both databases.
     */
    private static List<LoadedFigures.Row> changesAfter(Connection connection, long asOf) throws SQLException {
        String sql = "SELECT o.id, o.indicator_id, o.org_unit_id, o.start_month, o.end_month, o.obs_value, o.deleted"
                + " FROM observation o WHERE o.id IN (SELECT r.observation_id FROM observation_revision r"
                + " WHERE r.change_seq > ?)";
        List<LoadedFigures.Row> changed = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, asOf);
            query.setMaxRows(MAX_CHANGES_APPLIED + 1);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    changed.add(row(rs));
                }
            }
        }
        return changed.size() > MAX_CHANGES_APPLIED ? null : changed;
    }

    private static LoadedFigures readAll(Connection connection, LoadKey key, long asOf) throws SQLException {
        List<Long> indicators = List.copyOf(key.indicators());
        List<Long> units = List.copyOf(key.units());
        Map<Long, LoadedFigures.Row> rows = new HashMap<>();
        for (int from = 0; from < units.size(); from += UNITS_PER_QUERY) {
            read(connection, indicators, units.subList(from, Math.min(units.size(), from + UNITS_PER_QUERY)),
                    key.span(), rows);
        }
        return LoadedFigures.of(key.indicators(), key.units(), key.span(), rows.values(), asOf);
    }

    private static void read(Connection connection, List<Long> indicators, List<Long> units, Period months,
            Map<Long, LoadedFigures.Row> rows) throws SQLException {
        String sql = "SELECT id, indicator_id, org_unit_id, start_month, end_month, obs_value, deleted FROM observation"
                + " WHERE deleted = FALSE AND org_unit_id IN (" + marks(units.size()) + ") AND indicator_id IN ("
                + marks(indicators.size()) + ") AND start_month BETWEEN ? AND ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 1;
            for (Long unit : units) {
                query.setLong(i++, unit);
            }
            for (Long indicator : indicators) {
                query.setLong(i++, indicator);
            }
            query.setInt(i++, months.startMonth());
            query.setInt(i, months.endMonth());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    LoadedFigures.Row row = row(rs);
                    rows.put(row.observationId(), row);
                }
            }
        }
    }

    private static LoadedFigures.Row row(ResultSet rs) throws SQLException {
        return new LoadedFigures.Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                rs.getBigDecimal(6), rs.getBoolean(7));
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /**
     * One index probe per (indicator, unit) pair: an {@code EXISTS} in the select list runs per row on PostgreSQL and
     * H2 alike, where a {@code DISTINCT} over the pairs' figures would read their whole history, and an {@code EXISTS}
     * in the where clause may be planned as a scan of every figure.
     */
    @Override
    public Map<Long, Set<Long>> reporters(Collection<Long> indicatorIds, Collection<Long> orgUnitIds) {
        Map<Long, Set<Long>> reporters = new HashMap<>();
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return reporters;
        }
        List<Long> units = List.copyOf(Set.copyOf(orgUnitIds));
        for (int from = 0; from < units.size(); from += UNITS_PER_QUERY) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select i.id, u.id, case when exists (select 1 from observation o
                        where o.org_unit_id = u.id and o.indicator_id = i.id and o.deleted = false) then 1 else 0 end
                    from indicator i cross join org_unit u where i.id in (:indicators) and u.id in (:units)""")
                    .setParameter("indicators", Set.copyOf(indicatorIds))
                    .setParameter("units", units.subList(from, Math.min(units.size(), from + UNITS_PER_QUERY)))
                    .getResultList();
            for (Object[] row : rows) {
                if (((Number) row[2]).intValue() == 1) {
                    reporters.computeIfAbsent(((Number) row[0]).longValue(), k -> new HashSet<>())
                            .add(((Number) row[1]).longValue());
                }
            }
        }
        return reporters;
    }
}
