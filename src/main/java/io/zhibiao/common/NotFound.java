package io.zhibiao.common;

/** 404 not_found. */
public class NotFound extends ApiException {

    public NotFound(String what, Object key) {
        super(404, "not_found", "Not found", what + " '" + key + "' does not exist");
    }
}
