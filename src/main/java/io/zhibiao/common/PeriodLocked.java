package io.zhibiao.common;

/** 409 period_locked: the figure's period is closed for changes. */
public class PeriodLocked extends ApiException {

    public PeriodLocked(String detail) {
        super(409, "period_locked", "Period locked", detail);
    }
}
