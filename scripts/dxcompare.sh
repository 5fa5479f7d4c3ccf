#!/usr/bin/env bash
# Runs the generator as users and benchmarks run it: published once into .publish/ ahead-of-time compiled, and
# published again whenever a source file is newer than that publish.
#   bash scripts/dxcompare.sh build | serve --watch | validate | …   (the commands of the README)
#   bash scripts/dxcompare.sh --command    prints the command that runs the publish (for bench/build.sh)
# How it is compiled (docs/benchmarks.md has the figures):
#   native     NativeAOT: one executable, no JIT; the real content builds in a third of the time. Publishing takes
#              about 2.5 minutes and needs a C toolchain to link (clang or gcc; Debian: apt-get install clang).
#              The default where one is found.
#   readytorun ReadyToRun on the shared runtime: publishes in about 25 s, starts slower (the JIT still compiles
#              generics and tiers hot code). The default without a C toolchain; Netlify uses it (one build per deploy).
# DXCOMPARE_PUBLISH=native|readytorun chooses. If the native publish fails, the script says so and uses ReadyToRun.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
publish="$root/.publish"
# Set when a native publish failed (a toolchain without libc headers, too little memory for the compiler): the
# next runs use ReadyToRun instead of failing again, until a source file changes.
native_failed="$root/.publish-native-failed"

changed_since() { # file → prints something when a source file is newer than it (or it is missing)
  [ ! -f "$1" ] && { echo missing; return; }
  find "$root/src/DxCompare" "$root/theme" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
    \( -name obj -o -name bin \) -prune -o \
    -newer "$1" \( -name '*.cs' -o -name '*.razor' -o -name '*.csproj' -o -name '*.props' -o -name 'synonyms-*.txt' \) -print -quit
}

# The native publish is compiled for the instruction sets of the CPU it is made on (IlcInstructionSet in the project):
# its marker holds that CPU's signature, and a .publish/ made on another machine (a copied or shared folder) is made again.
cpu_signature() { grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cksum | cut -d' ' -f1; }
stale() { # mode → prints something when the publish of that mode must be made again
  changed_since "$publish/.published-$1"
  if [ "$1" = native ] && [ -f "$publish/.published-native" ] && [ "$(cat "$publish/.published-native")" != "$(cpu_signature)" ]; then
    echo "another CPU"
  fi
}

publish_as() { # mode → publishes into a fresh folder and moves it in place only when complete
  local next="$publish.next"
  rm -rf "$next"
  if [ "$1" = native ]; then
    echo "publishing the generator (native) into .publish/: about 2.5 minutes, once per source change …" >&2
    dotnet publish "$root/src/DxCompare" -c Release -r linux-x64 -p:PublishAot=true -o "$next" -v quiet -nologo >&2 || return 1
    rm -f "$next/dxcompare.dbg"
  else
    echo "publishing the generator (readytorun) into .publish/ …" >&2
    dotnet publish "$root/src/DxCompare" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
      -o "$next" -v quiet -nologo >&2 || return 1
  fi
  if [ "$1" = native ]; then cpu_signature > "$next/.published-native"; else touch "$next/.published-$1"; fi
  rm -rf "$publish"
  mv "$next" "$publish"
}

if [ -n "${DXCOMPARE_PUBLISH:-}" ]; then mode=$DXCOMPARE_PUBLISH
elif [ -z "$(changed_since "$native_failed")" ]; then mode=readytorun
elif (command -v clang || command -v gcc) >/dev/null 2>&1; then mode=native
else mode=readytorun
fi
case "$mode" in native | readytorun) ;; *) echo "DXCOMPARE_PUBLISH must be native or readytorun, not '$mode'" >&2; exit 2 ;; esac

if [ -n "$(stale "$mode")" ]; then
  if ! publish_as "$mode"; then
    if [ "$mode" = native ] && [ -z "${DXCOMPARE_PUBLISH:-}" ]; then
      echo "the native publish failed (see above); using ReadyToRun until a source file changes (DXCOMPARE_PUBLISH=readytorun skips the attempt)" >&2
      touch "$native_failed"
      mode=readytorun
      [ -z "$(stale "$mode")" ] || publish_as "$mode" || exit 1
    else
      exit 1
    fi
  else
    rm -f "$native_failed"
  fi
fi
case "$mode" in
  native) run=("$publish/dxcompare") ;;
  *) run=(dotnet "$publish/dxcompare.dll") ;;
esac
if [ "${1:-}" = "--command" ]; then echo "${run[*]}"; exit 0; fi
# For the ReadyToRun publish. W^X (on by default since .NET 7) maps every piece of jitted code twice and flips page
# protections on each tier-up; off, a build at N = 500 takes 10 % less CPU and wall time (three paired runs).
export DOTNET_EnableWriteXorExecute=0
# Tiering waits until 100 ms pass without a new method before it optimises hot ones; a build calls new methods all
# along, so its loops ran unoptimised for most of it. With 10 ms a build at N = 500 takes a third less time, and the
# real content's build no longer than before (0 ms would recompile too much of it).
# (TieredPGO is off in the project itself; this knob has no runtimeconfig setting.)
export DOTNET_TC_CallCountingDelayMs=10
exec "${run[@]}" "$@"
