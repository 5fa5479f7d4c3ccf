// Checks that the browser's analysis (theme/assets/search.js) produces exactly the terms the C# analyzer
// produced for the same texts: vectors.json is written by the C# side and committed.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const DxSearch = require(path.join(__dirname, "..", "..", "theme", "assets", "search.js"));
const vectors = require("./vectors.json");

test("vectors cover the whole content", () => {
  assert.ok(vectors.cases.length > 100, `only ${vectors.cases.length} vectors`);
});

test("browser analysis equals the C# analyzer on every vector", () => {
  const failures = [];
  for (const c of vectors.cases) {
    const actual = DxSearch.analyze(c.text, vectors.analyzer);
    if (JSON.stringify(actual) !== JSON.stringify(c.terms)) {
      failures.push(`${JSON.stringify(c.text.slice(0, 60))}\n  C#: ${c.terms.join(" ")}\n  JS: ${actual.join(" ")}`);
    }
  }
  assert.deepStrictEqual(failures.slice(0, 5), []);
});

test("norm decoding matches Lucene's SmallFloat.byte315ToFloat", () => {
  assert.strictEqual(DxSearch.byte315ToFloat(0), 0);
  assert.strictEqual(DxSearch.byte315ToFloat(124), 1);
});
