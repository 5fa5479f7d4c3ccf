// Bytes per query by file kind, without a browser: replays the judged queries through the shipped
// search.js in node over a built site, as bench/search-bench.mjs does in chromium (query i in a fresh
// client, then query i + 1 in the same client; the top 10 fragments of each), and sums the files each
// fetches. gzip sizes with node's zlib, as in search-bench.mjs.
//   node bench/search-bytes.mjs --site output [--judged tests/DxCompare.Tests/Search/judged-queries.yml]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith("--") ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const site = path.resolve(args.site ?? "output");
const dir = path.join(site, "search", "index") + "/";
// The client is the theme's (the site publishes the same files with a hash in their names); its bytes are the site's search*.js.
const DxSearch = createRequire(import.meta.url)("../theme/assets/search.js");
const scripts = fs.readdirSync(path.join(site, "assets")).filter((f) => /^search[.-].*js$/.test(f)).map((f) => path.join(site, "assets", f));
const queries = fs.readFileSync(args.judged ?? "tests/DxCompare.Tests/Search/judged-queries.yml", "utf8").split("\n")
  .map((l) => l.match(/^\s*- query:\s*(.+)$/)).filter(Boolean).map((m) => m[1].trim().replace(/^"(.*)"$/, "$1"));

const sizes = new Map();
const sizeOf = (file) => {
  if (!sizes.has(file)) { const b = fs.readFileSync(dir + file); sizes.set(file, [b.length, zlib.gzipSync(b).length]); }
  return sizes.get(file);
};
const kindOf = (file) => file.split(/[-./]/)[0];
const totals = { first: new Map(), next: new Map() };
for (let i = 0; i < queries.length; i++) {
  let phase = "first";
  const client = DxSearch.createClient(dir, (url) => {
    const file = url.slice(dir.length);
    const [raw, gzip] = sizeOf(file);
    const t = totals[phase].get(kindOf(file)) ?? { raw: 0, gzip: 0, files: 0 };
    totals[phase].set(kindOf(file), { raw: t.raw + raw, gzip: t.gzip + gzip, files: t.files + 1 });
    return Promise.resolve(fs.readFileSync(url));
  });
  for (const query of [queries[i], queries[(i + 1) % queries.length]]) {
    const result = await client.search(query);
    await client.documents(result.hits.slice(0, 10).map((h) => h.doc));
    phase = "next";
  }
}
const js = scripts.map((f) => fs.readFileSync(f));
const kb = (bytes) => (bytes / queries.length / 1024).toFixed(1);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
console.log(`queries: ${queries.length}; the client (${js.length} files: search*.js) ${(sum(js.map((b) => b.length)) / 1024).toFixed(1)} KB (${(sum(js.map((b) => zlib.gzipSync(b).length)) / 1024).toFixed(1)} KB gzip), fetched once by a first query`);
console.log("| query | file | KB per query | KB gzip per query | files per query |");
console.log("| --- | --- | --- | --- | --- |");
for (const [phase, kinds] of Object.entries(totals)) {
  const all = { raw: 0, gzip: 0, files: 0 };
  for (const [kind, t] of kinds) {
    console.log(`| ${phase} | ${kind} | ${kb(t.raw)} | ${kb(t.gzip)} | ${(t.files / queries.length).toFixed(1)} |`);
    all.raw += t.raw; all.gzip += t.gzip; all.files += t.files;
  }
  console.log(`| ${phase} | all index files | ${kb(all.raw)} | ${kb(all.gzip)} | ${(all.files / queries.length).toFixed(1)} |`);
}
