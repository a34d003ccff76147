package io.zhibiao.common;

/** 413 payload_too_large: a body beyond the configured limit, however it was sent (with a length or chunked). */
public class PayloadTooLarge extends ApiException {

    public PayloadTooLarge(long limit) {
        this("the body has more than " + limit + " bytes; split it");
    }

    public PayloadTooLarge(String detail) {
        super(413, "payload_too_large", "Payload too large", detail);
    }
}
