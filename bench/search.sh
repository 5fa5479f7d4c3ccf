#!/usr/bin/env bash
# Search benchmark, DxCompare against Pagefind on the same built site, in one run.
#   bash bench/search.sh [content-dir] [queries]
# content-dir defaults to content/ (the real plans). A synthetic corpus from
#   dotnet src/DxCompare/bin/Release/net10.0/dxcompare.dll bench generate --municipalities 1788 --seed 1 --out DIR
# works too: its DIR/templates.json (synthetic initiative → the real one it copies) is detected and
# passed to search-bench.mjs, which then judges each result by the real initiative it copies.
# Nothing is generated here. Environment:
#   NO_BUILD=1        use the existing Release dll instead of running `dotnet build` first
#   SITE=DIR          build the site into DIR and keep it (default: a temporary folder, removed at exit)
#   JSON=FILE         also write the figures and per-query top 10s as JSON (FILE.<set>.json, one per judged set)
#   JUDGED="F …"      judged query sets to run (default: both, judged-queries.yml and everyday-queries.yml)
# Needs: the .NET SDK, node with `npm ci` done (pagefind, playwright-core), Debian's chromium, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-content}
queries=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${SITE:-$work/site}
dll=src/DxCompare/bin/Release/net10.0/dxcompare.dll
templates=
[ -f "$content/templates.json" ] && templates=$content/templates.json

if [ -z "${NO_BUILD:-}" ] || [ ! -f "$dll" ]; then dotnet build src/DxCompare -c Release -v quiet -nologo >/dev/null; fi

# Runs a command under GNU time; prints "wall_s peak_rss_mb", keeps its output in $work/out.log.
measure() {
  /usr/bin/time -v "$@" >"$work/out.log" 2>"$work/time.log" || { cat "$work/out.log" "$work/time.log" >&2; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; w=s}
              /Maximum resident set size/ {r=$2/1024} END {printf "%.2f %.0f\n", w, r}' "$work/time.log"
}

echo "## machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -srm), $(date -u +%F)"
echo "## content: $content${templates:+ (synthetic, judged through $templates)}"
echo "## DxCompare build (search index is built and exported inside it)"
read -r dx_wall dx_rss < <(measure env CI=true dotnet "$dll" build --content "$content" --output "$out")
cat "$work/out.log"
# The search index is the Lucene index phase plus the static export phase of the build.
dx_index=$(grep -oE 'index [0-9.]+ s' "$work/out.log" | head -1 | grep -oE '[0-9.]+')
dx_export=$(grep -oE 'search export [0-9.]+ s' "$work/out.log" | grep -oE '[0-9.]+')
dx_size=$(du -sk "$out/search/index" | cut -f1)
dx_bytes=$(find "$out/search/index" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
dx_files=$(find "$out/search/index" -type f | wc -l)

echo "## Pagefind index of the same initiative pages"
read -r pf_wall pf_rss < <(measure npx --no-install pagefind --site "$out" --glob "*/initiatives/*/index.html" --output-subdir pagefind)
tail -n 12 "$work/out.log"
pf_size=$(du -sk "$out/pagefind" | cut -f1)
pf_bytes=$(find "$out/pagefind" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
pf_files=$(find "$out/pagefind" -type f | wc -l)

echo "## Index build and size"
echo "| | DxCompare | Pagefind | ratio DxCompare/Pagefind |"
echo "| --- | --- | --- | --- |"
calc() { awk "BEGIN {printf \"$1\", $2}"; }
echo "| index build s | $dx_index + $dx_export = $(calc %.2f "$dx_index + $dx_export") (inside a $dx_wall s site build, peak RSS $dx_rss MB) | $pf_wall (peak RSS $pf_rss MB) | $(calc %.2f "($dx_index + $dx_export) / $pf_wall") |"
echo "| index on disk | $((dx_bytes / 1024)) KB in $dx_files files (du $dx_size KB) | $((pf_bytes / 1024)) KB in $pf_files files (du $pf_size KB) | $(calc %.2f "$dx_bytes / $pf_bytes") |"

judged_sets=${JUDGED:-tests/DxCompare.Tests/Search/judged-queries.yml tests/DxCompare.Tests/Search/everyday-queries.yml}
for set in $judged_sets; do
  name=$(basename "$set" .yml)
  echo "## Queries in chromium: $name"
  node bench/search-bench.mjs --site "$out" --judged "$set" \
    ${templates:+--templates "$templates"} ${queries:+--queries "$queries"} ${JSON:+--json "${JSON%.json}.$name.json"}
done
