package io.zhibiao.progress;

/** Where a value comes from (design §6). */
public enum Source {
    REPORTED, DERIVED, ROLLED_UP
}
