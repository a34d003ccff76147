package io.zhibiao.lock;

import io.zhibiao.common.PageParams;
import io.zhibiao.common.PageResult;
import io.zhibiao.common.ZhibiaoConfig;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/locks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Locks", description = "Closed periods: figures inside them can no longer change (ADMIN)")
public class LockResource {

    @Inject
    LockService service;

    @Inject
    ZhibiaoConfig config;

    @POST
    @Operation(operationId = "createLock", summary = "Lock a period",
            description = "Writes into the period, in the org unit's whole subtree, then answer 409 period_locked.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "prefecture year",
                    value = "{\"orgUnitCode\": \"lanzhou-pref\", \"period\": \"2025\"}")))
    @APIResponse(responseCode = "201", description = "Locked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LockView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid LockRequest request, UriInfo uri) {
        LockView created = LockView.of(service.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listLocks", summary = "List locks", description = "Locks within the caller's subtree.")
    @APIResponse(responseCode = "200", description = "One page of locks")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public PageResult<LockView> list(@BeanParam PageParams paging) {
        return service.list(paging.toRequest(config.paging())).map(LockView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLock", summary = "Get a lock",
            description = "One lock: the org unit (and indicator) whose period it closes, and who closed it.")
    @APIResponse(responseCode = "200", description = "The lock")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LockView get(@Parameter(description = "Lock id", example = "1") @PathParam("id") long id) {
        return LockView.of(service.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteLock", summary = "Unlock",
            description = "Removes the lock; the period opens again unless another lock or the automatic lock closes it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = "Lock id", example = "1") @PathParam("id") long id) {
        service.delete(id);
    }
}
