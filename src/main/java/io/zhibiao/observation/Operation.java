package io.zhibiao.observation;

/** What a revision did to its observation. */
public enum Operation {
    CREATE, UPDATE, DELETE,
    /** Marked not applicable (不适用) with a reason: no value. */
    NOT_APPLICABLE
}
