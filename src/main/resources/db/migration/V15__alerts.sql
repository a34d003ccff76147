-- DESIGN §8: alert channels and subscriptions; deliveries with every attempt; the statuses last told, so that a status
-- change is told once; the dispatcher's place in the changes feed (the feed is the transactional outbox of figures,
-- targets and submissions: its rows commit with the change); digest lines waiting for their hour; report schedules.
CREATE SEQUENCE alert_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE alert_channel (
    id           BIGINT        NOT NULL PRIMARY KEY,
    name         VARCHAR(100)  NOT NULL,
    type         VARCHAR(10)   NOT NULL,
    org_unit_id  BIGINT        NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    url          VARCHAR(2000) NOT NULL,
    secret       VARCHAR(500),
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE alert_subscription (
    id               BIGINT        NOT NULL PRIMARY KEY,
    channel_id       BIGINT        NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    org_unit_id      BIGINT        NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    events           VARCHAR(500)  NOT NULL,
    mode             VARCHAR(20)   NOT NULL,
    digest_hour      INTEGER       NOT NULL,
    last_digest_on   DATE,
    created_by       VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE alert_delivery (
    id               BIGINT         NOT NULL PRIMARY KEY,
    channel_id       BIGINT         NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    event            VARCHAR(40)    NOT NULL,
    title            VARCHAR(300)   NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_alert_delivery_due ON alert_delivery (status, next_attempt_at);
CREATE INDEX ix_alert_delivery_channel ON alert_delivery (channel_id, id);

CREATE TABLE alert_attempt (
    id            BIGINT        NOT NULL PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL REFERENCES alert_delivery (id) ON DELETE CASCADE,
    channel_id    BIGINT        NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(10)   NOT NULL,
    http_status   INTEGER,
    answer        VARCHAR(1000),
    duration_ms   INTEGER       NOT NULL
);
CREATE INDEX ix_alert_attempt_delivery ON alert_attempt (delivery_id, id);
CREATE INDEX ix_alert_attempt_channel_time ON alert_attempt (channel_id, attempted_at);

CREATE TABLE alert_digest_line (
    id               BIGINT        NOT NULL PRIMARY KEY,
    subscription_id  BIGINT        NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    event            VARCHAR(40)   NOT NULL,
    line             VARCHAR(2000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_alert_digest_line_subscription ON alert_digest_line (subscription_id, id);

CREATE TABLE alert_target_status (
    target_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES target (id) ON DELETE CASCADE,
    status      VARCHAR(20)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE alert_cursor (
    id        INTEGER NOT NULL PRIMARY KEY,
    position  BIGINT  NOT NULL
);

CREATE TABLE report_schedule (
    id            BIGINT       NOT NULL PRIMARY KEY,
    org_unit_id   BIGINT       NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    day_of_month  INTEGER      NOT NULL,
    period_type   VARCHAR(10)  NOT NULL,
    format        VARCHAR(10)  NOT NULL,
    data_status   VARCHAR(10)  NOT NULL,
    channel_id    BIGINT       NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    last_period   VARCHAR(20),
    created_by    VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
