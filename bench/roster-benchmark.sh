#!/usr/bin/env bash
# Issue 31: a province's roster in one request. The packaged service (H2 by default; DB=postgres for PostgreSQL)
# gets a CSV of ROWS units (default 20,000: 1 province, 14 prefectures, 100 counties, 400 学区, the rest schools, in
# shuffled order so that parents come after their children), then the same file again (all unchanged). Baseline in
# the same run: BASELINE units (default 500) created one POST at a time; reported as milliseconds per unit and as the
# ratio of the two.
#   bench/roster-benchmark.sh               # ROWS=20000 BASELINE=500, H2
#   SKIP_BUILD=1 DB=postgres bench/roster-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-20000} BASELINE=${BASELINE:-500} PORT=${PORT:-8096} DB=${DB:-h2}
WORK=$(mktemp -d /tmp/zhibiao-roster.XXXX)
ADMIN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
KIND=h2; [ "$DB" = postgres ] && KIND=postgresql
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== Building the $KIND package"
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=$KIND
fi
cp -r target/quarkus-app "$WORK/app"
ENV=(ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$ADMIN QUARKUS_HTTP_PORT=$PORT ZHIBIAO_SECURITY_MAX_BODY_BYTES=33554432)
if [ "$DB" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS zhibiao_roster" -c "CREATE DATABASE zhibiao_roster"
  ENV+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_roster QUARKUS_DATASOURCE_USERNAME=postgres)
fi
(cd "$WORK" && env "${ENV[@]}" java -Xmx1g -jar "$WORK/app/quarkus-run.jar" > service.log 2>&1) &
trap 'pkill -f "$WORK/app/quarkus-run.jar" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.3; done
python3 - "$ROWS" > "$WORK/roster.csv" <<'PY'
import random, sys
rows = int(sys.argv[1]); out = []
out.append(("prov", "某省教育厅", "PROVINCE", ""))
for p in range(14):
    out.append((f"pref{p}", f"第{p}市州教育局", "市州", "prov"))
for c in range(100):
    out.append((f"cty{c}", f"第{c}县教育局", "县", f"pref{c % 14}"))
for t in range(400):
    out.append((f"xq{t}", f"第{t}学区", "学区", f"cty{t % 100}"))
for s in range(rows - len(out)):
    out.append((f"s{s}", f"第{s}学校", "学校", f"xq{s % 400}"))
random.seed(31); body = out[1:]; random.shuffle(body)
print("单位代码,单位名称,类型,上级代码")
for r in [out[0]] + body: print(",".join(r))
PY
B=http://localhost:$PORT/api/v1
echo "== Baseline: $BASELINE units, one POST each"
curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -XPOST $B/org-units \
  -d '{"code":"base","name":"基准县","type":"COUNTY"}'
T0=$(date +%s%N)
for i in $(seq 1 "$BASELINE"); do
  printf 'url = "%s/org-units"\nrequest = "POST"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata = "{\\"code\\":\\"b%s\\",\\"name\\":\\"基准学校%s\\",\\"type\\":\\"SCHOOL\\",\\"parentCode\\":\\"base\\"}"\noutput = /dev/null\nnext\n' "$B" "$ADMIN" "$i" "$i"
done > "$WORK/posts.cfg"
sed -i '$ d' "$WORK/posts.cfg"  # no "next" after the last request
curl -fsS --parallel-max 1 -K "$WORK/posts.cfg"
T1=$(date +%s%N)
BASE_MS=$(( (T1 - T0) / 1000000 ))
echo "   $BASELINE single POSTs: ${BASE_MS} ms"
post() {
  curl -sS -o "$WORK/summary.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: text/csv; charset=utf-8' --data-binary @"$WORK/roster.csv" "$B/org-units/batch"
}
echo "== Roster: $ROWS rows in one CSV"
FIRST=$(post); cat "$WORK/summary.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  ", {k: d[k] for k in ("status","received","created","updated","unchanged","rejected")})'
SECOND=$(post); cat "$WORK/summary.json" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  ", {k: d[k] for k in ("status","received","created","updated","unchanged","rejected")})'
python3 - "$ROWS" "$BASELINE" "$BASE_MS" "$FIRST" "$SECOND" <<'PY'
import sys
rows, base, base_ms = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
first, second = (float(x.split()[1]) * 1000 for x in sys.argv[4:6])
per_post = base_ms / base
print(f"   single POST: {per_post:.2f} ms/unit (baseline)")
print(f"   roster, first import:  {first:.0f} ms = {first / rows:.3f} ms/unit = {per_post / (first / rows):.0f}x faster than POSTs")
print(f"   roster, same file again (all unchanged): {second:.0f} ms")
PY
grep "Roster import" "$WORK/service.log" | sed 's/^/   log: /'
