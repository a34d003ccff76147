package io.zhibiao.progress;

/** How the values of an org unit's children combine into its own (design §6). */
public enum Rollup {

    SUM, AVERAGE, MIN, MAX, NONE;

    /** SUM for counts and amounts; NONE for rates, which are never summed or averaged across units. */
    public static Rollup defaultFor(ValueType valueType) {
        return valueType == ValueType.PERCENT ? NONE : SUM;
    }
}
