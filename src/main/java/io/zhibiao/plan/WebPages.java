package io.zhibiao.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads a plan published as a web page with jsoup, the way a browser lays it out: block elements (p, div, h1–h6, li,
 * br) end lines, a data table becomes rows of cells with {@code colspan} and {@code rowspan} resolved; scripts,
 * styles, forms and the page's navigation, header and footer are dropped. A table that holds other tables — the
 * layout tables of many government portals — is not data: its cells are read as blocks. Nothing is fetched or run:
 * the page is parsed as text, its links and scripts ignored.
 */
final class WebPages {

    /** Elements whose content is never plan text. */
    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, select, input, textarea, nav, header, footer, aside, [role=navigation], [hidden], "
            + "[style~=display\\s*:\\s*none]";

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tr", "body",
            "figure", "figcaption", "caption", "address", "hr");

    /** Table cells read at most, across the page: a page of 20 MB is refused by the body limit before this. */
    private static final int MAX_SPAN = 1000;

    private WebPages() {
    }

    /**
     * @param charset the charset the request declared, or null: then the page's own {@code <meta charset>} or BOM,
     *        else UTF-8 (many county portals still publish GBK pages and say so in a meta tag)
     */
    static PlanDocument read(byte[] html, String charset) {
        Document page;
        try {
            page = Jsoup.parse(new java.io.ByteArrayInputStream(html), charset, "", Parser.htmlParser());
        } catch (java.io.IOException | java.nio.charset.IllegalCharsetNameException
                | java.nio.charset.UnsupportedCharsetException e) {
            throw new io.zhibiao.common.ValidationFailed("body",
                    "the web page cannot be read (" + e.getMessage() + ")");
        }
        page.select(DROPPED).remove();
        Element body = page.body();
        Reader reader = new Reader();
        reader.walk(body);
        reader.endLine();
        return new PlanDocument(reader.blocks);
    }

    private static final class Reader {

        final List<PlanDocument.Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        void walk(Node node) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode text) {
                    line.append(text.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
                } else if (child instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        endLine();
                    } else if (tag.equals("table") && element.selectFirst("table table, td table, th table") == null
                            && dataTable(element)) {
                        endLine();
                        blocks.add(table(element));
                    } else if (BLOCKS.contains(tag) || tag.equals("td") || tag.equals("th")) {
                        endLine();
                        walk(element);
                        endLine();
                    } else {
                        walk(element);
                    }
                }
            }
        }

        void endLine() {
            String text = line.toString().strip();
            if (!text.isEmpty()) {
                blocks.add(new PlanDocument.Paragraph(text));
            }
            line.setLength(0);
        }
    }

    /** A table of data has two columns or more somewhere; a one-column table is a box around paragraphs. */
    private static boolean dataTable(Element table) {
        for (Element row : table.select("tr")) {
            if (row.children().stream().filter(c -> c.normalName().equals("td") || c.normalName().equals("th"))
                    .count() > 1) {
                return true;
            }
        }
        return false;
    }

    /** The rows of a table on its grid, a cell spanning columns or rows read in each. */
    static PlanDocument.Table table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, int[]> pending = new HashMap<>(); // column → {rows still covered}
        Map<Integer, String> pendingText = new HashMap<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            int column = 0;
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                column = fillCovered(cells, column, pending, pendingText);
                String text = cellText(cell);
                int colspan = span(cell.attr("colspan"));
                int rowspan = span(cell.attr("rowspan"));
                for (int k = 0; k < colspan; k++) {
                    cells.add(text);
                    if (rowspan > 1) {
                        pending.put(column, new int[]{rowspan - 1});
                        pendingText.put(column, text);
                    }
                    column++;
                }
            }
            fillCovered(cells, column, pending, pendingText);
            rows.add(cells);
        }
        return new PlanDocument.Table(rows);
    }

    /** Cells of earlier rows that span down into this one, from {@code column} on. */
    private static int fillCovered(List<String> cells, int column, Map<Integer, int[]> pending,
            Map<Integer, String> pendingText) {
        while (pending.containsKey(column)) {
            int[] left = pending.get(column);
            cells.add(pendingText.get(column));
            if (--left[0] == 0) {
                pending.remove(column);
                pendingText.remove(column);
            }
            column++;
        }
        return column;
    }

    private static int span(String attribute) {
        try {
            return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(attribute.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A cell's text, its paragraphs and line breaks kept as line breaks (joined again by the document). */
    private static String cellText(Element cell) {
        StringBuilder text = new StringBuilder();
        collect(cell, text);
        return text.toString();
    }

    private static void collect(Node node, StringBuilder text) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                text.append(t.getWholeText());
            } else if (child instanceof Element e) {
                boolean block = e.normalName().equals("br") || BLOCKS.contains(e.normalName());
                if (block) {
                    text.append('\n');
                }
                collect(e, text);
                if (block) {
                    text.append('\n');
                }
            }
        }
    }
}
