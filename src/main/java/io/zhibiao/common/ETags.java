package io.zhibiao.common;

import jakarta.ws.rs.core.EntityTag;

/**
 * If-None-Match for cached reads. JAX-RS's {@code Request.evaluatePreconditions} also acts on If-Match and
 * If-Modified-Since and answers them with an empty 412; a read only revalidates, so only If-None-Match counts here.
 */
public final class ETags {

    private ETags() {
    }

    /** Whether the If-None-Match header names the tag (weak comparison, RFC 9110 §13.1.2) or is {@code *}. */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the If-Match header names the tag by strong comparison (RFC 9110 §13.1.1): a weak tag never matches, so a
     * write cannot pass on a tag that only promises "equivalent"; {@code *} matches any current version. A bare
     * (unquoted) tag is read as if quoted.
     */
    public static boolean matchesStrongly(String ifMatch, String tag) {
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || !c.startsWith("W/") && c.replace("\"", "").equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
