package io.zhibiao.security;

import java.util.EnumSet;
import java.util.Set;

/** What a write touches, and which roles may write it. */
public enum Area {

    ORG_UNITS(EnumSet.of(Role.ADMIN, Role.PLANNER)), INDICATORS(EnumSet.of(Role.ADMIN, Role.PLANNER)), TARGETS(
            EnumSet.of(Role.ADMIN, Role.PLANNER)), PLANS(EnumSet.of(Role.ADMIN, Role.PLANNER)), OBSERVATIONS(
                    EnumSet.of(Role.ADMIN, Role.CLERK)), LOCKS(EnumSet.of(Role.ADMIN)), TOKENS(EnumSet.of(Role.ADMIN));

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
