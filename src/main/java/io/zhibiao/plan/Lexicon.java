package io.zhibiao.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extractor's cue words by role ({@code lexicon.txt}): goal verbs, verbs after a count, aims, what rules a clause
 * out, inserted noise. The rules build their patterns from it; no rule repeats a word list of its own.
 */
final class Lexicon {

    private static final Map<String, List<String>> ROLES = load();

    private Lexicon() {
    }

    /** The words of a role as a regex alternation (a|b|c), in the file's order. */
    static String alternation(String role) {
        List<String> words = ROLES.get(role);
        if (words == null) {
            throw new IllegalArgumentException("no role [" + role + "] in lexicon.txt");
        }
        return String.join("|", words);
    }

    /** The roles and their words, as read. */
    /**
     * The characters the words of an alternation of plain words open with, as a character class ([澳…]): a pattern
     * tried at every position of a text looks ahead for one of them before it tries the alternation (a long
     * alternation is otherwise tried at every character, which made the goal cues the extractor's hottest code).
     */
    static String openingClass(String alternation) {
        StringBuilder chars = new StringBuilder("[");
        for (String word : alternation.split("\\|")) {
            if (word.isEmpty()) {
                continue;
            }
            char first = word.charAt(0);
            if ("\\[](){}.*+?^$-&".indexOf(first) >= 0) {
                throw new IllegalArgumentException("a word opens on a pattern, not a character: " + word);
            }
            if (chars.indexOf(String.valueOf(first)) < 0) {
                chars.append(first);
            }
        }
        return chars.append(']').toString();
    }

    static Map<String, List<String>> roles() {
        return ROLES;
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        try (var in = Lexicon.class.getResourceAsStream("lexicon.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> current = null;
            for (String line; (line = reader.readLine()) != null;) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = new ArrayList<>();
                    roles.put(text.substring(1, text.length() - 1), current);
                } else if (current != null) {
                    for (String word : text.split("\\|")) {
                        if (!word.isBlank() && !current.contains(word.strip())) {
                            current.add(word.strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(roles);
    }
}
