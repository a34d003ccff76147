-- Partitioning experiment (issue 17): the figure table of a province (2,000 schools x 50 indicators x 60 months =
-- 6,000,000 rows) stored plain, as the migrations create it, and partitioned by year, then read the way FigureStore
-- reads a county: 20 schools x 50 indicators x two years of months. Run by bench/partitioning-benchmark.sh.
DROP TABLE IF EXISTS fig_plain, fig_by_year CASCADE;
CREATE TABLE fig_plain (
    id BIGINT NOT NULL, indicator_id BIGINT NOT NULL, org_unit_id BIGINT NOT NULL,
    start_month INTEGER NOT NULL, end_month INTEGER NOT NULL, obs_value NUMERIC(24, 6) NOT NULL,
    deleted BOOLEAN NOT NULL, comment VARCHAR(2000), updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_fig_plain PRIMARY KEY (id),
    CONSTRAINT uk_fig_plain UNIQUE (org_unit_id, indicator_id, start_month, end_month));
-- A partitioned table's unique keys must contain the partition key: start_month is in both.
CREATE TABLE fig_by_year (LIKE fig_plain INCLUDING DEFAULTS) PARTITION BY RANGE (start_month);
ALTER TABLE fig_by_year ADD CONSTRAINT pk_fig_by_year PRIMARY KEY (id, start_month);
ALTER TABLE fig_by_year ADD CONSTRAINT uk_fig_by_year UNIQUE (org_unit_id, indicator_id, start_month, end_month);
DO $$ BEGIN
  FOR y IN 2021..2026 LOOP
    EXECUTE format('CREATE TABLE fig_by_year_%s PARTITION OF fig_by_year FOR VALUES FROM (%s) TO (%s)',
                   y, y * 12, (y + 1) * 12);
  END LOOP;
END $$;
-- Schools 1..2000 (county c = (school - 1) / 20), indicators 1..50, months of 2021..2025.
INSERT INTO fig_plain
SELECT row_number() OVER (), i, s, m, m, 50 + (s * m + i) % 100, FALSE, NULL, now()
  FROM generate_series(1, 2000) s, generate_series(1, 50) i, generate_series(2021 * 12, 2025 * 12 + 11) m;
INSERT INTO fig_by_year SELECT * FROM fig_plain;
ANALYZE fig_plain;
ANALYZE fig_by_year;
