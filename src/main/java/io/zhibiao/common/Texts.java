package io.zhibiao.common;

/** Small checks on text fields shared by every request type. */
public final class Texts {

    /** Codes travel in URLs: letters, digits, dash, underscore and dot; starting with a letter or digit. */
    public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private Texts() {
    }

    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
