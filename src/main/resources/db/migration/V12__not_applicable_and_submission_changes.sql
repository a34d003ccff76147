-- DESIGN §7: a cell marked not applicable (不适用) with a reason. Stored as a revision with no value; the observation row
-- keeps deleted = TRUE, so no reader counts it as a figure (never as 0), and not_applicable = TRUE, so the reporting
-- status counts it apart from missing cells.
ALTER TABLE observation ADD COLUMN not_applicable BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE observation_revision ADD COLUMN not_applicable BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE observation ALTER COLUMN obs_value DROP NOT NULL;
ALTER TABLE observation_revision ALTER COLUMN obs_value DROP NOT NULL;
CREATE INDEX ix_observation_not_applicable ON observation (not_applicable, start_month, end_month);
ALTER TABLE observation_revision ALTER COLUMN operation SET DATA TYPE VARCHAR(20);

-- Every submission transition is on the changes feed (DESIGN §7), numbered from the same change_seq as figures.
ALTER TABLE submission_event ADD COLUMN change_seq BIGINT;
CREATE INDEX ix_submission_event_change_seq ON submission_event (change_seq);

-- When each cell was first written: what the reporting status counts on time or late, read from the row itself instead
-- of the minimum over its revisions (a province's month is 100,000 cells).
ALTER TABLE observation ADD COLUMN first_at TIMESTAMP WITH TIME ZONE;
UPDATE observation SET first_at = (SELECT MIN(r.changed_at) FROM observation_revision r WHERE r.observation_id = observation.id);
