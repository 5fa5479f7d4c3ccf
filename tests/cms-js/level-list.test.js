// The plan's levels in the CMS form (theme/admin/level-list.js): names from the plan's labels, the levels a plan
// shows, summaries, and Decap's field checks on items that are not mounted.
const test = require("node:test");
const assert = require("node:assert");
const { levelWord, isShown, summary, problemsUnder, fieldProblems } = require("../../theme/admin/level-list.js");

const words = { pillar: "pillar", policy: "policy", initiative: "initiative" };
const taito = { pillar: "目標", policy: "施策", initiative: "取組" };
const koto = { pillar: "視点", initiative: "取組" };

test("a level is named with the plan's word, else with the field's label", () => {
  assert.strictEqual(levelWord(koto, "pillar", "柱(目標・視点)"), "視点");
  assert.strictEqual(levelWord(koto, "policy", "施策"), "施策");
  assert.strictEqual(levelWord({ pillar: "  " }, "pillar", "柱(目標・視点)"), "柱(目標・視点)");
});

test("a plan without a policy level shows no policy list and its pillars' own initiatives", () => {
  assert.strictEqual(isShown({ level: "policy" }, koto, 0, words), false);
  assert.strictEqual(isShown({ level: "initiative", without_level: "policy" }, koto, 0, words), true);
  assert.strictEqual(isShown({ level: "pillar" }, koto, 3, words), true);
});

test("a plan with policies shows them and not a pillar's own (empty) initiatives; a list with items always shows", () => {
  assert.strictEqual(isShown({ level: "policy" }, taito, 0, words), true);
  assert.strictEqual(isShown({ level: "initiative", without_level: "policy" }, taito, 0, words), false);
  assert.strictEqual(isShown({ level: "initiative", without_level: "policy" }, taito, 2, words), true);
  assert.strictEqual(isShown({ level: "policy" }, koto, 1, words), true);
});

test("a summary reads word, printed number, title", () => {
  assert.strictEqual(summary("目標", { number: 1, title: "便利で快適な行政サービスの提供" }), "目標1 便利で快適な行政サービスの提供");
  assert.strictEqual(summary("施策", { number: 3, label: "(3)", title: "x" }), "施策(3) x");
  assert.strictEqual(summary("取組", {}), "取組");
});

test("problems inside an item, not in its next sibling", () => {
  const problems = [{ field: ["pillars", 0, "initiatives", 1, "number"] }, { field: ["pillars", 10, "title"] }, { field: ["pillars", 1] }];
  assert.deepStrictEqual(problemsUnder(problems, ["pillars", 1]).map((p) => p.field.join("/")), ["pillars/1"]);
  assert.strictEqual(problemsUnder(problems, ["pillars", 0]).length, 1);
  assert.strictEqual(problemsUnder(problems, ["pillars"]).length, 3);
});

// Decap's ja phrases for its own checks.
const phrases = {
  "editor.editorControlPane.widget.required": "%{fieldLabel}は必須です。",
  "editor.editorControlPane.widget.regexPattern": "%{fieldLabel}が入力規則（%{pattern}）と一致しません。",
  "editor.editorControlPane.widget.range": "%{fieldLabel}は%{minValue}から%{maxValue}まで入力可能です。",
};
const t = (key, args) => phrases[key].replace(/%\{(\w+)\}/g, (all, name) => String(args[name]));

test("an item nobody opened is checked as Decap checks a field, named by where it is", () => {
  const fields = [
    { name: "title", label: "計画名", widget: "string" },
    { name: "pillars", label: "柱(目標・視点)", widget: "plan-level-list", level: "pillar", fields: [
      { name: "number", label: "番号", widget: "number", min: 1, max: 999 },
      { name: "title", label: "名称", widget: "string" },
      { name: "initiatives", label: "取組(施策の階層がない計画)", widget: "plan-level-list", level: "initiative", required: false, fields: [
        { name: "number", label: "番号", widget: "number", min: 1, max: 999 },
        { name: "title", label: "名称", widget: "string" },
        { name: "id", label: "ID", widget: "string", required: false, pattern: ["^[a-z0-9-]+$", "英小文字・数字・ハイフン"] },
      ] },
    ] },
  ];
  const data = { title: "江東区DX推進計画", pillars: [{ number: 1, title: "区民にやさしい", initiatives: [{ number: 1, title: "a" }, { number: 1000, id: "X" }] }] };
  const name = (config, item) => config.level ? summary(levelWord(koto, words[config.level], config.label), item) : null;
  const problems = fieldProblems(fields, data, t, name, () => []);
  assert.deepStrictEqual(problems.map((p) => [p.field.join("/"), p.message]), [
    ["pillars/0/initiatives/1/number", "視点1 区民にやさしい › 取組1000 › 番号は1から999まで入力可能です。"],
    ["pillars/0/initiatives/1/title", "視点1 区民にやさしい › 取組1000 › 名称は必須です。"],
    ["pillars/0/initiatives/1/id", "視点1 区民にやさしい › 取組1000 › IDが入力規則（英小文字・数字・ハイフン）と一致しません。"],
  ]);
});
