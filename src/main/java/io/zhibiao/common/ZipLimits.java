package io.zhibiao.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an uploaded workbook before any XML of it is parsed: every entry is inflated once, counting, and the check
 * stops at the first entry that inflates beyond what a real workbook does — a zip bomb (1 MB that inflates to 1 GB) is
 * refused after reading little of it, with memory flat, instead of reaching the XML reader.
 */
public final class ZipLimits {

    /** Real sheets compress 5–20 times; beyond the first megabyte nothing legitimate inflates more than this. */
    static final int MAX_RATIO = 100;
    private static final long FREE_BYTES = 1 << 20;

    private ZipLimits() {
    }

    static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    /**
     * @param maxInflated the most all entries together may inflate to (the import body limit)
     * @param maxSharedStrings the most the shared-string table, which the reader holds in memory, may inflate to
     */
    public static void check(Path file, long maxInflated, long maxSharedStrings) {
        check(file, maxInflated, maxSharedStrings, MAX_RATIO, "workbook", "an XLSX workbook");
    }

    /**
     * The same check for any Office file: {@code kind} names it in messages (document), {@code format} says what it
     * should have been (a Word .docx file).
     */
    public static void check(Path file, long maxInflated, long maxSharedStrings, int maxRatio, String kind,
            String format) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        inflated += n;
                        total += n;
                        if (inflated > FREE_BYTES && inflated / compressed > maxRatio) {
                            throw new ValidationFailed(null,
                                    "the " + kind + " entry " + entry.getName() + " inflates more than " + maxRatio
                                            + " times; it is not " + format + " Zhibiao reads");
                        }
                        if (inflated > maxSharedStrings && entry.getName().equals(SHARED_STRINGS)) {
                            throw new PayloadTooLarge("the workbook's shared strings inflate beyond " + maxSharedStrings
                                    + " bytes; split the file");
                        }
                        if (total > maxInflated) {
                            throw kind.equals("workbook")
                                    ? new PayloadTooLarge(maxInflated)
                                    : new PayloadTooLarge("the " + kind + " inflates beyond " + maxInflated
                                            + " bytes; it is not " + format + " Zhibiao reads");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ValidationFailed(null, "the body is not " + format + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ValidationFailed(null, "the " + kind + " cannot be read (" + e.getMessage() + ")");
        }
    }
}
