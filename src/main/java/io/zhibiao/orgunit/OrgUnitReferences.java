package io.zhibiao.orgunit;

/**
 * A feature whose rows refer to org units (targets, observations, plans): asked before a unit is
 * deleted, so that features above this one keep their references without this one naming them.
 */
public interface OrgUnitReferences {

    /** How many of the feature's rows refer to the unit. */
    long countReferencesTo(OrgUnit unit);

    /** What those rows are called in a message, plural: "targets". */
    String what();
}
