#!/usr/bin/env bash
# Start-up benchmark (issue 13: ready after start <= 2 s, RSS after start <= 200 MB). Builds the usual fast-jar (with
# its AppCDS archive) and the JDK 25 AOT package (src/main/docker/aot-app.sh), then starts each configuration RUNS
# times on the same existing H2 database and reports, per configuration, the median and range of
#   ready    launch until /q/health/ready answers 200 (curl every 20 ms)
#   RSS      VmRSS of the JVM at that moment
#   CPU      user + system CPU the JVM spent until then (two cores here: CPU above the ready time is the JIT working
#            beside the main thread)
# and what each costs later, in the same run: requests/s of /q/health/live and of an authenticated small read, and the
# median time of POST /extractions of the 100 KB benchmark plan (CPU-bound Java code, where C1-only code is slowest).
#   bench/startup-benchmark.sh             # RUNS=5
#   SKIP_BUILD=1 bench/startup-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
PORT=${PORT:-8098}
DURATION=${DURATION:-10s}
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WORK=$(mktemp -d /tmp/zhibiao-startup.XXXX)
TOKEN=start-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
  src/main/docker/aot-app.sh
fi
FAST=$PWD/target/quarkus-app
AOT=$PWD/target/zhibiao-aot
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/data/zhibiao;LOCK_TIMEOUT=30000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"

names=("JDK 17, fast-jar, as bench/dashboard-benchmark.sh starts it"
  "JDK 17, fast-jar, -Xms32m + AppCDS"
  "JDK 25, AOT cache (target/zhibiao-aot), C1 and C2"
  "JDK 25, AOT cache, C1 only (target/zhibiao-aot/run.sh)")
dirs=("$FAST" "$FAST" "$AOT" "$AOT")
javas=("$JAVA17" "$JAVA17" "$JAVA25" "$JAVA25")
jars=(quarkus-run.jar quarkus-run.jar zhibiao.jar zhibiao.jar)
opts=("-Xmx512m -XX:+UseSerialGC"
  "-Xms32m -Xmx512m -XX:+UseSerialGC -XX:SharedArchiveFile=app-cds.jsa"
  "-Xms32m -Xmx512m -XX:+UseSerialGC -XX:AOTCache=zhibiao.aot"
  "-Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:AOTCache=zhibiao.aot")

start() { # $1: configuration index; sets SERVICE, READY_MS, RSS_MB, CPU_S
  local i=$1 started
  started=$(date +%s%N)
  (cd "${dirs[$i]}" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__IO_ZHIBIAO__LEVEL=WARN \
    exec ${javas[$i]} ${opts[$i]} -jar ${jars[$i]} >> "$WORK/service-$i.log" 2>&1) &
  SERVICE=$!
  until curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null; do
    kill -0 $SERVICE 2>/dev/null || { tail -20 "$WORK/service-$i.log"; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  RSS_MB=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVICE/status) / 1024 ))
  CPU_S=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' /proc/$SERVICE/stat)
}
stop() { kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; }
trap 'kill $SERVICE 2>/dev/null || true' EXIT
summary() { # median (min–max) of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END { printf "%s (%s–%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}

start 0 && stop # creates the database; every measured start finds it migrated
# The 100 KB plan of bench/extraction-benchmark.sh.
. bench/benchmark-plan.sh
plan=$WORK/plan.txt
benchmark_plan 100 "$plan"

echo "| Configuration (H2, existing database, $RUNS starts) | Ready ms | RSS MB | CPU s until ready | Later: /q/health/live, small read req/s; POST /extractions 100 KB ms |"
echo "|---|---|---|---|---|"
for i in 0 1 2 3; do
  : > "$WORK/ready" && : > "$WORK/rss" && : > "$WORK/cpu"
  for _ in $(seq 1 "$RUNS"); do
    start $i
    echo $READY_MS >> "$WORK/ready" && echo $RSS_MB >> "$WORK/rss" && echo $CPU_S >> "$WORK/cpu"
    stop
  done
  grep -q 'Unable to use shared archive\|Unable to map shared spaces' "$WORK/service-$i.log" \
    && echo "warning: configuration $i did not load its archive or cache" >&2
  # Throughput after start, warmed up the way bench/dashboard-benchmark.sh warms up.
  start $i
  for url in "http://localhost:$PORT/q/health/live" "http://localhost:$PORT/api/v1/org-units"; do
    wrk -t2 -c16 -d10s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  done
  live=$(wrk -t2 -c16 -d"$DURATION" "http://localhost:$PORT/q/health/live" | awk '/Requests\/sec/ {printf "%d", $2}')
  small=$(wrk -t2 -c16 -d"$DURATION" -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/org-units" \
    | awk '/Requests\/sec/ {printf "%d", $2}')
  extraction=$(for n in $(seq 1 40); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain; charset=utf-8' \
      --data-binary @"$plan" "http://localhost:$PORT/api/v1/extractions"
  done | tail -20 | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.0f", t[int((NR + 1) / 2)] }')
  stop
  echo "| ${names[$i]}: \`${opts[$i]}\` | $(summary < "$WORK/ready") | $(summary < "$WORK/rss") | $(summary < "$WORK/cpu") | $live; $small; $extraction |"
done
echo "Goal: ready <= 2000 ms, RSS <= 200 MB. Work dir $WORK"
