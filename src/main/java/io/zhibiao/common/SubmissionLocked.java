package io.zhibiao.common;

/** 409 submission_locked: the unit's figures of the period are submitted or approved and take no writes. */
public class SubmissionLocked extends ApiException {

    public SubmissionLocked(String detail) {
        super(409, "submission_locked", "Submission locked", detail);
    }
}
