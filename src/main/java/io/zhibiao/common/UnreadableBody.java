package io.zhibiao.common;

import java.io.IOException;

/**
 * A request body that broke off while it was being streamed (bad encoding, malformed JSON or CSV):
 * the whole request is a 400, whatever was read before.
 */
public final class UnreadableBody extends RuntimeException {

    public UnreadableBody(IOException cause) {
        super(cause);
    }
}
