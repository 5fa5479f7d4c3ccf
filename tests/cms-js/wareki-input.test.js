// 和暦 typed into a CMS year field (theme/admin/wareki.js parse) against FiscalYear.TryParseWareki (vectors written by C#).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const { parse } = require("../../theme/admin/wareki.js");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "vectors", "wareki-input.json"), "utf8"));
for (const c of vectors.cases) {
  test(`和暦 input ${c.input}`, () => assert.strictEqual(parse(c.input, vectors.rules), c.fy));
}
