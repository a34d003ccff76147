package io.zhibiao.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a plan makes responsible for a task (design §8): the bracket a 工作要点 puts after the task —
 * （责任股室：基础教育股）, （责任单位：教研室、招生办）, （牵头单位：县教育局；配合单位：…） — on the task's own line, or alone on
 * the next line; 责任单位：… without brackets (the role named in full); or a table's 责任单位 column. The first unit named is
 * the lead unit.
 */
final class Responsibility {

    private static final Pattern BRACKET = Pattern
            .compile("[（(]\\s*(?:责任|牵头)(?:股室|单位|部门|处室|科室|领导)?" + "\\s*[：:]\\s*([^）)]{1,120})[）)]");
    private static final Pattern SEPARATOR = Pattern.compile("[、，,；;/\\s]+");
    /** Without brackets the role must be named in full (责任单位, not 责任: 责任制, 责任清单 are not units). */
    private static final Pattern LABEL = Pattern
            .compile("(?:^|[。；;，,\\s])(?:责任|牵头)(?:股室|单位|部门|处室|科室)\\s*[：:]\\s*([^。；;\\n]{1,60})");
    /** A table's column of who answers: 责任单位, 责任股室, 牵头单位, 责任部门, 责任科室 as a header cell. */
    private static final Pattern COLUMN = Pattern.compile("(?:责任|牵头)(?:股室|单位|部门|处室|科室)");
    private static final int TABLE_LOOKBACK = 60;

    private final String text;
    /**
     * The char index of each code point, or null when every code point is one char (the usual text): asked once per
     * candidate, counting from the start each time would make a long plan's candidates cost its length squared.
     */
    private final int[] charIndex;

    Responsibility(String text) {
        this.text = text;
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            this.charIndex = null;
        } else {
            this.charIndex = new int[codePoints + 1];
            for (int i = 0, cp = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                charIndex[cp++] = i;
            }
            charIndex[codePoints] = text.length();
        }
    }

    /** The lead unit named after the figure ending at {@code end} (a code-point offset), if any. */
    Optional<String> after(int end) {
        int from = charIndex == null ? Math.min(end, text.length()) : charIndex[Math.min(end, charIndex.length - 1)];
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        int lineEnd = text.indexOf('\n', from);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        Optional<String> column = column(line, lineStart);
        if (column.isPresent()) {
            return column;
        }
        String rest = text.substring(from, lineEnd < 0 ? text.length() : lineEnd);
        Optional<String> here = first(rest);
        if (here.isPresent() || lineEnd < 0) {
            return here;
        }
        // A bracket, or 责任单位：…, alone on the next line still belongs to the task above it.
        int nextEnd = text.indexOf('\n', lineEnd + 1);
        String next = text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd).strip();
        return next.startsWith("（") || next.startsWith("(") || LABEL.matcher(next).lookingAt()
                ? first(next)
                : Optional.empty();
    }

    /**
     * A table row (cells split by | or tabs) under a header row with a 责任单位 column, within the lines above it and
     * with as many cells: that column's cell.
     */
    private Optional<String> column(String row, int rowStart) {
        String separator = row.indexOf('|') >= 0 ? "\\|" : row.indexOf('\t') >= 0 ? "\t" : null;
        if (separator == null) {
            return Optional.empty();
        }
        String[] cells = row.split(separator, -1);
        int end = rowStart - 1;
        for (int n = 0; n < TABLE_LOOKBACK && end > 0; n++) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String[] header = text.substring(start, end).split(separator, -1);
            if (header.length == cells.length) {
                for (int c = 0; c < header.length; c++) {
                    if (COLUMN.matcher(header[c].strip()).matches()) {
                        return first(cells[c].strip(), true);
                    }
                }
            }
            end = start - 1;
        }
        return Optional.empty();
    }

    private static Optional<String> first(String line) {
        Matcher m = BRACKET.matcher(line);
        if (m.find()) {
            return first(m.group(1), false);
        }
        Matcher label = LABEL.matcher(line);
        return label.find() ? first(label.group(1), false) : Optional.empty();
    }

    /** The first unit of a list (教研室、招生办 → 教研室); a cell is a list too. */
    private static Optional<String> first(String units, boolean cell) {
        for (String unit : SEPARATOR.split(units.strip())) {
            if (!unit.isEmpty() && unit.indexOf('：') < 0 && unit.indexOf(':') < 0 && !unit.matches("[-—－/\\s]+")
                    && (!cell || unit.codePointCount(0, unit.length()) <= 30)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
