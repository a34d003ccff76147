package io.zhibiao.common;

import io.quarkus.logging.LoggingFilter;
import java.util.Objects;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Escapes control characters (CR, LF, ESC, …) in the message and parameters of every log record, so that text a
 * client chose — a path, a name, a header — can never forge a log line or colour a terminal. Stack traces are left
 * as they are. Installed on every handler through quarkus.log.*.filter.
 */
@LoggingFilter(name = "escape-controls")
public final class LogEscaping implements Filter {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        String escaped = escape(message);
        if (!Objects.equals(message, escaped)) {
            // Plain setMessage would switch a printf-style record to MessageFormat and leave its %s unformatted.
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(escaped, ext.getFormatStyle());
            } else {
                record.setMessage(escaped);
            }
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text) {
                    parameters[i] = escape(text.toString());
                }
            }
        }
        return true;
    }

    static String escape(String text) {
        if (text == null || !CONTROL.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (CONTROL.matcher(Character.toString(c)).matches()) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
