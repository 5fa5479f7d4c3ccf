// DxCompare search in the browser, module 3 of 4: index reading. Fetches the static index on demand, decodes
// it, and answers a query with the analysis and ranking modules.
var DxSearchIndex = (function (analysis, ranking) {
  "use strict";
  var prepare = analysis.prepare, score = ranking.score, admits = ranking.admits, facetCounts = ranking.facetCounts;

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

  // A fragment file: the fragments of consecutive documents of a plan, each [url, title, label, municipality, 新規 0/1,
  // snippet body, figures, topics and departments].
  function parseFragments(bytes) {
    return JSON.parse(utf8(bytes)).map(function (f) {
      return { url: f[0], title: f[1], label: f[2], municipality: f[3], isNew: f[4] === 1, body: f[5], figures: f[6], meta: f[7] };
    });
  }


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
              // The query's own terms (not the synonyms it added): they place the snippet window.
              anchors: plan.terms.filter(function (t) { return t.boost >= 1; }).map(function (t) { return t.term; }),
              facets: facetCounts(docs, ranked, filters), municipality: plan.municipality, asksForFigure: plan.asksForFigure,
              message: hits.length === 0 ? messages.noHits : null,
            };
          });
        });
      });
    }
    // Fragment of document d, at position k in its plan: the (k mod n)th of
    // fragments/{hash of its plan's fragments}-{k ÷ n}.bin, n = fragmentsPerFile.
    function documents(docIds) {
      return manifest().then(function (m) {
        return table(m).then(function (t) {
          return Promise.all(docIds.map(function (id) {
            var p = t.plan[id], k = id - t.planStarts[p], n = m.fragmentsPerFile;
            return load("fragments/" + t.plans[p][2] + "-" + Math.floor(k / n) + ".bin", parseFragments).then(function (file) { return file[k % n]; });
          }));
        });
      });
    }
    return { manifest: manifest, search: search, documents: documents };
  }


  return { createClient: createClient };
})(
  typeof module !== "undefined" && module.exports ? require("./search-analysis.js") : DxSearchAnalysis,
  typeof module !== "undefined" && module.exports ? require("./search-ranking.js") : DxSearchRanking
);

if (typeof module !== "undefined" && module.exports) module.exports = DxSearchIndex;
