package io.zhibiao.observation;

import io.zhibiao.period.Period;
import io.zhibiao.progress.Figure;
import io.zhibiao.progress.FigureSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads current figures for the progress engine in one query, however many targets ask. */
@ApplicationScoped
public class FigureStore implements FigureSource {

    @Inject
    EntityManager em;

    @Override
    public Map<SeriesKey, List<Figure>> figures(Collection<Long> indicatorIds, Collection<Long> orgUnitIds,
            Period months) {
        Map<SeriesKey, List<Figure>> byKey = new HashMap<>();
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return byKey;
        }
        em.createQuery("""
                select o.indicator.id, o.orgUnit.id, o.startMonth, o.endMonth, o.value from Observation o
                where o.deleted = false and o.indicator.id in :indicators and o.orgUnit.id in :units
                  and o.startMonth between :first and :last""", Object[].class)
                .setParameter("indicators", Set.copyOf(indicatorIds)).setParameter("units", Set.copyOf(orgUnitIds))
                .setParameter("first", months.startMonth()).setParameter("last", months.endMonth()).getResultList()
                .forEach(row -> byKey
                        .computeIfAbsent(new SeriesKey((Long) row[0], (Long) row[1]), k -> new ArrayList<>())
                        .add(new Figure(new Period((Integer) row[2], (Integer) row[3]), (BigDecimal) row[4])));
        return byKey;
    }

    @Override
    public Map<Long, Set<Long>> reporters(Collection<Long> indicatorIds, Collection<Long> orgUnitIds) {
        Map<Long, Set<Long>> reporters = new HashMap<>();
        if (indicatorIds.isEmpty() || orgUnitIds.isEmpty()) {
            return reporters;
        }
        em.createQuery("""
                select distinct o.indicator.id, o.orgUnit.id from Observation o
                where o.deleted = false and o.indicator.id in :indicators and o.orgUnit.id in :units""", Object[].class)
                .setParameter("indicators", Set.copyOf(indicatorIds)).setParameter("units", Set.copyOf(orgUnitIds))
                .getResultList()
                .forEach(row -> reporters.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]));
        return reporters;
    }
}
