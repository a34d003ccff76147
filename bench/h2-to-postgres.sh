#!/usr/bin/env bash
# Moving a bureau from the embedded H2 to PostgreSQL, end to end, with the packaged jars (issue 17, README "Moving
# from H2 to PostgreSQL"): a county with history on H2 (figures imported and revised, one deleted, a lock, tokens, a
# formula), GET /api/v1/admin/export, a new PostgreSQL database, POST /api/v1/admin/import, then
#   - every row of every table equal (a second export, from PostgreSQL, compared row by row; times as instants),
#   - the county's dashboard the same on both.
#   bench/h2-to-postgres.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/zhibiao-move.XXXX)
TOKEN=move-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
# Both services sign and check exports with the same key (README "Moving from H2 to PostgreSQL").
KEY=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
H2_PORT=8091 PG_PORT=8092

echo "== Building the H2 and the PostgreSQL jars"
./mvnw -B -q package -DskipTests && cp -r target/quarkus-app "$WORK/h2-app"
./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql && cp -r target/quarkus-app "$WORK/pg-app"

start() { # $1 app dir, $2 port, extra env after
  local app=$1 port=$2; shift 2
  (cd "$WORK" && env ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN ZHIBIAO_TRANSFER_KEY=$KEY QUARKUS_HTTP_PORT=$port "$@" \
    java -jar "$app/quarkus-run.jar" >> "$WORK/service-$port.log" 2>&1) &
  until curl -fs "http://localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done
}
api() { local port=$1; shift; curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@" | sed "s|^|  |" >/dev/null; }
url() { echo "http://localhost:$1/api/v1"; }
trap 'pkill -f "$WORK/.*quarkus-run.jar" 2>/dev/null || true' EXIT

start "$WORK/h2-app" $H2_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/h2/zhibiao"
B=$(url $H2_PORT)
api $H2_PORT -XPOST $B/org-units -d '{"code":"anlan","name":"安澜县教育局","type":"COUNTY"}'
for s in $(seq 1 20); do
  api $H2_PORT -XPOST $B/org-units -d "{\"code\":\"anlan-s$s\",\"name\":\"安澜县第${s}中学\",\"type\":\"SCHOOL\",\"parentCode\":\"anlan\"}"
done
api $H2_PORT -XPOST $B/indicators -d '{"code":"sat","name":"高考参考人数","unit":"人","valueType":"INTEGER","direction":"INCREASE","aggregation":"LAST"}'
api $H2_PORT -XPOST $B/indicators -d '{"code":"passed","name":"本科上线人数","unit":"人","valueType":"INTEGER","direction":"INCREASE","aggregation":"LAST"}'
api $H2_PORT -XPOST $B/indicators -d '{"code":"pass-rate","name":"本科上线率","valueType":"PERCENT","direction":"INCREASE","aggregation":"LAST","formula":{"numerator":"passed","denominator":"sat"}}'
api $H2_PORT -XPOST $B/indicators -d '{"code":"training","name":"教师培训","unit":"人次","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM"}'
api $H2_PORT -XPOST $B/targets -d '{"indicatorCode":"pass-rate","orgUnitCode":"anlan","period":"2025","value":75.3,"baseline":{"period":"2024","value":65.3}}'
api $H2_PORT -XPOST $B/targets -d '{"indicatorCode":"training","orgUnitCode":"anlan","period":"2025","value":9200,"milestones":[{"period":"2025-H1","value":4600}]}'
{ echo "indicatorCode,orgUnitCode,period,value"
  for s in $(seq 1 20); do
    echo "sat,anlan-s$s,2025-06,$((100 + s * 7))"; echo "passed,anlan-s$s,2025-06,$((50 + s * 3))"
    for m in 01 02 03 04 05 06; do echo "training,anlan-s$s,2025-$m,$((20 + s))"; done
  done; } > "$WORK/figures.csv"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$WORK/figures.csv" "$B/observations/batch"
sed 's/,2025-03,\([0-9]*\)$/,2025-03,4\1/' "$WORK/figures.csv" > "$WORK/revised.csv" # March revised
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$WORK/revised.csv" "$B/observations/batch"
curl -fsS -o /dev/null -XDELETE -H "Authorization: Bearer $TOKEN" "$B/observations/training/anlan-s20/2025-06"
api $H2_PORT -XPOST $B/locks -d '{"orgUnitCode":"anlan","period":"2025-01"}'
api $H2_PORT -XPOST $B/tokens -d '{"name":"anlan-clerk","role":"CLERK","orgUnitCode":"anlan-s1"}'
DASH="dashboard?orgUnit=anlan&period=2025&asOf=2025-06"
curl -fsS -H "Authorization: Bearer $TOKEN" "$B/$DASH" > "$WORK/dashboard-h2.json"
curl -fsS -H "Authorization: Bearer $TOKEN" "$B/admin/export" > "$WORK/export-h2.ndjson"
pkill -f "$WORK/h2-app/quarkus-run.jar"; sleep 1
echo "H2 export: $(wc -l < "$WORK/export-h2.ndjson") lines, $(du -h "$WORK/export-h2.ndjson" | cut -f1)"

psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_move' -c 'CREATE DATABASE zhibiao_move'
start "$WORK/pg-app" $PG_PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_move QUARKUS_DATASOURCE_USERNAME=postgres
B=$(url $PG_PORT)
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/export-h2.ndjson" "$B/admin/import"; echo
curl -fsS -H "Authorization: Bearer $TOKEN" "$B/$DASH" > "$WORK/dashboard-pg.json"
curl -fsS -H "Authorization: Bearer $TOKEN" "$B/admin/export" > "$WORK/export-pg.ndjson"
# The clerk's token still works on PostgreSQL: tokens travel as hashes, so its secret is the same.

python3 - "$WORK" <<'PY'
import json, sys, datetime
work = sys.argv[1]
def rows(path):
    tables, current, columns = {}, None, []
    for line in open(path, encoding="utf-8"):
        node = json.loads(line)
        if isinstance(node, list):
            tables[current].append(tuple(
                datetime.datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp() if c.endswith("_at") and v else v
                for c, v in zip(columns, node)))
        elif "table" in node:
            current, columns = node["table"], node["columns"]
            tables[current] = []
    return tables
h2, pg = rows(f"{work}/export-h2.ndjson"), rows(f"{work}/export-pg.ndjson")
pg["data_version"] = h2["data_version"]  # the import bumps the version on purpose (answers cached before it)
bad = [t for t in h2 if h2[t] != pg.get(t)]
for t in h2:
    print(f"  {t:22} {len(h2[t]):>6} rows on H2, {len(pg.get(t, [])):>6} on PostgreSQL{'  DIFFERENT' if t in bad else ''}")
d1, d2 = json.load(open(f"{work}/dashboard-h2.json")), json.load(open(f"{work}/dashboard-pg.json"))
print("dashboards:", "equal" if d1 == d2 else "DIFFERENT")
for t in d1["targets"]:
    print(f"  {t.get('indicatorCode')}: actual {t.get('actual')} of {t.get('target')}, status {t.get('status')}")
sys.exit(1 if bad or d1 != d2 else 0)
PY
echo "every row equal, the same dashboard on both: OK ($WORK)"
