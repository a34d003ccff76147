package io.zhibiao.security;

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

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "Bearer tokens, each with a role and an org-unit subtree (ADMIN only)")
public class TokenResource {

    @Inject
    TokenService service;

    @Inject
    ZhibiaoConfig config;

    @Inject
    Access access;

    @POST
    @Operation(operationId = "createToken", summary = "Create a token",
            description = "The answer holds the secret (`token`); it is shown this once and stored only as a hash.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "school clerk",
            value = "{\"name\": \"qinghe-no1-clerk\", \"role\": \"CLERK\", \"orgUnitCode\": \"qinghe-no1-middle\"}")))
    @APIResponse(responseCode = "201", description = "Created, with the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull(message = "a JSON body is required") @Valid TokenRequest request, UriInfo uri) {
        TokenService.Created created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.held().token().id)).build())
                .entity(TokenView.of(created.held(), created.secret())).build();
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List tokens",
            description = "Tokens within the caller's subtree, without secrets, with when each was last used.")
    @APIResponse(responseCode = "200", description = "One page of tokens")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public PageResult<TokenView> list(@BeanParam PageParams paging) {
        return service.list(paging.toRequest(config.paging())).map(held -> TokenView.of(held, null));
    }

    @GET
    @Path("/current")
    @Operation(operationId = "getCurrentCaller", summary = "Who is calling",
            description = "The name, role and scope root of the token (or single sign-on identity) that sent the "
                    + "request; any role may ask. The pages show it and start their unit pickers there.")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallerView.class),
                    examples = @ExampleObject(name = "a school's clerk",
                            value = "{\"name\": \"qinghe-no1-clerk\", \"role\": \"CLERK\", "
                                    + "\"orgUnitCode\": \"qinghe-no1-middle\"}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public CallerView current() {
        return CallerView.of(access.caller());
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token", description = "Its next call answers 401.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@Parameter(description = "Token id", example = "1") @PathParam("id") long id) {
        service.revoke(id);
    }
}
