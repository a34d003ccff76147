package io.zhibiao.orgunit;

import io.zhibiao.common.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a roster (学校名录) as read from its file, every cell as text; {@code unreadable} says why a cell could not
 * even be read (a formula, an Excel error). {@code index}: 0-based position in the JSON array or data row of the table.
 */
public record RosterRow(long index, String code, String name, String type, String parentCode, String parentName,
        String openedAt, String closedAt, FieldError unreadable) {

    /** One roster row in a JSON batch. */
    @Schema(name = "RosterRow", description = "One org unit of a roster; the parent by code or by name.")
    public record Input(@Schema(required = true, example = "qinghe-xq-dongcheng") String code,
            @Schema(required = true, example = "东城学区") String name,
            @Schema(required = true, description = "A type code or its Chinese name (学区, 学校, 教学点, …)",
                    example = "TOWNSHIP") String type,
            @Schema(description = "Code of the parent: an existing unit or one earlier or later in the roster",
                    example = "qinghe-county") String parentCode,
            @Schema(description = "Name of the parent when the roster has no parent codes; must name one unit",
                    example = "青禾县教育局") String parentName,
            @Schema(example = "2019-09") String openedAt, @Schema(example = "2026-07") String closedAt) {
    }
}
