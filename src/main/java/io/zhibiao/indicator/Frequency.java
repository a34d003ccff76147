package io.zhibiao.indicator;

import io.zhibiao.period.PeriodType;

/** The period type clerks report an indicator in. */
public enum Frequency {

    MONTHLY(PeriodType.MONTH), QUARTERLY(PeriodType.QUARTER), HALF_YEARLY(PeriodType.HALF_YEAR), YEARLY(
            PeriodType.YEAR);

    private final PeriodType periodType;

    Frequency(PeriodType periodType) {
        this.periodType = periodType;
    }

    public PeriodType periodType() {
        return periodType;
    }

    public String example() {
        return switch (this) {
            case MONTHLY -> "2025-03";
            case QUARTERLY -> "2025-Q1";
            case HALF_YEARLY -> "2025-H1";
            case YEARLY -> "2025";
        };
    }
}
