#!/usr/bin/env bash
# CMS performance on a large plan (docs/benchmarks.md, "CMS"): builds a temporary copy of content/ with /admin/,
# starts decap-server and the site server on free ports, runs bench/cms-bench.mjs in Chromium, stops both.
# Measures the form as it is (the plan's levels as summary lists) and Decap's own lists (/admin/?decap-lists)
# in turns in the same run.
#   bash bench/cms.sh [slug]      (default taito; RUNS=3 KEYS=20 VARIANTS=levels,decap)
set -euo pipefail
cd "$(dirname "$0")/.."
slug="${1:-taito}"
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
decap_port="$(free_port)"; site_port="$(free_port)"
cp -r content "$work/content"
PORT="$decap_port" GIT_REPO_DIRECTORY="$work" node node_modules/decap-server/dist/index.js >"$work/decap.log" 2>&1 &
decap_pid=$!
dotnet run --project src/DxCompare -c Release -- serve --content "$work/content" --output "$work/output" --port "$site_port" --decap-port "$decap_port" >"$work/serve.log" 2>&1 &
serve_pid=$!
trap 'kill "$decap_pid" "$serve_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$site_port/admin/config.yml" >/dev/null && break; sleep 1; done
node bench/cms-bench.mjs "http://127.0.0.1:$site_port" "$slug"
