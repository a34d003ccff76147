package io.zhibiao.plan;

import io.zhibiao.support.Documents;
import io.zhibiao.support.Documents.Cell;
import io.zhibiao.support.Documents.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the documents {@code bench/document-benchmark.sh} posts: from a plan text (the 100 KB benchmark plan), a Word
 * file of at least {@code pages} pages and a PDF of at least {@code pdfPages} pages, each with an indicator table of
 * merged header cells every few sections — the same text repeated until the page count is reached. Prints the page
 * counts.
 */
public final class DocumentBenchmarkFiles {

    private DocumentBenchmarkFiles() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).toList();
        Path out = Path.of(args[1]);
        int wordPages = Integer.parseInt(args[2]);
        int pdfPages = Integer.parseInt(args[3]);
        List<Object> blocks = new ArrayList<>();
        int round = 0;
        byte[] pdf;
        do {
            round++;
            for (int i = 0; i < lines.size(); i++) {
                blocks.add(lines.get(i));
                if (i % 60 == 59) {
                    blocks.add(table(round * 1000 + i));
                }
            }
            pdf = Documents.pdf(blocks);
        } while (Documents.pages(pdf) < pdfPages && round < 20);
        Files.write(out.resolve("plan.pdf"), pdf);
        // Word lays out about 40 lines of this text per page at 11 pt: enough paragraphs for the pages asked
        List<Object> word = new ArrayList<>(blocks.subList(0, Math.min(blocks.size(), wordPages * 40)));
        Files.write(out.resolve("plan.docx"), Documents.docx(word));
        Files.writeString(out.resolve("plan-from-docx.txt"), Documents.text(word));
        Files.writeString(out.resolve("plan-from-pdf.txt"), Documents.text(blocks));
        System.out.printf(
                "PDF: %d pages, %d bytes; Word: %d paragraphs and tables (≈ %d pages at 40 lines a page), %d"
                        + " bytes%n",
                Documents.pages(pdf), pdf.length, word.size(), word.size() / 40, Files.size(out.resolve("plan.docx")));
    }

    private static Table table(int seed) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("类别", 1, 2), new Cell("指标", 1, 2), new Cell("目标值", 2, 1), new Cell("属性", 1, 2)));
        rows.add(List.of(Cell.of("2026年"), Cell.of("2027年")));
        for (int r = 0; r < 6; r++) {
            rows.add(List.of(Cell.of("第" + (r + 1) + "类"), Cell.of("指标" + seed + "-" + r + "达标率（%）"),
                    Cell.of(String.valueOf(80 + r)), Cell.of(String.valueOf(85 + r)), Cell.of("预期性")));
        }
        return new Table(rows);
    }
}
