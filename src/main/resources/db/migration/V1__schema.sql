-- Portable between H2 2.x and PostgreSQL: no identity columns (sequences allow JDBC batching),
-- no TEXT, and no column named VALUE (reserved in H2).

CREATE SEQUENCE org_unit_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE indicator_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE plan_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE target_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE observation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE observation_revision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE org_unit (
    id          BIGINT        NOT NULL PRIMARY KEY,
    code        VARCHAR(64)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    type        VARCHAR(20)   NOT NULL,
    parent_id   BIGINT        REFERENCES org_unit (id),
    -- '/prefecture/county/school/': codes from the root, for subtree queries with LIKE 'prefix%'
    path        VARCHAR(2000) NOT NULL,
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_org_unit_code UNIQUE (code)
);
CREATE INDEX ix_org_unit_parent ON org_unit (parent_id);
CREATE INDEX ix_org_unit_path ON org_unit (path);

CREATE TABLE indicator (
    id           BIGINT        NOT NULL PRIMARY KEY,
    code         VARCHAR(64)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    category     VARCHAR(100),
    description  VARCHAR(2000),
    unit         VARCHAR(20)   NOT NULL,
    value_type   VARCHAR(10)   NOT NULL,
    direction    VARCHAR(10)   NOT NULL,
    aggregation  VARCHAR(10)   NOT NULL,
    frequency    VARCHAR(12)   NOT NULL,
    min_value    NUMERIC(24, 6),
    max_value    NUMERIC(24, 6),
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_indicator_code UNIQUE (code)
);
CREATE INDEX ix_indicator_category ON indicator (category);

CREATE TABLE plan (
    id           BIGINT        NOT NULL PRIMARY KEY,
    org_unit_id  BIGINT        NOT NULL REFERENCES org_unit (id),
    title        VARCHAR(500)  NOT NULL,
    period       VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE target (
    id              BIGINT         NOT NULL PRIMARY KEY,
    indicator_id    BIGINT         NOT NULL REFERENCES indicator (id),
    org_unit_id     BIGINT         NOT NULL REFERENCES org_unit (id),
    period          VARCHAR(20)    NOT NULL,
    start_month     INTEGER        NOT NULL,
    end_month       INTEGER        NOT NULL,
    target_value    NUMERIC(24, 6) NOT NULL,
    tolerance       NUMERIC(24, 6),
    baseline_period VARCHAR(20),
    baseline_value  NUMERIC(24, 6),
    plan_id         BIGINT         REFERENCES plan (id),
    title           VARCHAR(500),
    source          VARCHAR(4000),
    note            VARCHAR(4000),
    version         BIGINT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_target UNIQUE (indicator_id, org_unit_id, period)
);
CREATE INDEX ix_target_org_unit ON target (org_unit_id, start_month);
CREATE INDEX ix_target_plan ON target (plan_id);

CREATE TABLE target_milestone (
    target_id        BIGINT         NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    period           VARCHAR(20)    NOT NULL,
    milestone_value  NUMERIC(24, 6) NOT NULL,
    PRIMARY KEY (target_id, period)
);

CREATE TABLE observation (
    id            BIGINT         NOT NULL PRIMARY KEY,
    indicator_id  BIGINT         NOT NULL REFERENCES indicator (id),
    org_unit_id   BIGINT         NOT NULL REFERENCES org_unit (id),
    period        VARCHAR(20)    NOT NULL,
    start_month   INTEGER        NOT NULL,
    end_month     INTEGER        NOT NULL,
    obs_value     NUMERIC(24, 6) NOT NULL,
    status        VARCHAR(12)    NOT NULL,
    comment       VARCHAR(2000),
    revision      INTEGER        NOT NULL,
    deleted       BOOLEAN        NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(200)   NOT NULL,
    CONSTRAINT uk_observation UNIQUE (indicator_id, org_unit_id, period)
);
CREATE INDEX ix_observation_figures ON observation (org_unit_id, indicator_id, start_month);

CREATE TABLE observation_revision (
    id              BIGINT         NOT NULL PRIMARY KEY,
    observation_id  BIGINT         NOT NULL REFERENCES observation (id),
    revision        INTEGER        NOT NULL,
    operation       VARCHAR(10)    NOT NULL,
    obs_value       NUMERIC(24, 6) NOT NULL,
    status          VARCHAR(12)    NOT NULL,
    comment         VARCHAR(2000),
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by      VARCHAR(200)   NOT NULL,
    CONSTRAINT uk_observation_revision UNIQUE (observation_id, revision)
);

-- One row whose version every write transaction bumps first: it serialises writers (consecutive
-- revisions, no lost updates) and tells dashboards in one cheap read whether anything changed.
CREATE TABLE data_version (
    id       INTEGER NOT NULL PRIMARY KEY,
    version  BIGINT  NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
