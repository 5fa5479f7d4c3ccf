// DxCompare search in the browser, module 1 of 4: analysis. The same chain as Search/JapaneseAnalyzer.cs,
// the reading of a query as Search/QueryPlan.cs does it, and snippets as Search/Snippet.cs cuts them.
// No dependencies. The search page loads search-analysis.js, search-ranking.js, search-index.js, search.js
// (the public API, DxSearch) and search-page.js, in this order; node loads them through require (search.js).
var DxSearchAnalysis = (function () {
  "use strict";

  // ---- Analysis: NFKC → StandardTokenizer (UAX#29 subset) → lowercase → CJK bigrams (+unigrams) ----

  var HIRAGANA = /[\u3040-\u309F]/;
  var KATAKANA = /[\u30A0-\u30FA\u30FC-\u30FF\u31F0-\u31FF\u32D0-\u32FE\u3300-\u3357\uFF66-\uFF9F]/;
  var HAN = /[\u2E80-\u2FFF\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;
  var HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/;
  var LETTER = /[\p{L}\p{M}]/u;
  var DIGIT = /\p{Nd}/u;
  var MID_LETTER = /[:\u00B7\u0387\u05F4\u2027\uFE13\uFE55\uFF1A]/;
  var MID_NUM = /[,;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B]/;
  var MID_NUM_LET = /['.\u2018\u2019\u2024\uFE52\uFF07\uFF0E]/;
  var EXTEND_NUM_LET = /[_\u203F\u2040\u2054\uFE33\uFE34\uFE4D-\uFE4F\uFF3F]/;

  function classOf(ch) {
    if (ch === "\u3005") return "A"; // 々 is a letter (ALetter) to UAX#29, not an ideograph
    if (HIRAGANA.test(ch)) return "H";
    if (KATAKANA.test(ch)) return "K";
    if (HAN.test(ch)) return "I";
    if (HANGUL.test(ch)) return "G";
    if (DIGIT.test(ch)) return "N";
    if (LETTER.test(ch)) return "A";
    if (EXTEND_NUM_LET.test(ch)) return "E";
    if (MID_LETTER.test(ch)) return "ML";
    if (MID_NUM.test(ch)) return "MN";
    if (MID_NUM_LET.test(ch)) return "MNL";
    return "O";
  }

  // Word tokens with their types, as Lucene's StandardTokenizer emits them for the scripts plans use.
  function tokenize(text) {
    var chars = Array.from(text);
    var classes = chars.map(classOf);
    var tokens = [];
    var i = 0;
    while (i < chars.length) {
      var c = classes[i];
      if (c === "I" || c === "H") {
        tokens.push({ text: chars[i], type: c === "I" ? "<IDEOGRAPHIC>" : "<HIRAGANA>", start: i, end: i + 1 });
        i++;
      } else if (c === "K") {
        var k = i + 1;
        while (k < chars.length && (classes[k] === "K" || classes[k] === "E")) k++;
        tokens.push({ text: chars.slice(i, k).join(""), type: "<KATAKANA>", start: i, end: k });
        i = k;
      } else if (c === "G") {
        var g = i + 1;
        while (g < chars.length && classes[g] === "G") g++;
        tokens.push({ text: chars.slice(i, g).join(""), type: "<HANGUL>", start: i, end: g });
        i = g;
      } else if (c === "A" || c === "N" || c === "E") {
        var j = i + 1;
        var hasLetter = c === "A";
        while (j < chars.length) {
          var cj = classes[j];
          if (cj === "A" || cj === "N" || cj === "E") { hasLetter = hasLetter || cj === "A"; j++; continue; }
          // Letters join across MidLetter/MidNumLet (e.g. "e.g"), digits across MidNum/MidNumLet ("1,000", "3.5").
          var prev = classes[j - 1], next = classes[j + 1];
          if ((cj === "ML" || cj === "MNL") && prev === "A" && next === "A") { j += 2; continue; }
          if ((cj === "MN" || cj === "MNL") && prev === "N" && next === "N") { j += 2; continue; }
          break;
        }
        var word = chars.slice(i, j).join("");
        if (word.replace(/_/g, "").length > 0 && !/^_+$/.test(word)) {
          tokens.push({ text: word, type: hasLetter ? "<ALPHANUM>" : "<NUM>", start: i, end: j });
        }
        i = j;
      } else {
        i++;
      }
    }
    return tokens;
  }

  var CJK_TYPES = { "<IDEOGRAPHIC>": 1, "<HIRAGANA>": 1, "<KATAKANA>": 1, "<HANGUL>": 1 };

  function scriptOf(ch) {
    if (/[\u3040-\u309F]/.test(ch)) return "H";
    if (/[\u30A0-\u30FF]/.test(ch)) return "K";
    return "C";
  }

  // CJKBigramFilter: adjacent CJK characters become overlapping bigrams; with unigrams, each
  // character is emitted before the bigram it starts. Non-adjacent runs are bigrammed separately.
  function bigrams(tokens, options) {
    var out = [];
    var run = [];
    var lastEnd = -1;
    function flush() {
      if (run.length === 1) {
        out.push({ text: run[0], type: "<SINGLE>" });
      } else if (run.length > 1) {
        for (var r = 0; r < run.length; r++) {
          if (options.unigrams) out.push({ text: run[r], type: "<SINGLE>" });
          if (r + 1 < run.length) out.push({ text: run[r] + run[r + 1], type: "<DOUBLE>" });
        }
      }
      run = [];
    }
    tokens.forEach(function (token) {
      if (CJK_TYPES[token.type]) {
        if (token.start !== lastEnd) flush();
        Array.from(token.text).forEach(function (ch) { run.push(ch); });
        lastEnd = token.end;
      } else {
        flush();
        out.push({ text: token.text, type: token.type });
        lastEnd = -1;
      }
    });
    flush();
    return out;
  }

  var ENGLISH_STOP_WORDS = ["a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with"];

  function analyze(text, options) {
    var tokens = tokenize(String(text).normalize("NFKC")).map(function (t) {
      return { text: t.text.toLowerCase(), type: t.type, start: t.start, end: t.end };
    });
    var terms = bigrams(tokens, options);
    if (!options.unigrams) terms = terms.filter(function (t) { return ENGLISH_STOP_WORDS.indexOf(t.text) < 0; });
    if (!options.bridge) {
      terms = terms.filter(function (t) {
        var chars = Array.from(t.text);
        if (t.type === "<SINGLE>") return chars.length !== 1 || scriptOf(chars[0]) === "C";
        if (t.type !== "<DOUBLE>") return true;
        return scriptOf(chars[0]) === scriptOf(chars[1]);
      });
    }
    return terms.map(function (t) { return t.text; });
  }

  // ---- Query: read as concepts, exactly as Search/QueryPlan.cs does (its comments explain the rules) ----

  function scriptOfUnit(c) {
    var code = c.charCodeAt(0);
    if (code >= 0x3041 && code <= 0x309f) return "H";
    if (code >= 0x30a0 && code <= 0x30ff) return "K";
    if (code === 0x3005 || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return "C";
    return "O";
  }

  // Maximal runs of one script by UTF-16 code unit; ー after hiragana belongs to the hiragana run.
  function runs(text) {
    var out = [], start = 0, script = " ";
    for (var i = 0; i <= text.length; i++) {
      var s = i < text.length ? scriptOfUnit(text[i]) : "\0";
      if (s === "K" && text[i] === "ー" && script === "H") s = "H";
      if (i > 0 && s === script) continue;
      if (i > start) out.push({ run: text.slice(start, i), script: script, start: start });
      start = i;
      script = s;
    }
    return out;
  }

  function toKatakana(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      out += (code >= 0x3041 && code <= 0x3096) || code === 0x309d || code === 0x309e ? String.fromCharCode(code + 0x60) : text[i];
    }
    return out;
  }

  function ordinal(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function strip(text, phrases) {
    phrases.slice().sort(function (a, b) { return b.length - a.length || ordinal(a, b); })
      .forEach(function (phrase) { text = text.split(phrase).join(" "); });
    return text;
  }

  function isWord(term) { return term.length > 1; }

  function minMatch(script, words) {
    if (script === "H") return words;
    if (script === "K") return words <= 2 ? words : Math.floor((2 * words + 2) / 3);
    return 1;
  }

  function isLatin(word) { return /^[\x20-\x7e]+$/.test(word); }
  function isAlnum(c) { return /[a-z0-9]/.test(c); }

  function isKatakana(c) { return scriptOfUnit(c) === "K"; }

  // Synonyms.IndexOf: Latin and katakana words only whole (ワーク is not in テレワーク), others anywhere.
  function indexOfWord(text, word) {
    var partOfWord = isLatin(word) ? isAlnum : word.split("").every(isKatakana) ? isKatakana : null;
    for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      var end = at + word.length;
      if (!partOfWord || ((at === 0 || !partOfWord(text[at - 1])) && (end === text.length || !partOfWord(text[end])))) return at;
    }
    return -1;
  }

  // Synonyms.ExpansionsOf: groups are [targets, triggers, quiet targets (added, never triggering)]; each expansion keeps the span that triggered it.
  function expansions(texts, groups) {
    var result = [];
    groups.forEach(function (group) {
      var at = -1, length = 0, words = group[0].concat(group[1]);
      for (var w = 0; w < words.length; w++) {
        for (var t = 0; t < texts.length; t++) {
          at = indexOfWord(texts[t], words[w]);
          if (at >= 0) break;
        }
        if (at < 0) continue;
        length = words[w].length;
        break;
      }
      if (at < 0) return;
      group[0].concat(group[2] || []).forEach(function (word) {
        if (texts[0].indexOf(word) < 0 && !result.some(function (r) { return r.word === word; })) result.push({ word: word, start: at, end: at + length });
      });
    });
    return result;
  }

  function takeMunicipality(text, municipalities, manifest) {
    var named = [];
    municipalities.forEach(function (m) {
      var full = m.name.normalize("NFKC").toLowerCase();
      var forms = [full];
      if (full.length >= 3 && "区市町村".indexOf(full[full.length - 1]) >= 0) forms.push(full.slice(0, -1));
      forms.forEach(function (form) { if (text.indexOf(form) >= 0) named.push({ slug: m.slug, form: form }); });
    });
    if (named.length === 0) return { text: text, slug: null };
    var rest = strip(text, named.map(function (n) { return n.form; }));
    if (analyze(strip(rest, manifest.settings.questionPhrases), manifest.analyzer).length === 0) return { text: text, slug: null };
    var slugs = named.map(function (n) { return n.slug; }).filter(function (s, i, all) { return all.indexOf(s) === i; });
    return { text: rest, slug: slugs.length === 1 ? slugs[0] : null };
  }

  // municipalities: [{slug, name}] in document order (from the document table).
  function prepare(query, manifest, municipalities) {
    var settings = manifest.settings, options = manifest.analyzer;
    var text = String(query);
    if (text.length > settings.maxQueryLength) text = text.slice(0, settings.maxQueryLength);
    text = text.normalize("NFKC").toLowerCase();
    var taken = takeMunicipality(text, municipalities || [], manifest);
    var withoutNames = taken.text;
    var asksForFigure = settings.figureWords.some(function (w) { return withoutNames.indexOf(w) >= 0; });
    var stripped = strip(withoutNames, settings.questionPhrases.concat(settings.figureWords));
    if (analyze(stripped, options).length === 0) stripped = withoutNames;

    var terms = [], boosts = {};
    function admit(runTerms, boost) {
      var fresh = runTerms.filter(function (t) { return !Object.prototype.hasOwnProperty.call(boosts, t); });
      var distinctFresh = fresh.length;
      if (runTerms.length === 0 || terms.length + distinctFresh > settings.maxQueryTerms) return false;
      runTerms.forEach(function (t) {
        if (Object.prototype.hasOwnProperty.call(boosts, t)) return;
        boosts[t] = boost;
        terms.push({ term: t, boost: boost });
      });
      return true;
    }
    function part(run, script, boost) {
      // A synonym is searched by its words, not its single kanji (QueryPlan.Prepare).
      var analysed = analyze(run, options);
      var runTerms = analysed.some(isWord) ? analysed.filter(isWord) : analysed;
      if (!admit(runTerms, boost)) return null;
      var words = runTerms.filter(isWord).filter(function (w, i, all) { return all.indexOf(w) === i; });
      return words.length === 0 ? null : { words: words, minMatch: minMatch(script, words.length) };
    }

    var rs = runs(stripped), units = [], conceptOf = [], concepts = 0, hiragana = [];
    rs.forEach(function (r, index) {
      conceptOf.push(null);
      if (r.script === "H") { hiragana.push(index); return; }
      if (r.script === "O") {
        var tokens = analyze(r.run, options);
        if (!admit(tokens, 1)) return;
        tokens.filter(isWord).filter(function (w, i, all) { return all.indexOf(w) === i; }).forEach(function (token) {
          if (conceptOf[index] === null) conceptOf[index] = concepts;
          units.push({ parts: [{ words: [token], minMatch: 1 }], concept: concepts++ });
        });
        return;
      }
      var p = part(r.run, r.script, 1);
      if (p) {
        conceptOf[index] = concepts;
        units.push({ parts: [p], concept: concepts++ });
      }
    });
    var alone = concepts === 0;
    var katakana = stripped.split("");
    hiragana.forEach(function (index) {
      var r = rs[index], reading = toKatakana(r.run);
      if (r.run.length >= 3 || alone) for (var k = 0; k < reading.length; k++) katakana[r.start + k] = reading[k];
      var own = part(r.run, "H", 1);
      var asKatakana = r.run.length >= 3 || alone ? part(reading, "K", 1) : null;
      if (!own && !asKatakana) return;
      if (!alone && r.run.length < 3) return;
      conceptOf[index] = concepts;
      if (own) units.push({ parts: [own], concept: concepts });
      if (asKatakana) units.push({ parts: [asKatakana], concept: concepts });
      concepts++;
    });
    if (options.synonyms) {
      expansions([stripped, katakana.join("")], manifest.synonyms).forEach(function (e) {
        var parts = runs(e.word).map(function (r) { return part(r.run, r.script, manifest.expansionBoost); }).filter(Boolean);
        if (parts.length === 0) return;
        var overlapping = [];
        rs.forEach(function (r, index) {
          if (conceptOf[index] !== null && r.start < e.end && e.start < r.start + r.run.length) overlapping.push(index);
        });
        // A synonym of a part of a kanji compound stands for that part only: the rest of the compound must be found too.
        overlapping.forEach(function (index) {
          var r = rs[index];
          if (r.script !== "C") return;
          [r.run.slice(0, Math.max(0, e.start - r.start)), r.run.slice(Math.min(r.run.length, e.end - r.start))].forEach(function (rest) {
            var restPart = rest.length > 0 ? part(rest, "C", 1) : null;
            if (restPart) parts.push(restPart);
          });
        });
        var ofRuns = [];
        overlapping.forEach(function (index) { if (ofRuns.indexOf(conceptOf[index]) < 0) ofRuns.push(conceptOf[index]); });
        if (ofRuns.length === 0) ofRuns.push(concepts++);
        ofRuns.forEach(function (concept) { units.push({ parts: parts, concept: concept }); });
      });
    }
    return { text: stripped, terms: terms, units: units, concepts: concepts, municipality: taken.slug, asksForFigure: asksForFigure };
  }


  function queryTerms(query, manifest, municipalities) { return prepare(query, manifest, municipalities).terms; }

  // Snippet.Source: body, figures, topics; the figures first when the query asks for a figure.
  function snippetSource(fragment, figuresFirst) {
    var parts = figuresFirst ? [fragment.figures, fragment.body, fragment.meta] : [fragment.body, fragment.figures, fragment.meta];
    return parts.filter(function (p) { return p.length > 0; }).join(" ");
  }


  // ---- Snippets: the same window and marks as Search/Snippet.cs ----

  function mark(lower, terms) {
    var marked = lower.map(function () { return false; });
    var long = terms.filter(function (t) { return t.length > 1; });
    (long.length ? long : terms).forEach(function (term) {
      var t = Array.from(term);
      for (var i = 0; i + t.length <= lower.length; i++) {
        var ok = true;
        for (var j = 0; j < t.length; j++) if (lower[i + j] !== t[j]) { ok = false; break; }
        if (ok) for (var j2 = 0; j2 < t.length; j2++) marked[i + j2] = true;
      }
    });
    return marked;
  }

  // Snippet.WindowStart: `before` characters ahead of the match of the query's own terms whose window shows the
  // most distinct characters of them (the first on a tie); ahead of the first highlight when only synonyms matched.
  function windowStart(lower, marked, anchors, before, width) {
    var best = 0, bestStart = -1;
    for (var i = 0; i < anchors.length; i++) {
      if (!anchors[i] || (i > 0 && anchors[i - 1])) continue;
      var start = Math.max(0, i - before), end = Math.min(anchors.length, start + width), shown = new Set();
      for (var k = start; k < end; k++) if (anchors[k]) shown.add(lower[k]);
      if (shown.size <= best) continue;
      best = shown.size;
      bestStart = start;
    }
    if (bestStart >= 0) return bestStart;
    var first = marked.indexOf(true);
    return first < 0 ? 0 : Math.max(0, first - before);
  }

  // Parts of a text, marked where a query term matches; a window of `width` placed by the query's own terms
  // (anchors; all terms when not given), `before` characters ahead of a match (the whole text when width is
  // Infinity, for titles).
  function snippet(source, terms, before, width, anchors) {
    var text = Array.from(String(source).normalize("NFKC"));
    var lower = text.map(function (c) { return c.toLowerCase(); });
    var marked = mark(lower, terms);
    var whole = width === Infinity;
    var start = whole ? 0 : windowStart(lower, marked, mark(lower, anchors || terms), before, width);
    var end = Math.min(text.length, start + width);
    var parts = [];
    if (start > 0) parts.push({ text: "…", mark: false });
    for (var k = start; k < end;) {
      var m = marked[k];
      var e = k;
      while (e < end && marked[e] === m) e++;
      parts.push({ text: text.slice(k, e).join(""), mark: m });
      k = e;
    }
    if (end < text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  return {
    analyze: analyze, prepare: prepare, queryTerms: queryTerms, snippet: snippet, snippetSource: snippetSource,
  };
})();

if (typeof module !== "undefined" && module.exports) module.exports = DxSearchAnalysis;
