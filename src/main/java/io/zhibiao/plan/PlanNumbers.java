package io.zhibiao.plan;

import java.math.BigDecimal;

/** Numbers and characters as plans write them: Arabic or Chinese digits, Han text. */
final class PlanNumbers {

    /**
     * A number as the patterns match it: Arabic digits with an optional fraction, or Chinese
     * numerals.
     */
    static final String NUMBER = "\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+";

    private PlanNumbers() {
    }

    /** Arabic or Chinese digits as a decimal, or null. */
    static BigDecimal number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (isDigit(text.charAt(0))) {
            try {
                return plain(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long value = ChineseNumerals.parse(text);
        return value < 0 ? null : BigDecimal.valueOf(value);
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
