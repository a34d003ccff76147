-- DESIGN §7: figures of a period are due dueDays days after it ends; null: zhibiao.reporting.due-days.
ALTER TABLE indicator ADD COLUMN due_days INTEGER;
