-- DESIGN §7: the state of (org unit, reporting period) — OPEN (no row, or reopened), SUBMITTED, APPROVED, RETURNED —
-- and every transition with who, when and why. While SUBMITTED or APPROVED the unit's cells of the period take no writes.
CREATE SEQUENCE submission_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE submission_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE submission (
    id           BIGINT        NOT NULL PRIMARY KEY,
    org_unit_id  BIGINT        NOT NULL REFERENCES org_unit (id),
    period       VARCHAR(20)   NOT NULL,
    start_month  INTEGER       NOT NULL,
    end_month    INTEGER       NOT NULL,
    state        VARCHAR(12)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(200)  NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT uk_submission UNIQUE (org_unit_id, start_month, end_month)
);
CREATE INDEX ix_submission_state ON submission (state);

CREATE TABLE submission_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    submission_id  BIGINT        NOT NULL REFERENCES submission (id),
    action         VARCHAR(12)   NOT NULL,
    state          VARCHAR(12)   NOT NULL,
    acted_by       VARCHAR(200)  NOT NULL,
    acted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR(2000)
);
CREATE INDEX ix_submission_event_submission ON submission_event (submission_id);
