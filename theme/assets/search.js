// DxCompare search in the browser: the same analysis and BM25 ranking as the C# side (Lucene.Net), over the
// static shards in /search/index/. No dependencies, no third-party requests. This file is the client's
// public API, DxSearch, assembled from its modules: search-analysis.js (analysis, query reading, snippets),
// search-ranking.js (BM25, concepts, filters), search-index.js (index reading, the client); the page's UI
// is search-page.js. Node loads it unchanged (tests/search-js, the CLI/browser parity tests, the benches).
var DxSearch = (function (modules) {
  "use strict";
  var api = {};
  modules.forEach(function (m) { Object.keys(m).forEach(function (key) { api[key] = m[key]; }); });
  return api;
})(
  typeof module !== "undefined" && module.exports
    ? [require("./search-analysis.js"), require("./search-ranking.js"), require("./search-index.js")]
    : [DxSearchAnalysis, DxSearchRanking, DxSearchIndex]
);

if (typeof module !== "undefined" && module.exports) module.exports = DxSearch;
