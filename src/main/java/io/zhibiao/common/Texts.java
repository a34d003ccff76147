package io.zhibiao.common;

import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small checks on text fields shared by every request type. */
public final class Texts {

    /**
     * Codes travel in URLs: letters, digits, dash, underscore and dot; starting with a letter or
     * digit.
     */
    public static final String CODE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    /**
     * Names and titles stand on one line, with something to read on it: they go into log lines, Excel cells and page
     * titles.
     */
    public static final String ONE_LINE = "^[^\\r\\n]*\\S[^\\r\\n]*$";
    public static final String ONE_LINE_MESSAGE = "must be one line (no line breaks)";

    private Texts() {
    }

    public static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The first line of a library's message, which may go on with internals. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * A UTF-8 decoder that refuses malformed input instead of replacing it: text must not arrive as
     * mojibake.
     */
    public static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
