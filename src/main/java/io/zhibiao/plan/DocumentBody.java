package io.zhibiao.plan;

import jakarta.ws.rs.core.MediaType;

/** A plan as a request sent it: its media type without parameters, the charset it declared (or null), its bytes. */
public record DocumentBody(String mediaType, String charset, byte[] bytes) {

    /** The body of a request whose Content-Type was {@code type} (null when it sent none). */
    static DocumentBody of(MediaType type, byte[] bytes) {
        return type == null
                ? new DocumentBody(null, null, bytes)
                : new DocumentBody(type.getType() + "/" + type.getSubtype(),
                        type.getParameters().get(MediaType.CHARSET_PARAMETER), bytes);
    }
}
