package io.zhibiao.common;

/** 409 conflict: a duplicate key, or a delete of something still referenced. */
public class Conflict extends ApiException {

    public Conflict(String detail) {
        super(409, "conflict", "Conflict", detail);
    }
}
