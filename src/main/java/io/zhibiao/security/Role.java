package io.zhibiao.security;

/** What a caller may do, each within its org-unit subtree. */
public enum Role {
    /** Everything, tokens and locks included. */
    ADMIN,
    /** Org units, indicators, plans and targets; reads. */
    PLANNER,
    /** 审核: approves or returns the submissions of the units strictly below its scope root; reads. */
    REVIEWER,
    /** Observations, and submitting its own units' periods; reads. */
    CLERK,
    /** Reads only. */
    VIEWER
}
