package io.zhibiao.period;

/**
 * Thrown for period text that is not one of the accepted forms; the message says which forms are.
 */
public class InvalidPeriodException extends IllegalArgumentException {

    public static final String ACCEPTED_FORMS = "accepted forms: 2025 (year), 2025-H1 (half), 2025-Q3 (quarter), 2025-03 (month)";
    public static final String ACCEPTED_RANGE_FORMS = ACCEPTED_FORMS
            + ", or for targets a range START/END of those such as 2025/2027 or 2025-09/2026-08";

    public InvalidPeriodException(String message) {
        super(message);
    }
}
