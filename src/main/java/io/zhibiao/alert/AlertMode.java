package io.zhibiao.alert;

/** When a subscription's messages go out. */
public enum AlertMode {
    /** As the change commits (one message per channel for one commit). */
    IMMEDIATE,
    /** One message a day at the subscription's digest hour, with everything since the last one. */
    DAILY_DIGEST
}
