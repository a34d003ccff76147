package io.zhibiao.progress;

/** Where a value comes from (DESIGN §6). */
public enum Source {
    REPORTED, DERIVED, ROLLED_UP
}
