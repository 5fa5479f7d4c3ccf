// serve --watch: reloads the page after a rebuild and shows the validator's messages while the content is invalid
// (the last good site stays served underneath). Added to pages as they are served, never to the built files.
(function () {
  "use strict";
  var overlay = null;
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(messages) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "dxcompare-errors";
    overlay.setAttribute("role", "alert");
    overlay.className = "dx-live-errors";
    var title = document.createElement("h2");
    title.textContent = "コンテンツにエラーがあります(前回の正常なサイトを表示しています)";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    messages.forEach(function (m) { var li = document.createElement("li"); li.textContent = m; list.appendChild(li); });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }
  var events = new EventSource(document.currentScript.dataset.events);
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("errors", function (e) { show(JSON.parse(e.data)); });
  events.addEventListener("ok", hide);
})();
