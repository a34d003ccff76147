-- DESIGN §1/§7: a unit may open or close (撤并) in a month; outside [opened, closed] it expects nothing but keeps its
-- history. Months are stored as the period index used everywhere else (year * 12 + month - 1); null: open-ended.
ALTER TABLE org_unit ADD COLUMN opened_month INTEGER;
ALTER TABLE org_unit ADD COLUMN closed_month INTEGER;
