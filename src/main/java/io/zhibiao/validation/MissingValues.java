package io.zhibiao.validation;

/** What a rule does when a value it refers to is missing (design §7). */
public enum MissingValues {
    /** Not checked while any value is missing (the default): 上线人数 first, 参考人数 not yet posted, is accepted. */
    SKIP_IF_ANY_MISSING,
    /** Not checked while every value is missing; otherwise a missing value counts as 0. */
    SKIP_IF_ALL_MISSING,
    /** Always checked; a missing value counts as 0. */
    NEVER_SKIP
}
