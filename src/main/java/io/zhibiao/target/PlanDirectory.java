package io.zhibiao.target;

/**
 * Tells whether a plan exists, for a target's {@code planId}. The plan feature supplies it; it sits
 * above targets.
 */
public interface PlanDirectory {

    boolean exists(long planId);
}
