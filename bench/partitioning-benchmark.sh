#!/usr/bin/env bash
# Does partitioning the figure table help (issue 17)? Builds, in database zhibiao_part of the local PostgreSQL, the
# province's 6,000,000 figures twice — plain, as the migrations create them, and partitioned by year — and measures
# with pgbench the read FigureStore makes for a county dashboard (20 schools' IN list x 50 indicators x 24 months, a
# random county per query), then one prefecture-year import (120,000 rows) into each, and the sizes.
#   bench/partitioning-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")"
DB=zhibiao_part
DURATION=${DURATION:-20}
psql() { command psql -q -h 127.0.0.1 -U postgres "$@"; }
psql -d test -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
t0=$(date +%s)
psql -d $DB -f partitioning/setup.sql
echo "built both tables in $(($(date +%s) - t0)) s"
query() { # $1: table
  echo '\set c random(0, 99)'
  printf 'SELECT id, indicator_id, org_unit_id, start_month, end_month, obs_value, deleted FROM %s\n' "$1"
  printf ' WHERE deleted = FALSE AND org_unit_id IN (%s)\n' "$(seq -s, 1 20 | sed 's/\([0-9]\+\)/:c * 20 + \1/g')"
  printf '   AND indicator_id IN (%s) AND start_month BETWEEN %d AND %d;\n' "$(seq -s, 1 50)" $((2024 * 12)) $((2025 * 12 + 11))
}
WORK=$(mktemp -d)
for table in fig_plain fig_by_year; do
  query $table > "$WORK/$table.sql"
  pgbench -n -h 127.0.0.1 -U postgres -c 1 -T 5 -f "$WORK/$table.sql" $DB >/dev/null # warm the cache and the plan
  latency=$(pgbench -n -h 127.0.0.1 -U postgres -c 1 -T "$DURATION" -f "$WORK/$table.sql" $DB | awk '/latency average/ {print $4}')
  concurrent=$(pgbench -n -h 127.0.0.1 -U postgres -c 4 -j 2 -T "$DURATION" -f "$WORK/$table.sql" $DB | awk '/^tps/ {print $3}')
  insert=$( { command psql -h 127.0.0.1 -U postgres -d $DB -c '\timing on' -c "INSERT INTO $table
      SELECT 10000000 + row_number() OVER (), i, s, m, m, 1, FALSE, NULL, now()
        FROM generate_series(1, 200) s, generate_series(1, 50) i, generate_series(2026 * 12, 2026 * 12 + 11) m" ; } \
    | awk '/^Time/ {print $2}')
  size=$(command psql -Atq -h 127.0.0.1 -U postgres -d $DB -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid)))
      FROM pg_class c WHERE c.relname = '$table' OR c.relname LIKE '${table}\\_%' AND c.relkind = 'r'")
  echo "| $table | $latency ms | $concurrent q/s | $insert ms | $size |"
done | { echo "| Table (6,000,000 figures) | county read, 1 client, mean | county reads, 4 clients | 120,000-row insert | size with indexes |"; echo "|---|---|---|---|---|"; cat; }
rm -rf "$WORK"
