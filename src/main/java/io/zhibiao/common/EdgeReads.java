package io.zhibiao.common;

import java.util.Locale;
import java.util.Set;

/**
 * What a read answered before the REST layer (from memory, without a resource) must check to give exactly the answer
 * the resource would: the resources produce JSON only, so any other Accept goes on to the resource and its 406.
 */
public final class EdgeReads {

    private static final Set<String> JSON_RANGES = Set.of("*/*", "application/*", "application/json");

    private EdgeReads() {
    }

    /** No Accept, or one that names JSON (or a wildcard over it) without refusing it with q=0. */
    public static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (JSON_RANGES.contains(parts[0].strip().toLowerCase(Locale.ROOT))) {
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    refused |= parts[i].strip().matches("(?i)q=0(\\.0{0,3})?");
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }
}
