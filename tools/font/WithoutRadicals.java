import java.nio.file.*;
import java.util.*;
import org.apache.fontbox.ttf.*;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

public class WithoutRadicals {
    public static void main(String[] a) throws Exception {
        byte[] ttf = Files.readAllBytes(Path.of(a[0]));
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            Set<Integer> keep = new TreeSet<>();
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                boolean radical = (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xD800 && cp <= 0xDFFF);
                if (!radical && cmap.getGlyphId(cp) != 0) keep.add(cp);
            }
            TTFSubsetter s = new TTFSubsetter(font);
            s.addAll(keep);
            try (var out = Files.newOutputStream(Path.of(a[1]))) { s.writeToStream(out); }
            System.out.println("kept " + keep.size() + " code points");
        }
    }
}
