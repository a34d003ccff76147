package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the engine's figures come from: the current figures of many series, read at once. */
public interface FigureSource {

    /** Identifies one series of figures: an indicator at an org unit. */
    record SeriesKey(long indicatorId, long orgUnitId) {
    }

    /** The figures of the indicators at the org units whose period starts inside {@code months}, grouped by key. */
    Map<SeriesKey, List<Figure>> figures(Collection<Long> indicatorIds, Collection<Long> orgUnitIds, Period months);

    /** Per indicator, which of the org units ever posted a figure of it (coverage counts them, DESIGN §6). */
    Map<Long, Set<Long>> reporters(Collection<Long> indicatorIds, Collection<Long> orgUnitIds);
}
