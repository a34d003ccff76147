package io.zhibiao.plan;

import io.zhibiao.common.PayloadTooLarge;
import io.zhibiao.common.UnsupportedMediaType;
import io.zhibiao.common.ValidationFailed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the text layer of a PDF plan with PDFBox, from the position of every glyph: glyphs on one baseline make a
 * line; a gap of more than two characters' width within a line separates table cells (the aligned or ruled columns of
 * a 主要指标表), written as tabs like a table from Word; a line that runs to the right margin continues on the next
 * unless that one is indented, also over a page break; page numbers (— 3 —, 第3页) are dropped, so a table that
 * continues on the next page continues in the text. A scan without a text layer, a password, JavaScript or more than
 * {@link #MAX_PAGES} pages is refused before any page is read, and reading stops at {@link #MAX_MILLIS}.
 */
final class PdfDocuments {

    static final int MAX_PAGES = 1000;
    static final long MAX_MILLIS = 20_000;
    /** Memory PDFBox may use for decoded streams; a stream that inflates beyond it is refused. */
    static final long MAX_STREAM_BYTES = 256L << 20;

    private static final Pattern PAGE_NUMBER = Pattern
            .compile("^[-—–－·\\s]*\\d{1,4}[-—–－·\\s]*$|^第\\s*\\d{1,4}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?$"
                    + "|^\\d{1,4}\\s*/\\s*\\d{1,4}$");
    private static final String SENTENCE_ENDS = "。！？!?；;：:";

    private PdfDocuments() {
    }

    static PlanDocument read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(MAX_STREAM_BYTES).streamCache)) {
            if (document.getNumberOfPages() > MAX_PAGES) {
                throw new PayloadTooLarge("the PDF has " + document.getNumberOfPages() + " pages; at most " + MAX_PAGES
                        + " are read, split the plan");
            }
            refuseScripts(document);
            Glyphs glyphs = new Glyphs(System.currentTimeMillis() + MAX_MILLIS);
            glyphs.setSortByPosition(true);
            glyphs.getText(document);
            if (glyphs.lines.isEmpty()) {
                throw new ValidationFailed("body",
                        "the PDF has no text layer (a scan); " + "send the Word file or the text instead");
            }
            return new PlanDocument(paragraphs(glyphs.lines));
        } catch (InvalidPasswordException e) {
            throw new UnsupportedMediaType("the PDF is protected by a password; send it without one");
        } catch (ValidationFailed | UnsupportedMediaType | PayloadTooLarge e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ValidationFailed("body", "the PDF cannot be read (" + PlanDocuments.reason(e) + ")");
        }
    }

    /**
     * A PDF that carries JavaScript (an open action, a named script, a form or link action) is refused: Zhibiao runs
     * none, and a plan has no need of it. Every object is looked at, not only the catalogue's open action.
     */
    private static void refuseScripts(PDDocument document) {
        for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object == null ? null : object.getObject();
            if (base instanceof COSDictionary dictionary && (dictionary.containsKey(COSName.JS)
                    || COSName.JAVA_SCRIPT.equals(dictionary.getCOSName(COSName.S)))) {
                throw new ValidationFailed("body", "the PDF carries JavaScript; Zhibiao runs none: "
                        + "print it to a plain PDF, or send the Word file or the text");
            }
        }
    }

    /** A cell of a line: its text and where it lies across the page. */
    record Span(String text, float left, float right) {

        float centre() {
            return (left + right) / 2;
        }
    }

    /** A line of glyphs: its cells (more than one for a table row), its edges, baseline, font size and page. */
    record Line(List<Span> spans, float left, float right, float top, float size, int page) {

        boolean row() {
            return spans.size() > 1;
        }

        List<String> cells() {
            return spans.stream().map(Span::text).toList();
        }

        String text() {
            return String.join("\t", cells());
        }
    }

    /** Collects the glyphs of each page and turns them into lines once the page is done. */
    private static final class Glyphs extends PDFTextStripper {

        final List<Line> lines = new ArrayList<>();
        private final List<TextPosition> page = new ArrayList<>();
        private final long deadline;
        private int pageNumber;

        Glyphs(long deadline) {
            this.deadline = deadline;
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (text.getUnicode() != null && !text.getUnicode().isBlank()) {
                page.add(text);
            }
        }

        @Override
        protected void endPage(PDPage p) {
            if (System.currentTimeMillis() > deadline) {
                throw new PayloadTooLarge("the PDF takes more than " + MAX_MILLIS / 1000 + " s to read; split it, or "
                        + "send the Word file or the text");
            }
            pageNumber++;
            lines.addAll(lines(page, pageNumber));
            page.clear();
        }
    }

    /** The page's glyphs as lines, top to bottom, without page numbers. */
    static List<Line> lines(List<TextPosition> glyphs, int pageNumber) {
        List<TextPosition> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        List<List<TextPosition>> rows = new ArrayList<>();
        List<TextPosition> current = new ArrayList<>();
        float baseline = Float.NaN;
        for (TextPosition glyph : sorted) {
            float tolerance = Math.max(1f, size(glyph) * 0.4f);
            if (!current.isEmpty() && Math.abs(glyph.getYDirAdj() - baseline) > tolerance) {
                rows.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                baseline = glyph.getYDirAdj();
            }
            current.add(glyph);
        }
        if (!current.isEmpty()) {
            rows.add(current);
        }
        List<Line> lines = new ArrayList<>();
        for (List<TextPosition> row : rows) {
            Line line = line(row, pageNumber);
            if (!line.spans().isEmpty() && !PAGE_NUMBER.matcher(line.text()).matches()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * One line's glyphs left to right: a gap of more than two characters' width starts a new cell; a gap of a quarter
     * of one between letters or digits is a space; a glyph drawn twice at one place (fake bold) is read once.
     */
    static Line line(List<TextPosition> row, int pageNumber) {
        row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        List<Span> spans = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        TextPosition previous = null;
        float cellLeft = row.isEmpty() ? 0 : row.get(0).getXDirAdj();
        float size = 0;
        for (TextPosition glyph : row) {
            size = Math.max(size, size(glyph));
            if (previous != null) {
                float end = previous.getXDirAdj() + previous.getWidthDirAdj();
                float gap = glyph.getXDirAdj() - end;
                float em = Math.max(size(glyph), size(previous));
                if (glyph.getUnicode().equals(previous.getUnicode())
                        && Math.abs(glyph.getXDirAdj() - previous.getXDirAdj()) < em * 0.3f) {
                    continue; // drawn twice
                }
                if (gap > em * CELL_GAP) {
                    add(spans, cell, cellLeft, end);
                    cellLeft = glyph.getXDirAdj();
                } else if (gap > em * 0.25f && !han(previous.getUnicode()) && !han(glyph.getUnicode())) {
                    cell.append(' ');
                }
            }
            cell.append(glyph.getUnicode());
            previous = glyph;
        }
        float right = previous == null ? 0 : previous.getXDirAdj() + previous.getWidthDirAdj();
        add(spans, cell, cellLeft, right);
        if (spans.size() > 1 && spans.stream().allMatch(c -> c.text().codePointCount(0, c.text().length()) == 1)) {
            // a title set with wide letter spacing (工  作  要  点) is one line of text, not a row of cells
            String joined = spans.stream().map(Span::text).reduce("", String::concat);
            spans = new ArrayList<>(List.of(new Span(joined, spans.get(0).left(), right)));
        }
        float left = row.isEmpty() ? 0 : row.get(0).getXDirAdj();
        float top = row.isEmpty() ? 0 : row.get(0).getYDirAdj();
        return new Line(spans, left, right, top, size, pageNumber);
    }

    /**
     * A gap wider than this many characters separates two cells: the padding and rule between table columns is at
     * least one character wide, and text — justified Chinese included — never spaces its characters that far.
     */
    static final float CELL_GAP = 0.9f;

    private static void add(List<Span> spans, StringBuilder cell, float left, float right) {
        String text = cell.toString().strip();
        if (!text.isEmpty()) {
            spans.add(new Span(text, left, right));
        }
        cell.setLength(0);
    }

    private static float size(TextPosition glyph) {
        float size = glyph.getFontSizeInPt();
        if (size <= 0 || Float.isNaN(size)) {
            size = glyph.getHeightDir();
        }
        return Math.max(size, glyph.getWidthDirAdj());
    }

    private static boolean han(String text) {
        return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN
                || !text.isEmpty() && "，。；：、！？（）《》“”".indexOf(text.charAt(0)) >= 0;
    }

    /**
     * Lines joined into paragraphs and tables: a run of table rows (with the lines of one cell between or just above
     * them — a merged cell's text, centred between the rows it spans) is one table, laid on its columns; a line of text
     * that reaches its page's right margin and does not end a sentence continues on the next line of text when that
     * one is not indented — across a page break too.
     */
    static List<PlanDocument.Block> paragraphs(List<Line> lines) {
        List<PlanDocument.Block> blocks = new ArrayList<>();
        int pages = lines.isEmpty() ? 0 : lines.get(lines.size() - 1).page() + 1;
        float[] right = new float[pages];
        float[] left = new float[pages];
        java.util.Arrays.fill(left, Float.MAX_VALUE);
        for (Line line : lines) {
            if (!line.row()) {
                right[line.page()] = Math.max(right[line.page()], line.right());
                left[line.page()] = Math.min(left[line.page()], line.left());
            }
        }
        boolean[] inTable = inTable(lines, left);
        StringBuilder paragraph = new StringBuilder();
        Line previous = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (inTable[i]) {
                flush(blocks, paragraph);
                int end = i;
                while (end < lines.size() && inTable[end]) {
                    end++;
                }
                blocks.add(grid(lines.subList(i, end)));
                i = end - 1;
                previous = null;
                continue;
            }
            boolean continues = previous != null && paragraph.length() > 0
                    && previous.right() >= right[previous.page()] - previous.size() * 1.5f
                    && SENTENCE_ENDS.indexOf(last(paragraph)) < 0
                    && line.left() <= left[line.page()] + line.size() * 0.8f;
            if (!continues) {
                flush(blocks, paragraph);
            }
            paragraph.append(line.text());
            previous = line;
        }
        flush(blocks, paragraph);
        return blocks;
    }

    /**
     * Which lines belong to tables: rows of two cells or more; a one-cell line between two rows, close to both (a
     * merged cell's text, centred); a one-cell line just above a table's first row that does not start at the margin
     * (a heading cell spanning the columns under it).
     */
    private static boolean[] inTable(List<Line> lines, float[] left) {
        boolean[] table = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            table[i] = lines.get(i).row();
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (table[i]) {
                continue;
            }
            boolean rowAbove = i > 0 && lines.get(i - 1).row() && close(lines.get(i - 1), line)
                    || i > 1 && lines.get(i - 2).row() && !lines.get(i - 1).row() && close(lines.get(i - 1), line)
                            && close(lines.get(i - 2), lines.get(i - 1));
            boolean rowBelow = i + 1 < lines.size() && lines.get(i + 1).row() && close(line, lines.get(i + 1))
                    || i + 2 < lines.size() && lines.get(i + 2).row() && !lines.get(i + 1).row()
                            && close(line, lines.get(i + 1)) && close(lines.get(i + 1), lines.get(i + 2));
            boolean heading = rowBelow && !rowAbove && line.left() > left[line.page()] + line.size() * 2;
            table[i] = rowAbove && rowBelow || heading;
        }
        return table;
    }

    /** Two lines of one table: on the same page, the second within two and a half lines of the first. */
    private static boolean close(Line above, Line below) {
        return above.page() == below.page() && below.top() - above.top() <= Math.max(above.size(), below.size()) * 2.5f;
    }

    /**
     * A table's lines laid on its columns: the columns are those of its fullest line; each cell goes to every column
     * it covers. A line that fills only columns its neighbours leave empty is a merged cell's text, centred between
     * the rows it spans: it is written into those rows (fewest cells first), and is no row of its own.
     */
    static PlanDocument.Table grid(List<Line> lines) {
        Line widest = lines.stream().max(Comparator.comparingInt((Line l) -> l.spans().size())).orElseThrow();
        List<Span> columns = widest.spans();
        List<String[]> rows = new ArrayList<>();
        for (Line line : lines) {
            String[] row = new String[columns.size()];
            for (Span span : line.spans()) {
                boolean placed = false;
                for (int c = 0; c < columns.size(); c++) {
                    Span column = columns.get(c);
                    float overlap = Math.min(span.right(), column.right()) - Math.max(span.left(), column.left());
                    if (overlap > 0
                            && overlap >= 0.3f * Math.min(column.right() - column.left(), span.right() - span.left())
                            || span.centre() >= column.left() && span.centre() <= column.right()) {
                        row[c] = row[c] == null ? span.text() : row[c] + " " + span.text();
                        placed = true;
                    }
                }
                if (!placed) {
                    int nearest = 0;
                    for (int c = 1; c < columns.size(); c++) {
                        if (Math.abs(columns.get(c).centre() - span.centre()) < Math
                                .abs(columns.get(nearest).centre() - span.centre())) {
                            nearest = c;
                        }
                    }
                    row[nearest] = row[nearest] == null ? span.text() : row[nearest] + " " + span.text();
                }
            }
            rows.add(row);
        }
        boolean[] dropped = new boolean[rows.size()];
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingInt(k -> filled(rows.get(k))));
        for (int k : order) {
            if (filled(rows.get(k)) == columns.size()) {
                continue;
            }
            int above = neighbour(rows, dropped, k, -1);
            int below = neighbour(rows, dropped, k, 1);
            boolean intoAbove = above >= 0 && disjoint(rows.get(k), rows.get(above))
                    && close(lines.get(above), lines.get(k));
            boolean intoBelow = below >= 0 && disjoint(rows.get(k), rows.get(below))
                    && close(lines.get(k), lines.get(below));
            if (intoAbove || intoBelow) {
                for (int c = 0; c < columns.size(); c++) {
                    if (rows.get(k)[c] != null) {
                        if (intoAbove) {
                            rows.get(above)[c] = rows.get(k)[c];
                        }
                        if (intoBelow) {
                            rows.get(below)[c] = rows.get(k)[c];
                        }
                    }
                }
                dropped[k] = true;
            }
        }
        List<List<String>> table = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            if (!dropped[k]) {
                table.add(java.util.Arrays.stream(rows.get(k)).map(c -> c == null ? "" : c).toList());
            }
        }
        return new PlanDocument.Table(table);
    }

    private static int filled(String[] row) {
        int filled = 0;
        for (String cell : row) {
            filled += cell == null ? 0 : 1;
        }
        return filled;
    }

    private static boolean disjoint(String[] a, String[] b) {
        for (int c = 0; c < a.length; c++) {
            if (a[c] != null && b[c] != null) {
                return false;
            }
        }
        return true;
    }

    private static int neighbour(List<String[]> rows, boolean[] dropped, int k, int step) {
        for (int n = k + step; n >= 0 && n < rows.size(); n += step) {
            if (!dropped[n]) {
                return n;
            }
        }
        return -1;
    }

    private static char last(StringBuilder text) {
        return text.length() == 0 ? '\n' : text.charAt(text.length() - 1);
    }

    private static void flush(List<PlanDocument.Block> blocks, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            blocks.add(new PlanDocument.Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
