package io.zhibiao.orgunit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a JSON roster, for the spec and generated clients: the service reads the body as a tree
 * ({@link RosterRows}) and checks every row itself, so that a bad row is reported with its index, not as a 400.
 */
@Schema(name = "RosterBatch", description = "Org units to create or update, parents anywhere in the list.")
public record RosterBatch(@Schema(required = true) List<RosterRow.Input> orgUnits) {
}
