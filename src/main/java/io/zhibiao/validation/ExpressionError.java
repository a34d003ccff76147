package io.zhibiao.validation;

/**
 * A rule expression that cannot be used, with the character position (counted from 1, in code points) where the
 * trouble is.
 */
public final class ExpressionError extends RuntimeException {

    private final int position;

    public ExpressionError(int position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    public int position() {
        return position;
    }

    /** "at character 7: …", as the problem's field message says it. */
    public String describe() {
        return "at character " + position + ": " + getMessage();
    }
}
