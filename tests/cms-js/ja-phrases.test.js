// No English in the CMS: every phrase of Decap's English locale has Japanese, in Decap's ja locale or in
// theme/admin/ja-phrases.js (which cms-plugin.js merges into it).
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const ours = require("../../theme/admin/ja-phrases.js");

function locale(name) {
  const file = path.join(__dirname, "..", "..", "node_modules", "decap-cms-locales", "dist", "esm", name, "index.js");
  const source = fs.readFileSync(file, "utf8").replace(/export default \w+;?/, "").replace(/^const \w+ =/m, "module.exports =");
  const module = { exports: {} };
  new Function("module", source)(module);
  return module.exports;
}

function leaves(object, prefix, out) {
  for (const [key, value] of Object.entries(object)) {
    const at = prefix ? prefix + "." + key : key;
    if (value && typeof value === "object") leaves(value, at, out);
    else out.set(at, value);
  }
  return out;
}

const en = leaves(locale("en"), "", new Map());
const ja = leaves(locale("ja"), "", new Map());
const added = leaves(ours, "", new Map());

test("every English phrase of Decap has Japanese", () => {
  const missing = [...en.keys()].filter((key) => !ja.has(key) && !added.has(key));
  assert.deepStrictEqual(missing, []);
});

test("our phrases are Japanese, keep Decap's placeholders and name only keys Decap has", () => {
  for (const [key, value] of added) {
    assert.ok(en.has(key), `${key} is not a phrase of Decap`);
    assert.match(value, /[\u3040-\u30ff\u4e00-\u9fff]/, `${key} is not Japanese: ${value}`);
    const placeholders = (text) => (text.match(/%\{\w+\}/g) || []).sort().join(",");
    if (key !== "editor.editorControl.field.widgetLabel") assert.strictEqual(placeholders(value), placeholders(en.get(key)), key);
  }
});

test("statuses and the restore question read as Japanese editors expect", () => {
  assert.strictEqual(added.get("editor.editorToolbar.unpublish"), "公開を取り消す");
  assert.match(added.get("editor.editor.confirmLoadBackup"), /バックアップ/);
});
