package io.zhibiao.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The shipped font draws Chinese and maps each glyph back to the ideograph, not a radical (fonts/README.md). */
class ReportFontTest {

    @Test
    void theShippedFontHasTheIdeographsAndNoRadicalsInItsCmap() throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ReportFont.bytes()))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            for (char c : "青禾县教育局目标进展月报未审核第页共１２％".toCharArray()) {
                assertThat(cmap.getGlyphId(c)).as("glyph of %s", c).isNotZero();
            }
            for (int radical : new int[]{0x2EC4, 0x2F72, 0x2F49, 0xF900}) {
                assertThat(cmap.getGlyphId(radical)).as("U+%04X", radical).isZero();
            }
            assertThat(font.getName()).contains("NotoSansSC");
        }
    }
}
