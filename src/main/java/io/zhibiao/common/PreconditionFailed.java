package io.zhibiao.common;

/** 412 precondition_failed: If-Match names a revision that is no longer current. */
public class PreconditionFailed extends ApiException {

    public PreconditionFailed(String detail) {
        super(412, "precondition_failed", "Precondition failed", detail);
    }
}
