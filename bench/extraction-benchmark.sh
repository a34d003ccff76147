#!/usr/bin/env bash
# Extraction benchmark. Builds a plan of about 100 KB (UTF-8) by repeating the
# test fixture plan with renumbered sections and varied figures, starts the packaged service, posts it to
# POST /api/v1/extractions 30 times after 5 warm-up calls, and prints the response times (curl's time_total,
# i.e. what a client waits) and the candidates found.
#   bench/extraction-benchmark.sh                 # 100 KB
#   SIZES="100 300" bench/extraction-benchmark.sh  # KB of plan text
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"100"}
RUNS=${RUNS:-30}
PORT=${PORT:-8096}
WORK=$(mktemp -d /tmp/zhibiao-extract.XXXX)
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

(cd "$WORK" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__IO_ZHIBIAO__LEVEL=WARN \
  exec java -Xmx256m -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > service.log 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

. bench/benchmark-plan.sh
for kb in $SIZES; do
  plan=$WORK/plan-$kb.txt
  benchmark_plan "$kb" "$plan"
  size=$(stat -c %s "$plan")
  post() { curl -s -o "$WORK/out.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: text/plain; charset=utf-8' --data-binary @"$plan" "http://localhost:$PORT/api/v1/extractions"; }
  for _ in 1 2 3 4 5; do post > /dev/null; done
  for _ in $(seq 1 "$RUNS"); do post; done | awk -v size="$size" -v runs="$RUNS" '
    $1 != 200 { bad++ } { t[NR] = $2 * 1000 }
    END {
      n = asort(t)
      printf "plan %d bytes, %d runs: median %.1f ms, p95 %.1f ms, max %.1f ms%s\n", size, runs, t[int((n + 1) / 2)],
        t[int(n * 0.95 + 0.5)], t[n], bad ? ", " bad " non-200 answers" : ""
    }'
  echo "  candidates: $(grep -o '"confidence"' "$WORK/out.json" | wc -l)"
done
