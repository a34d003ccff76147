package io.zhibiao.observation;

/**
 * What a write did to a figure. A deleted figure written again is CREATED: it exists again for its
 * readers.
 */
public enum WriteOutcome {
    CREATED, UPDATED, UNCHANGED
}
