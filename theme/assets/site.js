// Progressive enhancement only: every page is complete without JavaScript.
// The municipality picker keeps the chosen columns in the URL (?m=taito&m=koto) so a comparison can be shared.
// Without JavaScript its boxes still hide and show columns through CSS (site.css, .col-N).
(function () {
  "use strict";
  var picker = document.querySelector("[data-municipality-picker]");
  if (!picker) return;
  var boxes = Array.prototype.slice.call(picker.querySelectorAll("input[name=m]"));
  var chosen = new URLSearchParams(window.location.search).getAll("m");
  // With few municipalities every box starts checked (all shown); with many, none is (checked = chosen).
  var many = !!picker.querySelector("[data-picker-filter]");

  function apply(selected) {
    var all = selected.length === 0;
    boxes.forEach(function (box) { box.checked = (all && !many) || selected.indexOf(box.value) >= 0; });
    document.querySelectorAll("[data-municipality-columns] [data-municipality]").forEach(function (cell) {
      cell.hidden = !(all || selected.indexOf(cell.getAttribute("data-municipality")) >= 0);
    });
  }

  function selectedValues() {
    var values = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    return values.length === boxes.length ? [] : values;
  }

  var filter = picker.querySelector("[data-picker-filter]");
  if (filter) {
    filter.addEventListener("input", function () {
      var text = filter.value.trim();
      boxes.forEach(function (box) {
        var label = box.parentNode;
        label.hidden = text !== "" && label.textContent.indexOf(text) < 0;
      });
      picker.querySelectorAll("details").forEach(function (group) { if (text) group.open = true; });
    });
  }

  apply(chosen);
  picker.addEventListener("change", function (event) {
    if (event.target === filter) return;
    var values = selectedValues();
    var params = new URLSearchParams();
    values.forEach(function (v) { params.append("m", v); });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    apply(values);
  });
  picker.addEventListener("submit", function (event) { event.preventDefault(); });
  // The grouped picker needs this script to work, so the static page hides it.
  picker.hidden = false;
})();
