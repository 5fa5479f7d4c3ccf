// Writes src/DxCompare/Search/synonyms-sudachi.txt: the groups of Sudachi's synonym dictionary
// (npm sudachi-synonyms-dictionary, Apache-2.0) that can help a query on this site's content.
//   node scripts/search-synonyms.mjs [content-dir]
// A group is kept when at least one of its words occurs in the content (an expansion to a word the
// plans never use would only fetch empty postings) and it has another word a reader may type.
// Each line: the words that occur in the content, a tab, the other words (triggers only), and, when there
// are any, a tab and the words that occur in the content but do not trigger the group (Sudachi's
// expandControl 1: "not expanded from itself"). Words never used for expansion (expandControl 2) and
// single characters are left out. The file is
// committed, so a build needs neither npm nor the network; run this again after content changes a lot or the dictionary is updated (docs/search.md).
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const contentDir = path.resolve(process.argv[2] ?? path.join(root, "content"));
const packageDir = path.join(root, "node_modules", "sudachi-synonyms-dictionary");
const dictionary = JSON.parse(fs.readFileSync(path.join(packageDir, "sudachi-synonyms-dictionary.json"), "utf8"));
const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8"));

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ya?ml|md)$/.test(entry.name)) files.push(full);
  }
})(contentDir);
// The text readers see: every string value except ids, slugs, URLs and codes (YAML keys are not text).
const skip = new Set(["slug", "id", "topics", "metric", "website", "url", "code", "direction", "type", "kind", "labels"]);
const values = [];
function collect(node, key) {
  if (typeof node === "string") { if (!skip.has(key)) values.push(node); }
  else if (Array.isArray(node)) node.forEach((item) => collect(item, key));
  else if (node && typeof node === "object") for (const [k, v] of Object.entries(node)) collect(v, k);
}
for (const file of files.sort()) {
  const source = fs.readFileSync(file, "utf8");
  if (file.endsWith(".md")) values.push(source);
  else collect(YAML.parse(source), "");
}
const text = values.join("\n").normalize("NFKC").toLowerCase();

const normalize = (w) => w.normalize("NFKC").toLowerCase().trim();
const isLatin = (w) => /^[\x20-\x7e]+$/.test(w);
const occurs = (w) => (isLatin(w)
  ? new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^a-z0-9])`).test(text)
  : text.includes(w));
const usable = (w) => [...w].length >= 2 && !/[,\t\n]/.test(w);

const lines = [];
for (const group of dictionary) {
  const items = group.items.filter((i) => i.expandControl !== 2).map((i) => ({ word: normalize(i.midashi), triggers: i.expandControl === 0 })).filter((i) => usable(i.word));
  const words = [...new Set(items.map((i) => i.word))];
  // expandControl 1: the word may be added by another word of its group but does not itself trigger the group.
  const triggers = new Set(items.filter((i) => i.triggers).map((i) => i.word));
  const inContent = words.filter(occurs);
  if (inContent.length === 0 || words.length < 2) continue;
  const targets = inContent.filter((w) => triggers.has(w));
  const quiet = inContent.filter((w) => !triggers.has(w));
  const others = words.filter((w) => !inContent.includes(w) && triggers.has(w));
  if (targets.length + others.length === 0) continue;
  lines.push(`${targets.join(",")}\t${others.join(",")}${quiet.length ? `\t${quiet.join(",")}` : ""}`);
}
const out = path.join(root, "src", "DxCompare", "Search", "synonyms-sudachi.txt");
fs.writeFileSync(out, `# sudachi-synonyms-dictionary ${version} (Apache-2.0), filtered to ${path.relative(root, contentDir)}/ by scripts/search-synonyms.mjs\n${lines.join("\n")}\n`);
console.log(`${lines.length} groups of ${dictionary.length} → ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
