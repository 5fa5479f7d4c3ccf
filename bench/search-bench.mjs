// Side-by-side search benchmark: DxCompare's static index against Pagefind on the same built site.
// Runs both clients in Debian's chromium (playwright-core, no downloaded browser) behind a local
// static server, and measures bytes fetched for a cold first query and for a next query, plus
// recall@5 and nDCG@10 on the judged queries.
//   node bench/search-bench.mjs --site output --judged tests/DxCompare.Tests/Search/judged-queries.yml
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const site = path.resolve(args.site ?? "output");
const judged = parseJudged(fs.readFileSync(args.judged ?? "tests/DxCompare.Tests/Search/judged-queries.yml", "utf8"));
const limit = Number(args.queries ?? judged.length);
const queries = judged.slice(0, limit);

// The judged file has a fixed shape (query / relevant lines); no YAML library is needed for it.
function parseJudged(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const q = line.match(/^\s*- query:\s*(.+)$/);
    if (q) out.push({ query: q[1].trim().replace(/^"(.*)"$/, "$1"), relevant: [] });
    const r = line.match(/^\s*relevant:\s*\[(.*)\]/);
    if (r && out.length) out[out.length - 1].relevant = r[1].split(",").map((s) => s.trim()).filter(Boolean);
  }
  return out;
}

const types = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".css": "text/css", ".wasm": "application/wasm" };
fs.writeFileSync(path.join(site, "bench-dx.html"), `<!DOCTYPE html><html lang="ja"><body><script src="${fs.readdirSync(path.join(site, "assets")).filter((f) => f.startsWith("search."))
  .map((f) => "/assets/" + f)[0]}"></script><script src="/bench-dx.js"></script></body></html>`);
fs.writeFileSync(path.join(site, "bench-dx.js"), `
const client = DxSearch.createClient("/search/index/", (u) => fetch(u).then((r) => r.json()));
window.run = async (q) => { const r = await client.search(q); const docs = await client.documents(r.hits.slice(0, 10).map((h) => h.doc)); return docs.map((d) => d.url); };`);
fs.writeFileSync(path.join(site, "bench-pf.html"), `<!DOCTYPE html><html lang="ja"><body><script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.options({ excerptLength: 30 });
window.run = async (q) => { const s = await pagefind.search(q); const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data())); return data.map((d) => d.url); };
window.ready = true;
</script></body></html>`);

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = path.join(site, url);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!file.startsWith(site) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function measure(name, pagePath, isSearchRequest) {
  let first = { raw: 0, gzip: 0, requests: 0 };
  let next = { raw: 0, gzip: 0, requests: 0 };
  let recall = 0, ndcg = 0, precision = 0;
  const pages = [];
  for (let i = 0; i < queries.length; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let counter = first;
    page.on("response", async (response) => {
      const url = new URL(response.url());
      if (!isSearchRequest(url.pathname)) return;
      const current = counter;
      try {
        const body = await response.body();
        current.raw += body.length;
        current.gzip += zlib.gzipSync(body).length;
        current.requests += 1;
      } catch { /* redirects have no body */ }
    });
    await page.goto(base + pagePath);
    await page.waitForFunction("typeof window.run === 'function'");
    const urls = await page.evaluate((q) => window.run(q), queries[i].query);
    await page.waitForTimeout(50);
    counter = next;
    await page.evaluate((q) => window.run(q), queries[(i + 1) % queries.length].query);
    await page.waitForTimeout(50);
    await context.close();
    const keys = urls.map((u) => (u.match(/\/([a-z0-9-]+)\/initiatives\/(\d+)\//) ?? []).slice(1, 3).join("/"));
    const relevant = new Set(queries[i].relevant);
    const found = keys.slice(0, 5).filter((k) => relevant.has(k)).length;
    recall += found / Math.min(5, relevant.size);
    precision += found / 5;
    let dcg = 0, ideal = 0;
    keys.slice(0, 10).forEach((k, r) => { if (relevant.has(k)) dcg += 1 / Math.log2(r + 2); });
    for (let r = 0; r < Math.min(10, relevant.size); r++) ideal += 1 / Math.log2(r + 2);
    ndcg += ideal ? dcg / ideal : 0;
    pages.push(keys);
  }
  const n = queries.length;
  return {
    name,
    firstQueryKB: first.raw / n / 1024, firstQueryGzipKB: first.gzip / n / 1024, firstRequests: first.requests / n,
    nextQueryKB: next.raw / n / 1024, nextQueryGzipKB: next.gzip / n / 1024, nextRequests: next.requests / n,
    recallAt5: recall / n, ndcgAt10: ndcg / n, precisionAt5: precision / n,
  };
}

const results = [];
results.push(await measure("DxCompare", "/bench-dx.html", (p) => p.startsWith("/search/index/") || (p.startsWith("/assets/search.") && p.endsWith(".js"))));
if (fs.existsSync(path.join(site, "pagefind"))) results.push(await measure("Pagefind", "/bench-pf.html", (p) => p.startsWith("/pagefind/")));
await browser.close();
server.close();
for (const f of ["bench-dx.html", "bench-dx.js", "bench-pf.html"]) fs.rmSync(path.join(site, f));

const fmt = (v) => (typeof v === "number" ? v.toFixed(v >= 10 ? 1 : 3) : v);
console.log(`queries: ${queries.length}`);
console.log("| engine | first query KB (gzip) | requests | next query KB (gzip) | requests | recall@5 | nDCG@10 | P@5 |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of results) {
  console.log(`| ${r.name} | ${fmt(r.firstQueryKB)} (${fmt(r.firstQueryGzipKB)}) | ${fmt(r.firstRequests)} | ${fmt(r.nextQueryKB)} (${fmt(r.nextQueryGzipKB)}) | ${fmt(r.nextRequests)} | ${fmt(r.recallAt5)} | ${fmt(r.ndcgAt10)} | ${fmt(r.precisionAt5)} |`);
}
if (results.length === 2) {
  const [dx, pf] = results;
  console.log(`ratios DxCompare/Pagefind: first query bytes ${(dx.firstQueryGzipKB / pf.firstQueryGzipKB).toFixed(2)} (gzip), next query bytes ${(dx.nextQueryGzipKB / pf.nextQueryGzipKB).toFixed(2)} (gzip)`);
}
fs.writeFileSync(args.json ?? "/dev/null", JSON.stringify(results, null, 2));
