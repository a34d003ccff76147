package io.zhibiao.common;

/** 404 not_found. */
public class NotFound extends ApiException {

    public NotFound(String what, Object key) {
        this(what + " '" + key + "' does not exist");
    }

    public NotFound(String detail) {
        super(404, "not_found", "Not found", detail);
    }
}
