package io.zhibiao.report;

import io.zhibiao.common.ApiException;

/** 429 too_many_reports: the queue of reports waiting is full; ask again when some are done. */
public class TooManyReports extends ApiException {

    public TooManyReports(String detail) {
        super(429, "too_many_reports", "Too many reports queued", detail);
    }
}
