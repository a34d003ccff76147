package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the engine's figures come from: the current figures of many series, read at once. */
public interface FigureSource {

    /**
     * Identifies one series of figures: an indicator at an org unit. Its equals and hashCode are written out: a
     * record's own go through method handles, which C1-compiled code does not inline, and a dashboard looks series up
     * thousands of times.
     */
    record SeriesKey(long indicatorId, long orgUnitId) {

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && indicatorId == k.indicatorId && orgUnitId == k.orgUnitId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(indicatorId * 31 + orgUnitId);
        }
    }

    /** The figures of the indicators at the org units whose period starts inside {@code months}, grouped by key. */
    Map<SeriesKey, List<Figure>> figures(Collection<Long> indicatorIds, Collection<Long> orgUnitIds, Period months);

    /** Per indicator, which of the org units ever posted a figure of it (coverage counts them, design §6). */
    Map<Long, Set<Long>> reporters(Collection<Long> indicatorIds, Collection<Long> orgUnitIds);
}
