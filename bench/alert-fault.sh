#!/usr/bin/env bash
# Issue 33: a committed change is told once, whatever happens to the service in between. The packaged service (H2)
# with a county, a school and a target; a DingTalk-like receiver that checks signatures; a subscription to the county's
# status changes. Two kills:
#   A. kill -9 right after a PUT that moves the target off track is answered (before the dispatcher has looked), then
#      restart: the message arrives, once.
#   B. the receiver down, a PUT that moves the target back on track, the delivery tried and refused, kill -9, receiver
#      up, restart: the message arrives, once, with the failed tries listed before it.
#   bench/alert-fault.sh            (SKIP_BUILD=1 to use target/quarkus-app as it is)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8098} RECEIVER=${RECEIVER:-8099}
WORK=$(mktemp -d /tmp/zhibiao-alert-fault.XXXX)
ADMIN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q package -DskipTests
cp -r target/quarkus-app "$WORK/app"
start() {
  (cd "$WORK" && exec env ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$ADMIN QUARKUS_HTTP_PORT=$PORT ZHIBIAO_ALERTS_POLL_INTERVAL=1s \
    ZHIBIAO_ALERTS_FIRST_RETRY=1s java -jar "$WORK/app/quarkus-run.jar" >> service.log 2>&1) &
  until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.2; done
}
kill9() { pkill -9 -f "$WORK/app/quarkus-run.jar"; sleep 0.5; }
trap 'pkill -9 -f "$WORK/app/quarkus-run.jar" 2>/dev/null || true; [ -n "${RPID:-}" ] && kill $RPID 2>/dev/null || true' EXIT
receiver() {
  python3 - "$RECEIVER" "$WORK/received.txt" alert-fault-receiver <<'PY' &
import base64, hashlib, hmac, json, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, out = int(sys.argv[1]), sys.argv[2]
class Robot(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        sign = base64.b64encode(hmac.new(b"SECfault", f"{q.get('timestamp')}\nSECfault".encode(), hashlib.sha256).digest()).decode()
        ok = q.get("sign") == sign
        if ok:
            with open(out, "a") as f: f.write(json.loads(body)["markdown"]["text"].replace("\n", " ") + "\n")
        answer = b'{"errcode":0,"errmsg":"ok"}' if ok else b'{"errcode":310000,"errmsg":"sign not match"}'
        self.send_response(200); self.send_header("Content-Length", str(len(answer))); self.end_headers(); self.wfile.write(answer)
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", port), Robot).serve_forever()
PY
  RPID=$!
  sleep 0.5
}
B=http://localhost:$PORT/api/v1 A="Authorization: Bearer $ADMIN" J='Content-Type: application/json'
YEAR=$(date -d "$(date +%Y-%m-01) -1 month" +%Y)
put() { curl -sf -o /dev/null -H "$A" -H "$J" -XPUT "$B/observations/ft/school/$YEAR-01" -d "{\"value\": $1}"; }
messages() { [ -f "$WORK/received.txt" ] && wc -l < "$WORK/received.txt" || echo 0; }
start
curl -sf -o /dev/null -H "$A" -H "$J" -XPOST $B/org-units -d '{"code": "county", "name": "青禾县", "type": "COUNTY"}'
curl -sf -o /dev/null -H "$A" -H "$J" -XPOST $B/org-units -d '{"code": "school", "name": "一中", "type": "SCHOOL", "parentCode": "county"}'
curl -sf -o /dev/null -H "$A" -H "$J" -XPOST $B/indicators -d '{"code": "ft", "name": "教师培训", "unit": "人次", "valueType": "INTEGER", "direction": "INCREASE", "aggregation": "SUM"}'
curl -sf -o /dev/null -H "$A" -H "$J" -XPOST $B/targets -d "{\"indicatorCode\": \"ft\", \"orgUnitCode\": \"county\", \"period\": \"$YEAR\", \"value\": 1200}"
put 1500
C=$(curl -sf -H "$A" -H "$J" -XPOST $B/alert-channels -d "{\"name\": \"县局群\", \"type\": \"DINGTALK\", \"orgUnitCode\": \"county\",
  \"url\": \"http://127.0.0.1:$RECEIVER/robot/send?access_token=fault\", \"secret\": \"SECfault\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sf -o /dev/null -H "$A" -H "$J" -XPOST $B/alert-subscriptions -d "{\"channel\": $C, \"orgUnitCode\": \"county\", \"events\": [\"TARGET_STATUS_CHANGED\"]}"
put 1600; sleep 2.5   # remembered as 已完成 (nothing slipped: no message)
receiver
echo "A. kill -9 right after the PUT that moves the target off track is answered"
put 10; kill9
echo "   messages before the restart: $(messages)"
start; for i in $(seq 50); do [ "$(messages)" -ge 1 ] && break; sleep 0.2; done; sleep 3
echo "   messages after the restart: $(messages) (expected 1): $(tail -1 "$WORK/received.txt" | cut -c1-120)"
kill $RPID; sleep 0.5
echo "B. receiver down; the PUT that moves the target back on track; tried and refused; kill -9; receiver up; restart"
put 1500; sleep 4
curl -sf -H "$A" "$B/alert-deliveries?channel=$C&status=PENDING" | python3 -c 'import json,sys; d=json.load(sys.stdin)
print("   pending:", d["total"], "tries so far:", [t["answer"][:40] for t in d["items"][0]["tries"]] if d["items"] else [])'
kill9; receiver; start
for i in $(seq 100); do [ "$(messages)" -ge 2 ] && break; sleep 0.2; done; sleep 3
echo "   messages after the restart: $(messages) (expected 2): $(tail -1 "$WORK/received.txt" | cut -c1-120)"
curl -sf -H "$A" "$B/alert-deliveries?channel=$C" | python3 -c 'import json,sys; d=json.load(sys.stdin)
for x in d["items"]: print("   delivery", x["id"], x["status"], x["attempts"], "tries:", [t["outcome"] for t in x["tries"]])'
test "$(messages)" = 2
