package io.zhibiao.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibiao.common.ApiException;
import io.zhibiao.support.Documents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;

/**
 * Documents made to hurt: each is refused with a 4xx, quickly, with memory flat and nothing run or fetched.
 */
class HostileDocumentsTest {

    private static ApiException refusal(String type, byte[] body) {
        long started = System.nanoTime();
        try {
            PlanDocuments.text(type, null, body);
        } catch (ApiException e) {
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to refuse").isLessThan(10_000);
            return e;
        }
        throw new AssertionError("read, not refused");
    }

    /** A .docx whose document.xml inflates to 2 GB (about 2 MB on the wire). */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            copyEntries(Documents.docx(List.of("青禾县教育局2026年工作要点")), zip, "word/document.xml");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 2048; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Every entry of a .docx but one, copied into another zip. */
    private static void copyEntries(byte[] docx, ZipOutputStream zip, String except) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                if (!entry.getName().equals(except)) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }

    /** A .docx whose document.xml declares an external entity pointing at a local file. */
    static byte[] externalEntity() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(Documents.docx(List.of("x")), zip, "word/document.xml");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A macro-enabled document: a .docx with a VBA project inside. */
    static byte[] macros() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            copyEntries(Documents.docx(List.of("青禾县教育局2026年工作要点")), zip, "");
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(new byte[]{(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] javaScriptPdf() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            pdf.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            pdf.save(out);
            return out.toByteArray();
        }
    }

    static byte[] pages(int count) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < count; i++) {
                pdf.addPage(new PDPage());
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    static byte[] passwordPdf() throws IOException {
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(Documents.pdf(List.of("新建幼儿园3所。")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDocxThatInflatesToTwoGigabytesIsRefusedAfterReadingLittle() throws IOException {
        byte[] bomb = zipBomb();
        assertThat(bomb.length).isLessThan(4 << 20);
        ApiException e = refusal(PlanDocuments.DOCX, bomb);
        // its 2 MB of deflated spaces pass the ratio check; the cap on what a document may inflate to stops it
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("the document inflates beyond 67108864 bytes");
    }

    @Test
    void aDocxWithAnExternalEntityIsRefusedAndTheEntityNeverRead() throws IOException {
        ApiException e = refusal(PlanDocuments.DOCX, externalEntity());
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).doesNotContain("root:");
    }

    @Test
    void aMacroEnabledDocumentIsRefused() throws IOException {
        ApiException e = refusal(PlanDocuments.DOCX, macros());
        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("macros");
    }

    @Test
    void anOldOrPasswordProtectedWordFileIsRefused() {
        byte[] ole2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0};
        ApiException e = refusal(PlanDocuments.DOCX, ole2);
        assertThat(e.status()).isEqualTo(415);
        assertThat(e.getMessage()).contains("password");
    }

    @Test
    void garbageSentAsWordOrPdfIsA400() {
        byte[] garbage = "这不是文件\u0000\u0001".getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(PlanDocuments.DOCX, garbage).status()).isEqualTo(400);
        assertThat(refusal(PlanDocuments.PDF, garbage).status()).isEqualTo(400);
    }

    @Test
    void aPdfWithJavaScriptIsRefused() throws IOException {
        ApiException e = refusal(PlanDocuments.PDF, javaScriptPdf());
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("JavaScript");
    }

    @Test
    void aPdfOfTenThousandPagesIsRefusedBeforeAnyPageIsRead() throws IOException {
        ApiException e = refusal(PlanDocuments.PDF, pages(10_000));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.getMessage()).contains("10000 pages");
    }

    @Test
    void aPdfWithoutTextIsRefusedAsAScan() throws IOException {
        ApiException e = refusal(PlanDocuments.PDF, pages(2));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("no text layer");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws IOException {
        ApiException e = refusal(PlanDocuments.PDF, passwordPdf());
        assertThat(e.status()).isEqualTo(415);
    }

    @Test
    void aPdfWhoseObjectStreamNeverEndsIsA400() {
        String endless = "%PDF-1.7\n1 0 obj\n<</Type/ObjStm/N 1000000/First 10/Length 2147483647>>\nstream\n"
                + "1 0 2 0 3 0 ".repeat(1000) + "\n";
        assertThat(refusal(PlanDocuments.PDF, endless.getBytes(StandardCharsets.ISO_8859_1)).status()).isEqualTo(400);
    }

    @Test
    void aWebPageRunsNothingAndFetchesNothing() {
        String page = "<html><body><script>while(true){}</script><img src=\"http://127.0.0.1:1/x\">"
                + "<iframe src=\"file:///etc/passwd\"></iframe><p onclick=\"x()\">新建幼儿园3所。</p></body></html>";
        assertThat(PlanDocuments.text("text/html", null, page.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("新建幼儿园3所。\n");
    }
}
