#!/usr/bin/env bash
# Builds the container image without a container engine and writes it as a tarball (docker load / skopeo / crane
# read it). The image runs the fast-start package: a jlink runtime of the JDK 25 that records the AOT cache, the
# service as a plain class path (zhibiao.jar + lib/), and an AOT cache recorded by a training start of this very
# runtime at these very paths, inside the image's own filesystem.
#   src/main/docker/image.sh              PostgreSQL build -> target/zhibiao-image.tar  registry.example.edu.cn/zhibiao/zhibiao:1.0.0
#   DB=h2 src/main/docker/image.sh        H2 build         -> target/zhibiao-image.tar  ...:1.0.0-h2
#   SKIP_BUILD=1 CHECK=1 ...              only checks the tarball already built
#   SKIP_PACKAGE=1 ...                    reuses the fast-start package in target/zhibiao-aot
#   CHECK=1 ...                           then unpacks the tarball, starts it twice as user 185 (chroot, no engine)
#                                         and fails unless the AOT cache is used and the median of three starts on the
#                                         existing database is ready within READY_MS (2000) using at most RSS_MB (200)
#   CHECK=1 ITS=1 ...                     and runs the packaged tests (failsafe's *IT) against that running image
# Needs root (debootstrap, chroot, mount) and JDK 25 at JAVA25_HOME. The base, Debian 12 minbase with fontconfig,
# one font family, CA certificates and time zones (no JDK), is made once by debootstrap from Debian's packages and
# cached in ~/.cache/zhibiao-image, because this build machine reaches no container registry.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DB=${DB:-postgresql}
JAVA25_HOME=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CACHE=${ZHIBIAO_IMAGE_CACHE:-$HOME/.cache/zhibiao-image}
BASE=$CACHE/debian12-minbase.tar
WORK=target/image
OUT=target/zhibiao-image.tar
PORT=${IMAGE_PORT:-8099}
. src/main/docker/image.env
[ "$DB" = postgresql ] || IMAGE="$IMAGE-$DB"
# The modules the service uses (jdeps over lib/, plus what reflection and service loaders reach: charsets for GBK
# files, locale data for zh, DNS and zip file systems, XML signatures of OOXML, SASL/GSS of the PostgreSQL driver).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.rmi,\
java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,\
jdk.charsets,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# The JVM flags of the image (JDK_JAVA_OPTIONS, so a pod can replace them): one GC thread and C1 only start fastest
# and smallest; 75 % of the container's memory limit for the heap. A code cache reserved at 128 MB (reserved, not
# used: C1 fills ~8 MB at start) keeps the "CodeCache GC Threshold" full collection (80-100 ms, stop-the-world, and a
# heap grown to 72 MB after it) out of the start.
JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 -XX:ReservedCodeCacheSize=128m \
-Djava.io.tmpdir=/tmp -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"

# A /proc left mounted under target/image by an interrupted run would make "rm -rf" walk into it.
awk -v work="$PWD/$WORK/" 'index($2, work) == 1 {print $2}' /proc/mounts | xargs -r -n1 umount

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
mkdir -p "$CACHE"

if [ -z "${SKIP_BUILD:-}" ]; then
  if [ ! -s "$BASE" ]; then
    echo "== Base: Debian 12 minbase (debootstrap, once)"
    root=$(mktemp -d)
    debootstrap --variant=minbase --include=ca-certificates,tzdata,libfontconfig1,fonts-dejavu-core bookworm "$root" \
      http://deb.debian.org/debian > "$CACHE/debootstrap.log" 2>&1
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
      "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/* \
      "$root"/usr/lib/x86_64-linux-gnu/gconv
    tar -C "$root" --numeric-owner --sort=name -cf "$BASE.part" . && mv "$BASE.part" "$BASE"
    rm -rf "$root"
  fi

  echo "== Fast-start package ($DB build)"
  env TRAIN=0 DB="$DB" ${SKIP_PACKAGE:+SKIP_BUILD=1} src/main/docker/aot-app.sh
  rm -rf "$WORK" && mkdir -p "$WORK/rootfs"
  tar -C "$WORK/rootfs" --numeric-owner -xf "$BASE"
  rootfs=$WORK/rootfs

  echo "== Runtime: jlink of $("$JAVA25_HOME/bin/java" -version 2>&1 | sed -n 2p)"
  "$JAVA25_HOME/bin/jlink" --add-modules "$MODULES" --include-locales=en,zh --strip-debug --no-man-pages \
    --no-header-files --compress=zip-6 --output "$rootfs/opt/java"
  mkdir -p "$rootfs/deployments"
  cp -a target/zhibiao-aot/zhibiao.jar target/zhibiao-aot/lib "$rootfs/deployments/"

  echo "== AOT cache: one training start of the image's own runtime, in its own filesystem"
  train_db=""
  if [ "$DB" = postgresql ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_image_train' \
      -c 'CREATE DATABASE zhibiao_image_train'
    train_db="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_image_train QUARKUS_DATASOURCE_USERNAME=postgres"
  else
    train_db="QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:/tmp/train/zhibiao"
  fi
  mount -t proc proc "$rootfs/proc"
  trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 $train_db QUARKUS_HTTP_PORT="$PORT" \
    ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN="image-training-$RANDOM$RANDOM$RANDOM" \
    /opt/java/bin/java $JVM_FLAGS -XX:MaxRAM=768m -XX:AOTCacheOutput=/deployments/zhibiao.aot -jar /deployments/zhibiao.jar \
    > "$WORK/training.log" 2>&1 &
  trainer=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
    kill -0 $trainer 2>/dev/null || { cat "$WORK/training.log" >&2; echo "training start failed" >&2; exit 1; }
    sleep 0.1
  done
  pkill -TERM -f "AOTCacheOutput=/deployments/zhibiao.aot" || true
  wait $trainer || true
  umount "$rootfs/proc"
  [ "$DB" = postgresql ] && psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE zhibiao_image_train'
  [ -s "$rootfs/deployments/zhibiao.aot" ] || { cat "$WORK/training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }
  rm -rf "$rootfs"/tmp/* "$rootfs"/tmp/.[!.]* && chmod 644 "$rootfs/deployments/zhibiao.aot"

  echo "== Layers -> $OUT ($IMAGE)"
  python3 src/main/docker/image-layers.py "$rootfs" "$OUT" "$IMAGE" "$JVM_FLAGS"
fi
echo "== $OUT: $IMAGE, $(( $(stat -c %s "$OUT") / 1048576 )) MB"

if [ -n "${CHECK:-}" ]; then
  check=$WORK/check
  rm -rf "$check" && mkdir -p "$check"
  eval "$(python3 src/main/docker/image-layers.py --unpack "$OUT" "$check")"
  echo "user: $USER_ID; entry point: $ENTRY; JDK_JAVA_OPTIONS: $JAVA_OPTS"
  case "$USER_ID" in ""|root|0|0:*) echo "the image runs as root" >&2; exit 1;; esac
  mkdir -p "$check/tmp" && chmod 1777 "$check/tmp" && mount -t proc proc "$check/proc"
  trap 'pkill -u "${USER_ID%%:*}" java || true; sleep 1; umount "$check/proc" 2>/dev/null || true' EXIT
  # The check runs outside a cgroup, so it tells the JVM the pod's memory limit (k8s/base/deployment.yaml, 768Mi)
  # the way the JVM reads it from the cgroup in a pod: heap ergonomics then size as they do there.
  db_env="QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:/tmp/zhibiao"
  if [ "$DB" = postgresql ]; then
    [ -z "${ITS:-}" ] || { echo "ITS=1 runs the packaged tests, which are those of the H2 build: use DB=h2" >&2; exit 2; }
    psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS zhibiao_image_check' \
      -c 'CREATE DATABASE zhibiao_image_check'
    db_env="QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/zhibiao_image_check QUARKUS_DATASOURCE_USERNAME=postgres"
  fi
  # The measured starts run as a pod does (prod profile); the packaged tests then get a start of their own.
  profile=prod
  token=image-check-token
  start() {
    started=$(date +%s%N)
    chroot --userspec="$USER_ID" "$check" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 \
      JDK_JAVA_OPTIONS="$JAVA_OPTS -XX:MaxRAM=768m -Xlog:aot=info" QUARKUS_HTTP_PORT="$PORT" \
      QUARKUS_PROFILE="$profile" QUARKUS_LOG_FILE_PATH=/tmp/zhibiao-test.log \
      $db_env ZHIBIAO_BOOTSTRAP_ADMIN_TOKEN="$token" \
      $ENTRY > "$WORK/run.log" 2>&1 &
    for _ in $(seq 1 1500); do curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.02; done
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    pid=$(pgrep -u "${USER_ID%%:*}" java | head -1)
    rss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/org-units")
    echo "$1: ready in $ready_ms ms, RSS $rss_mb MB, process uid $(ps -o uid= -p "$pid" | tr -d ' '), GET /api/v1/org-units $status"
    grep -q 'Using AOT-linked classes: true' "$WORK/run.log" || { tail -20 "$WORK/run.log" >&2; echo "the AOT cache was not used" >&2; exit 1; }
    [ "$status" = 200 ] || { tail -20 "$WORK/run.log" >&2; exit 1; }
  }
  # The first start creates the database (migrations); a pod usually starts on a database that exists (a restart,
  # a rollout, a second replica): that start is the one held to the goal.
  start "first start, new database"
  pkill -TERM -u "${USER_ID%%:*}" java; while pgrep -u "${USER_ID%%:*}" java >/dev/null; do sleep 0.1; done
  # Three starts on the existing database; their median is held to the goal (one start can meet a busy moment of a
  # shared machine: the load average is printed beside each).
  # The starts are timed at rest: a CI machine comes here straight from a test suite that kept both cores busy, and
  # a start measured then says more about that suite than about the image. Wait, at most SETTLE_S seconds (60), until
  # the one-minute load average is below SETTLE_LOAD (1.5), and say how long it took.
  settled=0
  while [ "$settled" -lt "${SETTLE_S:-60}" ] \
      && awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v max="${SETTLE_LOAD:-1.5}" 'BEGIN { exit !(l >= max) }'; do
    sleep 5; settled=$((settled + 5))
  done
  echo "waited ${settled} s for the machine to settle (load $(cut -d' ' -f1-3 /proc/loadavg))"
  readies=() rsses=()
  for n in 1 2 3; do
    pkill -TERM -u "${USER_ID%%:*}" java || true; while pgrep -u "${USER_ID%%:*}" java >/dev/null; do sleep 0.1; done
    start "start $n on the existing database (load $(cut -d' ' -f1-3 /proc/loadavg))"
    readies+=("$ready_ms") rsses+=("$rss_mb")
  done
  ready_ms=$(printf '%s\n' "${readies[@]}" | sort -n | sed -n 2p)
  rss_mb=$(printf '%s\n' "${rsses[@]}" | sort -n | sed -n 2p)
  echo "median of the three: ready in $ready_ms ms, RSS $rss_mb MB"
  # The goal, ready in 2 s with at most 200 MB (docs/operations.md "Container image"), is the default bound; a shared
  # CI machine may pass READY_MS above it, and the line below says whether the goal itself was met.
  echo "goal: ready in <= 2000 ms: $([ "$ready_ms" -le 2000 ] && echo met || echo not met);" \
    "RSS <= 200 MB: $([ "$rss_mb" -le 200 ] && echo met || echo not met)"
  [ "$ready_ms" -le "${READY_MS:-2000}" ] || { echo "ready in $ready_ms ms: more than ${READY_MS:-2000}" >&2; exit 1; }
  [ "$rss_mb" -le "${RSS_MB:-200}" ] || { echo "RSS $rss_mb MB: more than ${RSS_MB:-200}" >&2; exit 1; }
  if [ "$DB" = postgresql ]; then
    pkill -TERM -u "${USER_ID%%:*}" java; while pgrep -u "${USER_ID%%:*}" java >/dev/null; do sleep 0.1; done
    psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE zhibiao_image_check'
  fi
  if [ -n "${ITS:-}" ]; then
    pkill -TERM -u "${USER_ID%%:*}" java; while pgrep -u "${USER_ID%%:*}" java >/dev/null; do sleep 0.1; done
    profile=test token=test-admin-token
    start "start for the packaged tests (test profile)"
    echo "== The packaged tests against the running image (failsafe, quarkus.http.test-host)"
    # TwoReplicasIT and ReadmeExamplesIT start services of their own from target/quarkus-app: they test that jar.
    ./mvnw -B failsafe:integration-test failsafe:verify -Dquarkus.http.test-host=127.0.0.1 \
      -Dquarkus.http.test-port="$PORT" -Dit.test='*IT,!TwoReplicasIT,!ReadmeExamplesIT' -Dfailsafe.failIfNoSpecifiedTests=false
  fi
fi
