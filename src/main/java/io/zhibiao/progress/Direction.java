package io.zhibiao.progress;

/** Which way is better: up, down, or staying within a tolerance of the target. */
public enum Direction {
    INCREASE, DECREASE, MAINTAIN
}
