#!/usr/bin/env bash
# Extraction evaluation: recall, precision, periods and baselines of the extractor on every plan with a written
# expected-target list, in four totals:
#   project, tuned     plans written for the project (plans/tuned), the shared samples and shared real plans 004–006
#   project, held out  plans written for the project not tuned on (plans/heldout) and the shared real plans 000–003
#   real, tuned        real published texts gathered with the search tool, read once and ruled on (plans/real/tuned)
#   real, held out     real texts not yet exact: a new set before its first reading, or texts read once whose misses
#                      are not all ruled (plans/real/heldout; each list's header says which)
# Prints a Markdown table; RealPlansTest holds the tuned plans to their lists and the held-out ones to their floors.
#   bench/extraction-eval.sh                      # examples in ../shared/examples
#   bench/extraction-eval.sh /path/to/examples
#   JAVA_OPTS=-Dverbose=true bench/extraction-eval.sh   # every candidate, found or extra
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES=${1:-../shared/examples}
./mvnw -B -q test-compile -Dspotless.check.skip=true
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/eval.classpath >/dev/null
java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/eval.classpath)" io.zhibiao.plan.ExtractionEvaluation "$EXAMPLES"
