package io.zhibiao.common;

import io.zhibiao.period.InvalidPeriodException;
import io.zhibiao.period.Period;
import java.util.List;
import java.util.function.Supplier;

/** Collects every bad field of a request before answering, instead of stopping at the first. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Runs a lookup that may fail with a field error; records the error and returns null instead of
     * throwing.
     */
    public static <T> T collect(List<FieldError> errors, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Parses a period (ranges allowed), recording a malformed one against {@code field}. */
    public static Period period(List<FieldError> errors, String field, String text) {
        try {
            return Period.parse(text);
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }
}
