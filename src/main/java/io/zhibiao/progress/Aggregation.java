package io.zhibiao.progress;

/** How the figures of one org unit combine over time inside a target period. */
public enum Aggregation {
    /** Flows: person-times trained, incidents. */
    SUM,
    /** Levels and running totals: rates, number of certified schools. */
    LAST, AVERAGE, MAX, MIN
}
