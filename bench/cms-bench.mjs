// The CMS on a large plan, in Chromium: time to open a plan until its form is filled, and the time each
// keystroke takes until the next frame is painted (typing in the plan title, then in the title of the plan's
// last initiative with its pillar, policy and initiative expanded, each expansion timed too). Both forms are
// measured in one run, in turns: the plan's levels as lists of summaries that mount only the opened item (theme/admin/level-list.js,
// "levels") and Decap's own list widget for them (/admin/?decap-lists, "decap", the form before issue 13).
// Run through bench/cms.sh, which serves a temporary copy of content/.
//   node bench/cms-bench.mjs http://127.0.0.1:PORT taito      (RUNS=3 KEYS=20 VARIANTS=levels,decap)
import { createRequire } from "node:module";
import os from "node:os";
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [base, slug = "taito"] = process.argv.slice(2);
const runs = Number(process.env.RUNS || 3);
const keys = Number(process.env.KEYS || 20);
const variants = (process.env.VARIANTS || "levels,decap").split(",");
const query = { levels: "", decap: "?decap-lists" };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function session(variant) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  page.on("dialog", (d) => d.accept());
  await page.goto(base + "/admin/" + query[variant]);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByText("計画").first().waitFor();
  return page;
}

const frame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

async function open(page, variant) {
  await page.goto(base + "/admin/" + query[variant] + "#/collections/plans");
  await page.getByText("計画").first().waitFor();
  const t0 = Date.now();
  await page.goto(base + "/admin/" + query[variant] + `#/collections/plans/entries/${slug}`);
  await page.getByLabel("計画名", { exact: true }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => { const e = document.querySelector('[id^="title-field-"]'); return e && e.value; }, null, { timeout: 120_000 });
  await frame(page);
  return Date.now() - t0;
}

async function typing(page, locator) {
  await locator.click();
  await locator.press("End");
  const times = [];
  for (let i = 0; i < keys; i++) {
    const t0 = performance.now();
    await page.keyboard.press("a");
    await frame(page);
    times.push(performance.now() - t0);
  }
  return times;
}

// The plan's last initiative: its pillar, then its policy (if the plan has them), then the initiative expanded;
// each expansion timed from the click to the next frame.
async function expandDeep(page, variant, times) {
  if (variant === "decap") {
    for (let depth = 0; depth < 3; depth++) {
      const t0 = performance.now();
      await page.evaluate((depth) => {
        const visible = [...document.querySelectorAll("[class*=NestedObjectLabel]")].filter((e) => e.offsetParent !== null);
        // the last numbered item shown so far: the last pillar, then its last policy, then its last initiative
        const candidates = visible.filter((e) => /^\d+ /.test(e.textContent.trim()));
        const last = candidates[candidates.length - 1];
        if (!last || depth >= 3) return;
        let n = last.parentElement;
        while (n && !n.querySelector("button")) n = n.parentElement;
        n.querySelector("button").click();
      }, depth);
      await frame(page);
      times.push(performance.now() - t0);
      await page.waitForTimeout(1000);
    }
  } else {
    for (let depth = 0; depth < 3; depth++) {
      const t0 = performance.now();
      const opened = await page.evaluate(() => {
        const lists = [...document.querySelectorAll(".dx-level-list:not(.dx-level-unused)")].filter((e) => e.offsetParent !== null);
        const innermost = lists[lists.length - 1];
        const toggles = innermost ? [...innermost.querySelectorAll(":scope > .dx-level-items > li > .dx-level-item-bar > .dx-level-toggle")] : [];
        const last = toggles[toggles.length - 1];
        if (!last || last.getAttribute("aria-expanded") === "true") return false;
        last.click();
        return true;
      });
      if (!opened) break;
      await frame(page);
      times.push(performance.now() - t0);
    }
  }
  await page.waitForTimeout(500);
  return page.locator('[id^="title-field-"]').locator("visible=true").last();
}

const results = {};
for (const variant of variants) results[variant] = { opens: [], planTitle: [], initiativeTitle: [], deepTitle: "", expands: [] };
for (let i = 0; i < runs; i++) {
  for (const variant of variants) {
    const page = await session(variant);
    results[variant].opens.push(await open(page, variant));
    if (i === runs - 1) {
      results[variant].planTitle = await typing(page, page.getByLabel("計画名", { exact: true }));
      const deep = await expandDeep(page, variant, results[variant].expands);
      results[variant].deepTitle = await deep.inputValue();
      results[variant].initiativeTitle = await typing(page, deep);
    }
    await page.close();
  }
}
await browser.close();

const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, p95 ${p95(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(", ")} (${os.cpus().length} cores)`);
for (const variant of variants) {
  const r = results[variant];
  console.log(`[${variant}] open ${slug}: ${r.opens.map((x) => x + " ms").join(", ")} (median ${median(r.opens)} ms)`);
  console.log(`[${variant}] expanding the last pillar, its last policy, its last initiative: ${r.expands.map((x) => x.toFixed(0) + " ms").join(", ")}`);
  console.log(`[${variant}] keystroke, plan title (${keys} keys): ${fmt(r.planTitle)}`);
  console.log(`[${variant}] keystroke, last initiative's title, expanded («${r.deepTitle.replace(/a+$/, "")}», ${keys} keys): ${fmt(r.initiativeTitle)}`);
}
