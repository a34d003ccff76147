package io.zhibiao.report;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Lays a report out as a document: the HTML page, the same page as an A4 PDF, or a workbook. */
@ApplicationScoped
public class ReportRenderer {

    @Inject
    @Location("report.html")
    Template template;

    public byte[] render(ReportData data, ReportFormat format) {
        return switch (format) {
            case HTML -> html(data).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(html(data));
            case XLSX -> ReportWorkbook.write(data);
        };
    }

    String html(ReportData data) {
        return template.data("page", ReportPage.of(data, ReportCharts::dataUri)).render();
    }

    /** openhtmltopdf over PDFBox, in the report's own font (embedded as a subset). */
    static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        synchronized (ReportFont.class) {
            try (PDDocument doc = new PDDocument()) {
                PdfRendererBuilder builder = new PdfRendererBuilder();
                builder.useFastMode();
                builder.usePDDocument(doc);
                // The parsed font is shared (ReportFont.trueType); PDFBox does not close a font it was given.
                builder.useFont(new PDFontSupplier(PDType0Font.load(doc, ReportFont.trueType(), true)),
                        ReportFont.FAMILY);
                builder.withHtmlContent(xhtml, null);
                builder.toStream(out);
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toByteArray();
    }
}
