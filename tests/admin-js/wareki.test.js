// The CMS's 和暦 labels agree with the site's (C# FiscalYear.Wareki) on every vector.
const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");
const { wareki } = require("../../theme/admin/wareki.js");
const vectors = require("../vectors/wareki.json");

test("wareki.js labels every fiscal year like the site", () => {
  for (const [fy, label] of vectors) assert.strictEqual(wareki(fy), label, `FY${fy}`);
});

test("FY2019 is 令和元年度 and FY1989 平成元年度", () => {
  assert.strictEqual(wareki(2019), "令和元年度");
  assert.strictEqual(wareki(1989), "平成元年度");
});
