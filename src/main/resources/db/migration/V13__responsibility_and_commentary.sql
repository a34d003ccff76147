-- DESIGN §8: who answers for a target (责任单位, 协办单位, 责任人), and the commentary per target and period
-- (进展情况, 存在问题, 下步措施) with every version kept.
ALTER TABLE target ADD COLUMN lead_unit VARCHAR(200);
ALTER TABLE target ADD COLUMN co_units VARCHAR(2000);
ALTER TABLE target ADD COLUMN responsible VARCHAR(100);

CREATE SEQUENCE commentary_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE target_commentary (
    id           BIGINT        NOT NULL PRIMARY KEY,
    target_id    BIGINT        NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    period       VARCHAR(20)   NOT NULL,
    start_month  INTEGER       NOT NULL,
    end_month    INTEGER       NOT NULL,
    revision     INTEGER       NOT NULL,
    progress     VARCHAR(4000),
    problems     VARCHAR(4000),
    next_steps   VARCHAR(4000),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(200)  NOT NULL,
    CONSTRAINT uk_commentary UNIQUE (target_id, start_month, end_month, revision)
);
CREATE INDEX ix_commentary_target_period ON target_commentary (target_id, start_month, end_month);
