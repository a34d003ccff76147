package io.zhibiao.transfer;

import io.zhibiao.common.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Tag(name = "Administration", description = "Moving a whole database between releases or databases (all-scope ADMIN)")
public class TransferResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    TransferService service;

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(operationId = "exportDatabase", summary = "Export the whole database",
            description = "Every row as newline-delimited JSON, streamed from one consistent snapshot: a header "
                    + "(format, formatVersion, schemaVersion), per table a line of column names and one array per row, "
                    + "and a trailer with the row counts and the SHA-256 of every byte before it. With "
                    + "`zhibiao.transfer.key` set, a signature checkpoint follows every 100 lines and the trailer "
                    + "(HMAC-SHA256, chained): an edited, moved, removed or foreign line cannot be imported. Figures keep their "
                    + "full revision history; tokens travel as hashes. An export cut short has no trailer, and an "
                    + "import refuses it.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "one county", ref = "DatabaseExport")),
            headers = @Header(name = "Content-Disposition", description = "A file name with the date",
                    schema = @Schema(type = SchemaType.STRING,
                            example = "attachment; filename=\"zhibiao-export.ndjson\"")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response export() {
        service.checkAllScopeAdmin();
        StreamingOutput body = service::export;
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=\"zhibiao-export.ndjson\"")
                .build();
    }

    @POST
    @Path("/import")
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importDatabase", summary = "Import an export into an empty database",
            description = "Reads an export of the same release into this database, which must hold no data yet. "
                    + "A signed export is first checked against this service's `zhibiao.transfer.key`: a line changed, "
                    + "moved, removed or taken from another export is a 400 naming the line, before anything is "
                    + "written. An unsigned export is refused unless `unsigned=true`. Everything is written in one "
                    + "transaction: a malformed, truncated or altered export (checked against its trailer's row counts "
                    + "and SHA-256) is a 400 and leaves nothing behind.")
    @RequestBody(content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "one county", ref = "DatabaseExport")))
    @APIResponse(responseCode = "200", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TransferService.Imported.class),
                    examples = @ExampleObject(name = "one county",
                            value = "{\"rows\":{\"org_unit\":21,\"indicator\":50,\"observation\":12000}}")))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TransferService.Imported importAll(
            @Parameter(description = "Import an export whose signature cannot be checked: one written without "
                    + "`zhibiao.transfer.key`, or signed while this service has no key. Only for a file you trust.",
                    example = "false",
                    schema = @Schema(type = SchemaType.BOOLEAN,
                            defaultValue = "false")) @QueryParam("unsigned") String unsigned,
            InputStream body) throws IOException {
        return service.importAll(body, Params.bool("unsigned", unsigned, false));
    }
}
