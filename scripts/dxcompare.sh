#!/usr/bin/env bash
# Runs the generator as users and benchmarks run it: published once with ReadyToRun (ahead-of-time compiled, so a
# build of the real content spends its time building, not compiling itself; docs/benchmarks.md has the figures)
# into .publish/, and published again whenever a source file is newer than that publish.
#   bash scripts/dxcompare.sh build | serve --watch | validate | …   (the commands of the README)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
publish="$root/.publish"
dll="$publish/dxcompare.dll"
if [ ! -f "$dll" ] || [ -n "$(find "$root/src/DxCompare" "$root/theme" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
    -newer "$dll" \( -name '*.cs' -o -name '*.razor' -o -name '*.csproj' -o -name '*.props' -o -name 'synonyms-*.txt' \) -print -quit)" ]; then
  echo "publishing the generator (ReadyToRun) into .publish/ …" >&2
  dotnet publish "$root/src/DxCompare" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$publish" -v quiet -nologo >&2
  touch "$dll"
fi
# W^X (on by default since .NET 7) maps every piece of jitted code twice and flips page protections on each
# tier-up; off, a build at N = 500 takes 10 % less CPU and wall time (three paired runs, docs/benchmarks.md).
export DOTNET_EnableWriteXorExecute=0
# Tiering waits until 100 ms pass without a new method before it optimises hot ones; a build calls new methods all
# along, so its loops ran unoptimised for most of it. With 10 ms a build at N = 500 takes a third less time, and the
# real content's build no longer than before (0 ms would recompile too much of it; docs/benchmarks.md).
# (TieredPGO is off in the project itself; this knob has no runtimeconfig setting.)
export DOTNET_TC_CallCountingDelayMs=10
exec dotnet "$dll" "$@"
