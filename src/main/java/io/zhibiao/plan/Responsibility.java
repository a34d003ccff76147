package io.zhibiao.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a plan makes responsible for a task (DESIGN §8): the bracket a 工作要点 puts after the task —
 * （责任股室：基础教育股）, （责任单位：教研室、招生办）, （牵头单位：县教育局；配合单位：…） — on the task's own line, or alone on
 * the next line. The first unit named is the lead unit.
 */
final class Responsibility {

    private static final Pattern BRACKET = Pattern
            .compile("[（(]\\s*(?:责任|牵头)(?:股室|单位|部门|处室|科室|领导)?" + "\\s*[：:]\\s*([^）)]{1,120})[）)]");
    private static final Pattern SEPARATOR = Pattern.compile("[、，,；;/\\s]+");

    private final String text;

    Responsibility(String text) {
        this.text = text;
    }

    /** The lead unit named after the figure ending at {@code end} (a code-point offset), if any. */
    Optional<String> after(int end) {
        int from = text.offsetByCodePoints(0, Math.min(end, text.codePointCount(0, text.length())));
        int lineEnd = text.indexOf('\n', from);
        String rest = text.substring(from, lineEnd < 0 ? text.length() : lineEnd);
        Optional<String> here = first(rest);
        if (here.isPresent() || lineEnd < 0) {
            return here;
        }
        // A bracket alone on the next line still belongs to the task above it.
        int nextEnd = text.indexOf('\n', lineEnd + 1);
        String next = text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd).strip();
        return next.startsWith("（") || next.startsWith("(") ? first(next) : Optional.empty();
    }

    private static Optional<String> first(String line) {
        Matcher m = BRACKET.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        for (String unit : SEPARATOR.split(m.group(1).strip())) {
            if (!unit.isEmpty() && unit.indexOf('：') < 0 && unit.indexOf(':') < 0) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
