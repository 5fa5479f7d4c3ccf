// Side-by-side search benchmark: DxCompare's static index against Pagefind on the same built site.
// Runs both clients in Debian's chromium (playwright-core, no downloaded browser) behind a local
// static server, and measures bytes fetched for a cold first query and for a next query, plus the
// metrics `dxcompare bench quality` reports (Search/Evaluation.cs, same definitions): recall@5, nDCG@10
// (gain 2 relevant, 1 partial), P@5, MRR and the zero-result rate over queries with judgements, the most
// hits a should-find-nothing query returns, and P@10.
//   node bench/search-bench.mjs --site output --judged tests/DxCompare.Tests/Search/judged-queries.yml
//        [--templates DIR/templates.json] [--queries N] [--json results.json]
// With --templates (a synthetic corpus from `dxcompare bench generate`), a result is graded as the
// real initiative it copies; metrics are then cut at what a top k can hold (docs/search.md,
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

// The judged files have a fixed shape (query / relevant / partial / kind lines); no YAML library is needed.
function parseJudged(text) {
  const out = [];
  const list = (v) => v.split(",").map((s) => s.trim()).filter(Boolean);
  for (const line of text.split("\n")) {
    const q = line.match(/^\s*- query:\s*(.+)$/);
    if (q) out.push({ query: q[1].trim().replace(/^"(.*)"$/, "$1"), relevant: [], partial: [], kind: null });
    if (!out.length) continue;
    const r = line.match(/^\s*relevant:\s*\[(.*)\]/);
    if (r) out[out.length - 1].relevant = list(r[1]);
    const p = line.match(/^\s*partial:\s*\[(.*)\]/);
    if (p) out[out.length - 1].partial = list(p[1]);
    const k = line.match(/^\s*kind:\s*(\S+)/);
    if (k) out[out.length - 1].kind = k[1];
  }
  return out;
}

// Text is served as UTF-8 (search.js holds Japanese literals; without a charset chromium reads a classic script as windows-1252).
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm" };
// The client's modules as the search page loads them (theme/layouts/SearchPage.razor), published with a hash in their names.
const modules = ["search-analysis", "search-ranking", "search-index", "search", "search-page"]
  .map((m) => "/assets/" + fs.readdirSync(path.join(site, "assets")).find((f) => f.startsWith(m + ".") && f.endsWith(".js")));
fs.writeFileSync(path.join(site, "bench-dx.html"), `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"></head><body>${modules.map((m) => `<script src="${m}"></script>`).join("")}<script src="/bench-dx.js"></script></body></html>`);
fs.writeFileSync(path.join(site, "bench-dx.js"), `
const client = DxSearch.createClient("/search/index/", (u) => fetch(u).then((r) => r.arrayBuffer()));
window.run = async (q) => { const r = await client.search(q); const docs = await client.documents(r.hits.slice(0, 10).map((h) => h.doc)); return { urls: docs.map((d) => d.url), total: r.total }; };`);
fs.writeFileSync(path.join(site, "bench-pf.html"), `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"></head><body><script type="module">
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.options({ excerptLength: 30 });
window.run = async (q) => { const s = await pagefind.search(q); const data = await Promise.all(s.results.slice(0, 10).map((r) => r.data())); return { urls: data.map((d) => d.url), total: s.results.length }; };
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
  let recall = 0, ndcg = 0, precision5 = 0, precision10 = 0, coverage = 0, mrr = 0, zero = 0, judgedCount = 0, nothingCount = 0, nothingMax = 0;
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
    const { urls, total } = await page.evaluate((q) => window.run(q), queries[i].query);
    firstMs.push(Date.now() - started);
    await settle();
    counter = next;
    const nextStarted = Date.now();
    await page.evaluate((q) => window.run(q), queries[(i + 1) % queries.length].query);
    nextMs.push(Date.now() - nextStarted);
    await settle();
    await context.close();
    const keys = urls.map((u) => (u.match(/\/([a-z0-9-]+)\/initiatives\/(\d+)\//) ?? []).slice(1, 3).join("/"));
    const q = queries[i];
    perQuery.push({ query: q.query, kind: q.kind, total, top10: keys });
    if (q.relevant.length === 0 && q.partial.length === 0) {
      nothingCount++;
      nothingMax = Math.max(nothingMax, total);
      continue;
    }
    judgedCount++;
    if (total === 0) zero++;
    // A result's grade is its template's: 2 relevant, 1 partial, 0 otherwise.
    const grade = (k) => (q.relevant.includes(templateOf(k)) ? 2 : q.partial.includes(templateOf(k)) ? 1 : 0);
    const grades = keys.slice(0, 10).map(grade);
    // |R| and the ideal gains: every initiative whose template is judged (on real content, the judged lists themselves).
    const idealGains = [...q.relevant.flatMap((t) => Array(Math.min(10, copiesOf(t))).fill(2)), ...q.partial.flatMap((t) => Array(Math.min(10, copiesOf(t))).fill(1))].slice(0, 10);
    const judgedCountQ = [...q.relevant, ...q.partial].reduce((sum, t) => sum + copiesOf(t), 0);
    const found5 = grades.slice(0, 5).filter((g) => g > 0).length;
    const found10 = grades.filter((g) => g > 0).length;
    recall += judgedCountQ ? found5 / Math.min(5, judgedCountQ) : 0;
    precision5 += found5 / 5;
    precision10 += found10 / 10;
    const firstHit = grades.findIndex((g) => g > 0);
    mrr += firstHit < 0 ? 0 : 1 / (firstHit + 1);
    let dcg = 0, ideal = 0;
    grades.forEach((g, r) => { dcg += g / Math.log2(r + 2); });
    idealGains.forEach((g, r) => { ideal += g / Math.log2(r + 2); });
    ndcg += ideal ? dcg / ideal : 0;
    // Distinct judged real initiatives among the top 10, out of as many as 10 results can show.
    const judgedTemplates = new Set([...q.relevant, ...q.partial]);
    const distinct = new Set(keys.slice(0, 10).map(templateOf).filter((t) => judgedTemplates.has(t))).size;
    coverage += distinct / Math.min(10, judgedTemplates.size);
    Object.assign(perQuery[perQuery.length - 1], { relevantInTop10: found10, distinctRelevantTemplates: distinct });
  }
  const n = queries.length, j = Math.max(1, judgedCount);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    name,
    firstQueryKB: first.raw / n / 1024, firstQueryGzipKB: first.gzip / n / 1024, firstRequests: first.requests / n,
    nextQueryKB: next.raw / n / 1024, nextQueryGzipKB: next.gzip / n / 1024, nextRequests: next.requests / n,
    firstQueryMedianMs: median(firstMs), nextQueryMedianMs: median(nextMs),
    recallAt5: recall / j, ndcgAt10: ndcg / j, precisionAt5: precision5 / j, mrr: mrr / j, zeroResultRate: zero / j,
    precisionAt10: precision10 / j, templateRecallAt10: coverage / j, nothingQueries: nothingCount, nothingMaxHits: nothingMax, perQuery,
  };
}

const results = [];
results.push(await measure("DxCompare", "/bench-dx.html", (p) => p.startsWith("/search/index/") || (p.startsWith("/assets/search") && p.endsWith(".js"))));
if (fs.existsSync(path.join(site, "pagefind"))) results.push(await measure("Pagefind", "/bench-pf.html", (p) => p.startsWith("/pagefind/")));
await browser.close();
server.close();
for (const f of ["bench-dx.html", "bench-dx.js", "bench-pf.html"]) fs.rmSync(path.join(site, f));

const fmt = (v) => (typeof v === "number" ? v.toFixed(v >= 10 ? 1 : 3) : v);
console.log(`queries: ${queries.length}${templates ? `; synthetic corpus, ${Object.keys(templates).length} initiatives copying ${copies.size} real ones` : ""}`);
console.log("| engine | first query KB (gzip) | requests | next query KB (gzip) | requests | median ms first / next | recall@5 | nDCG@10 | P@5 | MRR | zero-result rate | most hits, should find nothing | P@10 |" + (templates ? " template recall@10 |" : ""));
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (templates ? " --- |" : ""));
for (const r of results) {
  console.log(`| ${r.name} | ${fmt(r.firstQueryKB)} (${fmt(r.firstQueryGzipKB)}) | ${fmt(r.firstRequests)} | ${fmt(r.nextQueryKB)} (${fmt(r.nextQueryGzipKB)}) | ${fmt(r.nextRequests)} | ${r.firstQueryMedianMs} / ${r.nextQueryMedianMs} | ${fmt(r.recallAt5)} | ${fmt(r.ndcgAt10)} | ${fmt(r.precisionAt5)} | ${fmt(r.mrr)} | ${fmt(r.zeroResultRate)} | ${r.nothingQueries ? r.nothingMaxHits : "—"} | ${fmt(r.precisionAt10)} |` + (templates ? ` ${fmt(r.templateRecallAt10)} |` : ""));
}
if (results.length === 2) {
  const [dx, pf] = results;
  console.log(`ratios DxCompare/Pagefind: first query bytes ${(dx.firstQueryKB / pf.firstQueryKB).toFixed(2)} (gzip ${(dx.firstQueryGzipKB / pf.firstQueryGzipKB).toFixed(2)}), next query bytes ${(dx.nextQueryKB / pf.nextQueryKB).toFixed(2)} (gzip ${(dx.nextQueryGzipKB / pf.nextQueryGzipKB).toFixed(2)})`);
}
fs.writeFileSync(args.json ?? "/dev/null", JSON.stringify(results, null, 2));
