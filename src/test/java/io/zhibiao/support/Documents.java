package io.zhibiao.support;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * One plan written as every format a bureau has it in: a Word .docx (tables with merged cells as Word stores them:
 * {@code gridSpan}, {@code vMerge}), a web page, a PDF laid out from that page (openhtmltopdf with the service's own
 * font, ruled table cells, page breaks where the page is full) and the text a planner would paste (cells separated by
 * tabs, merged cells repeated). Blocks are paragraphs ({@link String}) and tables ({@link Table}).
 */
public final class Documents {

    /** A table cell as HTML writes it: text, columns and rows it spans. */
    public record Cell(String text, int colspan, int rowspan) {

        public static Cell of(String text) {
            return new Cell(text, 1, 1);
        }
    }

    /** A table as HTML writes it: the cells a row starts, those covered by a cell above left out. */
    public record Table(List<List<Cell>> rows) {

        /** Rows of plain cells, one string per cell. */
        public static Table plain(List<List<String>> rows) {
            return new Table(rows.stream().map(r -> r.stream().map(Cell::of).toList()).toList());
        }
    }

    private Documents() {
    }

    public static String html(List<Object> blocks) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><style>"
                + "body{font-family:'Noto Sans SC';font-size:11pt} table{border-collapse:collapse} "
                + "td,th{border:1px solid #000;padding:2pt 6pt}</style></head><body>");
        for (Object block : blocks) {
            if (block instanceof Table table) {
                html.append("<table>");
                for (List<Cell> row : table.rows()) {
                    html.append("<tr>");
                    for (Cell cell : row) {
                        html.append("<td").append(cell.colspan() > 1 ? " colspan=\"" + cell.colspan() + "\"" : "")
                                .append(cell.rowspan() > 1 ? " rowspan=\"" + cell.rowspan() + "\"" : "").append('>')
                                .append(escape(cell.text())).append("</td>");
                    }
                    html.append("</tr>");
                }
                html.append("</table>");
            } else {
                html.append("<p>").append(escape((String) block)).append("</p>");
            }
        }
        return html.append("</body></html>").toString();
    }

    /** The plan laid out as an A4 PDF from its web page, in the service's Chinese font. */
    public static byte[] pdf(List<Object> blocks) {
        return pdfFromHtml(html(blocks));
    }

    public static byte[] pdfFromHtml(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFont(() -> font(), "Noto Sans SC");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        return Documents.class.getClassLoader().getResourceAsStream("fonts/NotoSansSC-Regular.ttf");
    }

    /** The plan as Word stores it: paragraphs, and tables whose merged cells carry gridSpan and vMerge. */
    public static byte[] docx(List<Object> blocks) {
        try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Object block : blocks) {
                if (block instanceof Table table) {
                    write(word, table);
                } else {
                    word.createParagraph().createRun().setText((String) block);
                }
            }
            word.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XWPFDocument word, Table table) {
        List<List<Object[]>> grid = grid(table); // per row: {text, colspan, merge: "restart" | "continue" | null}
        XWPFTable t = word.createTable();
        t.removeRow(0);
        for (List<Object[]> row : grid) {
            XWPFTableRow r = t.createRow();
            while (!r.getTableCells().isEmpty()) {
                r.removeCell(0);
            }
            for (Object[] cell : row) {
                XWPFTableCell c = r.addNewTableCell();
                CTTcPr properties = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
                if ((int) cell[1] > 1) {
                    properties.addNewGridSpan().setVal(BigInteger.valueOf((int) cell[1]));
                }
                if ("restart".equals(cell[2])) {
                    properties.addNewVMerge().setVal(STMerge.RESTART);
                } else if ("continue".equals(cell[2])) {
                    properties.addNewVMerge(); // Word writes a continued merge without a value
                }
                c.setText("continue".equals(cell[2]) ? "" : (String) cell[0]);
            }
        }
    }

    /** The HTML table on its grid, each row with a cell for every column start (continued merges included). */
    private static List<List<Object[]>> grid(Table table) {
        List<List<Object[]>> rows = new ArrayList<>();
        Map<Integer, int[]> below = new HashMap<>(); // column → {rows left, colspan}
        for (List<Cell> row : table.rows()) {
            List<Object[]> cells = new ArrayList<>();
            int column = 0;
            int next = 0;
            while (next < row.size() || below.containsKey(column)) {
                if (below.containsKey(column)) {
                    int[] left = below.get(column);
                    cells.add(new Object[]{"", left[1], "continue"});
                    if (--left[0] == 0) {
                        below.remove(column);
                    }
                    column += left[1];
                    continue;
                }
                Cell cell = row.get(next++);
                cells.add(new Object[]{cell.text(), cell.colspan(), cell.rowspan() > 1 ? "restart" : null});
                if (cell.rowspan() > 1) {
                    below.put(column, new int[]{cell.rowspan() - 1, cell.colspan()});
                }
                column += cell.colspan();
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The plan as a planner pastes it: a line per paragraph, a table row per line, merged cells repeated. */
    public static String text(List<Object> blocks) {
        StringBuilder text = new StringBuilder();
        for (Object block : blocks) {
            if (block instanceof Table table) {
                for (List<Object[]> row : grid(table)) {
                    List<String> cells = new ArrayList<>();
                    for (Object[] cell : row) {
                        for (int k = 0; k < (int) cell[1]; k++) {
                            cells.add("continue".equals(cell[2]) ? null : (String) cell[0]);
                        }
                    }
                    text.append(String.join("\t", cells.stream().map(c -> c == null ? "" : c).toList())).append('\n');
                }
            } else {
                text.append((String) block).append('\n');
            }
        }
        return text.toString();
    }

    /** A PDF's pages (the test checks its table did break over a page). */
    public static int pages(byte[] pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
