package io.zhibiao.plan;

/** Reads Chinese numerals as plans write them: 两, 十, 十二, 一百二十, 三万, 一千零五. */
final class ChineseNumerals {

    static final String DIGITS = "零〇一二两三四五六七八九";
    static final String ALL = DIGITS + "十百千万亿";
    /** 一亿亿: beyond it a numeral is a slip of the pen (一万亿亿), not a figure, and would overflow a long. */
    static final long MAX = 10_000_000_000_000_000L;

    private ChineseNumerals() {
    }

    /** A count written as Chinese numbering writes it (一, 十, 十二, 二十一, 一百零五); digits beyond 999. */
    static String write(int n) {
        String digits = "零一二三四五六七八九";
        if (n <= 0 || n > 999) {
            return String.valueOf(n);
        }
        StringBuilder text = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            text.append(digits.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                text.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                text.append(digits.charAt(tens));
            }
            text.append('十');
        }
        if (ones > 0) {
            text.append(digits.charAt(ones));
        }
        return text.toString();
    }

    static boolean isNumeral(char c) {
        return ALL.indexOf(c) >= 0;
    }

    /**
     * The value, or -1 when the characters are not one well-formed numeral (一二, 十十, an empty
     * string) or exceed {@link #MAX}.
     */
    static long parse(CharSequence text) {
        if (text.isEmpty()) {
            return -1;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                if (digit > 0 || (digit == 0 && d == 0)) {
                    return -1;
                }
                digit = d;
            } else if (c == '十' || c == '百' || c == '千') {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                if (digit < 0 && c == '十' && (previous == 0 || previous == '零' || previous == '〇' || isBig(previous))) {
                    digit = 1;
                }
                if (digit <= 0) {
                    return -1;
                }
                section += digit * unit;
                digit = -1;
            } else if (c == '万' || c == '亿') {
                long unit = c == '万' ? 10_000 : 100_000_000;
                section += Math.max(digit, 0);
                if (section == 0 && total == 0) {
                    return -1;
                }
                long base = c == '亿' ? total + section : section;
                if (base > MAX / unit) {
                    return -1;
                }
                total = c == '亿' ? base * unit : total + base * unit;
                section = 0;
                digit = -1;
            } else {
                return -1;
            }
            previous = c;
        }
        return total + section + Math.max(digit, 0);
    }

    private static boolean isBig(char c) {
        return c == '万' || c == '亿' || c == '百' || c == '千';
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
