package io.zhibiao.common;

import io.zhibiao.period.Period;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A period as the entities keep it: the canonical text the API shows ({@code 2026-03}, {@code 2025/2027}) and the
 * closed range of month indices beside it, which range queries compare ({@code span.startMonth <= :end}). Targets,
 * figures, plans, locks, submissions and commentary all hold one; {@link #of} is the one way to make it.
 */
@Embeddable
public class PeriodSpan {

    @Column(name = "period", nullable = false, length = 20)
    public String text;

    @Column(name = "start_month", nullable = false)
    public int startMonth;

    @Column(name = "end_month", nullable = false)
    public int endMonth;

    protected PeriodSpan() {
    }

    public static PeriodSpan of(Period period) {
        PeriodSpan span = new PeriodSpan();
        span.text = period.toString();
        span.startMonth = period.startMonth();
        span.endMonth = period.endMonth();
        return span;
    }

    /** The period itself, for the rules that compute with it. */
    public Period period() {
        return new Period(startMonth, endMonth);
    }

    @Override
    public String toString() {
        return text;
    }
}
