package io.zhibiao.security;

import java.util.EnumSet;
import java.util.Set;

/** What a write touches, and which roles may write it. */
public enum Area {

    ORG_UNITS(EnumSet.of(Role.ADMIN, Role.PLANNER)), INDICATORS(EnumSet.of(Role.ADMIN, Role.PLANNER)), TARGETS(
            EnumSet.of(Role.ADMIN, Role.PLANNER)), PLANS(EnumSet.of(Role.ADMIN, Role.PLANNER)), OBSERVATIONS(
                    EnumSet.of(Role.ADMIN, Role.CLERK)), LOCKS(EnumSet.of(Role.ADMIN)), TOKENS(EnumSet.of(Role.ADMIN)),
    /** 上报: a unit's period submitted by those who write its figures or targets. */
    SUBMISSIONS(EnumSet.of(Role.ADMIN, Role.PLANNER, Role.CLERK)),
    /** 校验: validation rules over a unit's subtree. */
    RULES(EnumSet.of(Role.ADMIN, Role.PLANNER)),
    /** 进展说明: what a unit says about its target for a period (design §8). */
    COMMENTARY(EnumSet.of(Role.ADMIN, Role.PLANNER, Role.CLERK)),
    /** 月报: asking for a report of a unit one can read (it queues work, so it is a write of every role). */
    REPORTS(EnumSet.allOf(Role.class)),
    /** 提醒: alert channels, subscriptions and report schedules of a unit's subtree (design §8). */
    ALERTS(EnumSet.of(Role.ADMIN, Role.PLANNER)),
    /** 审核: approving, returning, reopening the submissions below one's own unit. */
    REVIEWS(EnumSet.of(Role.ADMIN, Role.REVIEWER));

    private final Set<Role> writers;

    Area(Set<Role> writers) {
        this.writers = writers;
    }

    public boolean writableBy(Role role) {
        return writers.contains(role);
    }

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
