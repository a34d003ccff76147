package io.zhibiao.orgunit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Levels of the administrative tree (design §1): a child always sits at a deeper level than its parent, and levels may
 * be skipped (a school directly under a county, a 教学点 under its 学区).
 */
public enum OrgUnitType {

    PROVINCE(0, "省"), PREFECTURE(1, "市州"), COUNTY(2, "县"), DISTRICT(2, "区"), TOWNSHIP(3, "学区"), SCHOOL(4,
            "学校"), KINDERGARTEN(4, "幼儿园"), TEACHING_POINT(5, "教学点");

    private final int level;
    private final String label;

    OrgUnitType(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public boolean mayContain(OrgUnitType child) {
        return child.level > level;
    }

    /** The Chinese name pages and rosters use: 学区, 学校, 教学点. */
    public String label() {
        return label;
    }

    /**
     * The type a roster cell names, by its code (SCHOOL, school) or its Chinese name (学校; also 乡镇中心学校 and 中心校 for
     * a 学区, 市 and 州 for a prefecture, 县区 for a county).
     */
    public static Optional<OrgUnitType> named(String text) {
        String t = text.strip();
        Optional<OrgUnitType> byCode = Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(t)).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        return switch (t) {
            case "省", "省份", "自治区", "直辖市" -> Optional.of(PROVINCE);
            case "市州", "市", "州", "地市", "盟" -> Optional.of(PREFECTURE);
            case "县", "县区", "县市", "旗", "县级市" -> Optional.of(COUNTY);
            case "区", "市辖区" -> Optional.of(DISTRICT);
            case "学区", "乡镇", "乡镇中心学校", "中心校", "中心学校" -> Optional.of(TOWNSHIP);
            case "学校", "中学", "小学", "九年一贯制学校", "完全中学", "高中", "初中", "职业学校", "特殊教育学校" -> Optional.of(SCHOOL);
            case "幼儿园" -> Optional.of(KINDERGARTEN);
            case "教学点", "村小", "村校" -> Optional.of(TEACHING_POINT);
            default -> Optional.empty();
        };
    }

    /** Every accepted spelling, for messages: SCHOOL or 学校, …. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(v -> v.name() + " (" + v.label + ")").toList());
    }
}
