package io.zhibiao.progress;

import io.zhibiao.period.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the engine's figures come from: the current figures of many series, read at once. */
public interface FigureSource {

    /** Identifies one series of figures: an indicator at an org unit. */
    record SeriesKey(long indicatorId, long orgUnitId) {
    }

    /**
     * The figures of every key whose period starts inside {@code months}, grouped by key; keys
     * without any are left out.
     */
    Map<SeriesKey, List<Figure>> figures(Collection<SeriesKey> keys, Period months);
}
