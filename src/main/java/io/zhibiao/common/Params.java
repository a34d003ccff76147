package io.zhibiao.common;

import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parameters read from text, each reported against its name when malformed: query parameters that are numbers, ids,
 * enums and flags, and a single reporting period given as a body field. Periods and months in paths and queries are
 * converted before the resource runs ({@link PeriodParams}).
 */
public final class Params {

    private Params() {
    }

    /** A required single reporting period (a month, quarter, half or year), reported against {@code name}. */
    public static Period singlePeriod(String name, String text) {
        required(name, text, "for example 2026-03");
        try {
            return Period.parseSingle(text.strip());
        } catch (InvalidPeriodException e) {
            throw new ValidationFailed(name, e.getMessage());
        }
    }

    /**
     * Query parameters arrive as text and are converted here, not by JAX-RS: a failed JAX-RS
     * conversion answers 404, while a client who typed {@code page=abc} deserves a 400 that names
     * the parameter.
     */
    public static Integer integer(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationFailed(name, "'" + text + "' is not a whole number");
        }
    }

    public static Long id(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new ValidationFailed(name, "'" + text + "' is not an id");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed(name,
                    "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A parameter that must be given (text not blank): a 400 naming it, with {@code hint} (may be null) after "is
     * required".
     */
    public static <T> T required(String name, T value, String hint) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            throw new ValidationFailed(name, hint == null ? "is required" : "is required, " + hint);
        }
        return value;
    }

    /** true or false (any case); blank means {@code fallback}. */
    public static boolean bool(String name, String text, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationFailed(name, "must be true or false");
        };
    }

    /** {@code dataStatus}: all (default) or approved — only the figures of approved submissions (design §7). */
    public static boolean approvedOnly(String dataStatus) {
        if (dataStatus == null || dataStatus.isBlank() || dataStatus.strip().equalsIgnoreCase("all")) {
            return false;
        }
        if (dataStatus.strip().equalsIgnoreCase("approved")) {
            return true;
        }
        throw new ValidationFailed("dataStatus", "'" + dataStatus + "' is not all or approved");
    }
}
