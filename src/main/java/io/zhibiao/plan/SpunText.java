package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts a republishing site "spun" with a synonym dictionary to pass as original (教誨 for 教育, 穩固率 for 巩固率,
 * 停止2019歲尾 for 截止2019年底, 到達…的目的 for 达到…的目标) read as the words they replaced: each spun word the
 * lexicon's role [spun word] lists (spun>plain, of equal length) is written back, character for character, so offsets
 * hold. Only a spun text is restored — one holding at least {@link #MIN_WORDS} different spun words — so a plan that
 * says 停止 or 进步 in their own sense stays as it is. Reads the text after {@link TraditionalText}.
 */
final class SpunText {

    static final int MIN_WORDS = 3;

    private static final List<String[]> WORDS = load();

    private SpunText() {
    }

    /** Restores {@code chars} in place when they are a spun text; answers whether it did. */
    static boolean restore(char[] chars) {
        String text = new String(chars);
        List<String[]> found = new ArrayList<>();
        for (String[] word : WORDS) {
            if (text.contains(word[0])) {
                found.add(word);
            }
        }
        if (found.size() < MIN_WORDS) {
            return false;
        }
        for (String[] word : found) {
            for (int at = text.indexOf(word[0]); at >= 0; at = text.indexOf(word[0], at + word[0].length())) {
                word[1].getChars(0, word[1].length(), chars, at);
            }
        }
        return true;
    }

    private static List<String[]> load() {
        List<String[]> words = new ArrayList<>();
        for (String pair : Lexicon.roles().get("spun word")) {
            String[] parts = pair.split(">", 2);
            if (parts.length != 2 || parts[0].length() != parts[1].length()) {
                throw new IllegalStateException(
                        "lexicon.txt [spun word]: '" + pair + "' is not spun>plain of one length");
            }
            words.add(parts);
        }
        // the longest first, so that 任务教育 is read before 教育 would be
        words.sort((a, b) -> b[0].length() - a[0].length());
        return List.copyOf(words);
    }
}
