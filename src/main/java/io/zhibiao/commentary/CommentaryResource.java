package io.zhibiao.commentary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets/{id}/commentary/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Commentary", description = "进展情况, 存在问题, 下步措施: what a unit says about its targets, period by period")
public class CommentaryResource {

    @jakarta.inject.Inject
    CommentaryService service;

    @PUT
    @Operation(operationId = "putCommentary", summary = "Write the commentary on a target for a period",
            description = "PLANNER, CLERK or ADMIN of the target's org unit. Every change is a new version (201); "
                    + "the same text again changes nothing (200). The period is a month, quarter, half or year "
                    + "inside the target's period.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "March", value = """
                    {"progress": "3月完成教师培训1,120人次，累计2,840人次，达到年度目标的30.9%。",
                     "problems": "农村学校教师工学矛盾突出，参训率偏低。",
                     "nextSteps": "4月起利用周末开展送培下乡，确保上半年完成4,600人次。"}""")))
    @APIResponse(responseCode = "201", description = "A new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentaryView.class)))
    @APIResponse(responseCode = "200", description = "Unchanged: the current version says exactly this",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentaryView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response put(@BeanParam CommentaryKey key,
            @NotNull(message = "a JSON body is required") @Valid CommentaryRequest request) {
        CommentaryService.Written written = service.put(key.targetId(), key.period(), request);
        return Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(CommentaryView.of(written.commentary())).build();
    }

    @GET
    @Operation(operationId = "getCommentary", summary = "The current commentary on a target for a period",
            description = "The latest version with who wrote it and when; 404 while none was written.")
    @APIResponse(responseCode = "200", description = "The latest version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentaryView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CommentaryView get(@BeanParam CommentaryKey key) {
        return CommentaryView.of(service.get(key.targetId(), key.period()));
    }

    @GET
    @Path("/revisions")
    @Operation(operationId = "listCommentaryRevisions", summary = "Every version of the commentary",
            description = "Oldest first; empty while none was written.")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommentaryView.class,
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<CommentaryView> revisions(@BeanParam CommentaryKey key) {
        return service.revisions(key.targetId(), key.period()).stream().map(CommentaryView::of).toList();
    }
}
