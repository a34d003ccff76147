package io.zhibiao.period;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed range of months, the one representation of every period in Zhibiao.
 *
 * <p>Months are counted as {@code year * 12 + (month - 1)} so that ranges compare and shift with
 * plain integer arithmetic. The text form is canonical: a range that is exactly a year, half,
 * quarter or month prints as that ({@code 2025-01/2025-12} is {@code 2025}), so equal periods
 * always have equal text.
 */
public record Period(int startMonth, int endMonth) implements Comparable<Period> {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public Period {
        if (endMonth < startMonth) {
            throw new InvalidPeriodException("a period cannot end before it starts");
        }
    }

    /** Parses any accepted form, ranges included (targets, filters). */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException("period is missing; " + InvalidPeriodException.ACCEPTED_RANGE_FORMS);
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return parseSingle(trimmed, InvalidPeriodException.ACCEPTED_RANGE_FORMS);
        }
        Period from = parseSingle(trimmed.substring(0, slash), InvalidPeriodException.ACCEPTED_RANGE_FORMS);
        Period to = parseSingle(trimmed.substring(slash + 1), InvalidPeriodException.ACCEPTED_RANGE_FORMS);
        if (to.endMonth < from.startMonth) {
            throw new InvalidPeriodException("'" + text + "' ends before it starts");
        }
        return new Period(from.startMonth, to.endMonth);
    }

    /** Parses a year, half, quarter or month; ranges are refused (observations). */
    public static Period parseSingle(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException("period is missing; " + InvalidPeriodException.ACCEPTED_FORMS);
        }
        if (text.contains("/")) {
            throw new InvalidPeriodException("'" + text + "' is a range; ranges are accepted for targets only; "
                    + InvalidPeriodException.ACCEPTED_FORMS);
        }
        return parseSingle(text.trim(), InvalidPeriodException.ACCEPTED_FORMS);
    }

    /** Parses a month such as {@code 2025-03} (the {@code asOf} of progress computations). */
    public static YearMonth parseMonth(String text) {
        Matcher m = text == null ? null : MONTH.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidPeriodException("'" + text + "' is not a month; expected the form 2025-03");
        }
        return toYearMonth(month(year(m.group(1), text), Integer.parseInt(m.group(2)), text));
    }

    private static Period parseSingle(String text, String accepted) {
        if (isPlainMonth(text)) {
            // The form of nearly every imported row, read without a regular expression.
            int only = month(year(text.substring(0, 4), text), (text.charAt(5) - '0') * 10 + text.charAt(6) - '0',
                    text);
            return new Period(only, only);
        }
        Matcher m;
        if ((m = YEAR.matcher(text)).matches()) {
            int y = year(m.group(1), text);
            return new Period(month(y, 1, text), month(y, 12, text));
        }
        if ((m = HALF.matcher(text)).matches()) {
            int first = month(year(m.group(1), text), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, text);
            return new Period(first, first + 5);
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            int first = month(year(m.group(1), text), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, text);
            return new Period(first, first + 2);
        }
        if ((m = MONTH.matcher(text)).matches()) {
            int only = month(year(m.group(1), text), Integer.parseInt(m.group(2)), text);
            return new Period(only, only);
        }
        throw new InvalidPeriodException("'" + text + "' is not a period; " + accepted);
    }

    /** {@code dddd-dd}, as the MONTH pattern. */
    private static boolean isPlainMonth(String text) {
        if (text.length() != 7 || text.charAt(4) != '-') {
            return false;
        }
        for (int i = 0; i < 7; i++) {
            if (i != 4 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int year(String digits, String text) {
        int y = Integer.parseInt(digits);
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new InvalidPeriodException(
                    "'" + text + "' has year " + y + "; years from " + MIN_YEAR + " to " + MAX_YEAR + " are accepted");
        }
        return y;
    }

    private static int month(int year, int month, String text) {
        if (month < 1 || month > 12) {
            throw new InvalidPeriodException("'" + text + "' has month " + month + "; months run from 01 to 12");
        }
        return year * 12 + month - 1;
    }

    public static Period between(YearMonth first, YearMonth last) {
        return new Period(index(first), index(last));
    }

    public static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static YearMonth toYearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    public YearMonth start() {
        return toYearMonth(startMonth);
    }

    public YearMonth end() {
        return toYearMonth(endMonth);
    }

    public int months() {
        return endMonth - startMonth + 1;
    }

    public PeriodType type() {
        int firstMonthOfYear = Math.floorMod(startMonth, 12); // 0 = January
        return switch (months()) {
            case 1 -> PeriodType.MONTH;
            case 3 -> firstMonthOfYear % 3 == 0 ? PeriodType.QUARTER : PeriodType.RANGE;
            case 6 -> firstMonthOfYear % 6 == 0 ? PeriodType.HALF_YEAR : PeriodType.RANGE;
            case 12 -> firstMonthOfYear == 0 ? PeriodType.YEAR : PeriodType.RANGE;
            default -> PeriodType.RANGE;
        };
    }

    public boolean contains(int month) {
        return month >= startMonth && month <= endMonth;
    }

    public boolean contains(Period other) {
        return other.startMonth >= startMonth && other.endMonth <= endMonth;
    }

    public boolean overlaps(Period other) {
        return other.startMonth <= endMonth && other.endMonth >= startMonth;
    }

    public Period shiftMonths(int months) {
        return new Period(startMonth + months, endMonth + months);
    }

    /** The same months one year earlier (year-over-year comparisons). */
    public Period previousYear() {
        return shiftMonths(-12);
    }

    /**
     * The period of the same length that ends just before this one starts (the default baseline
     * period).
     */
    public Period precedingOfSameLength() {
        return shiftMonths(-months());
    }

    @Override
    public int compareTo(Period other) {
        int byStart = Integer.compare(startMonth, other.startMonth);
        return byStart != 0 ? byStart : Integer.compare(endMonth, other.endMonth);
    }

    @Override
    public String toString() {
        return switch (type()) {
            case MONTH -> monthText(startMonth);
            case QUARTER -> Math.floorDiv(startMonth, 12) + "-Q" + (Math.floorMod(startMonth, 12) / 3 + 1);
            case HALF_YEAR -> Math.floorDiv(startMonth, 12) + "-H" + (Math.floorMod(startMonth, 12) / 6 + 1);
            case YEAR -> String.valueOf(Math.floorDiv(startMonth, 12));
            case RANGE -> Math.floorMod(startMonth, 12) == 0 && Math.floorMod(endMonth, 12) == 11
                    ? Math.floorDiv(startMonth, 12) + "/" + Math.floorDiv(endMonth, 12)
                    : monthText(startMonth) + "/" + monthText(endMonth);
        };
    }

    /**
     * Called for every row of a bulk import, hence no String.format (it was a fifth of an import's
     * CPU).
     */
    private static String monthText(int index) {
        int year = Math.floorDiv(index, 12);
        int month = Math.floorMod(index, 12) + 1;
        if (year < 1000 || year > 9999) {
            return String.format("%04d-%02d", year, month);
        }
        return year + (month < 10 ? "-0" : "-") + month;
    }

    // Written out: a record's own equals and hashCode go through method handles, which C1-compiled code (the
    // fast-start package) does not inline, and periods key every value a dashboard computes.
    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && startMonth == p.startMonth && endMonth == p.endMonth;
    }

    @Override
    public int hashCode() {
        return startMonth * 31 + endMonth;
    }
}
