package io.zhibiao.observation;

import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Every observation and target change in commit order, for integrators")
public class ChangesResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    ChangeFeed feed;

    @GET
    @Operation(summary = "Follow the changes feed",
            description = "Changes after `since`, oldest first. Start from 0 and keep calling with `since=next`: every change "
                    + "in the caller's subtree appears exactly once, in commit order.")
    @APIResponse(responseCode = "200", description = "A page of changes and the cursor to continue from")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public ChangeFeed.Page changes(
            @Parameter(description = "Cursor of the last change already seen; 0 for the beginning", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("since") String since,
            @Parameter(description = "Changes per page, 1 to 1000 (default 100)", example = "100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                            maximum = "1000")) @QueryParam("limit") String limit) {
        Long cursor = Params.id("since", since);
        Integer size = Params.integer("limit", limit);
        if (cursor != null && cursor < 0) {
            throw new ValidationFailed("since", "must be 0 or more");
        }
        if (size != null && (size < 1 || size > MAX_LIMIT)) {
            throw new ValidationFailed("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return feed.after(cursor == null ? 0 : cursor, size == null ? 100 : size);
    }
}
