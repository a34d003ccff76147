#!/usr/bin/env bash
# Issue 32: what the reporting cycle costs. The packaged service (H2 by default, DB=postgres for PostgreSQL) with a
# province of 10 prefectures × 10 counties × 20 schools and 50 monthly indicators (10,000 expected cells per prefecture
# for a month, 100,000 for the province, all filled) and 5 validation rules over indicator i10.
# Measured, each ROUNDS times, in one run: GET /reporting-status of a prefecture and of the province, cold after a write
# (the write changes the data version, so nothing is reused), against the baseline GET /dashboard of the prefecture,
# cold after a write too; GET /validation-results of a county cold after a write; a PUT of a cell 5 rules read against a
# PUT of a cell no rule reads, interleaved; then submit and approve of every school-month of one prefecture.
#   bench/reporting-benchmark.sh                 # ROUNDS=50, H2
#   SKIP_BUILD=1 DB=postgres bench/reporting-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-50} PORT=${PORT:-8095} DB=${DB:-h2}
WORK=$(mktemp -d /tmp/zhibiao-reporting.XXXX)
ADMIN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
KIND=h2; [ "$DB" = postgres ] && KIND=postgresql
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=$KIND
fi
cp -r target/quarkus-app "$WORK/app"
ENV=(ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$ADMIN QUARKUS_HTTP_PORT=$PORT)
if [ "$DB" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS zhibiao_reporting" -c "CREATE DATABASE zhibiao_reporting"
  ENV+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_reporting QUARKUS_DATASOURCE_USERNAME=postgres)
fi
(cd "$WORK" && env "${ENV[@]}" java -Xmx1g -jar "$WORK/app/quarkus-run.jar" > service.log 2>&1) &
trap 'pkill -f "$WORK/app/quarkus-run.jar" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.3; done
python3 - "$PORT" "$ADMIN" "$ROUNDS" <<'PY'
import json, sys, time, urllib.request
port, admin, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
B = f"http://localhost:{port}/api/v1"
def call(method, path, body=None, ctype="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(B + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + admin, "Content-Type": ctype})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req) as r:
            r.read(); status = r.status
    except urllib.error.HTTPError as e:
        e.read(); status = e.code
    return status, (time.perf_counter() - t) * 1000
rows = ["code,name,type,parentCode", "prov,某省教育厅,PROVINCE,"]
for p in range(10):
    rows.append(f"p{p},第{p}市,PREFECTURE,prov")
    for c in range(10):
        rows.append(f"p{p}c{c},第{p}市第{c}县,COUNTY,p{p}")
        for s in range(20):
            rows.append(f"p{p}c{c}s{s},第{p}市第{c}县第{s}学校,SCHOOL,p{p}c{c}")
assert call("POST", "/org-units/batch", "\n".join(rows).encode(), "text/csv; charset=utf-8")[0] == 200
for i in range(50):
    call("POST", "/indicators", {"code": f"i{i}", "name": f"指标{i}", "unit": "人", "valueType": "INTEGER",
                                 "direction": "INCREASE", "aggregation": "SUM"})
    call("POST", "/targets", {"indicatorCode": f"i{i}", "orgUnitCode": "prov", "period": "2027", "value": 1000})
rules = [("i10", "<=", "i11 + 1000", "BLOCK"), ("i10", ">=", "i12 - 1000", "BLOCK"), ("i10 + i13", "<=", "100000", "BLOCK"),
         ("i10", "<=", "3 * lastYear(i10) + 100", "WARN"), ("i10 * 2", ">=", "prev(i10) - 50", "WARN")]
for n, (left, op, right, severity) in enumerate(rules):
    assert call("POST", "/validation-rules", {"code": f"r{n}", "name": f"规则{n}", "orgUnitCode": "prov", "left": left,
                                              "operator": op, "right": right, "severity": severity})[0] == 201
for p in range(10):
    figures = ["indicatorCode,orgUnitCode,period,value"]
    for c in range(10):
        for s in range(20):
            for i in range(50):
                figures.append(f"i{i},p{p}c{c}s{s},2027-03,{i + s}")
    assert call("POST", "/observations/batch", "\n".join(figures).encode(), "text/csv; charset=utf-8")[0] == 200
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
status_ms, province_ms, dash_ms, results_ms, ruled_ms, plain_ms = [], [], [], [], [], []
for r in range(rounds):
    call("PUT", "/observations/i0/p0c0s0/2027-04", {"value": r})
    s, ms = call("GET", "/reporting-status?orgUnit=p0&period=2027-03&asOf=2027-04-08"); assert s == 200; status_ms.append(ms)
    call("PUT", "/observations/i0/p0c0s0/2027-04", {"value": r + 1000})
    s, ms = call("GET", "/reporting-status?orgUnit=prov&period=2027-03&asOf=2027-04-08"); assert s == 200; province_ms.append(ms)
    call("PUT", "/observations/i0/p0c0s0/2027-04", {"value": r + 2000})
    s, ms = call("GET", "/dashboard?orgUnit=p0&period=2027&asOf=2027-03"); assert s == 200; dash_ms.append(ms)
    call("PUT", "/observations/i0/p0c0s0/2027-04", {"value": r + 3000})
    s, ms = call("GET", "/validation-results?orgUnit=p0c0&period=2027-03"); assert s == 200; results_ms.append(ms)
    s, ms = call("PUT", "/observations/i10/p0c0s1/2027-05", {"value": 10 + r % 50}); assert s in (200, 201), s; ruled_ms.append(ms)
    s, ms = call("PUT", "/observations/i40/p0c0s1/2027-05", {"value": 10 + r % 50}); assert s in (200, 201), s; plain_ms.append(ms)
submit_ms, approve_ms = [], []
for c in range(10):
    for s in range(20):
        st, ms = call("POST", f"/submissions/p0c{c}s{s}/2027-03/submit"); assert st == 200, st; submit_ms.append(ms)
        st, ms = call("POST", f"/submissions/p0c{c}s{s}/2027-03/approve", {"reason": "ok"}); assert st == 200, st; approve_ms.append(ms)
print(f"reporting-status, prefecture (10,000 cells), cold after a write: p50 {pct(status_ms, 50):.1f} ms, p99 {pct(status_ms, 99):.1f} ms")
print(f"reporting-status, province (100,000 cells), cold after a write: p50 {pct(province_ms, 50):.1f} ms, p99 {pct(province_ms, 99):.1f} ms")
print(f"baseline dashboard of the prefecture (50 targets), cold after a write: p50 {pct(dash_ms, 50):.1f} ms, p99 {pct(dash_ms, 99):.1f} ms")
print(f"  prefecture status / dashboard: p50 {pct(status_ms, 50) / pct(dash_ms, 50):.2f}x, p99 {pct(status_ms, 99) / pct(dash_ms, 99):.2f}x")
print(f"validation-results of a county (20 schools, 5 rules), cold after a write: p50 {pct(results_ms, 50):.1f} ms, p99 {pct(results_ms, 99):.1f} ms")
print(f"PUT of a cell 5 rules read: p50 {pct(ruled_ms, 50):.2f} ms, p99 {pct(ruled_ms, 99):.2f} ms")
print(f"PUT of a cell no rule reads (baseline): p50 {pct(plain_ms, 50):.2f} ms, p99 {pct(plain_ms, 99):.2f} ms")
print(f"  with rules / without: p50 {pct(ruled_ms, 50) / pct(plain_ms, 50):.2f}x")
print(f"submit one school-month (BLOCK rules checked): p50 {pct(submit_ms, 50):.1f} ms, p99 {pct(submit_ms, 99):.1f} ms")
print(f"approve one school-month: p50 {pct(approve_ms, 50):.1f} ms, p99 {pct(approve_ms, 99):.1f} ms")
PY
