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
            throw new ValidationFailed("body", "the PDF cannot be read (" + reason(e) + ")");
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = message.indexOf('\n');
        message = line < 0 ? message : message.substring(0, line);
        return message.length() > 200 ? message.substring(0, 200) : message;
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

    /** A line of glyphs: its cells (more than one for a table row), its left and right edge, its font size. */
    record Line(List<String> cells, float left, float right, float size, int page) {

        boolean row() {
            return cells.size() > 1;
        }

        String text() {
            return String.join("\t", cells);
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
            if (!line.cells().isEmpty() && !PAGE_NUMBER.matcher(line.text()).matches()) {
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
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        TextPosition previous = null;
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
                if (gap > em * 2f) {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else if (gap > em * 0.25f && !han(previous.getUnicode()) && !han(glyph.getUnicode())) {
                    cell.append(' ');
                }
            }
            cell.append(glyph.getUnicode());
            previous = glyph;
        }
        cells.add(cell.toString().strip());
        cells.removeIf(String::isEmpty);
        float left = row.isEmpty() ? 0 : row.get(0).getXDirAdj();
        float right = previous == null ? 0 : previous.getXDirAdj() + previous.getWidthDirAdj();
        return new Line(cells, left, right, size, pageNumber);
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
     * Lines joined into paragraphs: a line of text that reaches its page's right margin and does not end a sentence
     * continues on the next line of text when that one is not indented — across a page break too. Table rows stay
     * rows, one table of consecutive rows.
     */
    static List<PlanDocument.Block> paragraphs(List<Line> lines) {
        List<PlanDocument.Block> blocks = new ArrayList<>();
        float[] right = new float[lines.isEmpty() ? 0 : lines.get(lines.size() - 1).page() + 1];
        float[] left = new float[right.length];
        java.util.Arrays.fill(left, Float.MAX_VALUE);
        for (Line line : lines) {
            if (!line.row()) {
                right[line.page()] = Math.max(right[line.page()], line.right());
                left[line.page()] = Math.min(left[line.page()], line.left());
            }
        }
        StringBuilder paragraph = new StringBuilder();
        List<List<String>> table = new ArrayList<>();
        Line previous = null;
        for (Line line : lines) {
            if (line.row()) {
                flush(blocks, paragraph);
                table.add(line.cells());
            } else {
                if (!table.isEmpty()) {
                    blocks.add(new PlanDocument.Table(List.copyOf(table)));
                    table.clear();
                }
                boolean continues = previous != null && !previous.row() && paragraph.length() > 0
                        && previous.right() >= right[previous.page()] - previous.size() * 1.5f
                        && SENTENCE_ENDS.indexOf(last(paragraph)) < 0
                        && line.left() <= left[line.page()] + line.size() * 0.8f;
                if (!continues) {
                    flush(blocks, paragraph);
                }
                paragraph.append(line.text());
            }
            previous = line;
        }
        flush(blocks, paragraph);
        if (!table.isEmpty()) {
            blocks.add(new PlanDocument.Table(List.copyOf(table)));
        }
        return blocks;
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
