package io.zhibiao.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Chinese font every report is set in: Noto Sans SC Regular (SIL Open Font License, fonts/OFL.txt), shipped in
 * the service's own resources from the npm package {@code @expo-google-fonts/noto-sans-sc@0.4.3} — never a font the
 * machine happens to have. Read once; the PDF embeds the subset of glyphs it uses. The shipped file is the package's
 * NotoSansSC_400Regular.ttf without the code points that share a glyph with a unified ideograph (the radicals: ⻘
 * U+2EC4 draws like 青; compatibility ideographs): a PDF's ToUnicode map names one code point per glyph and PDFBox takes
 * the lowest, so text copied or searched in a report read ⻘⽲县 for 青禾县 (tools/font/WithoutRadicals.java, README).
 */
final class ReportFont {

    static final String FAMILY = "Noto Sans SC";
    static final String RESOURCE = "fonts/NotoSansSC-Regular.ttf";

    private static volatile byte[] bytes;
    private static volatile Font awt;

    private ReportFont() {
    }

    static byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (ReportFont.class) {
                if (bytes == null) {
                    try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException(RESOURCE + " is missing from the service's resources");
                        }
                        bytes = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                b = bytes;
            }
        }
        return b;
    }

    private static TrueTypeFont parsed;

    /**
     * The font parsed once and kept: every PDF embeds its subset from this one object instead of reading 10 MB again
     * (most of a report's garbage before). Not thread-safe: callers hold the class lock, one PDF at a time.
     */
    static synchronized TrueTypeFont trueType() throws IOException {
        if (parsed == null) {
            parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
        }
        return parsed;
    }

    static InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    /** The same font for the charts' labels. */
    static Font awt(float size) {
        Font f = awt;
        if (f == null) {
            synchronized (ReportFont.class) {
                if (awt == null) {
                    try {
                        awt = Font.createFont(Font.TRUETYPE_FONT, stream());
                    } catch (FontFormatException | IOException e) {
                        throw new IllegalStateException("could not read " + RESOURCE, e);
                    }
                }
                f = awt;
            }
        }
        return f.deriveFont(size);
    }
}
