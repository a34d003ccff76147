package io.zhibiao.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Plans republished in traditional characters (濟寧市…達到99%以上, 新增學位5萬個) read as simplified ones: every
 * traditional character that has one simplified form is replaced by it, character for character, so offsets hold. Only
 * a text written in traditional characters is converted — at least {@link #MIN_HITS} of them, and one in
 * {@link #RATIO} of its Chinese characters — so a simplified plan that happens to hold one (a name, 於) stays as it is.
 * The table is ICU's Traditional-Simplified transliteration, one character at a time
 * ({@code traditional-simplified.txt}).
 */
final class TraditionalText {

    static final int MIN_HITS = 10;
    static final int RATIO = 20;

    private static final char[] SIMPLIFIED = load();

    private TraditionalText() {
    }

    /** Converts {@code chars} in place when they are a traditional text; answers whether it did. */
    static boolean simplify(char[] chars) {
        int han = 0;
        int hits = 0;
        for (char c : chars) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
                hits += SIMPLIFIED[c] != 0 ? 1 : 0;
            }
        }
        if (hits < MIN_HITS || hits * RATIO < han) {
            return false;
        }
        for (int i = 0; i < chars.length; i++) {
            if (SIMPLIFIED[chars[i]] != 0) {
                chars[i] = SIMPLIFIED[chars[i]];
            }
        }
        return true;
    }

    /** Converts every traditional character of {@code chars}, however few: for a title or a line read on its own. */
    static void simplifyAll(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            if (SIMPLIFIED[chars[i]] != 0) {
                chars[i] = SIMPLIFIED[chars[i]];
            }
        }
    }

    /** The simplified form of one character, or 0 when it has none of its own. */
    static char simplified(char c) {
        return SIMPLIFIED[c];
    }

    private static char[] load() {
        char[] table = new char[Character.MAX_VALUE + 1];
        try (var in = TraditionalText.class.getResourceAsStream("traditional-simplified.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null;) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (int i = 0; i + 1 < line.length(); i += 2) {
                    table[line.charAt(i)] = line.charAt(i + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
