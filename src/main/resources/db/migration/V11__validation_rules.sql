-- DESIGN §7, validation rules: a comparison of two expressions over indicator codes, checked in the subtree of the
-- rule's org unit. The expressions are stored in their canonical text (codes, not names); validation_rule_indicator
-- lists every indicator a rule reads (derived ones with their components), so a write finds the rules it touches with
-- one indexed lookup and an indicator a rule reads cannot be deleted.
CREATE SEQUENCE validation_rule_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE validation_rule (
    id              BIGINT         NOT NULL PRIMARY KEY,
    code            VARCHAR(64)    NOT NULL,
    name            VARCHAR(200)   NOT NULL,
    org_unit_id     BIGINT         NOT NULL REFERENCES org_unit (id),
    left_expr       VARCHAR(2000)  NOT NULL,
    operator        VARCHAR(2)     NOT NULL,
    right_expr      VARCHAR(2000)  NOT NULL,
    tolerance       NUMERIC(30, 10),
    severity        VARCHAR(5)     NOT NULL,
    missing_values  VARCHAR(20)    NOT NULL,
    applies_to      VARCHAR(200),
    message         VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(200)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(200)   NOT NULL,
    CONSTRAINT uk_validation_rule_code UNIQUE (code)
);
CREATE INDEX ix_validation_rule_org_unit ON validation_rule (org_unit_id);

CREATE TABLE validation_rule_indicator (
    rule_id       BIGINT NOT NULL REFERENCES validation_rule (id) ON DELETE CASCADE,
    indicator_id  BIGINT NOT NULL REFERENCES indicator (id),
    PRIMARY KEY (rule_id, indicator_id)
);
CREATE INDEX ix_validation_rule_indicator ON validation_rule_indicator (indicator_id);
