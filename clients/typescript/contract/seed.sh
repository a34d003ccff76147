#!/usr/bin/env bash
# The part of the examples' story that no example creates: the prefecture and county the school example hangs under,
# the indicators the figure and rule examples name, the 学区 school whose March the submission examples submit (with the
# county's yearly training target and the school's March figure, so that something is expected of it and nothing is
# missing). Prints the target's id: the commentary examples write on it. BASE_URL and TOKEN as for run.sh.
set -euo pipefail
post() {
  curl -fsS -X "${3:-POST}" "$BASE_URL$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"
}
{
  post /api/v1/org-units '{"code":"lanzhou-pref","name":"兰州地区","type":"PREFECTURE"}'
  post /api/v1/org-units '{"code":"qinghe-county","name":"青禾县","type":"COUNTY","parentCode":"lanzhou-pref"}'
  post /api/v1/org-units '{"code":"qinghe-no2-middle","name":"青禾县第二中学","type":"SCHOOL","parentCode":"qinghe-county"}'
  post /api/v1/org-units '{"code":"qinghe-xq-east","name":"东城学区","type":"TOWNSHIP","parentCode":"qinghe-county"}'
  post /api/v1/org-units '{"code":"qinghe-east-primary","name":"东城小学","type":"SCHOOL","parentCode":"qinghe-xq-east"}'
  post /api/v1/indicators '{"code":"teacher-training","name":"教师培训","unit":"人次","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM","frequency":"MONTHLY"}'
  post /api/v1/indicators '{"code":"gaokao-admitted","name":"本科上线人数","unit":"人","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM","frequency":"YEARLY"}'
  post /api/v1/indicators '{"code":"gaokao-sitting","name":"高考参考人数","unit":"人","valueType":"INTEGER","direction":"INCREASE","aggregation":"SUM","frequency":"YEARLY"}'
  post /api/v1/observations/teacher-training/qinghe-east-primary/2026-03 '{"value":310}' PUT
} > /dev/null
post /api/v1/targets '{"indicatorCode":"teacher-training","orgUnitCode":"qinghe-county","period":"2026","value":9200}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
