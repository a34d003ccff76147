package io.zhibiao.observation;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import io.zhibiao.security.Access;
import io.zhibiao.security.CallerRecheck;
import io.zhibiao.security.Credential;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

    @Inject
    Access access;

    @Inject
    ChangeHub hub;

    @Inject
    CallerRecheck recheck;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamChanges", summary = "Stream the changes feed",
            description = "The changes feed as server-sent events: every change committed in the caller's subtree from "
                    + "now on, as an event named `change` whose `id` is its cursor and whose data is the change as "
                    + "JSON. To resume after the last event seen, reconnect with `Last-Event-ID` (or `since`): the "
                    + "stream first replays what was missed. A comment line every 15 s keeps proxies from closing an "
                    + "idle stream. The caller is checked again every few seconds (`zhibiao.changes.recheck-interval`, "
                    + "default 5 s): when its token is revoked or expires, a last event named `end` "
                    + "(`{\"reason\":\"signed_out\",…}`) closes the stream; `end` also says `shutdown` when the "
                    + "replica stops and `too_slow` when the client stopped reading. One replica serves at most "
                    + "`zhibiao.changes.max-streams` streams, and a token holds at most "
                    + "`zhibiao.changes.max-streams-per-token` of them (429 beyond).")
    @APIResponse(responseCode = "200", description = "An endless stream of events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a change, then the end of a revoked token's stream",
                            value = STREAM_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyStreams")
    public Multi<OutboundSseEvent> stream(
            @Parameter(
                    description = "Cursor of the last change already seen (or Last-Event-ID); without either, the "
                            + "stream starts at the newest change",
                    example = "1042",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64",
                            minimum = "0")) @QueryParam("since") String since,
            @Parameter(description = "Resume after this cursor (sent by EventSource on reconnect)",
                    example = "1042") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context HttpHeaders headers, @Context Sse sse) {
        Long resume = Params.id("Last-Event-ID", lastEventId);
        Long cursor = resume != null ? resume : Params.id("since", since);
        if (cursor != null && cursor < 0) {
            throw new ValidationFailed("since", "must be 0 or more");
        }
        Credential credential = recheck.credentialOf(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        return hub.open(access.caller(), credential, cursor).map(event -> toSse(event, sse));
    }

    private static OutboundSseEvent toSse(ChangeHub.Event event, Sse sse) {
        if (event instanceof ChangeHub.ChangeEvent change) {
            return sse.newEventBuilder().id(String.valueOf(change.change().cursor())).name("change")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(ChangeFeed.Change.class, change.change()).build();
        }
        if (event instanceof ChangeHub.End end) {
            return sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(ChangeHub.End.class, end).build();
        }
        return sse.newEventBuilder().comment("keep-alive").build();
    }

    private static final String STREAM_EXAMPLE = """
            event: change
            id: 1042
            data: {"cursor":1042,"type":"OBSERVATION","operation":"UPDATE","indicatorCode":"teacher-training","orgUnitCode":"qinghe-no1-middle","period":"2025-03","revision":2,"value":820,"status":"FINAL","targetId":null,"changedAt":"2025-04-03T09:12:00+08:00","changedBy":"qinghe-no1-clerk"}

            event: end
            data: {"reason":"signed_out","message":"the token was revoked or has expired; sign in again"}
            """;
}
