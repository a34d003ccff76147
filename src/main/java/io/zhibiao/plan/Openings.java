package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a pattern's matches can open on, and the pattern's matches in a whole text found by trying it only
 * where one of them stands. {@code find()} tries a pattern at every position of a text; for the patterns that mask a
 * plan's noise (brackets, quotes, pinyin) that is a hundred thousand tries per 100 KB plan, almost all failing on
 * their first character.
 */
final class Openings {

    private final boolean[] opens = new boolean[Character.MAX_VALUE + 1];

    private Openings(String chars, char... ranges) {
        for (int i = 0; i < chars.length(); i++) {
            opens[chars.charAt(i)] = true;
        }
        for (int r = 0; r + 1 < ranges.length; r += 2) {
            for (int c = ranges[r]; c <= ranges[r + 1]; c++) {
                opens[c] = true;
            }
        }
    }

    /** The characters listed, and those between each pair of {@code ranges} (inclusive): ("(《", '0', '9'). */
    static Openings of(String chars, char... ranges) {
        if (ranges.length % 2 != 0) {
            throw new IllegalArgumentException("ranges come in pairs");
        }
        return new Openings(chars, ranges);
    }

    boolean opens(char c) {
        return opens[c];
    }

    /**
     * The spans (start, end) that repeated {@code find()} gives on the text, for a pattern that matches only where one
     * of these characters stands and never matches nothing: look-behinds still see the text before each start.
     */
    List<int[]> find(Pattern pattern, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = next(m, text, 0); i >= 0; i = next(m, text, m.end())) {
            spans.add(new int[]{i, m.end()});
        }
        return spans;
    }

    /** Whether {@code find()} would find the pattern in the text at all. */
    boolean foundIn(Pattern pattern, String text) {
        return next(pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false), text, 0) >= 0;
    }

    /** Where the next match from {@code from} starts, the matcher holding it; -1 when there is none. */
    private int next(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (opens[text.charAt(i)]) {
                m.region(i, text.length());
                if (m.lookingAt() && m.end() > i) {
                    return i;
                }
            }
        }
        return -1;
    }
}
