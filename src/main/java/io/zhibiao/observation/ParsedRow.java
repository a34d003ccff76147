package io.zhibiao.observation;

import io.zhibiao.common.FieldError;

/**
 * One row of an import as read from its file: the input, or why the cell text could not even be
 * read (a formula, a date, a word where a number belongs). {@code blank} rows (no value) write
 * nothing.
 */
public record ParsedRow(long index, ObservationInput input, FieldError unreadable, boolean blank) {

    static ParsedRow of(long index, ObservationInput input) {
        return new ParsedRow(index, input, null, false);
    }
}
