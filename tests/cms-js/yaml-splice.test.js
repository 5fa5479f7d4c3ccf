// Lossless saves (theme/admin/yaml-splice.js): the text changes only where the data changed.
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");
const root = path.join(__dirname, "..", "..");

// The numeric fields, as the browser gets them from the model: here from the JSON Schema generated from it.
function numericFields() {
  const names = new Set();
  (function walk(node, key) {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
    if (!node || typeof node !== "object") return;
    const types = [].concat(node.type || []);
    if (key && (types.includes("integer") || types.includes("number"))) names.add(key);
    for (const [k, v] of Object.entries(node)) {
      if (k === "properties") for (const [name, field] of Object.entries(v)) walk(field, name);
      else walk(v, key);
    }
  })(JSON.parse(fs.readFileSync(path.join(root, "content", "schema", "plan.schema.json"), "utf8")));
  return [...names];
}
const splice = require("../../theme/admin/yaml-splice.js").create(YAML, { numericFields: numericFields() });
const plans = ["taito", "koto"].map((slug) => path.join(root, "content", "plans", slug + ".yml"));
const lines = (text) => text.split("\n");

function changedLines(before, after) {
  const a = lines(before), b = lines(after);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { removed: a.slice(p, a.length - s), added: b.slice(p, b.length - s) };
}

function firstInitiative(plan) {
  const pillar = plan.pillars[0];
  return pillar.policies && pillar.policies.length ? pillar.policies[0].initiatives[0] : pillar.initiatives[0];
}

for (const file of plans) {
  const raw = fs.readFileSync(file, "utf8");
  const name = path.basename(file);

  test(`${name}: unchanged data writes the file byte for byte`, () => {
    assert.strictEqual(splice.write(raw, splice.read(raw)), raw);
  });

  test(`${name}: an initiative moved up keeps its lines byte for byte, only their place changes`, () => {
    const data = splice.read(raw);
    const pillar = data.pillars[0];
    const list = pillar.policies && pillar.policies.length ? pillar.policies[0].initiatives : pillar.initiatives;
    list.splice(0, 2, list[1], list[0]);
    const out = splice.write(raw, data);
    assert.notStrictEqual(out, raw);
    assert.deepStrictEqual([...lines(out)].sort(), [...lines(raw)].sort());
    assert.ok(splice.equal(splice.read(out), data));
  });

  test(`${name}: one title edited changes that line only`, () => {
    const data = splice.read(raw);
    const initiative = firstInitiative(data);
    const old = initiative.title;
    initiative.title = old + "（改）";
    const { removed, added } = changedLines(raw, splice.write(raw, data));
    assert.strictEqual(removed.length, 1);
    assert.strictEqual(added.length, 1);
    assert.ok(removed[0].includes(old) && added[0].includes(old + "（改）"));
  });

  test(`${name}: every value retyped as read keeps its digits (5.0 stays 5.0)`, () => {
    const data = splice.read(raw);
    assert.strictEqual(splice.write(raw, JSON.parse(JSON.stringify(data))), raw);
  });
}

test("a value retyped keeps its note, and 5.0 is written as typed", () => {
  const raw = "values:\n  - fy: 2024\n    type: baseline\n    value: 12.1\n    note: 令和6年度実績値\n  - {fy: 2028, type: target, value: 5.0, qualifier: 未満}\n";
  const data = splice.read(raw);
  assert.strictEqual(data.values[1].value, "5.0");
  data.values[0].value = 12.2;
  assert.strictEqual(splice.write(raw, data), raw.replace("12.1", "12.2"));
  data.values[0].value = "12.10";
  assert.strictEqual(splice.write(raw, data), raw.replace("12.1\n", "12.10\n"));
});

test("a cleared field loses its line, an added field gets one in form order, a new list item its own line", () => {
  const raw = "# comment kept\nname: x  # why\nunit: \"%\"\nvalues:\n  - {fy: 2025, type: baseline, value: 20}\n  - {fy: 2028, type: target, value: 40}\nnote: old\n";
  const data = splice.read(raw);
  delete data.note;
  data.values.splice(1, 0, { fy: 2026, type: "target", value: "27.0" });
  const withKind = { name: "x", kind: "評価指標", unit: "%", values: data.values };
  assert.strictEqual(splice.write(raw, withKind),
    "# comment kept\nname: x  # why\nkind: 評価指標\nunit: \"%\"\nvalues:\n  - {fy: 2025, type: baseline, value: 20}\n  - {fy: 2026, type: target, value: 27.0}\n  - {fy: 2028, type: target, value: 40}\n");
});

test("block text, quoted text and new nested lists are written in YAML that reads back the same", () => {
  const raw = "a:\n  lead: |\n    one\n    two\n  code: \"131067\"\n  items:\n    - text: x\n";
  const data = splice.read(raw);
  data.a.lead = "one\nthree\n";
  data.a.code = "131083";
  data.a.items.push({ text: "y: z", relisted: true });
  data.a.more = [{ name: "n", values: [{ fy: 2026, type: "target", value: "5.0" }] }];
  const out = splice.write(raw, data);
  assert.deepStrictEqual(splice.read(out), data);
  assert.ok(out.includes("    one\n    three\n"));
  assert.ok(out.includes("code: \"131083\""));
  assert.ok(out.includes("value: 5.0"));
});

test("a new file is plain block YAML with numbers as typed", () => {
  const out = splice.write("", { municipality: { code: "131032" }, values: [{ fy: 2026, value: "5.0" }] });
  assert.strictEqual(out, "municipality:\n  code: \"131032\"\nvalues:\n  - fy: 2026\n    value: 5.0\n");
});

test("random edits of the real plans read back as edited and touch few lines", () => {
  let seed = 13;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (const file of plans) {
    const raw = fs.readFileSync(file, "utf8");
    for (let round = 0; round < 60; round++) {
      const data = splice.read(raw);
      const containers = [];
      (function walk(node) {
        if (node && typeof node === "object") { containers.push(node); Object.values(node).forEach(walk); }
      })(data);
      const target = containers[random(containers.length)];
      const keys = Object.keys(target);
      const key = keys[random(keys.length)];
      const action = random(3);
      // A removed or copied list item changes its own lines (a whole pillar of taito.yml is about 900); anything else a few.
      let budget = 20;
      const linesOf = (item) => splice.write("", { item: item }).split("\n").length;
      if (Array.isArray(target) && action === 0 && target.length > 1) budget += linesOf(target.splice(random(target.length), 1)[0]);
      else if (Array.isArray(target) && action === 1) {
        const copy = JSON.parse(JSON.stringify(target[0]));
        target.splice(random(target.length + 1), 0, copy);
        budget += linesOf(copy);
      }
      else if (typeof target[key] === "string") target[key] = action === 2 ? "" : target[key] + "・追記";
      else if (typeof target[key] === "number") target[key] = target[key] + 1;
      else if (!Array.isArray(target)) target.added_note = "追加の注記";
      const out = splice.write(raw, data);
      assert.ok(splice.equal(splice.read(out), data), `round ${round} of ${path.basename(file)} does not read back`);
      const { removed, added } = changedLines(raw, out);
      assert.ok(removed.length + added.length <= budget, `round ${round}: ${removed.length}/${added.length} lines changed, at most ${budget} expected`);
    }
  }
});
