-- Data-quality flags on observations (OUTLIER: far from the unit's own history; accepted, but shown).
ALTER TABLE observation ADD COLUMN flags VARCHAR(100);

-- The changes feed: every observation revision and target change draws from one sequence inside the
-- serialised write transaction (see WriteGate), so sequence order is commit order.
CREATE SEQUENCE change_seq START WITH 1 INCREMENT BY 1;
ALTER TABLE observation_revision ADD COLUMN change_seq BIGINT;
CREATE INDEX ix_revision_change_seq ON observation_revision (change_seq);

CREATE TABLE target_change (
    change_seq    BIGINT        NOT NULL PRIMARY KEY,
    target_id     BIGINT        NOT NULL,
    org_unit_id   BIGINT        NOT NULL REFERENCES org_unit (id),
    operation     VARCHAR(10)   NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    VARCHAR(200)  NOT NULL
);

CREATE SEQUENCE period_lock_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE period_lock (
    id            BIGINT        NOT NULL PRIMARY KEY,
    org_unit_id   BIGINT        NOT NULL REFERENCES org_unit (id),
    indicator_id  BIGINT        REFERENCES indicator (id),
    period        VARCHAR(20)   NOT NULL,
    start_month   INTEGER       NOT NULL,
    end_month     INTEGER       NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(200)  NOT NULL
);

-- Batch imports answered once per Idempotency-Key; kept at least 24 hours.
CREATE TABLE idempotency_key (
    idem_key      VARCHAR(200)     NOT NULL PRIMARY KEY,
    status_code   INTEGER          NOT NULL,
    summary       VARCHAR(1000000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
