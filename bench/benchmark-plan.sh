# Sourced by the benchmarks that post a plan: benchmark_plan KB FILE writes a plan of about KB KiB (UTF-8), the test
# fixture's body repeated with its sections renumbered and its figures varied, so every round reads as new text.
benchmark_plan() {
  local kb=$1 plan=$2 fixture=src/test/resources/plans/songling-county-2027.txt round=0
  head -n 5 "$fixture" > "$plan"
  while [ "$(stat -c %s "$plan")" -lt $((kb * 1024)) ]; do
    round=$((round + 1))
    sed -n '/^一、/,$p' "$fixture" \
      | sed -E "s/^([一二三四五六七八九十]+)、/第${round}部分\1、/; s/([0-9]{3,4})人/\1${round}人/g" >> "$plan"
  done
}
