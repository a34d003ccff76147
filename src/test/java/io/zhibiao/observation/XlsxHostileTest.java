package io.zhibiao.observation;

import static io.zhibiao.support.Api.json;
import static io.zhibiao.support.Api.problem;
import static io.zhibiao.support.Fixtures.anIndicator;
import static io.zhibiao.support.Fixtures.county;
import static io.zhibiao.support.Fixtures.orgUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.support.Sheets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Workbooks built to hurt: a zip bomb and broken sheet XML are 400s, quickly, with memory flat. */
@QuarkusTest
class XlsxHostileTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SHEET = "xl/worksheets/sheet1.xml";

    /** A real workbook with its first sheet's XML rewritten. */
    private static byte[] rewritten(byte[] workbook, UnaryOperator<String> sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path file = Files.createTempFile("workbook", ".xlsx");
        Files.write(file, workbook);
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(SHEET)) {
                    content = sheet.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } finally {
            Files.delete(file);
        }
        return out.toByteArray();
    }

    private static byte[] workbook(String indicator, String school) {
        return Sheets.xlsx(List.of(List.of("indicatorCode", "orgUnitCode", "period", "value"),
                List.of(indicator, school, "2025-01", 1)));
    }

    @Test
    void aZipBombIsRefusedQuickly() throws IOException {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        // One cell of 50 MB of the same letter: about 50 KB compressed.
        String cell = "a".repeat(1 << 20);
        byte[] bomb = rewritten(workbook(indicator, school),
                xml -> xml.replace("</sheetData>", "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>" + cell.repeat(50)
                        + "</t></is></c></row></sheetData>"));
        assertThat(bomb.length).isLessThan(2_000_000);
        long started = System.nanoTime();
        json().contentType(XLSX).body(bomb).post("/api/v1/observations/batch").then().spec(problem(400)).body("detail",
                containsString("inflates more than"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse the bomb").isLessThan(2000);
    }

    @Test
    void brokenSheetXmlIsA400ThatSaysSo() throws IOException {
        String school = orgUnit("SCHOOL", county());
        String indicator = anIndicator().create();
        byte[] original = workbook(indicator, school);
        for (UnaryOperator<String> breakIt : List.<UnaryOperator<String>>of(xml -> xml.replace("r=\"A2\"", "r=\"A\""),
                xml -> xml.replace("r=\"A2\"", "r=\"ZZZZZZZZ2\""),
                xml -> xml.replace("</sheetData>", "<row r=\"3\"><c r=\"A3\"><v>1</v></row></sheetData>"),
                xml -> xml.substring(0, xml.indexOf("</sheetData>")))) {
            json().contentType(XLSX).body(rewritten(original, breakIt)).post("/api/v1/observations/batch").then()
                    .spec(problem(400));
        }
    }
}
