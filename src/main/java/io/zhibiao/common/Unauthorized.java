package io.zhibiao.common;

/** 401 unauthorized: no token, or one that is unknown, revoked or expired. */
public class Unauthorized extends ApiException {

    public Unauthorized(String detail) {
        super(401, "unauthorized", "Unauthorized", detail);
    }
}
