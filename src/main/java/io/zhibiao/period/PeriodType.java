package io.zhibiao.period;

/** The shape of a period: the four reporting types, or a free range of months (targets only). */
public enum PeriodType {

    MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12), RANGE(0);

    private final int months;

    PeriodType(int months) {
        this.months = months;
    }

    /** Length in months; 0 for RANGE, whose length varies. */
    public int months() {
        return months;
    }
}
