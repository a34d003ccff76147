package io.zhibiao.observation;

import io.zhibiao.progress.Numbers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Revision", description = "One change of an observation.")
public record RevisionView(@Schema(required = true, example = "2") int revision,
        @Schema(example = "820") BigDecimal value, @Schema(example = "FINAL") ObservationStatus status, String comment,
        OffsetDateTime changedAt, @Schema(example = "qinghe-no1-clerk") String changedBy,
        @Schema(example = "UPDATE") Operation operation) {

    static RevisionView of(Revision r) {
        return new RevisionView(r.revision, Numbers.display(r.value), r.status, r.comment, r.changedAt, r.changedBy,
                r.operation);
    }
}
