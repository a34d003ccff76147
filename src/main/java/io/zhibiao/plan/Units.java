package io.zhibiao.plan;

import io.zhibiao.progress.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The units a plan counts, measures or spends in, and the value type each implies. */
final class Units {

    /** Counted things: whole numbers. */
    private static final List<String> COUNTS = List.of("人次", "人", "名", "所", "个", "次", "座", "项", "起", "节", "间", "套", "台",
            "本", "场", "期", "家", "处", "条", "件", "篇", "门", "支", "批", "班", "户", "位", "张", "册", "部", "株", "棵", "轮次", "轮",
            "课时", "学时", "堂", "天", "周", "对", "批次", "期次", "届", "场次", "栋", "幢", "辆", "块", "种", "份", "组", "盏", "首", "村");

    /**
     * Money, areas, lengths, hours, years, ages (人均预期寿命78.3岁): decimals. Money keeps 万 and 亿 (budgets are written and tracked in 万元); any
     * other 万 or 亿 multiplies the figure (3.03万平方米 is 30300 平方米, 5万个 is 50000 个).
     */
    private static final List<String> AMOUNTS = List.of("元", "万元", "亿元", "千元", "小时", "平方米", "亩", "平方公里", "公里", "千米",
            "米", "吨", "分钟", "分", "年", "岁");

    /** Units written as a sign (77391㎡): the unit it is, so that targets in either spelling compare. */
    private static final Map<String, String> SIGNS = Map.of("㎡", "平方米", "m²", "平方米", "km²", "平方公里");

    /** What follows 分 when it is no score: 分钟, 分之, 分期, 分批, 分数线… */
    private static final String NOT_A_SCORE = "之期批别类层段校享配担流级数子布析工项管设院会局部线值配";

    private static final Map<String, ValueType> TYPES = new LinkedHashMap<>();

    /** Longest first, so that 人次 wins over 人 and 万元 over 万. */
    private static final List<String> LONGEST_FIRST;

    /** {@link #LONGEST_FIRST} by the character each unit opens with: a figure's unit is looked up, not searched for. */
    private static final Map<Character, List<String>> BY_FIRST_CHAR = new HashMap<>();

    static {
        TYPES.put("%", ValueType.PERCENT);
        TYPES.put("‰", ValueType.DECIMAL); // 死亡率保持在3‰以下: a rate per thousand, written as such
        COUNTS.forEach(u -> TYPES.put(u, ValueType.INTEGER));
        AMOUNTS.forEach(u -> TYPES.put(u, ValueType.DECIMAL));
        LONGEST_FIRST = TYPES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        LONGEST_FIRST.forEach(u -> BY_FIRST_CHAR.computeIfAbsent(u.charAt(0), c -> new ArrayList<>()).add(u));
    }

    private Units() {
    }

    /**
     * The unit written at {@code at}, or null. A "个百分点" is a difference, never a unit of a target.
     */
    static String unitAt(CharSequence text, int at) {
        if (startsWith(text, at, "个百分点")) {
            return null;
        }
        for (Map.Entry<String, String> sign : SIGNS.entrySet()) {
            if (startsWith(text, at, sign.getKey())) {
                return sign.getValue();
            }
        }
        if (startsWith(text, at, "对") && at + 1 < text.length() && "0123456789一多".indexOf(text.charAt(at + 1)) >= 0) {
            return null; // 1对1帮扶, 一对多: a way of working, not a count of pairs
        }
        if (at < 0 || at >= text.length()) {
            return null;
        }
        for (String unit : BY_FIRST_CHAR.getOrDefault(text.charAt(at), List.of())) {
            if (unit.equals("分") && startsWith(text, at, unit) && at + 1 < text.length()
                    && NOT_A_SCORE.indexOf(text.charAt(at + 1)) >= 0) {
                return null; // 三分之一, 分数线, 分批: 分 is a score only on its own
            }
            if (unit.equals("部") && startsWith(text, at, unit) && at + 1 < text.length()
                    && NOT_VOLUMES.indexOf(text.charAt(at + 1)) >= 0) {
                return null; // 分4部分, 3部门: parts and departments, not a count of volumes
            }
            if (startsWith(text, at, unit)) {
                return unit;
            }
        }
        return null;
    }

    /** How many characters the unit {@code unit} (from {@link #unitAt}) takes where it is written: 1 for ㎡. */
    static int writtenLength(CharSequence text, int at, String unit) {
        for (Map.Entry<String, String> sign : SIGNS.entrySet()) {
            if (sign.getValue().equals(unit) && startsWith(text, at, sign.getKey())) {
                return sign.getKey().length();
            }
        }
        return unit.length();
    }

    /** What follows 部 when it counts no volumes or works: 部分, 部门, 部署. */
    private static final String NOT_VOLUMES = "分门署";

    /**
     * A unit as a table header writes it, 万 or 亿 included (校舍面积（万平方米）): the cells hold figures in it, so it
     * stays as written.
     */
    static boolean isTableUnit(String text) {
        String unit = text.startsWith("万") || text.startsWith("亿") ? text.substring(1) : text;
        return !unit.isEmpty() && unitAt(unit, 0) != null && unitAt(unit, 0).length() == unit.length();
    }

    static ValueType type(String unit) {
        return unit == null ? ValueType.INTEGER : TYPES.get(unit);
    }

    /** A level reached at a time rather than an amount added in it: a rate (95%, 3‰), years of schooling, an age. */
    static boolean isLevel(String unit) {
        return "%".equals(unit) || "‰".equals(unit) || "年".equals(unit) || "岁".equals(unit);
    }

    /** 人 and 名 count the same people. */
    static boolean compatible(String a, String b) {
        return a.equals(b) || (isPeople(a) && isPeople(b));
    }

    private static boolean isPeople(String unit) {
        return unit.equals("人") || unit.equals("名");
    }

    static boolean startsWith(CharSequence text, int at, String word) {
        if (at < 0 || at + word.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text.charAt(at + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
