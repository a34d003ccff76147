package io.zhibiao.progress;

/** Where a target stands. Declared worst first: dashboards sort by this order. */
public enum Status {
    MISSED, OFF_TRACK, AT_RISK, NO_DATA, ON_TRACK, ACHIEVED
}
