// Side-by-side search benchmark: DxCompare's static index against Pagefind on the same built site.
// Runs both clients in Debian's chromium (playwright-core, no downloaded browser) behind a local
// static server, and measures bytes fetched for a cold first query and for a next query, plus
// recall@5, P@5, P@10 and nDCG@10 on the judged queries.
//   node bench/search-bench.mjs --site output --judged tests/DxCompare.Tests/Search/judged-queries.yml
//        [--templates DIR/templates.json] [--queries N] [--json results.json]
// With --templates (a synthetic corpus from `dxcompare bench generate`), a result is relevant when the
// real initiative it copies is relevant; metrics are then cut at what a top k can hold (docs/search.md,
// "Search at scale").
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
// Synthetic key "slug/number" → the real "taito/N" / "koto/N" it copies; on real content every key is its own template.
const templates = args.templates ? JSON.parse(fs.readFileSync(args.templates, "utf8")) : null;
const templateOf = (key) => (templates ? templates[key] : key);
// How many results each real initiative stands for (1 on real content, ~1,160 copies at N = 1,788).
const copies = new Map();
if (templates) for (const t of Object.values(templates)) copies.set(t, (copies.get(t) ?? 0) + 1);
const copiesOf = (template) => (templates ? copies.get(template) ?? 0 : 1);

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
const client = DxSearch.createClient("/search/index/", (u) => fetch(u).then((r) => r.arrayBuffer()));
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
  let recall = 0, ndcg = 0, precision5 = 0, precision10 = 0, coverage = 0;
  const firstMs = [], nextMs = [], perQuery = [];
  for (let i = 0; i < queries.length; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let counter = first;
    const pending = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (!isSearchRequest(url.pathname)) return;
      const current = counter;
      pending.push(response.body().then((body) => {
        current.raw += body.length;
        current.gzip += zlib.gzipSync(body).length;
        current.requests += 1;
      }, () => { /* redirects have no body */ }));
    });
    // Every body is counted before the phase ends and before the context closes.
    const settle = async () => { await page.waitForTimeout(50); while (pending.length) await Promise.all(pending.splice(0)); };
    const started = Date.now();
    await page.goto(base + pagePath);
    await page.waitForFunction("typeof window.run === 'function'", null, { timeout: 120_000 });
    const urls = await page.evaluate((q) => window.run(q), queries[i].query);
    firstMs.push(Date.now() - started);
    await settle();
    counter = next;
    const nextStarted = Date.now();
    await page.evaluate((q) => window.run(q), queries[(i + 1) % queries.length].query);
    nextMs.push(Date.now() - nextStarted);
    await settle();
    await context.close();
    const keys = urls.map((u) => (u.match(/\/([a-z0-9-]+)\/initiatives\/(\d+)\//) ?? []).slice(1, 3).join("/"));
    const relevantTemplates = new Set(queries[i].relevant);
    // |R|: every initiative whose template is relevant (on real content, the judged list itself).
    const relevantCount = [...relevantTemplates].reduce((sum, t) => sum + copiesOf(t), 0);
    const isRelevant = keys.map((k) => relevantTemplates.has(templateOf(k)));
    const found5 = isRelevant.slice(0, 5).filter(Boolean).length;
    const found10 = isRelevant.slice(0, 10).filter(Boolean).length;
    recall += relevantCount ? found5 / Math.min(5, relevantCount) : 0;
    precision5 += found5 / 5;
    precision10 += found10 / 10;
    let dcg = 0, ideal = 0;
    isRelevant.slice(0, 10).forEach((rel, r) => { if (rel) dcg += 1 / Math.log2(r + 2); });
    for (let r = 0; r < Math.min(10, relevantCount); r++) ideal += 1 / Math.log2(r + 2);
    ndcg += ideal ? dcg / ideal : 0;
    // Distinct relevant real initiatives among the top 10, out of as many as 10 results can show.
    const distinct = new Set(keys.slice(0, 10).map(templateOf).filter((t) => relevantTemplates.has(t))).size;
    coverage += distinct / Math.min(10, relevantTemplates.size);
    perQuery.push({ query: queries[i].query, top10: keys, relevantInTop10: found10, distinctRelevantTemplates: distinct });
  }
  const n = queries.length;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    name,
    firstQueryKB: first.raw / n / 1024, firstQueryGzipKB: first.gzip / n / 1024, firstRequests: first.requests / n,
    nextQueryKB: next.raw / n / 1024, nextQueryGzipKB: next.gzip / n / 1024, nextRequests: next.requests / n,
    firstQueryMedianMs: median(firstMs), nextQueryMedianMs: median(nextMs),
    recallAt5: recall / n, ndcgAt10: ndcg / n, precisionAt5: precision5 / n, precisionAt10: precision10 / n,
    templateRecallAt10: coverage / n, perQuery,
  };
}

const results = [];
results.push(await measure("DxCompare", "/bench-dx.html", (p) => p.startsWith("/search/index/") || (p.startsWith("/assets/search.") && p.endsWith(".js"))));
if (fs.existsSync(path.join(site, "pagefind"))) results.push(await measure("Pagefind", "/bench-pf.html", (p) => p.startsWith("/pagefind/")));
await browser.close();
server.close();
for (const f of ["bench-dx.html", "bench-dx.js", "bench-pf.html"]) fs.rmSync(path.join(site, f));

const fmt = (v) => (typeof v === "number" ? v.toFixed(v >= 10 ? 1 : 3) : v);
console.log(`queries: ${queries.length}${templates ? `; synthetic corpus, ${Object.keys(templates).length} initiatives copying ${copies.size} real ones` : ""}`);
console.log("| engine | first query KB (gzip) | requests | next query KB (gzip) | requests | median ms first / next | recall@5 | nDCG@10 | P@5 | P@10 |" + (templates ? " template recall@10 |" : ""));
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (templates ? " --- |" : ""));
for (const r of results) {
  console.log(`| ${r.name} | ${fmt(r.firstQueryKB)} (${fmt(r.firstQueryGzipKB)}) | ${fmt(r.firstRequests)} | ${fmt(r.nextQueryKB)} (${fmt(r.nextQueryGzipKB)}) | ${fmt(r.nextRequests)} | ${r.firstQueryMedianMs} / ${r.nextQueryMedianMs} | ${fmt(r.recallAt5)} | ${fmt(r.ndcgAt10)} | ${fmt(r.precisionAt5)} | ${fmt(r.precisionAt10)} |` + (templates ? ` ${fmt(r.templateRecallAt10)} |` : ""));
}
if (results.length === 2) {
  const [dx, pf] = results;
  console.log(`ratios DxCompare/Pagefind: first query bytes ${(dx.firstQueryKB / pf.firstQueryKB).toFixed(2)} (gzip ${(dx.firstQueryGzipKB / pf.firstQueryGzipKB).toFixed(2)}), next query bytes ${(dx.nextQueryKB / pf.nextQueryKB).toFixed(2)} (gzip ${(dx.nextQueryGzipKB / pf.nextQueryGzipKB).toFixed(2)})`);
}
fs.writeFileSync(args.json ?? "/dev/null", JSON.stringify(results, null, 2));
