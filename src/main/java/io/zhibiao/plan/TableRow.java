package io.zhibiao.plan;

/**
 * A target read from a row of a table (an indicator table, a breakdown table): the candidate, and the span of the plan's
 * text the row covers (char offsets), so that the sentences inside it are not read again as sentences.
 */
record TableRow(Candidate candidate, int lineStart, int lineEnd) {
}
