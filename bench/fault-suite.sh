#!/usr/bin/env bash
# Fault suite: acknowledged writes survive kill -9. Starts the packaged service on a fresh database, runs WRITERS
# clients that each PUT increasing values into their own cells and log every answer, kills the service with
# SIGKILL in the middle, restarts it and checks that every cell holds at least the last value it acknowledged
# (a write in flight when the process died may or may not be there; an acknowledged one must be).
#   bench/fault-suite.sh                    # embedded H2 file
#   DB=postgresql bench/fault-suite.sh      # local PostgreSQL (recreates database zhibiao_faults)
set -euo pipefail
cd "$(dirname "$0")/.."
WRITERS=${WRITERS:-8}
CELLS=${CELLS:-12}
SECONDS_BEFORE_KILL=${SECONDS_BEFORE_KILL:-8}
PORT=${PORT:-8096}
WORK=$(mktemp -d /tmp/zhibiao-faults.XXXX)
TOKEN=faults-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
B=http://localhost:$PORT/api/v1
DB=${DB:-h2}
if [ "$DB" = postgresql ]; then
  [ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
  psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_faults' -c 'CREATE DATABASE zhibiao_faults'
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/zhibiao_faults" QUARKUS_DATASOURCE_USERNAME=postgres
else
  [ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests
fi
JAR=$PWD/target/quarkus-app/quarkus-run.jar

start() {
  (cd "$WORK" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__IO_ZHIBIAO__LEVEL=WARN \
    exec java -Xmx256m -jar "$JAR" >> service.log 2>&1) &
  SERVICE=$!
  for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && return; sleep 1; done
  echo "service did not start; see $WORK/service.log"; exit 1
}
api() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

start
api -XPOST $B/org-units -d '{"code":"faults","name":"故障县","type":"COUNTY"}' >/dev/null
api -XPOST $B/org-units -d '{"code":"faults-s","name":"故障校","type":"SCHOOL","parentCode":"faults"}' >/dev/null
api -XPOST $B/indicators -d '{"code":"faults-i","name":"指标","unit":"人","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM"}' >/dev/null

writer() { # each writer owns CELLS months and writes 1, 2, 3 … into them round-robin, logging acknowledged values
  local w=$1 v=0
  while true; do
    v=$((v + 1))
    local month=$(( (v % CELLS) + 1 )) year=$((2000 + w))
    local period=$(printf '%d-%02d' $year $month)
    code=$(curl -s -o /dev/null -w '%{http_code}' -XPUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      "$B/observations/faults-i/faults-s/$period" -d "{\"value\": $v}" 2>/dev/null || true)
    case "$code" in 200|201) echo "$period $v" >> "$WORK/acked-$w" ;; esac
  done
}
for w in $(seq 1 $WRITERS); do writer "$w" & done
sleep "$SECONDS_BEFORE_KILL"
kill -9 "$SERVICE"
sleep 0.5
kill $(jobs -p) 2>/dev/null || true
wait 2>/dev/null || true
acked=$(cat "$WORK"/acked-* | wc -l)

start
lost=0; checked=0
for f in "$WORK"/acked-*; do
  # the last acknowledged value per cell
  while read -r period value; do
    checked=$((checked + 1))
    stored=$(api "$B/observations/faults-i/faults-s/$period" | sed -n 's/.*"value":\([0-9]*\).*/\1/p')
    if [ -z "$stored" ] || [ "$stored" -lt "$value" ]; then
      lost=$((lost + 1)); echo "LOST: $period acknowledged $value, stored ${stored:-nothing}"
    fi
  done < <(awk '{last[$1] = $2} END {for (p in last) print p, last[p]}' "$f")
done
kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
echo "Database $DB: $acked writes acknowledged by $WRITERS writers in ${SECONDS_BEFORE_KILL}s before kill -9; $checked cells checked after restart; $lost lost"
[ "$lost" -eq 0 ]
