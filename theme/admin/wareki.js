// 和暦 labels of fiscal years for the browser, by the same rule as FiscalYear.Wareki in C#: a fiscal year
// takes the era in force on its April 1, unless a new era began in April (FY2019 is 令和元年度, not 平成31年度).
// tests/vectors/wareki.json holds the labels both implementations must give.
(function (root) {
  "use strict";
  var format = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" });

  function eraYear(date) {
    var result = { era: "", year: "" };
    format.formatToParts(date).forEach(function (part) {
      if (part.type === "era") result.era = part.value;
      if (part.type === "year") result.year = part.value;
    });
    return result;
  }

  function wareki(fy) {
    fy = Number(fy);
    if (!Number.isInteger(fy)) return "";
    var april = eraYear(new Date(Date.UTC(fy, 3, 1)));
    var may = eraYear(new Date(Date.UTC(fy, 4, 1)));
    var label = april.era !== may.era ? may : april;
    var year = label.year === "1" || label.year === "元" ? "元" : label.year;
    return label.era + year + "年度";
  }

  var api = { wareki: wareki };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DxWareki = api;
})(this);
