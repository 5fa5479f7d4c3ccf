#!/usr/bin/env bash
# Spreadsheet benchmark: `sheet export` and `sheet import` of the largest real plan (taito, 38 取組) and of a
# synthetic plan with 500 initiatives (`bench generate`). Each command runs as a process (start-up included),
# three times; the table shows the median wall time and the peak memory of that run.
#   bash bench/sheets.sh [INITIATIVES]     (default 500)
# Needs: the .NET SDK and GNU time (/usr/bin/time). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
initiatives=${1:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/DxCompare -c Release -v quiet -nologo >/dev/null
dx="dotnet src/DxCompare/bin/Release/net10.0/dxcompare.dll"

measure() { # command... → "wall_s rss_mb" (median of three runs by wall time)
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" "$@" >"$work/out.log" 2>"$work/time.log" || { cat "$work/out.log" "$work/time.log" >&2; return 1; }
    tail -1 "$work/time.log"
  done | sort -n | sed -n 2p | awk '{printf "%s %.0f\n", $1, $2/1024}'
}

# The synthetic plan: one municipality, as bench generate draws it from the real plans.
$dx bench generate --municipalities 1 --initiatives "$initiatives" --seed 1 --out "$work/synthetic" >/dev/null
# bench generate does not write vocabulary.yml yet (since issue 12 made the vocabulary content): take the real one.
[ -f "$work/synthetic/vocabulary.yml" ] || cp content/vocabulary.yml "$work/synthetic/"
synthetic=$(basename "$(ls "$work"/synthetic/plans/*.yml | head -1)" .yml)
# Nor does it number 施策 uniquely when one plan has more pillars' worth of them than the real plans (issue 12's
# rule: a number reused under another parent needs an id): number them through the plan, as Taito does.
python3 - "$work/synthetic/plans/$synthetic.yml" <<'PY'
import re, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
# bench generate writes the canonical block YAML: a pillar's `policies:` at indent 4, each policy's `- number:` at 6.
n, in_policies = 0, False
for i, line in enumerate(lines):
    if re.match(r"^    policies:\s*$", line):
        in_policies = True
    elif re.match(r"^ {0,4}\S", line):
        in_policies = False
    elif in_policies and re.match(r"^      - number: \d+$", line):
        n += 1
        lines[i] = f"      - number: {n}"
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -srm); $(date -u +%F); $(dotnet --version)"
echo
echo "| plan | YAML lines | workbook KB | export s | export MB | import (unchanged) s | import MB | import (new file) s |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
row() { # label, content dir, slug
  local label=$1 content=$2 slug=$3 book="$work/$3.xlsx"
  local yaml="$content/plans/$slug.yml"
  local lines
  lines=$(wc -l <"$yaml")
  read -r export_s export_mb < <(measure $dx sheet export --plan "$slug" --out "$book" --content "$content")
  local kb=$(( $(stat -c %s "$book") / 1024 ))
  read -r import_s import_mb < <(measure $dx sheet import "$book" --content "$content")
  # The same workbook into a copy of the content without the plan: the canonical writer instead of the patch.
  rm -rf "$work/fresh" && cp -r "$content" "$work/fresh" && rm "$work/fresh/plans/$slug.yml"
  # A content folder needs at least one plan: the synthetic one is alone in its folder, so Koto's keeps it valid.
  [ -n "$(ls "$work/fresh/plans")" ] || cp content/plans/koto.yml "$work/fresh/plans/"
  read -r fresh_s _ < <(measure $dx sheet import "$book" --content "$work/fresh" --check)
  echo "| $label | $lines | $kb | $export_s | $export_mb | $import_s | $import_mb | $fresh_s |"
}
row "taito (real, 38 取組)" content taito
row "synthetic ($initiatives 取組)" "$work/synthetic" "$synthetic"
