package io.zhibiao.observation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.security.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
    @Operation(operationId = "listChanges", summary = "Follow the changes feed",
            description = "Changes after `since`, oldest first. Start from 0 and keep calling with `since=next`: every change "
                    + "in the caller's subtree appears exactly once, in commit order.")
    @APIResponse(responseCode = "200", description = "A page of changes and the cursor to continue from")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public ChangeFeed.Page changes(
            @Parameter(description = "Cursor of the last change already seen; 0 for the beginning", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64",
                            minimum = "0")) @QueryParam("since") String since,
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

    /** How often an open stream looks for new changes; a dashboard sees a write within about this long. */
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    Access access;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamChanges", summary = "Stream the changes feed",
            description = "The changes feed as server-sent events: every committed change in the caller's subtree as "
                    + "an event named `change` whose `id` is its cursor and whose data is the change as JSON. "
                    + "Reconnect with `Last-Event-ID` (or `since`) to resume after the last event seen. A comment line "
                    + "every 15 s keeps proxies from closing an idle stream.")
    @APIResponse(responseCode = "200", description = "An endless stream of events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Cursor of the last change already seen; default 0, or Last-Event-ID",
                    example = "1042",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64",
                            minimum = "0")) @QueryParam("since") String since,
            @Parameter(description = "Resume after this cursor (sent by EventSource on reconnect)",
                    example = "1042") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Long resume = Params.id("Last-Event-ID", lastEventId);
        Long cursor = resume != null ? resume : Params.id("since", since);
        if (cursor != null && cursor < 0) {
            throw new ValidationFailed("since", "must be 0 or more");
        }
        // The caller's scope is read now, on the request; the polls run later on worker threads.
        String scope = access.pathPattern();
        AtomicLong position = new AtomicLong(cursor == null ? 0 : cursor);
        Multi<OutboundSseEvent> changes = Multi.createFrom().ticks().every(POLL).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool()).concatMap(tick -> {
                    ChangeFeed.Page page = QuarkusTransaction.requiringNew()
                            .call(() -> feed.after(position.get(), MAX_LIMIT, scope));
                    position.set(page.next());
                    return Multi.createFrom().iterable(page.items());
                }).map(change -> sse.newEventBuilder().id(String.valueOf(change.cursor())).name("change")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ChangeFeed.Change.class, change).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(changes, heartbeats);
    }
}
