package io.zhibiao.transfer;

/** An export file that cannot be imported as it is: malformed, truncated, tampered with, or of another schema. */
public class BadExport extends RuntimeException {

    public BadExport(String message) {
        super(message);
    }
}
