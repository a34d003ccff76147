package io.zhibiao.observation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a JSON batch, for the spec and the clients generated from it: the service reads the body as a stream
 * ({@link JsonRows}) and never holds it as this record.
 */
@Schema(name = "ObservationBatch",
        description = "Figures to import; each row names its indicator, org unit and period.")
public record ObservationBatch(@Schema(required = true,
        description = "The rows, validated one by one like single PUTs") List<ObservationInput> observations) {
}
