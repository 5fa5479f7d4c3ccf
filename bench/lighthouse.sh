#!/usr/bin/env bash
# Lighthouse (mobile, the default) on every page type of the built site, in Debian's chromium.
#   bash bench/lighthouse.sh [output-folder]     (default: builds the real content into a temporary folder)
# Needs: npm ci (lighthouse 12.2.3 is a dev dependency; 13 needs Node 22), chromium. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
site=${1:-}
dotnet build src/DxCompare -v quiet -nologo >/dev/null
dx="dotnet src/DxCompare/bin/Debug/net10.0/dxcompare.dll"
if [ -z "$site" ]; then site="$work/site"; $dx build --output "$site" >/dev/null; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$dx serve --output "$site" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done

pages=(/ /taito/ /taito/initiatives/4/ /koto/ /koto/initiatives/1/ /topics/ /topics/online-procedures/ /indicators/
  /indicators/online-procedure-rate/ /indicators/generative-ai-usage/ /compare/ /search/ "/search/?q=%E3%83%86%E3%83%AC%E3%83%AF%E3%83%BC%E3%82%AF"
  /data/ /about/ /404.html)
echo "machine: $(nproc) cores; $(date -u +%F); lighthouse $(npx lighthouse --version), $(chromium --version 2>/dev/null | head -1), mobile emulation"
echo
echo "| page | performance | accessibility | best practices | SEO |"
echo "| --- | --- | --- | --- | --- |"
for page in "${pages[@]}"; do
  CHROME_PATH=/usr/bin/chromium npx lighthouse "http://127.0.0.1:$port$page" --quiet --output=json --output-path="$work/report.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null 2>&1 || { echo "| $page | failed | | | |"; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories; const s = k => Math.round(c[k].score * 100);
    console.log(`| ${decodeURIComponent(process.argv[2])} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
  ' "$work/report.json" "$page"
done
