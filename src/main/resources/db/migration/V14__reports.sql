-- DESIGN §8: reports (月报, 季报, 年报) produced off the request thread, kept for zhibiao.reports.keep; and the schedules
-- that produce the month's report on its day and send it to an alert channel.
CREATE SEQUENCE report_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE report (
    id             BIGINT        NOT NULL PRIMARY KEY,
    org_unit_id    BIGINT        NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
    period         VARCHAR(20)   NOT NULL,
    format         VARCHAR(10)   NOT NULL,
    data_status    VARCHAR(10)   NOT NULL,
    state          VARCHAR(10)   NOT NULL,
    title          VARCHAR(300),
    as_of_version  BIGINT,
    sha256         VARCHAR(64),
    size_bytes     BIGINT,
    error          VARCHAR(2000),
    requested_by   VARCHAR(200)  NOT NULL,
    requester_role VARCHAR(20)   NOT NULL,
    requester_scope VARCHAR(2000),
    schedule_id    BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_report_state ON report (state, id);
CREATE INDEX ix_report_unit ON report (org_unit_id, id);

CREATE TABLE report_file (
    report_id  BIGINT NOT NULL PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    content    BYTEA  NOT NULL
);
