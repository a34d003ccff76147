#!/usr/bin/env bash
# Import benchmark. Starts the packaged service with -Xmx256m on a fresh H2 file,
# imports 100,000 and 1,000,000 generated CSV rows through POST /api/v1/observations/batch, then stops it and
# inserts the same number of rows with plain JDBC batches into the same database, and prints rows/s for each.
# A first import of WARMUP rows (own indicators, reported as the cold figure) lets the JIT compile the import path,
# as in a service that has been running; WARMUP=0 measures the sizes cold.
#   bench/import-benchmark.sh            # both sizes
#   ROWS="100000" bench/import-benchmark.sh
#   DB=postgresql bench/import-benchmark.sh   # the production database (local server, database zhibiao_bench is recreated)
#   RULE_ROWS=1000000 ROWS= DB=postgresql bench/import-benchmark.sh
#       # issue 32: the same import without validation rules, with 5 rules reading the imported indicators, and without
#       # rules again, in one run: each import meets a table a million rows larger than the one before, so the rules
#       # are compared with the mean of the import before and the import after them
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS-"100000 1000000"}
RULE_ROWS=${RULE_ROWS:-}
WARMUP=${WARMUP:-100000}
PORT=${PORT:-8095}
WORK=$(mktemp -d /tmp/zhibiao-bench.XXXX)
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
B=http://localhost:$PORT/api/v1
UNITS=100
INDICATORS=10

DB=${DB:-h2}
if [ "$DB" = postgresql ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql
  psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_bench' -c 'CREATE DATABASE zhibiao_bench'
  JDBC_URL="jdbc:postgresql://127.0.0.1:5432/zhibiao_bench?reWriteBatchedInserts=true"
  DRIVER_JAR=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)
  export QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL QUARKUS_DATASOURCE_USERNAME=postgres
else
  ./mvnw -B -q package -DskipTests
  JDBC_URL="jdbc:h2:file:$WORK/data/zhibiao;WRITE_DELAY=0"   # the durability the service runs with
  DRIVER_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
fi

echo "Database $DB; work dir $WORK; service on port $PORT with -Xmx256m"
(cd "$WORK" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__IO_ZHIBIAO__LEVEL=WARN \
  exec java -Xmx256m -XX:+UseSerialGC -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > service.log 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

api() { curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@" >/dev/null; }
api -XPOST $B/org-units -d '{"code":"bench","name":"基准县","type":"COUNTY"}'
for u in $(seq 0 $((UNITS - 1))); do
  api -XPOST $B/org-units -d "{\"code\":\"bench-s$u\",\"name\":\"学校$u\",\"type\":\"SCHOOL\",\"parentCode\":\"bench\"}"
done
for set in a b c d w e f g; do
  for i in $(seq 0 $((INDICATORS - 1))); do
    api -XPOST $B/indicators -d "{\"code\":\"bench-$set$i\",\"name\":\"指标$set$i\",\"unit\":\"人\",\"valueType\":\"INTEGER\",\"direction\":\"INCREASE\",\"aggregation\":\"SUM\"}"
  done
done

import_rows() { # rows indicator-set label
  local rows=$1 set=$2 label=$3
  local months=$((rows / UNITS / INDICATORS))
  file=$WORK/rows-$rows.csv
  awk -v units=$UNITS -v inds=$INDICATORS -v months=$months -v set=$set 'BEGIN {
      print "indicatorCode,orgUnitCode,period,value,status,comment";
      for (u = 0; u < units; u++) for (i = 0; i < inds; i++) for (m = 0; m < months; m++) {
        mm = 1940 * 12 + m; printf "bench-%s%d,bench-s%d,%04d-%02d,%d,,\n", set, i, u, int(mm / 12), mm % 12 + 1, 100 + (m % 7) } }' > "$file"
  size=$(du -h "$file" | cut -f1)
  result=$(curl -s -w ' %{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
      --data-binary @"$file" "$B/observations/batch")
  seconds=$(echo "$result" | awk '{print $NF}')
  echo "$label import of $rows CSV rows ($size): HTTP $(echo "$result" | awk '{print $(NF-1)}') in ${seconds}s = $(awk -v r=$rows -v s=$seconds 'BEGIN {printf "%.0f", r / s}') rows/s"
  echo "  summary: $(echo "$result" | sed 's/ [0-9]* [0-9.]*$//' | cut -c1-160)"
}

[ "$WARMUP" -gt 0 ] && import_rows "$WARMUP" w "cold (first after start-up, warm-up)"
set_index=0
for rows in $ROWS; do
  set=$(echo a b | cut -d' ' -f$((set_index + 1))); set_index=$((set_index + 1))
  import_rows "$rows" "$set" "$([ "$WARMUP" -gt 0 ] && echo warm || echo cold)"
done

if [ -n "$RULE_ROWS" ]; then
  import_rows "$RULE_ROWS" f "without rules:"
  rule() { api -XPOST $B/validation-rules -d "{\"code\":\"$1\",\"name\":\"$1\",\"orgUnitCode\":\"bench\",\"left\":\"$2\",\"operator\":\"$3\",\"right\":\"$4\",\"severity\":\"$5\"}"; }
  rule r1 bench-e0 "<=" "bench-e1 + 1000" BLOCK
  rule r2 bench-e2 ">=" "0" BLOCK
  rule r3 bench-e3 "<=" "3 * lastYear(bench-e3) + 1000" WARN
  rule r4 "bench-e4 + bench-e5" "<=" "100000" BLOCK
  rule r5 "bench-e6 * 2" ">=" "prev(bench-e6) - 50" WARN
  import_rows "$RULE_ROWS" e "with 5 validation rules:"
  import_rows "$RULE_ROWS" g "without rules, again:"
fi

kill $SERVICE; wait $SERVICE 2>/dev/null || true
trap - EXIT
set_index=0
for rows in $ROWS; do
  set=$(echo c d | cut -d' ' -f$((set_index + 1))); set_index=$((set_index + 1))
  echo "$rows rows, $(java -cp "$DRIVER_JAR" bench/JdbcBaseline.java "$JDBC_URL" bench-$set $INDICATORS bench-s $UNITS $((rows / UNITS / INDICATORS)))"
done
echo "The service ran with its heap capped at 256 MB (-Xmx256m); its log: $WORK/service.log"
