// DxCompare's Decap CMS plugin: a fiscal-year grid for indicator values, previews that look like the
// site, and a preSave hook that writes what the validator expects. The vocabularies come from
// /admin/dxcompare-model.js, generated from the C# model, so nothing here is maintained in parallel.
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var MODEL = window.DXCOMPARE_MODEL;
  if (!CMS || !MODEL) return;

  function toJS(value) {
    if (value === null || value === undefined) return value;
    return typeof value.toJS === "function" ? value.toJS() : value;
  }

  function isFiscalYear(fy) {
    fy = Number(fy);
    return Number.isInteger(fy) && fy >= MODEL.fiscalYear.earliest && fy <= MODEL.fiscalYear.latest;
  }

  function wareki(fy) {
    return isFiscalYear(fy) ? window.DxWareki.wareki(fy) : "";
  }

  // ---- Indicator values: a grid of fiscal years × baseline/target/actual ----

  var TYPE_LABELS = MODEL.valueTypeLabels;
  var CELL = new RegExp("^(-?\\d+(?:\\.\\d+)?)(" + MODEL.qualifiers.join("|") + ")?$");

  function parseCell(text) {
    var t = String(text || "").trim();
    if (!t) return null;
    var normalized = t.normalize("NFKC");
    var m = normalized.match(CELL);
    if (m) return { value: Number(m[1]), qualifier: m[2] || null };
    if (MODEL.statusWords.indexOf(t) >= 0) return { status: t };
    return { error: t };
  }

  function cellText(v) {
    if (!v) return "";
    if (v.status) return v.status;
    if (v.value === null || v.value === undefined || v.value === "") return "";
    return String(v.value) + (v.qualifier || "");
  }

  // The unit of the indicator whose values this widget edits: found by identity in the entry.
  function findIndicator(data, values) {
    var found = null;
    (function walk(node) {
      if (found || !node || typeof node !== "object") return;
      if (typeof node.get === "function" && typeof node.has === "function" && node.has("values") && node.get("values") === values) { found = node; return; }
      if (typeof node.forEach === "function") node.forEach(function (child) { walk(child); });
    })(data);
    return found;
  }

  function periodOf(entry) {
    var data = entry && entry.get ? entry.get("data") : null;
    var start = data && data.getIn ? Number(data.getIn(["period", "start"])) : NaN;
    var end = data && data.getIn ? Number(data.getIn(["period", "end"])) : NaN;
    return { start: start, end: end, valid: isFiscalYear(start) && isFiscalYear(end) && end >= start && end - start < 30 };
  }

  function problems(list, period, unit) {
    var errors = [];
    var seen = {};
    list.forEach(function (v) {
      var key = v.fy + ":" + v.type;
      if (seen[key]) errors.push(v.fy + "年度の" + TYPE_LABELS[v.type] + "が2つあります");
      seen[key] = true;
      if (v.error !== undefined) errors.push(wareki(v.fy) + "の「" + v.error + "」は数値(単位なし、例: 27、5500、12.1、5.0未満)でも状態(" + MODEL.statusWords.join("、") + ")でもありません");
      if (period.valid && v.type !== "baseline" && (v.fy < period.start || v.fy > period.end)) errors.push(v.fy + "年度は計画期間(" + period.start + "〜" + period.end + ")の外です");
      if (period.valid && v.type === "baseline" && v.fy > period.end) errors.push(TYPE_LABELS.baseline + "の年度 " + v.fy + " が計画期間より後です");
      if (unit === MODEL.percent && typeof v.value === "number" && (v.value < 0 || v.value > 100)) errors.push(v.value + "% は0〜100の範囲外です");
    });
    return errors;
  }

  var FyValuesControl = createClass({
    getInitialState: function () { return { drafts: {} }; },

    list: function () {
      var value = toJS(this.props.value);
      return Array.isArray(value) ? value.filter(Boolean) : [];
    },

    years: function () {
      var period = periodOf(this.props.entry);
      var fromValues = this.list().map(function (v) { return Number(v.fy); }).filter(isFiscalYear);
      var years = [];
      if (period.valid) for (var fy = period.start - 1; fy <= period.end; fy++) years.push(fy);
      fromValues.forEach(function (fy) { if (years.indexOf(fy) < 0) years.push(fy); });
      return years.sort();
    },

    update: function (fy, type, text) {
      var drafts = Object.assign({}, this.state.drafts);
      drafts[fy + ":" + type] = text;
      this.setState({ drafts: drafts });
      var parsed = parseCell(text);
      var others = this.list().filter(function (v) { return !(Number(v.fy) === fy && v.type === type); });
      if (parsed) {
        var item = { fy: fy, type: type };
        if (parsed.error !== undefined) item.error = parsed.error;
        if (parsed.value !== undefined) item.value = parsed.value;
        if (parsed.qualifier) item.qualifier = parsed.qualifier;
        if (parsed.status) item.status = parsed.status;
        others.push(item);
      }
      others.sort(function (a, b) { return a.fy - b.fy || MODEL.valueTypes.indexOf(a.type) - MODEL.valueTypes.indexOf(b.type); });
      this.props.onChange(others);
    },

    isValid: function () {
      var indicator = findIndicator(this.props.entry.get("data"), this.props.value);
      var errors = problems(this.list(), periodOf(this.props.entry), indicator ? indicator.get("unit") : null);
      if (this.list().length === 0) errors.push("少なくとも1つの値を入力してください");
      return errors.length ? { error: { message: errors.join(" / ") } } : true;
    },

    render: function () {
      var self = this;
      var list = this.list();
      var period = periodOf(this.props.entry);
      var indicator = findIndicator(this.props.entry.get("data"), this.props.value);
      var unit = indicator ? indicator.get("unit") : null;
      var errors = problems(list, period, unit);
      var id = this.props.forID;
      return h("div", { className: this.props.classNameWrapper, id: id },
        !period.valid ? h("p", null, "先に「計画期間」の開始年度と終了年度を入力すると、年度の表が表示されます。") : null,
        h("table", { className: "dx-fy-grid" },
          h("caption", null, "年度別の値" + (unit ? "(単位: " + unit + ")" : "") + " — 数値(例: 27、5500、5.0未満)か状態(" + MODEL.statusWords.join("、") + ")"),
          h("thead", null, h("tr", null,
            h("th", { scope: "col" }, "年度"),
            MODEL.valueTypes.map(function (type) { return h("th", { scope: "col", key: type }, TYPE_LABELS[type]); }))),
          h("tbody", null, this.years().map(function (fy) {
            return h("tr", { key: fy },
              h("th", { scope: "row" }, wareki(fy) + "(" + fy + ")"),
              MODEL.valueTypes.map(function (type) {
                var current = list.filter(function (v) { return Number(v.fy) === fy && v.type === type; })[0];
                var draft = self.state.drafts[fy + ":" + type];
                var disabled = period.valid && type !== "baseline" && fy < period.start;
                return h("td", { key: type },
                  h("input", {
                    type: "text", "aria-label": wareki(fy) + " " + TYPE_LABELS[type], "data-fy": fy, "data-type": type,
                    disabled: disabled, value: draft !== undefined ? draft : cellText(current),
                    onChange: function (e) { self.update(fy, type, e.target.value); },
                  }));
              }));
          }))),
        errors.length ? h("ul", { className: "dx-fy-errors", role: "alert" }, errors.map(function (e, i) { return h("li", { key: i }, e); })) : null);
    },
  });

  var FyValuesPreview = createClass({
    render: function () {
      var list = toJS(this.props.value) || [];
      return h("ul", null, list.map(function (v, i) {
        return h("li", { key: i }, wareki(v.fy) + " " + (TYPE_LABELS[v.type] || v.type) + " " + cellText(v));
      }));
    },
  });

  CMS.registerWidget("fy-values", FyValuesControl, FyValuesPreview);

  // ---- Preview: a plan and its initiatives, with the site's markup and CSS ----

  CMS.registerPreviewStyle(MODEL.siteCss);
  CMS.registerPreviewStyle("/admin/cms-preview.css");

  function text(value) { return value === null || value === undefined ? "" : String(value); }

  function indicatorCard(indicator, key) {
    var values = indicator.values || [];
    var years = values.map(function (v) { return v.fy; }).filter(function (fy, i, all) { return all.indexOf(fy) === i; }).sort();
    return h("section", { className: "indicator", key: key },
      h("h4", { className: "indicator-name" }, text(indicator.name), indicator.segment ? "（" + indicator.segment + "）" : "", " ", h("span", { className: "badge badge-kind" }, text(indicator.kind))),
      h("table", { className: "values" },
        h("thead", null, h("tr", null, h("th", null, "年度"), MODEL.valueTypes.map(function (t) { return h("th", { key: t }, TYPE_LABELS[t]); }))),
        h("tbody", null, years.map(function (fy) {
          return h("tr", { key: fy }, h("th", null, wareki(fy) + "（" + fy + "年度）"), MODEL.valueTypes.map(function (t) {
            var v = values.filter(function (x) { return x.fy === fy && x.type === t; })[0];
            return h("td", { key: t }, v ? cellText(v) + (v.status ? "" : text(indicator.unit)) : "");
          }));
        }))));
  }

  function initiativeBlock(labels, initiative, key) {
    return h("section", { className: "card", key: key },
      h("h3", null, text(labels.initiative) + text(initiative.number) + " " + text(initiative.title), initiative.is_new ? h("span", { className: "badge badge-new" }, "新規") : null),
      initiative.departments && initiative.departments.length ? h("p", null, "担当: " + initiative.departments.join("、")) : null,
      initiative.content ? h("div", { className: "prose" }, text(initiative.content).split("\n").filter(Boolean).map(function (line, i) { return h("p", { key: i }, line.replace(/^\s*[-*]\s+/, "・")); })) : null,
      (initiative.indicators || []).map(function (ind, i) { return indicatorCard(ind, i); }),
      (initiative.activities || []).map(function (a, i) {
        return h("div", { className: "activity", key: "a" + i },
          h("h4", null, wareki(a.fy) + " " + (MODEL.activityTypeLabels[a.type] || a.type)),
          h("ul", null, (a.items || []).map(function (item, j) { return h("li", { key: j }, text(item.text), item.relisted ? " 【再掲】" : ""); })));
      }));
  }

  var PlanPreview = createClass({
    render: function () {
      var plan = toJS(this.props.entry.get("data")) || {};
      var labels = plan.labels || {};
      var m = plan.municipality || {};
      var period = plan.period || {};
      return h("main", { className: "wrap" },
        h("h1", null, text(m.name), " ", h("span", { className: "subtitle" }, text(plan.title))),
        h("dl", { className: "facts" },
          h("dt", null, text(plan.vision_label) || "基本理念"), h("dd", { className: "vision" }, text(plan.vision)),
          h("dt", null, "計画期間"), h("dd", null, period.start && period.end ? wareki(period.start) + "〜" + wareki(period.end) + "（" + period.start + "〜" + period.end + "年度）" : "未入力")),
        (plan.pillars || []).map(function (pillar, i) {
          return h("section", { className: "pillar", key: i },
            h("h2", null, text(labels.pillar) + text(pillar.number) + " " + text(pillar.title)),
            pillar.future_vision ? h("p", { className: "future" }, h("strong", null, "将来像"), " " + pillar.future_vision) : null,
            (pillar.indicators || []).map(function (ind, j) { return indicatorCard(ind, j); }),
            (pillar.initiatives || []).map(function (ini, j) { return initiativeBlock(labels, ini, j); }),
            (pillar.policies || []).map(function (policy, j) {
              return h("section", { className: "policy", key: "p" + j },
                h("h3", null, text(labels.policy) + text(policy.number) + " " + text(policy.title)),
                (policy.indicators || []).map(function (ind, k) { return indicatorCard(ind, k); }),
                (policy.initiatives || []).map(function (ini, k) { return initiativeBlock(labels, ini, k); }));
            }));
        }));
    },
  });

  CMS.registerPreviewTemplate("plans", PlanPreview);

  // ---- preSave: drop what Decap writes for cleared optional fields, keep numbers as numbers ----

  var NUMERIC = {};
  MODEL.numericFields.forEach(function (name) { NUMERIC[name] = true; });

  // Cleared optional fields, and the empty lists and objects Decap leaves behind, are not written.
  function isEmpty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  function normalize(value, key) {
    if (Array.isArray(value)) return value.map(function (v) { return normalize(v); }).filter(function (v) { return !isEmpty(v); });
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (k) {
        if (k === "error") return;
        var v = normalize(value[k], k);
        if (!isEmpty(v)) out[k] = v;
      });
      return out;
    }
    if (key && NUMERIC[key] && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
    return value;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      var plain = normalize(toJS(data));
      // Rebuild with the entry's own Immutable type: clear every key, then set the normalized values.
      return data.clear().merge(plain);
    },
  });

  window.DxCompareCms = { normalize: normalize, parseCell: parseCell, problems: problems, wareki: wareki };
})();
