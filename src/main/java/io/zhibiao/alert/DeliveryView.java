package io.zhibiao.alert;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertDelivery", description = "One message to one channel with every try and the receiver's answers.")
public record DeliveryView(@Schema(required = true, example = "40") long id,
        @Schema(required = true, example = "3") long channel, @Schema(example = "TARGET_STATUS_CHANGED") String event,
        @Schema(example = "指标提醒：1 个目标状态变化") String title,
        @Schema(example = "#### 指标提醒 · 青禾县\n- **本科上线率（2026）** 正常 → **落后**") String body,
        @Schema(example = "SENT") AlertDelivery.Status status, @Schema(required = true, example = "3") int attempts,
        OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime nextAttemptAt,
        @Schema(nullable = true) OffsetDateTime deliveredAt, List<Attempt> tries) {

    @Schema(name = "AlertAttempt")
    public record Attempt(OffsetDateTime at, @Schema(example = "ERROR") AlertAttempt.Outcome outcome,
            @Schema(example = "500", nullable = true) Integer httpStatus,
            @Schema(example = "{\"errcode\":0,\"errmsg\":\"ok\"}", nullable = true) String answer,
            @Schema(example = "84") int durationMs) {
    }

    static DeliveryView of(AlertDelivery d, List<AlertAttempt> attempts) {
        return new DeliveryView(d.id, d.channel.id, d.event, d.title, d.body, d.status, d.attempts, d.createdAt,
                d.status == AlertDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt,
                attempts.stream().map(a -> new Attempt(a.attemptedAt, a.outcome, a.httpStatus, a.answer, a.durationMs))
                        .toList());
    }
}
