package io.zhibiao.plan;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The candidate targets of one plan text, in the order they appear. */
@Schema(name = "Extraction")
public record Extraction(
        @Schema(required = true, description = "The plan year periods are read in", example = "2026") int year,
        @Schema(required = true) List<Candidate> candidates) {
}
