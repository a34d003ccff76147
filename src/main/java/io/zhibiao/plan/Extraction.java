package io.zhibiao.plan;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The candidate targets of one plan text, in the order they appear. */
@Schema(name = "Extraction")
public record Extraction(
        @Schema(required = true, description = "The plan year periods are read in", example = "2026") int year,
        @Schema(required = true) List<Candidate> candidates,
        @Schema(description = "The text the candidates' offsets point into, when the plan was sent as "
                + "a document (Word, PDF, web page): the text Zhibiao derived from it, tables as lines of tab-separated "
                + "cells; null when the plan was sent as text (the offsets point into that text) or is a stored plan "
                + "(GET /plans/{id} holds its text)") String text) {

    Extraction(int year, List<Candidate> candidates) {
        this(year, candidates, null);
    }

    Extraction withText(String derived) {
        return new Extraction(year, candidates, derived);
    }
}
