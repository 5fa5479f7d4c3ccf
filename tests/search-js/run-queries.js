// Runs queries through the browser client against a built site's static index, from disk.
// Usage: node run-queries.js <site-output-dir> <queries.json>
//   → prints {query + JSON filters: {total, message, urls: [top 10], shown: ["江東区 取組7 title", …]}}, shown as the results page writes each result
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const DxSearch = require(path.join(__dirname, "..", "..", "theme", "assets", "search.js"));

const [site, queriesFile] = process.argv.slice(2);
const fetchBytes = (url) => Promise.resolve(fs.readFileSync(path.join(site, url)));
const client = DxSearch.createClient("/search/index/", fetchBytes);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));

(async () => {
  const out = {};
  for (const q of queries) {
    const result = await client.search(q.query, q.filters || {});
    const docs = await client.documents(result.hits.slice(0, 10).map((h) => h.doc));
    out[q.query + (q.filters ? JSON.stringify(q.filters) : "")] = {
      total: result.total, message: result.message, urls: docs.map((d) => d.url), municipality: result.municipality ?? null,
      snippets: docs.map((d) => DxSearch.snippet(DxSearch.snippetSource(d, result.asksForFigure), result.terms, 30, 120, result.anchors).map((p) => p.text).join("")),
      shown: docs.map((d) => `${d.municipality} ${d.label}${d.isNew ? " 新規" : ""} ${d.title}`),
    };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
