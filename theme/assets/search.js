// DxCompare search in the browser: the same analysis and BM25 ranking as the C# side (Lucene.Net),
// over the static shards in /search/index/. No dependencies, no third-party requests.
// Also loaded by node (tests/search-js) through module.exports, so the CLI and the browser can be compared.
var DxSearch = (function () {
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

  // Synonyms.ExpansionsOf: groups are [targets, triggers]; each expansion keeps the span that triggered it.
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
      group[0].forEach(function (word) {
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
      var runTerms = analyze(run, options);
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
    // Adjacency: the trigrams of the query's kanji and katakana runs (hiragana read as katakana) add score where they stand together.
    if (options.phrases) admit(trigrams(katakana.join("")).filter(function (t, i, all) { return all.indexOf(t) === i; }), 1);
    return { text: stripped, terms: terms, units: units, concepts: concepts, municipality: taken.slug, asksForFigure: asksForFigure };
  }

  // Phrases.Trigrams: trigrams of the maximal kanji and katakana runs, by UTF-16 code unit (the phrase field holds the same).
  function trigrams(text) {
    var grams = [], start = 0;
    for (var i = 1; i <= text.length; i++) {
      if (i < text.length && scriptOfUnit(text[i]) === scriptOfUnit(text[start])) continue;
      var script = scriptOfUnit(text[start]);
      if (script === "C" || script === "K") for (var at = start; at + 3 <= i; at++) grams.push(text.slice(at, at + 3));
      start = i;
    }
    return grams;
  }

  function queryTerms(query, manifest, municipalities) { return prepare(query, manifest, municipalities).terms; }

  // ---- BM25 exactly as Lucene 4.8's BM25Similarity computes it, in 32-bit floats ----

  var f32 = Math.fround;
  var buffer = new DataView(new ArrayBuffer(4));

  function byte315ToFloat(b) {
    if (b === 0) return 0;
    var bits = (b & 0xff) << (24 - 3);
    bits += (63 - 15) << 24;
    buffer.setInt32(0, bits);
    return buffer.getFloat32(0);
  }

  var NORM_TABLE = [];
  for (var n = 0; n < 256; n++) {
    var f = byte315ToFloat(n);
    NORM_TABLE.push(f32(1 / f32(f * f)));
  }

  function idf(docFreq, docCount) {
    return f32(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
  }

  function rankingScore(score) {
    return Math.round(score * 10000) / 10000;
  }

  // How many of the plan's concepts each document finds (SearchIndex.ConceptsFound); null when it has none.
  function conceptsFound(plan, postingsOf, docCount) {
    if (plan.concepts === 0) return null;
    var containing = new Map();
    function documentsWith(term) {
      if (containing.has(term)) return containing.get(term);
      var docs = new Uint8Array(docCount);
      (postingsOf(term) || []).forEach(function (block) { for (var i = 0; i < block.docs.length; i++) docs[block.docs[i]] = 1; });
      containing.set(term, docs);
      return docs;
    }
    var byConcept = [];
    for (var c = 0; c < plan.concepts; c++) byConcept.push(new Uint8Array(docCount));
    var counts = new Int32Array(docCount);
    plan.units.forEach(function (unit) {
      var all = new Uint8Array(docCount).fill(1);
      unit.parts.forEach(function (part) {
        counts.fill(0);
        part.words.forEach(function (word) {
          var docs = documentsWith(word);
          for (var d = 0; d < docCount; d++) if (docs[d]) counts[d]++;
        });
        for (var d = 0; d < docCount; d++) all[d] &= counts[d] >= part.minMatch ? 1 : 0;
      });
      var target = byConcept[unit.concept];
      for (var d = 0; d < docCount; d++) if (all[d]) target[d] = 1;
    });
    var result = new Int32Array(docCount);
    byConcept.forEach(function (docs) { for (var d = 0; d < docCount; d++) result[d] += docs[d]; });
    return result;
  }

  // Scores documents for a prepared query. postingsOf(term) returns the term's postings, one block
  // {field, docs, tfs} per field it occurs in (fields ascending, documents ascending), or undefined;
  // norms[field][doc] is the norm byte Lucene stored. Contributions are added per document in the
  // same order as before: query terms, then fields, so float sums do not depend on the file format.
  // A hit finds at least one concept; its score is multiplied by the share of concepts it finds, and
  // hits below settings.relativeCutoff of the best are dropped (SearchIndex.Search).
  function score(plan, manifest, postingsOf, norms) {
    var k1 = f32(manifest.k1), b = f32(manifest.b);
    var caches = manifest.fields.map(function (field) {
      var avgdl = f32(field.avgdl);
      return NORM_TABLE.map(function (norm) { return f32(k1 * f32(f32(1 - b) + f32(f32(b * norm) / avgdl))); });
    });
    var sums = new Float32Array(manifest.docCount); // each += rounds to 32 bits, like f32(a + b)
    var seen = new Uint8Array(manifest.docCount);
    var touched = [];
    plan.terms.forEach(function (t) {
      var blocks = postingsOf(t.term);
      if (!blocks) return;
      blocks.forEach(function (block) {
        var cache = caches[block.field], fieldNorms = norms[block.field];
        var boost = f32(f32(manifest.fields[block.field].weight) * f32(t.boost));
        var weight = f32(idf(block.docs.length, manifest.docCount) * boost);
        for (var i = 0; i < block.docs.length; i++) {
          var doc = block.docs[i], tf = block.tfs[i];
          var s = f32(f32(weight * f32(tf * f32(k1 + 1))) / f32(tf + cache[fieldNorms[doc]]));
          if (!seen[doc]) touched.push(doc);
          seen[doc] = 1;
          sums[doc] += s;
        }
      });
    });
    var found = conceptsFound(plan, postingsOf, manifest.docCount);
    var candidates = touched
      .filter(function (doc) { return !found || found[doc] > 0; })
      .map(function (doc) {
        var value = found ? f32(sums[doc] * f32(found[doc] / plan.concepts)) : sums[doc];
        return { doc: doc, score: value, rank: rankingScore(value) };
      });
    var best = candidates.reduce(function (max, hit) { return Math.max(max, hit.rank); }, 0);
    return candidates
      .filter(function (hit) { return hit.rank >= best * manifest.settings.relativeCutoff; })
      .sort(function (x, y) { return y.rank - x.rank || x.doc - y.doc; })
      .map(function (hit) { return { doc: hit.doc, score: hit.score }; });
  }

  // ---- The static index (src/DxCompare/Search/StaticSearchExport.cs): gzip files fetched on demand ----

  function varint(reader) {
    var value = 0, shift = 0, byte;
    do {
      byte = reader.bytes[reader.pos++];
      value += (byte & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (byte & 0x80);
    return value;
  }

  function utf8(bytes) { return new TextDecoder().decode(bytes); }

  // Files are gzip-compressed at build time; a server that already decoded them hands over plain bytes.
  function gunzip(data) {
    var bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  // A term shard: per term [varint length][term UTF-8][varint length][postings]. Only the offsets are
  // read here; postings are decoded for the query's terms alone.
  function parseShard(bytes) {
    var reader = { bytes: bytes, pos: 0 };
    var entries = new Map();
    while (reader.pos < bytes.length) {
      var length = varint(reader);
      var term = utf8(bytes.subarray(reader.pos, reader.pos + length));
      reader.pos += length;
      var size = varint(reader);
      entries.set(term, reader.pos);
      reader.pos += size;
    }
    return { bytes: bytes, entries: entries };
  }

  // [field mask] then per field: varint document frequency, document gaps, term frequencies − 1.
  function decodePostings(bytes, pos) {
    var reader = { bytes: bytes, pos: pos + 1 };
    var mask = bytes[pos];
    var blocks = [];
    for (var field = 0; field < 8; field++) {
      if (!(mask & (1 << field))) continue;
      var n = varint(reader);
      var docs = new Int32Array(n), tfs = new Int32Array(n);
      for (var i = 0, doc = -1; i < n; i++) docs[i] = doc += varint(reader) + 1;
      for (var j = 0; j < n; j++) tfs[j] = varint(reader) + 1;
      blocks.push({ field: field, docs: docs, tfs: tfs });
    }
    return blocks;
  }

  // The document table: [varint length][JSON {plans: [[slug, documents, fragment hash, municipality name]], topics, topicSets}],
  // the norm bytes field by field, varint(pillar × 2 + 新規) of every document, then varint(topic set) of every document.
  function parseTable(bytes, manifest) {
    var reader = { bytes: bytes, pos: 0 };
    var length = varint(reader);
    var header = JSON.parse(utf8(bytes.subarray(reader.pos, reader.pos + length)));
    reader.pos += length;
    var n = manifest.docCount;
    var norms = manifest.fields.map(function () {
      var fieldNorms = bytes.subarray(reader.pos, reader.pos + n);
      reader.pos += n;
      return fieldNorms;
    });
    var plan = new Int32Array(n), planStarts = [], doc = 0;
    header.plans.forEach(function (p, i) {
      planStarts.push(doc);
      for (var k = 0; k < p[1]; k++) plan[doc++] = i;
    });
    var pillar = new Int32Array(n), isNew = new Uint8Array(n), topicSet = new Int32Array(n);
    for (var d = 0; d < n; d++) {
      var value = varint(reader);
      pillar[d] = value >> 1;
      isNew[d] = value & 1;
    }
    for (var e = 0; e < n; e++) topicSet[e] = varint(reader);
    var municipalities = [];
    header.plans.forEach(function (p) {
      if (!municipalities.some(function (m) { return m.slug === p[0] && m.name === p[3]; })) municipalities.push({ slug: p[0], name: p[3] });
    });
    return {
      norms: norms, plans: header.plans, municipalities: municipalities, planStarts: planStarts, plan: plan, pillar: pillar, isNew: isNew, topicSet: topicSet,
      topicSets: header.topicSets.map(function (set) { return set.map(function (i) { return header.topics[i]; }); }),
    };
  }

  // A fragment: [url, title, label, municipality, 新規 0/1, snippet body, figures, topics and departments].
  function parseFragment(bytes) {
    var f = JSON.parse(utf8(bytes));
    return { url: f[0], title: f[1], label: f[2], municipality: f[3], isNew: f[4] === 1, body: f[5], figures: f[6], meta: f[7] };
  }

  // Snippet.Source: body, figures, topics; the figures first when the query asks for a figure.
  function snippetSource(fragment, figuresFirst) {
    var parts = figuresFirst ? [fragment.figures, fragment.body, fragment.meta] : [fragment.body, fragment.figures, fragment.meta];
    return parts.filter(function (p) { return p.length > 0; }).join(" ");
  }

  // fetchBytes(url) returns a promise of the file's bytes (ArrayBuffer or Uint8Array).
  function createClient(baseUrl, fetchBytes) {
    var manifestPromise = null;
    var files = new Map();
    function load(file, parse) {
      if (!files.has(file)) files.set(file, fetchBytes(baseUrl + file).then(gunzip).then(parse));
      return files.get(file);
    }
    function manifest() {
      if (!manifestPromise) manifestPromise = fetchBytes(baseUrl + "manifest.json").then(function (b) { return JSON.parse(utf8(new Uint8Array(b))); });
      return manifestPromise;
    }
    function table(m) { return load(m.documents, function (bytes) { return parseTable(bytes, m); }); }
    // termShards: [first term, last term, file], sorted; terms compare by UTF-16 code unit as in C#.
    function shardFor(m, term) {
      var lo = 0, hi = m.termShards.length - 1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1, s = m.termShards[mid];
        if (term < s[0]) hi = mid - 1;
        else if (term > s[1]) lo = mid + 1;
        else return s[2];
      }
      return null;
    }
    function search(query, filters) {
      filters = filters || {};
      return manifest().then(function (m) {
        var messages = m.settings.messages;
        var trimmed = String(query || "").trim();
        if (!trimmed) return { total: 0, hits: [], message: messages.empty, terms: [] };
        return table(m).then(function (docs) {
          var plan = prepare(trimmed, m, docs.municipalities);
          if (plan.terms.length === 0) return { total: 0, hits: [], message: messages.noTerms, terms: [] };
          if (!filters.m && plan.municipality) filters = Object.assign({}, filters, { m: plan.municipality });
          var shardFiles = [];
          plan.terms.forEach(function (t) {
            var file = shardFor(m, t.term);
            if (file && shardFiles.indexOf(file) < 0) shardFiles.push(file);
          });
          return Promise.all(shardFiles.map(function (file) { return load(file, parseShard); })).then(function (shards) {
            var decoded = new Map();
            var ranked = score(plan, m, function (term) {
              if (decoded.has(term)) return decoded.get(term);
              var blocks;
              for (var i = 0; i < shards.length && !blocks; i++) {
                if (shards[i].entries.has(term)) blocks = decodePostings(shards[i].bytes, shards[i].entries.get(term));
              }
              decoded.set(term, blocks);
              return blocks;
            }, docs.norms);
            var hits = ranked.filter(function (hit) { return admits(docs, hit.doc, filters); });
            return {
              total: hits.length, hits: hits, terms: plan.terms.map(function (t) { return t.term; }),
              facets: facetCounts(docs, ranked, filters), municipality: plan.municipality, asksForFigure: plan.asksForFigure,
              message: hits.length === 0 ? messages.noHits : null,
            };
          });
        });
      });
    }
    // Fragment of document d: fragments/{hash of its plan's fragments}-{position in the plan}.bin.
    function documents(docIds) {
      return manifest().then(table).then(function (t) {
        return Promise.all(docIds.map(function (id) {
          var p = t.plan[id];
          return load("fragments/" + t.plans[p][2] + "-" + (id - t.planStarts[p]) + ".bin", parseFragment);
        }));
      });
    }
    return { manifest: manifest, search: search, documents: documents };
  }

  // Facet values of a document, as the page's filters name them.
  function municipalityOf(docs, doc) { return docs.plans[docs.plan[doc]][0]; }
  function pillarOf(docs, doc) { return municipalityOf(docs, doc) + "-" + docs.pillar[doc]; }
  function topicsOf(docs, doc) { return docs.topicSets[docs.topicSet[doc]]; }

  function admits(docs, doc, filters) {
    if (filters.m && municipalityOf(docs, doc) !== filters.m) return false;
    if (filters.p && pillarOf(docs, doc) !== filters.p) return false;
    if (filters.n && docs.isNew[doc] !== 1) return false;
    if (filters.t && topicsOf(docs, doc).indexOf(filters.t) < 0) return false;
    return true;
  }

  // Counts for each facet value among hits that pass the other filters (so choosing one shows what the rest would give).
  function facetCounts(docs, ranked, filters) {
    function count(key, valuesOf) {
      var counts = {};
      var others = Object.assign({}, filters);
      delete others[key];
      ranked.forEach(function (hit) {
        if (!admits(docs, hit.doc, others)) return;
        valuesOf(hit.doc).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      return counts;
    }
    return {
      m: count("m", function (doc) { return [municipalityOf(docs, doc)]; }),
      p: count("p", function (doc) { return [pillarOf(docs, doc)]; }),
      t: count("t", function (doc) { return topicsOf(docs, doc); }),
      n: count("n", function (doc) { return docs.isNew[doc] === 1 ? ["1"] : []; }),
    };
  }

  // ---- Snippets: the same window and marks as Search/Snippet.cs ----

  // Parts of a text, marked where a query term matches; a window of `width` from `before` characters
  // ahead of the first match (the whole text when width is Infinity, for titles).
  function snippet(source, terms, before, width) {
    var text = Array.from(String(source).normalize("NFKC"));
    var lower = text.map(function (c) { return c.toLowerCase(); });
    var marked = text.map(function () { return false; });
    var long = terms.filter(function (t) { return t.length > 1; });
    (long.length ? long : terms).forEach(function (term) {
      var t = Array.from(term);
      for (var i = 0; i + t.length <= lower.length; i++) {
        var ok = true;
        for (var j = 0; j < t.length; j++) if (lower[i + j] !== t[j]) { ok = false; break; }
        if (ok) for (var j2 = 0; j2 < t.length; j2++) marked[i + j2] = true;
      }
    });
    var first = marked.indexOf(true);
    var whole = width === Infinity;
    var start = first < 0 || whole ? 0 : Math.max(0, first - before);
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
    analyze: analyze, prepare: prepare, queryTerms: queryTerms, trigrams: trigrams, score: score, rankingScore: rankingScore,
    createClient: createClient, snippet: snippet, snippetSource: snippetSource, byte315ToFloat: byte315ToFloat,
  };
})();

// ---- The /search/ page: results as you type, facets with counts, the query kept in the URL and the title ----
(function () {
  "use strict";
  if (typeof document === "undefined") return;
  var form = document.querySelector("[data-search-app]");
  if (!form) return;
  var client = DxSearch.createClient(form.getAttribute("data-index"), function (url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.arrayBuffer();
    });
  });
  // Without JavaScript the page shows only how to search otherwise (SearchPage.razor); with it, the form.
  Array.prototype.forEach.call(document.querySelectorAll("[data-search-needs-js]"), function (el) { el.hidden = false; });
  var input = form.querySelector("#search-q");
  var selects = { m: form.querySelector("#search-m"), t: form.querySelector("#search-t"), p: form.querySelector("#search-p") };
  var newOnly = form.querySelector("#search-n");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var suggestions = document.getElementById("search-suggestions");
  var pageTitle = document.title;
  var labels = {};
  Object.keys(selects).forEach(function (key) {
    Array.prototype.forEach.call(selects[key].options, function (o) { labels[key + ":" + o.value] = o.textContent; });
  });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  Object.keys(selects).forEach(function (key) { selects[key].value = params.get(key) || ""; });
  newOnly.checked = params.get("n") === "1";

  function filters() {
    var f = {};
    Object.keys(selects).forEach(function (key) { if (selects[key].value) f[key] = selects[key].value; });
    if (newOnly.checked) f.n = "1";
    return f;
  }

  function keepInUrl(query, f) {
    var p = new URLSearchParams();
    if (query) p.set("q", query);
    Object.keys(f).forEach(function (key) { p.set(key, f[key]); });
    var search = p.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    document.title = query ? "「" + query + "」の検索結果 | " + pageTitle : pageTitle;
  }

  // Counts beside each option; an option that would give no result is disabled (unless it is chosen).
  function showCounts(counts) {
    Object.keys(selects).forEach(function (key) {
      Array.prototype.forEach.call(selects[key].options, function (o) {
        if (!o.value) return;
        var n = counts ? counts[key][o.value] || 0 : null;
        o.textContent = labels[key + ":" + o.value] + (counts ? "（" + n + "件）" : "");
        o.disabled = n === 0 && selects[key].value !== o.value;
      });
    });
    newOnly.disabled = !!counts && !(counts.n["1"] > 0) && !newOnly.checked;
  }

  function marked(parent, parts) {
    parts.forEach(function (part) {
      var node = part.mark ? document.createElement("mark") : document.createTextNode(part.text);
      if (part.mark) node.textContent = part.text;
      parent.appendChild(node);
    });
  }

  function append(result, docs, settings) {
    docs.forEach(function (doc) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.url;
      var meta = document.createElement("span");
      meta.className = "result-meta";
      meta.textContent = doc.municipality + " " + doc.label + (doc.isNew ? " 新規" : "");
      link.appendChild(meta);
      marked(link, DxSearch.snippet(doc.title, result.terms, 0, Infinity));
      item.appendChild(link);
      var snippet = document.createElement("p");
      snippet.className = "snippet";
      marked(snippet, DxSearch.snippet(DxSearch.snippetSource(doc, result.asksForFigure), result.terms, settings.snippetBefore, settings.snippetWidth));
      item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  function showStatus(result, query, shown) {
    var where = result.municipality && !selects.m.value ? "（" + labels["m:" + result.municipality] + "の取組）" : "";
    status.textContent = result.message && result.total === 0
      ? (query ? "「" + query + "」: " : "") + result.message
      : "「" + query + "」: " + result.total + "件" + where + (result.total > shown ? "（" + shown + "件を表示）" : "");
  }

  var latest = 0;
  var current = null;
  function showMore() {
    if (!current) return;
    var ticket = latest, state = current;
    client.manifest().then(function (m) {
      var next = state.result.hits.slice(state.shown, state.shown + m.settings.pageSize).map(function (h) { return h.doc; });
      return client.documents(next).then(function (docs) {
        if (ticket !== latest) return;
        var first = list.children.length;
        append(state.result, docs, m.settings);
        state.shown += docs.length;
        showStatus(state.result, state.query, state.shown);
        more.hidden = state.shown >= state.result.total;
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
  }

  function run() {
    var ticket = ++latest;
    var query = input.value.trim();
    var f = filters();
    keepInUrl(query, f);
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      suggestions.hidden = true;
      more.hidden = true;
      current = null;
      showCounts(null);
      return;
    }
    client.manifest().then(function (m) {
      return client.search(query, f).then(function (result) {
        return client.documents(result.hits.slice(0, m.settings.pageSize).map(function (h) { return h.doc; })).then(function (docs) {
          if (ticket !== latest) return;
          showCounts(result.facets || null);
          list.textContent = "";
          append(result, docs, m.settings);
          current = { result: result, query: query, shown: docs.length };
          showStatus(result, query, docs.length);
          suggestions.hidden = !(query && result.total === 0);
          more.hidden = docs.length >= result.total;
        });
      });
    }).catch(function () {
      if (ticket === latest) status.textContent = "検索インデックスを読み込めませんでした。ページを再読み込みしてください。";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("change", function (event) { if (event.target !== input) run(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  more.addEventListener("click", showMore);
  run();
})();

if (typeof module !== "undefined" && module.exports) {
  module.exports = DxSearch;
}
