#!/usr/bin/env bash
# Search benchmark, DxCompare against Pagefind on the same built site, in one run.
#   bash bench/search.sh [content-dir] [queries]
# Needs: the .NET SDK, node with `npm ci` done (pagefind, playwright-core), Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-content}
queries=${2:-}
out=$(mktemp -d)/site
trap 'rm -rf "$(dirname "$out")"' EXIT

dotnet build src/DxCompare -c Release -v quiet -nologo >/dev/null
echo "## machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
echo "## DxCompare build (search index is built and exported inside it)"
CI=true dotnet src/DxCompare/bin/Release/net10.0/dxcompare.dll build --content "$content" --output "$out"
dx_size=$(du -sk "$out/search/index" | cut -f1)
dx_files=$(ls "$out/search/index" | wc -l)

echo "## Pagefind index of the same initiative pages"
start=$(date +%s.%N)
npx --no-install pagefind --site "$out" --glob "*/initiatives/*/index.html" --output-subdir pagefind --quiet >/dev/null
end=$(date +%s.%N)
pf_size=$(du -sk "$out/pagefind" | cut -f1)
pf_files=$(find "$out/pagefind" -type f | wc -l)
echo "pagefind index built in $(echo "$end - $start" | bc) s"
echo "index on disk: DxCompare ${dx_size} KB in ${dx_files} files; Pagefind ${pf_size} KB in ${pf_files} files"

echo "## Queries in chromium"
node bench/search-bench.mjs --site "$out" --judged tests/DxCompare.Tests/Search/judged-queries.yml ${queries:+--queries "$queries"}
