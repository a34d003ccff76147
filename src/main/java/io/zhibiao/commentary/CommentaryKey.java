package io.zhibiao.commentary;

import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The target and period that name one commentary: the path of {@code /targets/{id}/commentary/{period}}, declared once
 * for the three operations on it. The period stays text; {@link CommentaryService} parses it against the target's
 * period, so a malformed one is a 400 that names it.
 */
public class CommentaryKey {

    @PathParam("id")
    @Parameter(description = "Target id", example = "12")
    long id;

    @PathParam("period")
    @Parameter(description = "A month, quarter, half or year of the target's period", example = "2026-03")
    String period;

    public long targetId() {
        return id;
    }

    public String period() {
        return period;
    }
}
