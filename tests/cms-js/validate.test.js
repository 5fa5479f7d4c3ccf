// The CMS's validator (theme/admin/validate.js) against `validate`: same Japanese message on the same line for
// every case of tests/vectors/validation-cases.json (expected results written by the C# test into validation.json).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");
const wareki = require("../../theme/admin/wareki.js");

const root = path.join(__dirname, "..", "..");
const vectors = path.join(root, "tests", "vectors");
const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

// What the admin gets in /admin/dxcompare-model.js as MODEL.validation, for content/ (the C# test keeps this copy current).
const model = read(path.join(vectors, "validation-model.json"));
const validator = require("../../theme/admin/validate.js").create(model, wareki);

// The line validate reports for a path: a field's value, or an object's first key.
function lineOf(raw, doc, pathParts) {
  let node = doc.contents;
  for (const part of pathParts) {
    if (typeof part === "number") node = node.items[part];
    else node = node.items.find((pair) => pair.key.value === part).value;
  }
  return raw.slice(0, node.range[0]).split("\n").length;
}

const expected = Object.fromEntries(read(path.join(vectors, "validation.json")).map((c) => [c.name, c.expected]));
for (const c of read(path.join(vectors, "validation-cases.json"))) {
  test(`validation vector: ${c.name}`, () => {
    const doc = YAML.parseDocument(c.yaml);
    const problems = validator.validatePlan(doc.toJSON(), { fileSlug: "minato" });
    const actual = problems
      .map((p) => ({ line: lineOf(c.yaml, doc, p.path), rule: p.rule, message: p.message }))
      .sort((a, b) => a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    assert.deepStrictEqual(actual, expected[c.name]);
  });
}
