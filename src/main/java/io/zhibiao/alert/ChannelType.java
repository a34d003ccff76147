package io.zhibiao.alert;

/** Where a channel's messages go (design §8). */
public enum ChannelType {
    /** A DingTalk group robot: signed webhook, markdown. */
    DINGTALK,
    /** A WeCom (企业微信) group robot: markdown of at most 4096 bytes. */
    WECOM,
    /** Any HTTP endpoint: the event as JSON, signed with X-Zhibiao-Signature. */
    WEBHOOK,
    /** E-mail through the SMTP server of the service's configuration; url is mailto:address[,address]. */
    EMAIL
}
