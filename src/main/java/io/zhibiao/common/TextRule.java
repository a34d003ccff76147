package io.zhibiao.common;

import java.util.Optional;

/**
 * The one rule for every string the API receives, in bodies, cells, paths and query parameters: no control characters
 * but tab, line feed and carriage return, no bidirectional overrides (they make a name read differently from what is
 * stored) and no unpaired surrogates. PostgreSQL refuses NUL outright; the others would reach logs, Excel files and
 * screens.
 */
public final class TextRule {

    private TextRule() {
    }

    public static Optional<String> violation(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return Optional.of("contains the control character " + codePoint(c) + " at position " + i);
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return Optional.of("contains the bidirectional control " + codePoint(c) + " at position " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + " at position " + i);
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
