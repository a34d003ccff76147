#!/usr/bin/env bash
# Packages Zhibiao for a fast start on JDK 25: the service as a plain class path (legacy-jar: zhibiao.jar + lib/) and an
# AOT cache (JEP 483/514/515) recorded by one training start, in target/zhibiao-aot/:
#   src/main/docker/aot-app.sh                  H2 build; trains on a throwaway H2 file
#   DB=postgresql src/main/docker/aot-app.sh    PostgreSQL build; trains on TRAIN_JDBC_URL (default: a throwaway
#                                               database zhibiao_aot_train on the local server, created and dropped)
#   SKIP_BUILD=1 ...                            trains again on the jar already in target/zhibiao-aot
#   CHECK=1 ...                                 then starts it once with the cache and checks it was used
#   TRAIN=0 ...                                 builds the package only
# Then: target/zhibiao-aot/run.sh (same environment variables as java -jar target/quarkus-app/quarkus-run.jar).
# Why this layout: JDK 25 caches only classes of the JDK's own class loaders, so the cache holds nothing of the
# fast-jar (Quarkus' own class loader); an uber-jar works too but every read of application.properties opens all
# 50,000 entries of it (5 MB each time). The cache belongs to this exact JDK build and these exact jars: after a
# rebuild or a JDK update, train again (the JVM ignores a stale cache with a warning and starts the slow way).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${DB:-h2}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OUT=target/zhibiao-aot
PORT=${TRAIN_PORT:-8197}
"$JAVA25" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "JAVA25=$JAVA25 is not a JDK 25 or newer" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=legacy-jar -Dquarkus.datasource.db-kind="$DB"
  rm -rf "$OUT" && mkdir -p "$OUT"
  cp target/*-runner.jar "$OUT/zhibiao.jar"
  cp -r target/lib "$OUT/lib"
  # The manifest's Class-Path names lib/ relative to the jar, so the directory can move as a whole.
fi
# TRAIN=0: the package only (src/main/docker/image.sh records the image's cache itself, with the image's runtime).
[ "${TRAIN:-1}" = 0 ] && exit 0
cat > "$OUT/run.sh" <<'RUN'
#!/usr/bin/env bash
# Starts Zhibiao with its AOT cache; JAVA25 names the JDK that recorded it. JVM_OPTS replaces the flags below
# (docs/benchmarks.md "Start-up": C1 only starts fastest and smallest; drop -XX:TieredStopAtLevel=1 for the most throughput).
cd "$(dirname "$0")"
exec "${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}" ${JVM_OPTS:--Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} \
  -XX:AOTCache=zhibiao.aot -jar zhibiao.jar "$@"
RUN
chmod +x "$OUT/run.sh"

train_dir=$(mktemp -d /tmp/zhibiao-aot-train.XXXX)
if [ "$DB" = postgresql ]; then
  if [ -z "${TRAIN_JDBC_URL:-}" ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_aot_train' -c 'CREATE DATABASE zhibiao_aot_train'
    export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_aot_train QUARKUS_DATASOURCE_USERNAME=postgres
  else
    export QUARKUS_DATASOURCE_JDBC_URL=$TRAIN_JDBC_URL
  fi
else
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$train_dir/zhibiao;DB_CLOSE_ON_EXIT=FALSE"
fi
# Training is one start, to ready, and a clean stop: the cache then holds what start-up loads and no more (every
# cached class is loaded at start, so classes of later requests would only make start-up slower and larger).
rm -f "$OUT/zhibiao.aot"
(cd "$OUT" && ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=aot-training-$RANDOM$RANDOM$RANDOM QUARKUS_HTTP_PORT=$PORT \
  exec "$JAVA25" -Xms32m -Xmx512m -XX:+UseSerialGC -XX:AOTCacheOutput=zhibiao.aot -jar zhibiao.jar \
  > "$train_dir/training.log" 2>&1) &
trainer=$!
for _ in $(seq 1 600); do
  curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && break
  kill -0 $trainer 2>/dev/null || { cat "$train_dir/training.log" >&2; echo "training start failed" >&2; exit 1; }
  sleep 0.1
done
kill -TERM $trainer && wait $trainer || true
[ "$DB" = postgresql ] && [ -z "${TRAIN_JDBC_URL:-}" ] && psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE zhibiao_aot_train'
[ -s "$OUT/zhibiao.aot" ] || { cat "$train_dir/training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }
echo "AOT cache: $OUT/zhibiao.aot ($(( $(stat -c %s "$OUT/zhibiao.aot") / 1048576 )) MB) for $("$JAVA25" -version 2>&1 | sed -n 2p)"
rm -rf "$train_dir"

if [ -n "${CHECK:-}" ]; then
  check_dir=$(mktemp -d /tmp/zhibiao-aot-check.XXXX)
  [ "$DB" = postgresql ] || export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$check_dir/zhibiao;DB_CLOSE_ON_EXIT=FALSE"
  [ "$DB" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_aot_train' \
    -c 'CREATE DATABASE zhibiao_aot_train'
  token=aot-check-$RANDOM$RANDOM$RANDOM
  started=$(date +%s%N)
  JVM_OPTS="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:aot=info" ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN=$token \
    QUARKUS_HTTP_PORT=$PORT "$OUT/run.sh" > "$check_dir/check.log" 2>&1 &
  service=$!
  for _ in $(seq 1 600); do curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null && break; sleep 0.05; done
  ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:$PORT/api/v1/org-units")
  kill -TERM $service; wait $service || true
  [ "$DB" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE zhibiao_aot_train'
  if ! grep -q 'Using AOT-linked classes: true' "$check_dir/check.log" || [ "$status" != 200 ]; then
    grep -i 'aot\|error' "$check_dir/check.log" | head -20 >&2
    echo "check failed: the AOT cache was not used or GET /api/v1/org-units answered $status" >&2
    exit 1
  fi
  echo "check: ready in $ready_ms ms with the AOT cache; GET /api/v1/org-units 200"
  rm -rf "$check_dir"
fi
