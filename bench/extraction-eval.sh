#!/usr/bin/env bash
# Extraction evaluation: recall, precision, periods and baselines of the extractor on every plan with a written
# expected-target list — the plans the rules were tuned on (the project's fixture, the shared samples) and, reported
# apart, the held-out real plans nobody tuned on (../shared/examples/workplans/004–006, lists in
# src/test/resources/plans/expected/). Prints a Markdown table.
#   bench/extraction-eval.sh                      # examples in ../shared/examples
#   bench/extraction-eval.sh /path/to/examples
#   JAVA_OPTS=-Dverbose=true bench/extraction-eval.sh   # every candidate, found or extra
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES=${1:-../shared/examples}
./mvnw -B -q test-compile -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/eval.classpath >/dev/null
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/eval.classpath)" io.zhibiao.plan.ExtractionEvaluation "$EXAMPLES"
