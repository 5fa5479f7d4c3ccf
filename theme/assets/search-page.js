// DxCompare search in the browser, module 4 of 4: the /search/ page. Results as you type, "more" beyond
// the first page, facets with counts (0 disables an option), the query kept in the URL and the title.
// Needs DxSearch (search.js); does nothing outside the search page (or in node).
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
      marked(snippet, DxSearch.snippet(DxSearch.snippetSource(doc, result.asksForFigure), result.terms, settings.snippetBefore, settings.snippetWidth, result.anchors));
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
