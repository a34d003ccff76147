-- A plan keeps the text it was written in, so that its targets can be extracted again and traced to their sentence.
-- Plans had no API before this version, so the table is empty and the new columns can be NOT NULL at once.
ALTER TABLE plan ADD COLUMN plan_text VARCHAR(1000000) NOT NULL;
ALTER TABLE plan ADD COLUMN start_month INTEGER NOT NULL;
ALTER TABLE plan ADD COLUMN end_month INTEGER NOT NULL;
ALTER TABLE plan ADD COLUMN created_by VARCHAR(200);
CREATE INDEX ix_plan_org_unit ON plan (org_unit_id);
