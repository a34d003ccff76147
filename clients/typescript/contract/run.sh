#!/usr/bin/env bash
# Contract tests derived from openapi/openapi.yaml: Portman turns the spec's operations and examples into a Postman
# collection with four checks per answer (a 2xx status, the declared content type, a JSON body, the body valid against
# the declared schema), and newman runs it against a service with an empty database:
#   BASE_URL=http://localhost:8080 TOKEN=<admin token> clients/typescript/contract/run.sh
# portman-config.json orders the operations as one story (create before read, read before delete) and carries the ids
# the service assigns from one answer into the next; filter.json names the operations the run covers.
set -euo pipefail
cd "$(dirname "$0")"
: "${BASE_URL:?BASE_URL names the service}" "${TOKEN:?TOKEN is an admin token of that service}"
here=$PWD
out=$here/../target/contract
mkdir -p "$out"
commentary_target=$(BASE_URL=$BASE_URL TOKEN=$TOKEN ./seed.sh)
# Portman keeps its working files in ./tmp: run it in target/.
(cd "$out" && "$here/../node_modules/.bin/portman" --local "$here/../../../openapi/openapi.yaml" \
  --portmanConfigFile "$here/portman-config.json" --filterFile "$here/filter.json" --baseUrl "$BASE_URL" \
  --output "$out/collection.json" > "$out/portman.log")
../node_modules/.bin/newman run "$out/collection.json" --env-var "token=$TOKEN" \
  --env-var "commentaryTarget=$commentary_target" --reporters cli --color off
