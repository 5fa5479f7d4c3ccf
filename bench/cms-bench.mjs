// The CMS on a large plan, in Chromium: time to open a plan until its form is filled, and the time each
// keystroke takes until the next frame is painted (typing in the plan title, then in an initiative title
// with its pillar, policy and initiative expanded). Run through bench/cms.sh, which serves a temporary copy.
//   node bench/cms-bench.mjs http://127.0.0.1:PORT taito
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [base, slug = "taito"] = process.argv.slice(2);
const runs = Number(process.env.RUNS || 3);
const keys = Number(process.env.KEYS || 20);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
page.on("dialog", (d) => d.accept());
await page.goto(base + "/admin/");
await page.getByRole("button", { name: "ログイン" }).click();
await page.getByText("計画").first().waitFor();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const frame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

const opens = [];
for (let i = 0; i < runs; i++) {
  await page.goto(base + "/admin/#/collections/plans");
  await page.getByText("計画").first().waitFor();
  const t0 = Date.now();
  await page.goto(base + `/admin/#/collections/plans/entries/${slug}`);
  const title = page.getByLabel("計画名", { exact: true });
  await title.waitFor();
  await page.waitForFunction(() => { const e = document.querySelector('[id^="title-field-"]'); return e && e.value; });
  await frame();
  opens.push(Date.now() - t0);
}

async function typing(locator) {
  await locator.click();
  await locator.press("End");
  const times = [];
  for (let i = 0; i < keys; i++) {
    const t0 = performance.now();
    await page.keyboard.press("a");
    await frame();
    times.push(performance.now() - t0);
  }
  return times;
}

const planTitle = await typing(page.getByLabel("計画名", { exact: true }));
// An initiative deep in the plan, expanded (pillar → policy → initiative).
await page.evaluate(() => {
  const expand = (label) => { let n = label.parentElement; while (n && !n.querySelector("button")) n = n.parentElement; n.querySelector("button").click(); };
  const visible = () => [...document.querySelectorAll("[class*=NestedObjectLabel]")].filter((e) => e.offsetParent !== null);
  for (let depth = 0; depth < 3; depth++) {
    const candidates = visible().filter((e) => /^\d+ /.test(e.textContent.trim()));
    if (candidates.length) expand(candidates[0]);
  }
});
const deep = page.locator('[id^="title-field-"]').locator("visible=true").last();
const initiativeTitle = await typing(deep);
await browser.close();

const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`open ${slug}: ${opens.map((x) => x + " ms").join(", ")} (median ${median(opens)} ms)`);
console.log(`keystroke, plan title (${keys} keys): ${fmt(planTitle)}`);
console.log(`keystroke, expanded initiative title (${keys} keys): ${fmt(initiativeTitle)}`);
