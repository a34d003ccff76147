package io.zhibiao.plan;

import io.zhibiao.common.TextRule;
import io.zhibiao.common.Texts;
import io.zhibiao.common.UnsupportedMediaType;
import io.zhibiao.common.ValidationFailed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The formats a plan is read from, and the one way each becomes the plan's text: pasted text as sent (UTF-8), and a
 * Word file, a PDF or a web page through its reader into a {@link PlanDocument}, whose text the extractor reads and
 * the plan stores. Plain Java; the resources name the media types, the service calls {@link #text}.
 */
public final class PlanDocuments {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";

    /** A plan's source format, as stored with it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlanFormat",
            description = "What a plan was read from: pasted text, a Word .docx, a PDF or a web page")
    public enum Format {

        TEXT, DOCX, PDF, HTML;

        /** The format of a request's media type (its parameters ignored). */
        public static Format of(String mediaType) {
            String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (type) {
                case PlanDocuments.TEXT :
                    return TEXT;
                case PlanDocuments.HTML :
                case "application/xhtml+xml" :
                    return HTML;
                case PlanDocuments.DOCX :
                    return DOCX;
                case PlanDocuments.PDF :
                    return PDF;
                default :
                    throw new UnsupportedMediaType("a plan is read from text/plain, text/html, application/pdf or "
                            + "a Word .docx (" + PlanDocuments.DOCX + "), not "
                            + (type.isEmpty() ? "a body without " + "a type" : type));
            }
        }
    }

    /** A plan's text and what it was read from. */
    public record Read(String text, Format format, int tables) {
    }

    private PlanDocuments() {
    }

    /**
     * The plan's text from a body of the given media type; {@code charset} is the request's declared charset (for a
     * web page; text must be UTF-8).
     */
    public static Read text(String mediaType, String charset, byte[] body) {
        Format format = Format.of(mediaType);
        if (body == null || body.length == 0) {
            throw new ValidationFailed("body", "the plan text is empty");
        }
        PlanDocument document = switch (format) {
            case TEXT -> null;
            case HTML -> WebPages.read(body, charset);
            case DOCX -> word(body);
            case PDF -> PdfDocuments.read(body);
        };
        String text = document == null ? utf8(body) : document.text();
        if (document != null) {
            TextRule.violation(text).ifPresent(message -> {
                throw new ValidationFailed("body", message);
            });
        }
        return new Read(text, format, document == null ? 0 : (int) document.tables());
    }

    private static PlanDocument word(byte[] body) {
        Path file = null;
        try {
            file = Files.createTempFile("zhibiao-plan-", ".docx");
            Files.write(file, body);
            return WordDocuments.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the container
                }
            }
        }
    }

    /** The first line of why a reader failed, at most 200 characters: what a 400 quotes of a library's message. */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int line = message.indexOf('\n');
        message = line < 0 ? message : message.substring(0, line);
        return message.length() > 200 ? message.substring(0, 200) : message;
    }

    /** Plans arrive as UTF-8; anything else is refused rather than read as mojibake. */
    static String utf8(byte[] body) {
        try {
            String text = Texts.strictUtf8().decode(ByteBuffer.wrap(body)).toString();
            TextRule.violation(text).ifPresent(message -> {
                throw new ValidationFailed("body", message);
            });
            return text;
        } catch (CharacterCodingException e) {
            throw new ValidationFailed("body", "the text is not valid UTF-8; save the plan as UTF-8 and send it again");
        }
    }
}
