-- DESIGN §6: how an indicator's values combine across the org tree, and derived indicators.
ALTER TABLE indicator ADD COLUMN rollup VARCHAR(10);
UPDATE indicator SET rollup = CASE WHEN value_type = 'PERCENT' THEN 'NONE' ELSE 'SUM' END;
ALTER TABLE indicator ALTER COLUMN rollup SET NOT NULL;
ALTER TABLE indicator ADD COLUMN formula_numerator_id BIGINT REFERENCES indicator (id);
ALTER TABLE indicator ADD COLUMN formula_denominator_id BIGINT REFERENCES indicator (id);
ALTER TABLE indicator ADD COLUMN formula_factor NUMERIC(24, 6);
-- "N schools in the prefecture's top 10": a count of ranks (DESIGN §6, rankCount).
ALTER TABLE indicator ADD COLUMN rank_indicator_id BIGINT REFERENCES indicator (id);
ALTER TABLE indicator ADD COLUMN rank_within VARCHAR(12);
ALTER TABLE indicator ADD COLUMN rank_type VARCHAR(12);
ALTER TABLE indicator ADD COLUMN rank_top INTEGER;
