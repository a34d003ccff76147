package io.zhibiao.observation;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/** Reads current figures for the progress engine in one query per thousand org units, however many targets ask. */
@ApplicationScoped
public class FigureStore implements FigureSource {

    @Inject
    EntityManager em;

    /**
     * Plain JDBC on the transaction's connection: a dashboard over a county reads tens of thousands of figures, and
     * Hibernate's row handling cost as much as the query. Units go in slices so the bind parameters stay far below
     * the drivers' limits however large the subtree.
     */
    @Override
    public Map<SeriesKey, List<Figure>> figures(Collection<Long> indicatorIds, Collection<Long> orgUnitIds,
            Period months) {
        Map<SeriesKey, List<Figure>> byKey = new HashMap<>();
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return byKey;
        }
        List<Long> indicators = List.copyOf(Set.copyOf(indicatorIds));
        List<Long> units = List.copyOf(Set.copyOf(orgUnitIds));
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < units.size(); from += UNITS_PER_QUERY) {
                List<Long> slice = units.subList(from, Math.min(units.size(), from + UNITS_PER_QUERY));
                read(connection, indicators, slice, months, byKey);
            }
        });
        return byKey;
    }

    private static final int UNITS_PER_QUERY = 1000;

    private static void read(Connection connection, List<Long> indicators, List<Long> units, Period months,
            Map<SeriesKey, List<Figure>> byKey) throws SQLException {
        String sql = "SELECT indicator_id, org_unit_id, start_month, end_month, obs_value FROM observation"
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
                    byKey.computeIfAbsent(new SeriesKey(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                            .add(new Figure(new Period(rs.getInt(3), rs.getInt(4)), rs.getBigDecimal(5)));
                }
            }
        }
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
