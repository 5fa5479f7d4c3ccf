#!/usr/bin/env bash
# Build benchmark: DxCompare against Hugo on the same pages, in one run, for several corpus sizes.
#   bash bench/build.sh [N ...]        (default: 2 100 500; 2 is the real content, others are synthetic)
#   REPEATS=5 bash bench/build.sh …    (each size is built REPEATS times by each tool, in turns; default 3, and three
#                                       times as often up to N = 100; the table shows each tool's median run by wall
#                                       time, and the ratio of the medians)
# Needs: the .NET SDK, Debian's hugo and GNU time (/usr/bin/time). Prints a Markdown table.
# CI runs it at N = 2 (tests/DxCompare.Tests/Bench/BuildBenchmarkScriptTests.cs); the timings are never a test.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2 100 500}")
sizes=(${sizes[@]})
repeats=${REPEATS:-3}
work=$(mktemp -d)
phases=()
walls=()
trap 'rm -rf "$work"' EXIT
# The generator as the README runs it (scripts/dxcompare.sh: NativeAOT where clang is installed, else ReadyToRun;
# published here when stale), timed without the script's staleness check.
dx=$(bash scripts/dxcompare.sh --command)
export DOTNET_EnableWriteXorExecute=0 DOTNET_TC_CallCountingDelayMs=10 # as scripts/dxcompare.sh runs it

measure() { # label, command... → "wall cpu rss_mb"
  local log="$work/time.log"
  /usr/bin/time -v "$@" >"$work/out.log" 2>"$log" || { cat "$work/out.log" "$log" >&2; return 1; }
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  echo "$wall $cpu $rss"
}

median() { printf '%s\n' "$@" | sort -n -k1,1 | sed -n "$(( ($# + 1) / 2 ))p"; } # lines "wall …" → the median one

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -srm); $(date -u +%F); $(dotnet --version) / $(hugo version | cut -d' ' -f2); generator: $dx"
echo
echo "| N | initiatives | pages | DxCompare wall s | CPU s | peak RSS MB | pages/s | output MB | Hugo wall s | CPU s | peak RSS MB | time ratio DxCompare/Hugo | DxCompare page-rendering phase s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in "${sizes[@]}"; do
  if [ "$n" = "2" ]; then content=content; else content="$work/content-$n"; $dx bench generate --municipalities "$n" --seed 1 --out "$content" >/dev/null; fi
  initiatives=$($dx validate "$content" | sed -E 's/.* ([0-9]+) initiatives.*/\1/')
  $dx bench hugo --content "$content" --out "$work/hugo-$n" >/dev/null
  # In turns (DxCompare, Hugo, DxCompare, …) into fresh folders, so that a slow moment of this shared machine
  # falls on both tools; each tool's median run is reported.
  druns=(); hruns=()
  # Small builds take a tenth of a second, and on this VM's disk one of three can take twice as long as the others
  # (docs/benchmarks.md, eighth round): nine runs each cost nothing and steady the median.
  runs=$repeats
  if [ "$n" -le 100 ]; then runs=$((3 * repeats)); fi
  for r in $(seq "$runs"); do
    druns+=("$(measure env CI=true $dx build --content "$content" --output "$work/out-$n-$r") $(grep -oE 'pages [0-9.]+ s' "$work/out.log" | grep -oE '[0-9.]+') $r")
    cp "$work/out.log" "$work/out-$n-$r.log"
    hruns+=("$(measure hugo --quiet -s "$work/hugo-$n" -d "$work/hugo-$n/public-$r")")
  done
  read -r dwall dcpu drss phase run < <(median "${druns[@]}")
  read -r hwall hcpu hrss < <(median "${hruns[@]}")
  pages=$(grep -oE '^[0-9,]+ pages' "$work/out-$n-$run.log" | tr -d ', pages')
  phases+=("N = $n: $(grep -oE 'phases: .*' "$work/out-$n-$run.log")")
  dwalls=$(printf '%s\n' "${druns[@]}" | cut -d' ' -f1 | sort -n | paste -sd/)
  hwalls=$(printf '%s\n' "${hruns[@]}" | cut -d' ' -f1 | sort -n | paste -sd/)
  walls+=("N = $n: DxCompare $dwalls s, Hugo $hwalls s")
  size=$(du -sm "$work/out-$n-$run" | cut -f1)
  echo "| $n | $initiatives | $pages | $dwall | $dcpu | $drss | $(echo "$pages / $dwall" | bc) | $size | $hwall | $hcpu | $hrss | $(echo "scale=2; $dwall / $hwall" | bc) | $phase |"
  # Outputs are removed only at the end: ext4 without a journal (this VM's disk) skips inodes deleted in the last
  # minutes when it allocates new ones, so a build just after a large deletion pays for it in system time
  # (docs/benchmarks.md), and whichever tool ran next would be charged for the previous size's cleanup.
done
echo
echo "Every run's wall time (s, sorted; $repeats runs each, $((3 * repeats)) up to N = 100):"
printf -- '- %s\n' "${walls[@]}"
echo
echo "DxCompare phases (its median run):"
printf -- '- %s\n' "${phases[@]}"
echo
echo "Incremental rebuild after editing one plan (serve --watch), largest N:"
last=${sizes[-1]}
# The incremental benchmark edits a plan file and restores it: the real content is edited in a copy.
if [ "$last" = "2" ]; then cp -r content "$work/content-2"; fi
content="$work/content-$last"
CI=true $dx bench incremental --content "$content" --output "$work/inc"
