package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plan as the extractor reads it, whatever it came as: paragraphs and tables in reading order. A Word table, a
 * PDF's ruled or aligned columns and an HTML {@code <table>} all end here as rows of cells, merged cells already
 * resolved (a cell spanning two columns or rows is read in each). {@link #text()} is the plan's text: the text stored
 * with the plan, shown on the review page, and the text every candidate's offsets point into. A table row is one
 * line of tab-separated cells there — the layout of a table pasted from Excel or WPS, which the text rules already
 * read as a table — so a table from any format is the same thing to the extractor.
 */
public record PlanDocument(List<Block> blocks) {

    /** A paragraph or a table. */
    public sealed interface Block permits Paragraph, Table {
    }

    /** A paragraph: one line of the plan's text. */
    public record Paragraph(String text) implements Block {
    }

    /** A table: rows of cells, each cell's text on one line. */
    public record Table(List<List<String>> rows) implements Block {
    }

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

    public PlanDocument {
        blocks = List.copyOf(blocks);
    }

    /**
     * The plan's text: a paragraph per line, a table row per line with its cells separated by tabs; blank paragraphs
     * and empty rows left out. Whitespace inside a cell (a name Word wrapped over two lines) is one space.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Paragraph paragraph) {
                String line = SPACES.matcher(clean(paragraph.text())).replaceAll(" ").strip();
                if (!line.isEmpty()) {
                    text.append(line).append('\n');
                }
            } else if (block instanceof Table table) {
                for (List<String> row : table.rows()) {
                    List<String> cells = new ArrayList<>();
                    boolean any = false;
                    for (String cell : row) {
                        String one = cell(cell);
                        any |= !one.isEmpty();
                        cells.add(one);
                    }
                    if (any) {
                        text.append(String.join("\t", cells)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    /**
     * A cell's text on one line: a line break between two Chinese characters (a name the author broke inside the
     * cell) joins them, other whitespace is one space.
     */
    static String cell(String text) {
        return text == null ? "" : SPACES.matcher(WRAPPED.matcher(clean(text)).replaceAll("")).replaceAll(" ").strip();
    }

    /**
     * A document's text without what no plan means: control characters (Word's soft breaks are spaces), bidirectional
     * overrides and unpaired surrogates — the rule every text the API receives keeps, met by dropping them.
     */
    static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t') {
                clean.append(c);
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                clean.append(' ');
            } else if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0xFEFF) {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static final Pattern WRAPPED = Pattern.compile("(?<=\\p{IsHan})[ \\t\\u3000]*\\R\\s*(?=\\p{IsHan})");

    /** How many tables the document holds (the service logs it). */
    public long tables() {
        return blocks.stream().filter(b -> b instanceof Table).count();
    }
}
