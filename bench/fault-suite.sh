#!/usr/bin/env bash
# Fault suite, three faults on the packaged service over a fresh database:
#  1. kill -9 during a write stream: WRITERS clients PUT increasing values into their own cells and log every
#     acknowledged answer; after a restart every cell must hold at least the last value it acknowledged (a write in
#     flight when the process died may or may not be there; an acknowledged one must be).
#  2. kill -9 during an import of IMPORT_ROWS rows: after a restart none of its rows may be there (one transaction),
#     and the same file imported again must create every row.
#  3. a stalled upload: a client sends the start of a CSV file and goes quiet; a PUT elsewhere must answer in < 1 s,
#     and the stalled client must get a 408 problem.
#  4. SIGTERM during an import (a rolling update): either the import answered 200 with every row stored, or none of
#     its rows may be there after the restart.
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
    ZHIBIAO_SECURITY_BODY_IDLE_TIMEOUT=5s \
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
echo "1. Database $DB: $acked writes acknowledged by $WRITERS writers in ${SECONDS_BEFORE_KILL}s before kill -9; $checked cells checked after restart; $lost lost"

# 2. kill -9 in the middle of an import: 50 indicators x 50 schools x up to 120 months
IMPORT_ROWS=${IMPORT_ROWS:-300000}
for n in $(seq 1 50); do
  api -XPOST $B/org-units -d "{\"code\":\"faults-s$n\",\"name\":\"故障校$n\",\"type\":\"SCHOOL\",\"parentCode\":\"faults\"}" >/dev/null
  api -XPOST $B/indicators -d "{\"code\":\"faults-b$n\",\"name\":\"批量$n\",\"unit\":\"人\",\"valueType\":\"INTEGER\",\"direction\":\"INCREASE\",\"aggregation\":\"SUM\"}" >/dev/null
done
awk -v rows="$IMPORT_ROWS" 'BEGIN { print "indicatorCode,orgUnitCode,period,value"; r = 0
  for (m = 0; m < 120 && r < rows; m++) for (i = 1; i <= 50 && r < rows; i++) for (s = 1; s <= 50 && r < rows; s++) {
    printf "faults-b%d,faults-s%d,%d-%02d,%d\n", i, s, 2010 + int(m / 12), m % 12 + 1, r % 1000; r++ } }' > "$WORK/import.csv"
curl -s -o "$WORK/import-answer" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/import.csv" "$B/observations/batch" &
IMPORTER=$!
sleep "${SECONDS_INTO_IMPORT:-3}"
kill -9 "$SERVICE"; wait "$IMPORTER" 2>/dev/null || true
answered=$(cat "$WORK/import-answer" 2>/dev/null || true)
stored_rows() { # figures of the 50 import indicators, over all periods
  local sum=0 t
  for n in $(seq 1 50); do
    t=$(api "$B/observations?indicator=faults-b$n&size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
    sum=$((sum + ${t:-0}))
  done
  echo "$sum"
}
start
stored=$(stored_rows)
curl -s -o "$WORK/reimport-answer" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/import.csv" "$B/observations/batch"
again=$(sed -n 's/.*"created":\([0-9]*\).*/\1/p' "$WORK/reimport-answer")
[ -n "$again" ] || echo "re-import answered: $(head -c 300 "$WORK/reimport-answer")"
echo "2. Database $DB: import of $IMPORT_ROWS rows killed after ${SECONDS_INTO_IMPORT:-3}s (answered before the kill: ${answered:-nothing}); after restart $stored of its rows stored (expected 0); imported again: ${again:-?} created"
half=0; [ "$stored" -eq 0 ] && [ "${again:-0}" -eq "$IMPORT_ROWS" ] || half=1

# 3. a stalled upload beside a writer
mkfifo "$WORK/stall"
curl -s -o "$WORK/stall-answer" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  -H 'Content-Length: 100000' -XPOST -T "$WORK/stall" "$B/observations/batch" > "$WORK/stall-status" &
STALLED=$!
exec 3> "$WORK/stall"
printf 'indicatorCode,orgUnitCode,period,value\nfaults-i,faults-s,2030-01,1\n' >&3
sleep 1
put_time=$(curl -s -o /dev/null -w '%{time_total}' -XPUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  "$B/observations/faults-i/faults-s/2031-01" -d '{"value": 1}')
# The service answers 408 after its idle timeout (5 s here); curl sees it once its own input ends.
sleep 7
exec 3>&-
wait "$STALLED" 2>/dev/null || true
stall_status=$(cat "$WORK/stall-status")
echo "3. Database $DB: a PUT beside a stalled upload answered in ${put_time}s; the stalled upload got $stall_status $(head -c 120 "$WORK/stall-answer")"
slow=$(awk -v t="$put_time" 'BEGIN { print (t < 1.0) ? 0 : 1 }')

# 4. SIGTERM two seconds into an import of IMPORT_ROWS rows into new cells
awk -v rows="$IMPORT_ROWS" 'BEGIN { print "indicatorCode,orgUnitCode,period,value"; r = 0
  for (m = 0; m < 120 && r < rows; m++) for (i = 1; i <= 50 && r < rows; i++) for (s = 1; s <= 50 && r < rows; s++) {
    printf "faults-b%d,faults-s%d,%d-%02d,%d\n", i, s, 2040 + int(m / 12), m % 12 + 1, r % 1000; r++ } }' > "$WORK/import2.csv"
curl -s -o "$WORK/term-answer" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/import2.csv" "$B/observations/batch" > "$WORK/term-status" &
IMPORTER=$!
sleep 2
term_at=$(date +%s%N)
kill -TERM "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
stop_s=$(awk -v ns=$(( $(date +%s%N) - term_at )) 'BEGIN { printf "%.1f", ns / 1e9 }')
wait "$IMPORTER" 2>/dev/null || true
term_status=$(cat "$WORK/term-status" 2>/dev/null || echo none)
start
stored2=$(( $(stored_rows) - IMPORT_ROWS )) # the rows of fault 2's re-import are there too
echo "4. Database $DB: SIGTERM 2 s into an import of $IMPORT_ROWS rows: the service stopped after ${stop_s}s; the import answered $term_status; after restart $stored2 of its rows stored"
term_ok=1
{ [ "$term_status" = 200 ] && [ "$stored2" -eq "$IMPORT_ROWS" ]; } || { [ "$term_status" != 200 ] && [ "$stored2" -eq 0 ]; } || term_ok=0

kill "$SERVICE"; wait "$SERVICE" 2>/dev/null || true
[ "$term_ok" -eq 1 ] && [ "$lost" -eq 0 ] && [ "$half" -eq 0 ] && [ "$slow" -eq 0 ] && [ "$stall_status" = 408 ]
