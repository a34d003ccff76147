package io.zhibiao.security;

/** What a caller may do, each within its org-unit subtree. */
public enum Role {
    /** Everything, tokens and locks included. */
    ADMIN,
    /** Org units, indicators, plans and targets; reads. */
    PLANNER,
    /** Observations; reads. */
    CLERK,
    /** Reads only. */
    VIEWER
}
