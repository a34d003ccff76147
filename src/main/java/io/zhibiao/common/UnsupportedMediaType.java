package io.zhibiao.common;

/** 415 unsupported_media_type: a body in a type or a declared charset the API does not read. */
public class UnsupportedMediaType extends ApiException {

    public UnsupportedMediaType(String detail) {
        super(415, "unsupported_media_type", "Unsupported media type", detail);
    }
}
