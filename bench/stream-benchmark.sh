#!/usr/bin/env bash
# Issue 30: what open change streams cost. The packaged service on PostgreSQL; first ONE stream idle for IDLE seconds
# (the baseline), then STREAMS streams (default 1,000, from 50 viewer tokens) idle as long, each measured as database
# transactions per second (pg_stat_database) and service RSS; then one PUT, and the time until every stream has it.
#   bench/stream-benchmark.sh                 # STREAMS=1000 IDLE=60
#   SKIP_BUILD=1 STREAMS=200 IDLE=20 bench/stream-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
STREAMS=${STREAMS:-1000} IDLE=${IDLE:-60} PORT=${PORT:-8097} DB=zhibiao_streams
WORK=$(mktemp -d /tmp/zhibiao-streams.XXXX)
ADMIN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== Building the PostgreSQL package"
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
fi
cp -r target/quarkus-app "$WORK/app"
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
[ -n "${LOG_STATEMENTS:-}" ] && psql -q -h 127.0.0.1 -U postgres -d test -c "ALTER DATABASE $DB SET log_statement = 'all'"
(cd "$WORK" && env ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$ADMIN QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres \
  ZHIBIAO_CHANGES_MAX_STREAMS=$((STREAMS + 100)) ZHIBIAO_CHANGES_MAX_STREAMS_PER_TOKEN=$((STREAMS / 50 + 1)) \
  java -Xmx512m -jar "$WORK/app/quarkus-run.jar" > service.log 2>&1) &
trap 'pkill -f "$WORK/app/quarkus-run.jar" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 0.3; done
PID=$(pgrep -f "$WORK/app/quarkus-run.jar" | head -1)
B=http://localhost:$PORT/api/v1
api() { curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }
api -XPOST $B/org-units -d '{"code":"qh","name":"青禾县教育局","type":"COUNTY"}' >/dev/null
api -XPOST $B/org-units -d '{"code":"qh-s1","name":"青禾县第一中学","type":"SCHOOL","parentCode":"qh"}' >/dev/null
api -XPOST $B/indicators -d '{"code":"training","name":"教师培训","unit":"人次","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM"}' >/dev/null
TOKENS=""
for t in $(seq 1 50); do
  T=$(api -XPOST $B/tokens -d "{\"name\":\"board-$t\",\"role\":\"VIEWER\",\"orgUnitCode\":\"qh\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  TOKENS="$TOKENS${TOKENS:+,}$T"
done
echo "== One stream, idle ${IDLE} s (baseline)"
ONE=$(node bench/streams.mjs http://localhost:$PORT "$TOKENS" 1 "$IDLE" "$PID" $DB /api/v1/observations/training/qh-s1/2025-01 "$ADMIN")
echo "$ONE"
sleep 2
echo "== ${STREAMS} streams, idle ${IDLE} s"
MANY=$(node bench/streams.mjs http://localhost:$PORT "$TOKENS" "$STREAMS" "$IDLE" "$PID" $DB /api/v1/observations/training/qh-s1/2025-02 "$ADMIN")
echo "$MANY"
python3 - "$ONE" "$MANY" <<'PY'
import json, sys
one, many = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ratio = many["idleTransactionsPerSecond"] / one["idleTransactionsPerSecond"] if one["idleTransactionsPerSecond"] else float("nan")
print(f"| measure | 1 stream | {many['streams']} streams | ratio |")
print("|---|---|---|---|")
print(f"| database transactions/s while idle | {one['idleTransactionsPerSecond']} | {many['idleTransactionsPerSecond']} | {ratio:.2f}x |")
print(f"| events received while idle | {one['eventsWhileIdle']} | {many['eventsWhileIdle']} | |")
print(f"| service RSS (MB) before / after the idle time | {one['rssMbBefore']} / {one['rssMbIdle']} | {many['rssMbBefore']} / {many['rssMbIdle']} | |")
print(f"| one PUT: streams reached within 10 s | {one['reached']} of 1 | {many['reached']} of {many['streams']} | |")
print(f"| one PUT: delay p50 / max (ms) | {one['p50Ms']} / {one['maxMs']} | {many['p50Ms']} / {many['maxMs']} | |")
PY
