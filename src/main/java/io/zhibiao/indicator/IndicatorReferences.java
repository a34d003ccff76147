package io.zhibiao.indicator;

/**
 * A feature whose rows refer to indicators (targets, observations): an indicator they refer to
 * cannot be deleted, and one with stored figures cannot change how its figures are read.
 */
public interface IndicatorReferences {

    /** Whether any of the feature's rows refers to the indicator. */
    boolean refersTo(Indicator indicator);

    /** Whether the referring rows are figures, read by the indicator's value type and frequency. */
    default boolean holdsFigures() {
        return false;
    }
}
