package io.zhibiao.common;

/** 429 too_many_streams: a replica's (or a token's) limit of open change streams is reached. */
public class TooManyStreams extends ApiException {

    public TooManyStreams(String detail) {
        super(429, "too_many_streams", "Too many streams", detail);
    }
}
