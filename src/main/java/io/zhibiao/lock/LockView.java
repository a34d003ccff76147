package io.zhibiao.lock;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Lock", description = "A closed period.")
public record LockView(@Schema(required = true, example = "1") long id,
        @Schema(example = "lanzhou-pref") String orgUnitCode, @Schema(example = "2025") String period,
        @Schema(example = "teacher-training") String indicatorCode, OffsetDateTime createdAt,
        @Schema(example = "lanzhou-admin") String createdBy) {

    static LockView of(PeriodLock lock) {
        return new LockView(lock.id, lock.orgUnit.code, lock.span.text,
                lock.indicator == null ? null : lock.indicator.code, lock.createdAt, lock.createdBy);
    }
}
