package io.zhibiao.target;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a JSON target import, for the spec and generated clients: the service reads the body as a tree
 * ({@link TargetImport}) and answers each row's problem with its index.
 */
@Schema(name = "TargetBatch", description = "Targets to create, each like the body of POST /targets.")
public record TargetBatch(@Schema(required = true) List<TargetRequest> targets) {
}
