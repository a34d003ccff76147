package io.zhibiao.plan;

import io.zhibiao.common.UnsupportedMediaType;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.common.ZipLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads a Word {@code .docx} plan with POI's XWPF: the body's paragraphs and tables in order, each paragraph with the
 * number Word draws before it (一、 (二) 3.), so headings read as the author sees them; each table as rows of cells with
 * merged cells resolved (a cell spanning columns is read in each, a cell merged down is read in every row it spans).
 * Before any XML is parsed the zip is checked entry by entry ({@link ZipLimits}): a zip bomb is refused after little
 * reading. Macros are never run — a macro-enabled document is refused outright — and POI's XML parser reads no DTD or
 * external entity.
 */
final class WordDocuments {

    /** Everything a document's entries may inflate to together; a 300-page plan's XML is under 20 MB. */
    static final long MAX_INFLATED = 64L << 20;
    /**
     * A Word document's XML repeats its run markup for every line: a long plan compresses 20–150 times, a zip bomb
     * thousands of times.
     */
    static final int MAX_RATIO = 250;

    private WordDocuments() {
    }

    static PlanDocument read(Path file) {
        checkPackage(file);
        ZipLimits.check(file, MAX_INFLATED, MAX_INFLATED, MAX_RATIO, "document", "a Word .docx file");
        try (OPCPackage opc = OPCPackage.open(file.toFile(), PackageAccess.READ);
                XWPFDocument word = new XWPFDocument(opc)) {
            List<PlanDocument.Block> blocks = new ArrayList<>();
            Numbers numbers = new Numbers();
            for (IBodyElement element : word.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    blocks.add(new PlanDocument.Paragraph(numbers.label(paragraph) + paragraph.getText()));
                } else if (element instanceof XWPFTable table) {
                    blocks.add(table(table));
                } else if (element instanceof XWPFSDT control) {
                    blocks.add(new PlanDocument.Paragraph(control.getContent().getText()));
                }
            }
            return new PlanDocument(blocks);
        } catch (ValidationFailed | UnsupportedMediaType e) {
            throw e;
        } catch (Exception e) {
            throw new ValidationFailed("body", "the Word document cannot be read (" + PlanDocuments.reason(e) + ")");
        }
    }

    /**
     * A .docx is a zip with a main document part; an old .doc, or a .docx saved with a password, is an OLE2 file (not
     * a zip at all); a .docm carries a macro project, which is refused rather than ignored.
     */
    private static void checkPackage(Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length == 4 && (magic[0] & 0xff) == 0xd0 && (magic[1] & 0xff) == 0xcf && (magic[2] & 0xff) == 0x11
                    && (magic[3] & 0xff) == 0xe0) {
                throw new UnsupportedMediaType("the file is an old Word .doc or a password-protected document; "
                        + "save it as .docx without a password and send it again");
            }
        } catch (IOException e) {
            throw new ValidationFailed("body", "the Word document cannot be read (" + PlanDocuments.reason(e) + ")");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean main = false;
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                    throw new UnsupportedMediaType("the document holds macros (.docm); Zhibiao runs none and reads "
                            + "none: save it as a plain .docx and send it again");
                }
                main |= name.equals("word/document.xml");
            }
            if (!main) {
                throw new ValidationFailed("body", "the body is not a Word .docx file (it has no word/document.xml)");
            }
        } catch (IOException e) {
            throw new ValidationFailed("body", "the body is not a Word .docx file (" + PlanDocuments.reason(e) + ")");
        }
    }

    /**
     * The rows of a table on the grid Word lays it on: a cell with {@code gridSpan} n fills n columns, a cell that
     * continues a vertical merge takes the text of the cell above it in its column.
     */
    static PlanDocument.Table table(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, String> above = new HashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = properties != null && properties.isSetGridSpan()
                        ? Math.max(1, Math.min(64, properties.getGridSpan().getVal().intValue()))
                        : 1;
                boolean continued = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null
                                || properties.getVMerge().getVal() == STMerge.CONTINUE);
                for (int k = 0; k < span; k++) {
                    int column = cells.size();
                    String text = continued ? above.getOrDefault(column, "") : text(cell);
                    above.put(column, text);
                    cells.add(text);
                }
            }
            rows.add(cells);
        }
        return new PlanDocument.Table(rows);
    }

    /** A cell's paragraphs, one per line (a nested table's cells too). */
    private static String text(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                text.append(paragraph.getText()).append('\n');
            } else if (element instanceof XWPFTable nested) {
                for (List<String> row : table(nested).rows()) {
                    text.append(String.join(" ", row)).append('\n');
                }
            }
        }
        return text.toString();
    }

    /**
     * The numbers Word draws before numbered paragraphs (a heading's 一、, a list's 1.): counted per list and level, a
     * level's count restarting under a new item of the level above, written in the level's format.
     */
    static final class Numbers {

        private final Map<String, int[]> counts = new HashMap<>();

        String label(XWPFParagraph paragraph) {
            if (paragraph.getNumID() == null || paragraph.getNumLevelText() == null) {
                return "";
            }
            String format = paragraph.getNumFmt();
            if (format == null || format.equals("bullet") || format.equals("none")) {
                return "";
            }
            int level = paragraph.getNumIlvl() == null ? 0 : Math.min(8, paragraph.getNumIlvl().intValue());
            int[] count = counts.computeIfAbsent(paragraph.getNumID().toString(), k -> new int[9]);
            count[level]++;
            for (int deeper = level + 1; deeper < count.length; deeper++) {
                count[deeper] = 0;
            }
            String label = paragraph.getNumLevelText();
            for (int k = 0; k <= level; k++) {
                label = label.replace("%" + (k + 1),
                        k == level ? format(Math.max(1, count[k]), format) : String.valueOf(Math.max(1, count[k])));
            }
            return label;
        }

        static String format(int n, String format) {
            switch (format) {
                case "chineseCounting" :
                case "chineseCountingThousand" :
                case "chineseLegalSimplified" :
                case "ideographTraditional" :
                case "japaneseCounting" :
                case "taiwaneseCounting" :
                    return ChineseNumerals.write(n);
                case "decimalEnclosedCircle" :
                case "decimalEnclosedCircleChinese" :
                    return n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : String.valueOf(n);
                case "lowerLetter" :
                    return String.valueOf((char) ('a' + (n - 1) % 26));
                case "upperLetter" :
                    return String.valueOf((char) ('A' + (n - 1) % 26));
                default :
                    return String.valueOf(n);
            }
        }
    }
}
