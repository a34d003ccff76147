package io.zhibiao.alert;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertChannel", description = "A channel; its secret is never answered, its URL only masked (a robot's "
        + "access token is a secret too).")
public record ChannelView(@Schema(required = true, example = "3") long id, @Schema(example = "县局领导钉钉群") String name,
        @Schema(example = "DINGTALK") ChannelType type, @Schema(example = "qinghe-county") String orgUnitCode,
        @Schema(example = "https://oapi.dingtalk.com/robot/send?access_token=…5a7e") String url,
        @Schema(required = true, description = "Whether a secret is set", example = "true") boolean hasSecret,
        @Schema(example = "qinghe-planner") String createdBy, OffsetDateTime createdAt) {

    static ChannelView of(AlertChannel c) {
        return new ChannelView(c.id, c.name, c.type, c.orgUnit.code, masked(c.url), c.secret != null, c.createdBy,
                c.createdAt);
    }

    /** The URL without its query's values but the last four characters of each. */
    static String masked(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.substring(0, q + 1));
        String[] pairs = url.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            String[] kv = pairs[i].split("=", 2);
            out.append(i == 0 ? "" : "&").append(kv[0]);
            if (kv.length == 2) {
                String v = kv[1];
                out.append('=').append(v.length() <= 4 ? "…" : "…" + v.substring(v.length() - 4));
            }
        }
        return out.toString();
    }
}
