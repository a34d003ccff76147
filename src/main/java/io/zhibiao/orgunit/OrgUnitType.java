package io.zhibiao.orgunit;

/** Levels of the administrative tree; a child always sits at a deeper level than its parent. */
public enum OrgUnitType {

    PROVINCE(0), PREFECTURE(1), COUNTY(2), DISTRICT(2), SCHOOL(3), KINDERGARTEN(3);

    private final int level;

    OrgUnitType(int level) {
        this.level = level;
    }

    public boolean mayContain(OrgUnitType child) {
        return child.level > level;
    }
}
