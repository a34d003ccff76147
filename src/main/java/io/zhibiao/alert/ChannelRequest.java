package io.zhibiao.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AlertChannelRequest", description = "A place alerts go. The secret is write-only.")
public record ChannelRequest(@Schema(example = "县局领导钉钉群", required = true) String name,
        @Schema(example = "DINGTALK", required = true, enumeration = {
                "DINGTALK", "WECOM", "WEBHOOK", "EMAIL"}) String type,
        @Schema(description = "The unit whose planners and admins manage the channel", example = "qinghe-county",
                required = true) String orgUnitCode,
        @Schema(description = "The robot's webhook (http or https), the webhook's URL, or mailto:a@b.cn,c@d.cn",
                example = "https://oapi.dingtalk.com/robot/send?access_token=0d3c5a7e", required = true) String url,
        @Schema(description = "DINGTALK: the robot's 加签 secret (SEC…), required; WEBHOOK: the signing key, required; "
                + "never answered", example = "SEC8b1e5c0f2d4a", nullable = true) String secret) {
}
