package io.zhibiao.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The documents a report is made as. */
public enum ReportFormat {

    PDF("application/pdf", "pdf"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx"), HTML("text/html; charset=utf-8", "html");

    public final String mediaType;
    public final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code pdf}, {@code xlsx} or {@code html}, in any case. */
    public static Optional<ReportFormat> parse(String text) {
        return text == null
                ? Optional.empty()
                : Arrays.stream(values()).filter(f -> f.extension.equals(text.strip().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
