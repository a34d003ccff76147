package io.zhibiao.observation;

import java.math.BigDecimal;

/** The stored state of a figure that decides what a new write does to it, however it was read. */
public record StoredFigure(long id, BigDecimal value, ObservationStatus status, String comment, int revision,
        boolean deleted, String flags) {

    static StoredFigure of(Observation o) {
        return new StoredFigure(o.id, o.value, o.status, o.comment, o.revision, o.deleted, o.flags);
    }
}
