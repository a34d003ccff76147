#!/usr/bin/env bash
# Issue 30: GET /changes paging on H2 at 500,000 revisions, the feed query before and after the change, same run.
#   bench/changes-paging-benchmark.sh            # REVISIONS=500000
set -euo pipefail
cd "$(dirname "$0")/.."
REVISIONS=${REVISIONS:-500000}
[ -d target/quarkus-app/lib/main ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d /tmp/zhibiao-paging.XXXX)
java -Xmx1g -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" bench/ChangesPaging.java "$REVISIONS" "$WORK"
rm -rf "$WORK"
