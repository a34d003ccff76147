package io.zhibiao.alert;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertSubscription")
public record SubscriptionView(@Schema(required = true, example = "5") long id,
        @Schema(required = true, example = "3") long channel, @Schema(example = "县局领导钉钉群") String channelName,
        @Schema(example = "qinghe-county") String orgUnitCode,
        @Schema(example = "[\"TARGET_STATUS_CHANGED\"]") List<AlertEvent> events,
        @Schema(example = "IMMEDIATE") AlertMode mode, @Schema(required = true, example = "8") int digestHour,
        @Schema(example = "qinghe-planner") String createdBy, OffsetDateTime createdAt) {

    static SubscriptionView of(AlertSubscription s) {
        return new SubscriptionView(s.id, s.channel.id, s.channel.name, s.orgUnit.code, List.copyOf(s.eventSet()),
                s.mode, s.digestHour, s.createdBy, s.createdAt);
    }
}
