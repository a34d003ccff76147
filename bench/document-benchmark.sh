#!/usr/bin/env bash
# Document benchmark (issue 35's goals: a 100 KB plan ≤ 150 ms, a 50-page .docx ≤ 2 s, a 100-page PDF ≤ 5 s). Builds
# the 100 KB benchmark plan (bench/benchmark-plan.sh), a Word file of at least 50 pages and a PDF of at least 100 pages
# from the same text with indicator tables of merged header cells (DocumentBenchmarkFiles), starts the packaged
# service and posts each to POST /api/v1/extractions RUNS times after 3 warm-up calls. The baseline of each document
# is the text derived from it posted as text/plain in the same run: the ratio is what reading the document adds.
#   bench/document-benchmark.sh
#   RUNS=20 bench/document-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
PORT=${PORT:-8097}
WORK=$(mktemp -d /tmp/zhibiao-documents.XXXX)
TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null

. bench/benchmark-plan.sh
benchmark_plan 100 "$WORK/plan.txt"
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.zhibiao.plan.DocumentBenchmarkFiles \
  "$WORK/plan.txt" "$WORK" 50 100

(cd "$WORK" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CATEGORY__IO_ZHIBIAO__LEVEL=WARN \
  ZHIBIAO_SECURITY_MAX_BODY_BYTES=20971520 exec java -Xmx512m -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" \
  > service.log 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done

# median of RUNS posts of FILE as TYPE, in ms, and the candidates of the last answer
measure() {
  local file=$1 type=$2
  post() { curl -s -o "$WORK/out.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
      -H "Content-Type: $type" --data-binary @"$file" "http://localhost:$PORT/api/v1/extractions?year=2027"; }
  for _ in 1 2 3; do post > /dev/null; done
  for _ in $(seq 1 "$RUNS"); do post; done | awk '$1 != 200 { bad++ } { t[NR] = $2 * 1000 }
    END { n = asort(t); if (bad) { print "ERROR " bad " non-200 answers"; exit 1 } printf "%.1f\n", t[int((n + 1) / 2)] }'
}
candidates() { grep -o '"confidence"' "$WORK/out.json" | wc -l; }

text_ms=$(measure "$WORK/plan.txt" 'text/plain; charset=utf-8'); text_n=$(candidates)
docx_ms=$(measure "$WORK/plan.docx" application/vnd.openxmlformats-officedocument.wordprocessingml.document); docx_n=$(candidates)
docx_text_ms=$(measure "$WORK/plan-from-docx.txt" 'text/plain; charset=utf-8')
pdf_ms=$(measure "$WORK/plan.pdf" application/pdf); pdf_n=$(candidates)
pdf_text_ms=$(measure "$WORK/plan-from-pdf.txt" 'text/plain; charset=utf-8')
printf '| Input | Bytes | Median of %d (ms) | Goal | Candidates | Baseline: its text as text/plain (ms) | Ratio |\n|---|---|---|---|---|---|---|\n' "$RUNS"
printf '| 100 KB plan text | %d | %s | ≤ 150 | %d | — | — |\n' "$(stat -c %s "$WORK/plan.txt")" "$text_ms" "$text_n"
printf '| Word .docx (≥ 50 pages) | %d | %s | ≤ 2000 | %d | %s | %.1f× |\n' "$(stat -c %s "$WORK/plan.docx")" "$docx_ms" \
  "$docx_n" "$docx_text_ms" "$(echo "$docx_ms / $docx_text_ms" | bc -l)"
printf '| PDF (≥ 100 pages) | %d | %s | ≤ 5000 | %d | %s | %.1f× |\n' "$(stat -c %s "$WORK/plan.pdf")" "$pdf_ms" \
  "$pdf_n" "$pdf_text_ms" "$(echo "$pdf_ms / $pdf_text_ms" | bc -l)"
