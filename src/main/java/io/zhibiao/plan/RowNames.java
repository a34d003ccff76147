package io.zhibiao.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an indicator table's rows as the table reads them, one row after another: the unit from the name
 * ({@code 学前三年毛入园率（%）}), the row's own number left off ({@code 1.学前教育毛入园率}), and a {@code 其中：小学} row —
 * or, where indentation is visible, an indented one — named after the row above it ({@code 专任教师本科及以上学历比例（小学）}).
 */
final class RowNames {

    /** A row's name and the unit it gives in brackets (null for none). */
    record Named(String name, String unit) {
    }

    /** A name with its unit in brackets: 学前三年毛入园率（%）. */
    static final Pattern UNIT_IN_NAME = Pattern.compile("^(.*?)\\s*\\(\\s*([^()]{1,6})\\s*\\)\\s*$");
    /** A row that is a part of the row above: 其中：小学. */
    static final Pattern SUB_ROW = Pattern.compile("^其中\\s*[:：]\\s*");
    private static final Pattern ROW_NUMBERING = Pattern.compile("^\\d{1,2}\\s*[.、．]\\s*(?=\\D)");

    private String parentName;
    private String parentUnit;

    /** The next row's name from its name cell; {@code indented} when the cell is visibly indented under the row above. */
    Named of(String cell, boolean indented) {
        String name = ROW_NUMBERING.matcher(cell).replaceFirst(""); // 1.学前教育毛入园率(%)
        Matcher sub = SUB_ROW.matcher(name);
        if (sub.find() && parentName != null) {
            return new Named(parentName + "（" + name.substring(sub.end()).strip() + "）", parentUnit);
        }
        if (indented && parentName != null && !name.isEmpty()) {
            return new Named(parentName + "（" + name + "）", parentUnit);
        }
        Matcher withUnit = UNIT_IN_NAME.matcher(name);
        boolean unitGiven = withUnit.matches() && isUnit(withUnit.group(2).strip());
        parentName = unitGiven ? withUnit.group(1).strip() : name;
        parentUnit = unitGiven ? withUnit.group(2).strip() : null;
        return new Named(parentName, parentUnit);
    }

    /** 学前三年毛入园率（%）, 骨干教师（人）, 生均图书（册/生）: a unit; 差异系数（小学） names a part, not a unit. */
    private static boolean isUnit(String bracketed) {
        return bracketed.equals("%") || bracketed.equals("％") || bracketed.equals("‰")
                || Units.unitAt(bracketed, 0) != null || Units.isTableUnit(bracketed);
    }
}
