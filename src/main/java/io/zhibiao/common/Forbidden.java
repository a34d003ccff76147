package io.zhibiao.common;

/** 403 forbidden: the caller is known but its role or scope does not allow this write. */
public class Forbidden extends ApiException {

    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
