package io.zhibiao.observation;

/** Whether a figure is final or may still change (a clerk's estimate before the official count). */
public enum ObservationStatus {
    FINAL, PROVISIONAL
}
