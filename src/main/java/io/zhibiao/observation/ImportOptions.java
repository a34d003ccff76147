package io.zhibiao.observation;

import io.zhibiao.common.Params;
import io.zhibiao.common.ValidationFailed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The options of a figures import, the same for JSON, CSV and Excel: {@code dryRun}, {@code atomic} and the
 * {@code Idempotency-Key} header. Taken as text so that {@code atomic=maybe} is a 400 naming the parameter.
 */
public class ImportOptions {

    @QueryParam("dryRun")
    @Parameter(description = "Check and count only; write nothing", example = "false",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String dryRun;

    @QueryParam("atomic")
    @Parameter(description = "All rows or none (default true)", example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"))
    String atomic;

    @HeaderParam("Idempotency-Key")
    @Parameter(description = "Makes a retried request harmless: its repeat answers the first summary",
            example = "2025-03-qinghe-upload-1")
    String idempotencyKey;

    boolean dryRun() {
        return Params.bool("dryRun", dryRun, false);
    }

    boolean atomic() {
        return Params.bool("atomic", atomic, true);
    }

    /** The key, if given: 1 to 200 characters. */
    String idempotencyKey() {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new ValidationFailed("Idempotency-Key", "must be 1 to 200 characters");
        }
        return idempotencyKey;
    }
}
