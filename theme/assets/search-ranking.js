// DxCompare search in the browser, module 2 of 4: ranking. BM25 exactly as Lucene 4.8 computes it, the
// concepts a document finds, the cutoff (Search/SearchIndex.cs), and the filters with their counts.
// No dependencies.
var DxSearchRanking = (function () {
  "use strict";

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


  return { score: score, rankingScore: rankingScore, byte315ToFloat: byte315ToFloat, admits: admits, facetCounts: facetCounts };
})();

if (typeof module !== "undefined" && module.exports) module.exports = DxSearchRanking;
