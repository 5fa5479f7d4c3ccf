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

  // 令和8〜10年度（2026〜2028年度）, as FiscalYear.PeriodLabel.
  function periodLabel(start, end) {
    var first = wareki(start).replace("年度", "");
    var last = wareki(end).replace("年度", "");
    var sameEra = first.slice(0, 2) === last.slice(0, 2);
    return first + "〜" + (sameEra ? last.slice(2) : last) + "年度（" + start + "〜" + end + "年度）";
  }

  // 和暦 typed where a Gregorian fiscal year belongs (令和8, R8, 令和元年度, ＲＸ full-width) → 2026; null if not 和暦.
  // rules: the model's { warekiInput (the pattern FiscalYear.TryParseWareki uses), eraLetters, earliest, latest }.
  // The year comes from the labels above: the first fiscal year an era labels, plus the years after it.
  function parse(text, rules) {
    var t = String(text || "").normalize("NFKC").trim();
    var m = new RegExp(rules.warekiInput).exec(t);
    if (!m) return null;
    var era = rules.eraLetters[m.groups.era.toUpperCase()] || m.groups.era;
    var year = m.groups.year === "元" ? 1 : Number(m.groups.year);
    for (var fy = rules.earliest; fy <= rules.latest; fy++) {
      var label = wareki(fy);
      if (label.indexOf(era) !== 0) continue;
      var first = label.slice(era.length, -2);
      return fy + year - (first === "元" ? 1 : Number(first));
    }
    return null;
  }

  var api = { wareki: wareki, periodLabel: periodLabel, parse: parse };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DxWareki = api;
})(this);
