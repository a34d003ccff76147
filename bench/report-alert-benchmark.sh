#!/usr/bin/env bash
# Issue 33: what reports and alerts cost. The packaged service (H2 by default, DB=postgres for PostgreSQL) with a
# prefecture of 10 counties × 20 schools, 50 monthly indicators (40 sums, 10 rates), a 2026 target for each at the
# prefecture and at every county (550 targets; about half off track by March, so about 25 charts a county), and
# January–March figures at every school (30,000 cells). Measured in one run:
#   1. a county's March 月报 (50 targets, 20 schools, charts) as PDF, asked → DONE, ROUNDS times; the same as HTML and
#      the county's dashboard as baselines; the service's RSS sampled every 20 ms while the PDFs are made;
#   2. the prefecture's March 月报 (its 50 targets over 200 schools, the 10 counties' reporting and rankings) as PDF;
#   3. the dashboard of a county, 200 cold GETs (a write before each), alone and while 10 county PDFs are queued;
#   4. alert latency: a DingTalk-like receiver (checks the signature) subscribed IMMEDIATE to a county's status
#      changes; a school's figure flips a target between 已完成 and 落后, ROUNDS times; commit (PUT answered) →
#      message received;
#   5. one atomic batch that moves 200 county targets off track → messages the prefecture's channel receives.
#   bench/report-alert-benchmark.sh                  # ROUNDS=20, H2
#   SKIP_BUILD=1 DB=postgres bench/report-alert-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-20} PORT=${PORT:-8096} RECEIVER=${RECEIVER:-8097} DB=${DB:-h2}
WORK=$(mktemp -d /tmp/zhibiao-reports.XXXX)
ADMIN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
KIND=h2; [ "$DB" = postgres ] && KIND=postgresql
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=$KIND
fi
cp -r target/quarkus-app "$WORK/app"
ENV=(ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$ADMIN QUARKUS_HTTP_PORT=$PORT ZHIBIAO_ALERTS_POLL_INTERVAL=250ms)
if [ "$DB" = postgres ]; then
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS zhibiao_reports" -c "CREATE DATABASE zhibiao_reports"
  ENV+=(QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_reports QUARKUS_DATASOURCE_USERNAME=postgres)
fi
(cd "$WORK" && exec env "${ENV[@]}" java -Xmx1g -jar "$WORK/app/quarkus-run.jar" > service.log 2>&1) &
trap 'pkill -f "$WORK/app/quarkus-run.jar" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.3; done
PID=$(pgrep -f "$WORK/app/quarkus-run.jar" | head -1)
python3 - "$PORT" "$ADMIN" "$ROUNDS" "$PID" "$RECEIVER" <<'PY'
import base64, hashlib, hmac, json, sys, threading, time, urllib.parse, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, admin, rounds, pid, rport = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
B = f"http://localhost:{port}/api/v1"
SECRET = "SECbench"
def call(method, path, body=None, ctype="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(B + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + admin, "Content-Type": ctype})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read(); status = r.status
    except urllib.error.HTTPError as e:
        text = e.read(); status = e.code
    return status, (time.perf_counter() - t) * 1000, text
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]
def rss():
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024

received, refused = [], []
class Robot(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        ts = q.get("timestamp", "0")
        sign = base64.b64encode(hmac.new(SECRET.encode(), f"{ts}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
        ok = q.get("sign") == sign and abs(time.time() * 1000 - int(ts)) < 3600_000
        (received if ok else refused).append((time.perf_counter(), json.loads(body)))
        answer = b'{"errcode":0,"errmsg":"ok"}' if ok else b'{"errcode":310000,"errmsg":"sign not match"}'
        self.send_response(200); self.send_header("Content-Length", str(len(answer))); self.end_headers()
        self.wfile.write(answer)
    def log_message(self, *a): pass
server = ThreadingHTTPServer(("127.0.0.1", rport), Robot)
threading.Thread(target=server.serve_forever, daemon=True).start()

rows = ["code,name,type,parentCode", "pref,青禾市,PREFECTURE,"]
for c in range(10):
    rows.append(f"c{c},第{c}县,COUNTY,pref")
    for s in range(20):
        rows.append(f"c{c}s{s},第{c}县第{s}学校,SCHOOL,c{c}")
assert call("POST", "/org-units/batch", "\n".join(rows).encode(), "text/csv; charset=utf-8")[0] == 200
for i in range(50):
    rate = i >= 40
    call("POST", "/indicators", {"code": f"i{i}", "name": (f"比率{i}" if rate else f"指标{i}"), "unit": "%" if rate else "人次",
         "valueType": "PERCENT" if rate else "INTEGER", "direction": "INCREASE", "aggregation": "LAST" if rate else "SUM"})
    for unit in ["pref"] + [f"c{c}" for c in range(10)]:
        scale = 200 if unit == "pref" else 20
        value = 80 if rate else (scale * 30 * 12 * (1 if i % 2 == 0 else 3)) // 10  # odd sums off track by March
        assert call("POST", "/targets", {"indicatorCode": f"i{i}", "orgUnitCode": unit, "period": "2026", "value": value,
                                         "leadUnit": "基础教育股"})[0] == 201
for j in range(50):  # for the bulk step: targets at c4–c7 only the last batches give figures to
    call("POST", "/indicators", {"code": f"j{j}", "name": f"专项{j}", "unit": "人次", "valueType": "INTEGER",
         "direction": "INCREASE", "aggregation": "SUM"})
    for c in (4, 5, 6, 7):
        assert call("POST", "/targets", {"indicatorCode": f"j{j}", "orgUnitCode": f"c{c}", "period": "2026", "value": 1200})[0] == 201
figures = ["indicatorCode,orgUnitCode,period,value"]
for c in range(10):
    for s in range(20):
        for i in range(50):
            for m in (1, 2, 3):
                figures.append(f"i{i},c{c}s{s},2026-0{m},{70 + s % 20 if i >= 40 else 30}")
assert call("POST", "/observations/batch", "\n".join(figures).encode(), "text/csv; charset=utf-8")[0] == 200
for i in range(0, 50, 5):
    call("PUT", f"/targets/{i + 1}/commentary/2026-03", {"progress": "一季度按计划推进。", "problems": "个别学校进度偏慢。", "nextSteps": "逐校督办。"})

def iso(text):
    from datetime import datetime
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
def report(unit, fmt, sample=None):
    t = time.perf_counter()
    s, _, text = call("POST", "/reports", {"orgUnitCode": unit, "period": "2026-03", "format": fmt})
    assert s == 202, (s, text)
    rid = json.loads(text)["id"]
    while True:
        if sample is not None: sample.append(rss())
        s, _, text = call("GET", f"/reports/{rid}")
        r = json.loads(text)
        if r["state"] in ("DONE", "FAILED"):
            assert r["state"] == "DONE", r
            made = (iso(r["finishedAt"]) - iso(r["startedAt"])) * 1000
            return (time.perf_counter() - t) * 1000, r, made
        time.sleep(0.02)

report("c0", "pdf")  # warm-up: the font read once, templates and classes loaded
base_rss = rss()
pdf_ms, html_ms, dash_ms, samples = [], [], [], []
made_pdf, made_html = [], []
for r in range(rounds):
    ms, rep, made = report("c0", "pdf", samples); pdf_ms.append(ms); made_pdf.append(made)
    ms, _, made = report("c0", "html"); html_ms.append(ms); made_html.append(made)
    call("PUT", "/observations/i0/c9s19/2026-06", {"value": r})
    s, ms, _ = call("GET", "/dashboard?orgUnit=c0&period=2026&asOf=2026-03"); assert s == 200; dash_ms.append(ms)
pages = rep["size"]
pref_ms, pref, pref_made = report("pref", "pdf")
print(f"county 月报 PDF (50 targets, 20 schools, 25 charts): made in p50 {pct(made_pdf, 50):.0f} ms, max {max(made_pdf):.0f} ms; asked → DONE p50 {pct(pdf_ms, 50):.0f} ms, max {max(pdf_ms):.0f} ms ({pages} bytes)")
print(f"  baseline: the same as HTML made in p50 {pct(made_html, 50):.0f} ms; the county's dashboard, cold, p50 {pct(dash_ms, 50):.1f} ms")
print(f"  PDF / HTML: {pct(made_pdf, 50) / pct(made_html, 50):.2f}x; RSS before {base_rss:.0f} MB, highest while generating {max(samples):.0f} MB (growth {max(samples) - base_rss:.0f} MB)")
print(f"prefecture 月报 PDF (50 targets over 200 schools, 10 counties' reporting and rankings): made in {pref_made:.0f} ms, asked → DONE {pref_ms:.0f} ms ({pref['size']} bytes)")

def dashboards(n):
    out = []
    for k in range(n):
        call("PUT", "/observations/i0/c9s18/2026-07", {"value": k})
        s, ms, _ = call("GET", "/dashboard?orgUnit=c1&period=2026&asOf=2026-03"); assert s == 200; out.append(ms)
    return out
alone = dashboards(100)
ids = []
for k in range(10):
    s, _, text = call("POST", "/reports", {"orgUnitCode": f"c{k}", "period": "2026-03", "format": "pdf"}); assert s == 202
    ids.append(json.loads(text)["id"])
busy = dashboards(100)
left = sum(1 for i in ids if json.loads(call("GET", f"/reports/{i}")[2])["state"] != "DONE")
print(f"county dashboard, cold, alone: p50 {pct(alone, 50):.1f} ms, p95 {pct(alone, 95):.1f} ms; with 10 PDFs queued: p50 {pct(busy, 50):.1f} ms, p95 {pct(busy, 95):.1f} ms ({left} of 10 still queued or running at the end)")
print(f"  with reports / alone: p50 {pct(busy, 50) / pct(alone, 50):.2f}x, p95 {pct(busy, 95) / pct(alone, 95):.2f}x")
while any(json.loads(call("GET", f"/reports/{i}")[2])["state"] in ("QUEUED", "RUNNING") for i in ids):
    time.sleep(0.2)

s, _, text = call("POST", "/alert-channels", {"name": "县局群", "type": "DINGTALK", "orgUnitCode": "c2",
                  "url": f"http://127.0.0.1:{rport}/robot/send?access_token=bench", "secret": SECRET}); assert s == 201, text
ch = json.loads(text)["id"]
assert call("POST", "/alert-subscriptions", {"channel": ch, "orgUnitCode": "c2", "events": ["TARGET_STATUS_CHANGED"]})[0] == 201
# Target i1 of c2: 2,160 for the year, 1,800 reported by March (AT_RISK at the last complete month). A school's
# January of 1,500 instead of 30 achieves it; 30 again puts it back at risk: a transition each time.
call("PUT", "/observations/i1/c2s0/2026-01", {"value": 1500}); time.sleep(1.5)
latency = []
for r in range(rounds):
    before = len(received)
    value = 30 if r % 2 == 0 else 1500
    t0 = time.perf_counter()
    s, ms, _ = call("PUT", "/observations/i1/c2s0/2026-01", {"value": value}); assert s in (200, 201)
    committed = t0 + ms / 1000
    deadline = time.time() + 10
    while len(received) == before and time.time() < deadline: time.sleep(0.005)
    assert len(received) > before, "no message within 10 s"
    latency.append((received[before][0] - committed) * 1000)
    time.sleep(0.3)
print(f"alert latency, commit → DingTalk receiver (IMMEDIATE, poll 250 ms), {rounds} transitions: p50 {pct(latency, 50):.0f} ms, p99 {pct(latency, 99):.0f} ms, max {max(latency):.0f} ms; refused signatures {len(refused)}")

s, _, text = call("POST", "/alert-channels", {"name": "市局群", "type": "DINGTALK", "orgUnitCode": "pref",
                  "url": f"http://127.0.0.1:{rport}/robot/send?access_token=pref", "secret": SECRET}); assert s == 201
pch = json.loads(text)["id"]
assert call("POST", "/alert-subscriptions", {"channel": pch, "orgUnitCode": "pref", "events": ["TARGET_STATUS_CHANGED"]})[0] == 201
def batch(value):
    rows = ["indicatorCode,orgUnitCode,period,value"]
    for c in (4, 5, 6, 7):
        for j in range(50):
            rows.append(f"j{j},c{c}s0,2026-01,{value}")
    s, ms, text = call("POST", "/observations/batch", "\n".join(rows).encode(), "text/csv; charset=utf-8"); assert s == 200, text
# First every county target of c4–c7 achieved (remembered: nothing slipped, no message), then all of them back off track.
batch(5000); time.sleep(3)
before = len(received)
batch(1); time.sleep(4)
got = received[before:]
import re
lines = sum(int(re.search(r"（(\d+) 项）", m["markdown"]["title"]).group(1)) for _, m in got)
print(f"one atomic batch (200 rows: 4 counties × 50 indicators) that moves {lines} targets off track: {len(got)} message(s) to the prefecture's channel (+ c2's channel, not subscribed to c4–c7)")
PY
