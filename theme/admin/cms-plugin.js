// DxCompare's Decap CMS plugin: lossless saves (a custom format that applies the editor's changes to
// the file's original text), a fiscal-year grid for indicator values, and previews that look like the
// site. The vocabularies come from /admin/dxcompare-model.js, generated from the C# model, so nothing
// here is maintained in parallel. Loaded as a module after Decap (index.html sets CMS_MANUAL_INIT), so
// everything is registered before CMS.init() reads the config.
import { YAML } from "./yaml/index.js";

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

  // ---- Fiscal years: 2026, 令和8 or R8, with the 和暦 shown live beside the 西暦 ----

  function readYear(text) {
    var t = String(text === null || text === undefined ? "" : text).normalize("NFKC").trim();
    if (!t) return { empty: true };
    if (/^\d{4}$/.test(t)) return { fy: Number(t) };
    var fy = window.DxWareki.parse(t, MODEL.fiscalYear);
    return fy === null ? { error: t } : { fy: fy, wareki: true };
  }

  function yearMessage(text) {
    var read = readYear(text);
    if (read.error !== undefined) return "「" + read.error + "」は年度として読めません。2026、令和8、R8 のように入力してください";
    if (read.fy !== undefined && !isFiscalYear(read.fy)) return read.fy + " は年度の範囲(" + MODEL.fiscalYear.earliest + "〜" + MODEL.fiscalYear.latest + ")の外です";
    return null;
  }

  var FiscalYearControl = createClass({
    getInitialState: function () { return { text: null }; },

    onChange: function (e) {
      var text = e.target.value;
      this.setState({ text: text });
      var read = readYear(text);
      if (read.empty) this.props.onChange("");
      else if (read.fy !== undefined) this.props.onChange(read.fy);
    },

    message: function () { return yearMessage(this.state.text !== null ? this.state.text : this.props.value); },

    isValid: function () {
      var own = this.message();
      return fieldError(this.props, (own ? [own] : []).concat(problemsAt(this.props).map(function (p) { return p.message; })));
    },

    render: function () {
      var text = this.state.text !== null ? this.state.text : (this.props.value === null || this.props.value === undefined ? "" : String(this.props.value));
      var read = readYear(text);
      var own = this.message();
      return h("div", { className: this.props.classNameWrapper + " dx-fy-field" },
        h("input", { type: "text", inputMode: "numeric", id: this.props.forID, value: text, onChange: this.onChange, onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle, "aria-describedby": this.props.forID + "-wareki" }),
        h("span", { id: this.props.forID + "-wareki", className: own ? "dx-fy-reading dx-fy-error" : "dx-fy-reading", "aria-live": "polite" },
          own ? own : read.fy !== undefined ? (read.wareki ? "→ " + read.fy + "(" + wareki(read.fy) + ")" : wareki(read.fy)) : ""));
    },
  });

  CMS.registerWidget(MODEL.fiscalYearWidget, FiscalYearControl, function (props) { return h("span", null, props.value ? wareki(props.value) + "(" + props.value + ")" : ""); });

  // ---- Indicator values: a grid of fiscal years × baseline/target/actual ----

  var TYPE_LABELS = MODEL.valueTypeLabels;
  // 約40 (a qualifier written before the number), 5.0未満 (after it), or 40 alone: words from content/vocabulary.yml.
  var CELL = new RegExp("^(" + MODEL.prefixQualifiers.join("|") + ")?(-?\\d+(?:\\.\\d+)?)(" + MODEL.qualifiers.join("|") + ")?$");

  function parseCell(text) {
    var t = String(text || "").trim();
    if (!t) return null;
    var normalized = t.normalize("NFKC");
    var m = normalized.match(CELL);
    // The digits as typed are the published precision: "5.0" stays 5.0 in the file (yaml-splice.js).
    if (m) return { value: String(Number(m[2])) === m[2] ? Number(m[2]) : m[2], qualifier: m[1] || m[3] || null };
    if (MODEL.statusWords.indexOf(t) >= 0) return { status: t };
    return { error: t };
  }

  function cellText(v) {
    if (!v) return "";
    if (v.status) return v.status;
    if (v.value === null || v.value === undefined || v.value === "") return "";
    var prefix = v.qualifier && MODEL.prefixQualifiers.indexOf(v.qualifier) >= 0;
    return (prefix ? v.qualifier : "") + String(v.value) + (!prefix && v.qualifier ? v.qualifier : "");
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

  function periodOf(data) {
    var start = data && data.getIn ? Number(data.getIn(["period", "start"])) : NaN;
    var end = data && data.getIn ? Number(data.getIn(["period", "end"])) : NaN;
    return { start: start, end: end, valid: isFiscalYear(start) && isFiscalYear(end) && end >= start && end - start < 30 };
  }

  // ---- The validator's rules at the field, on the current draft (theme/admin/validate.js) ----

  var validator = window.DxValidate.create(MODEL.validation, window.DxWareki);
  var checked = { data: null, problems: [] };

  // The lists the rules know (topics, metrics, words) as the site has them now: serve --watch rewrites them when
  // the editor adds one, and never reloads this page.
  function refreshRules() {
    return fetch(MODEL.validationUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (model) {
        if (!model) return;
        validator = window.DxValidate.create(model, window.DxWareki);
        checked = { data: null, problems: [] };
      })
      .catch(function () { /* offline: the rules keep the lists they have */ });
  }
  window.addEventListener("hashchange", refreshRules);

  // The draft as it is now: Decap's getEntry() (the entry prop can be the entry as it was loaded).
  function currentEntry(props) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return entry && entry.get ? entry : null;
  }

  function currentData(props) {
    var entry = currentEntry(props);
    return entry ? entry.get("data") : null;
  }

  // An existing entry's file name is its slug (a new one takes the slug it is given).
  function entryProblems(entry) {
    var context = { fileSlug: entry.get("newRecord") ? null : entry.get("slug") };
    return validator.validatePlan(toJS(entry.get("data")), context);
  }

  function planProblems(entry) {
    var data = entry ? entry.get("data") : null;
    if (!data) return [];
    if (checked.data !== data) checked = { data: data, problems: entryProblems(entry) };
    return checked.problems;
  }

  // Where a control sits in the entry's data, read from the form: Decap gives each field's element the id
  // "{name}-field-{n}" and each list item the class SortableListItem, in data order; the level lists
  // (level-list.js) mark their items with data-dx-index.
  function dataPath(element) {
    var path = [];
    for (var node = element; node && node.id !== "nc-root"; node = node.parentElement) {
      var match = /^(.+)-field-\d+$/.exec(node.id || "");
      if (match) path.unshift(match[1]);
      if (node.hasAttribute && node.hasAttribute("data-dx-index")) path.unshift(Number(node.getAttribute("data-dx-index")));
      else if (typeof node.className === "string" && node.className.indexOf("SortableListItem") >= 0) {
        var index = 0;
        for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
          if (typeof sibling.className === "string" && sibling.className.indexOf("SortableListItem") >= 0) index++;
        }
        path.unshift(index);
      }
    }
    return path.join("/");
  }

  function problemsAt(props) {
    var element = props.forID ? document.getElementById(props.forID) : null;
    if (!element || props.collection && props.collection.get("name") !== "plans") return [];
    var path = dataPath(element);
    return planProblems(currentEntry(props)).filter(function (p) { return p.field.join("/") === path; });
  }

  function fieldError(props, messages) {
    // Decap names the reason of a stopped save (its toast) only for errors of the type PRESENCE.
    return messages.length ? { error: { type: "PRESENCE", parentIds: props.parentIds, message: messages.join(" / ") } } : true;
  }

  // Decap's own string and number controls, with the plan rules added to their own checks.
  ["string", "number"].forEach(function (name) {
    var original = CMS.getWidget(name);
    if (!original) return;
    var Wrapped = createClass({
      isValid: function () {
        var own = this.inner && typeof this.inner.isValid === "function" ? this.inner.isValid() : true;
        if (own !== true && own && own.error) return own;
        return fieldError(this.props, problemsAt(this.props).map(function (p) { return p.message; }));
      },
      focus: function () { if (this.inner && this.inner.focus) this.inner.focus(); },
      render: function () {
        var self = this;
        draftProblems.request(this.props);
        return h(original.control, Object.assign({}, this.props, { ref: function (r) { self.inner = r; } }));
      },
    });
    CMS.registerWidget(name, Wrapped, original.preview, original.schema);
  });

  // Cells of the grid that are neither a number nor a status word (kept in the draft as `error` until fixed).
  function cellErrors(list) {
    return (Array.isArray(list) ? list : []).filter(function (v) { return v && v.error !== undefined; }).map(function (v) {
      return wareki(v.fy) + "の「" + v.error + "」は数値(単位なし、例: 27、5500、12.1、5.0未満)でも状態(" + MODEL.statusWords.join("、") + ")でもありません";
    });
  }

  var FyValuesControl = createClass({
    getInitialState: function () { return { drafts: {} }; },

    list: function () {
      var value = toJS(this.props.value);
      return Array.isArray(value) ? value.filter(Boolean) : [];
    },

    years: function () {
      var period = periodOf(currentData(this.props));
      var fromValues = this.list().map(function (v) { return Number(v.fy); }).filter(isFiscalYear);
      var years = [];
      if (period.valid) for (var fy = period.start - 1; fy <= period.end; fy++) years.push(fy);
      fromValues.forEach(function (fy) { if (years.indexOf(fy) < 0) years.push(fy); });
      return years.sort();
    },

    // A cell edits its value only: the item keeps its place in the list and every other key (note, …).
    update: function (fy, type, text) {
      var drafts = Object.assign({}, this.state.drafts);
      drafts[fy + ":" + type] = text;
      this.setState({ drafts: drafts });
      var parsed = parseCell(text);
      // The cell edits the value shown in it (the latest edition's, the last of its year and type), in place.
      var list = this.list();
      var index = -1;
      list.forEach(function (v, i) { if (Number(v.fy) === fy && v.type === type) index = i; });
      var next = list.slice();
      if (!parsed) {
        if (index >= 0) next.splice(index, 1);
      } else {
        var item = index >= 0 ? Object.assign({}, list[index]) : { fy: fy, type: type };
        delete item.value; delete item.status; delete item.qualifier; delete item.error;
        if (parsed.error !== undefined) item.error = parsed.error;
        if (parsed.value !== undefined) item.value = parsed.value;
        if (parsed.qualifier) item.qualifier = parsed.qualifier;
        if (parsed.status) item.status = parsed.status;
        if (index >= 0) next[index] = item;
        else {
          var rank = function (v) { return Number(v.fy) * 10 + MODEL.valueTypes.indexOf(v.type); };
          var at = next.length;
          while (at > 0 && rank(next[at - 1]) > rank(item)) at--;
          next.splice(at, 0, item);
        }
      }
      this.props.onChange(next);
    },

    updateNote: function (index, note) {
      var next = this.list().slice();
      next[index] = Object.assign({}, next[index]);
      if (note) next[index].note = note;
      else delete next[index].note;
      this.props.onChange(next);
    },

    // Decap does not re-render a widget when another field changes (the plan period, a unit), so a visible
    // grid re-checks the current draft and redraws when its messages change.
    componentDidMount: function () {
      var self = this;
      this.timer = setInterval(function () {
        var element = document.getElementById(self.props.forID);
        if (!element || element.offsetParent === null) return;
        if (JSON.stringify([self.errors(), self.years()]) !== self.renderedKey) self.forceUpdate();
      }, 500);
    },

    componentWillUnmount: function () { clearInterval(this.timer); },

    // Cells that are neither a number nor a status word, then the plan rules on the current draft.
    errors: function () {
      return cellErrors(this.list()).concat(problemsAt(this.props).map(function (p) { return p.message; }));
    },

    isValid: function () {
      var errors = this.errors();
      if (this.list().length === 0) errors.push("少なくとも1つの値を入力してください");
      return fieldError(this.props, errors);
    },

    render: function () {
      var self = this;
      var list = this.list();
      var data = currentData(this.props);
      var period = periodOf(data);
      var indicator = findIndicator(data, this.props.value);
      var unit = indicator ? indicator.get("unit") : null;
      var errors = this.errors();
      this.renderedKey = JSON.stringify([errors, this.years()]);
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
                var current = list.filter(function (v) { return Number(v.fy) === fy && v.type === type; }).pop();
                var draft = self.state.drafts[fy + ":" + type];
                var disabled = period.valid && type !== "baseline" && fy < period.start;
                return h("td", { key: type, className: current && current.note ? "dx-has-note" : null },
                  h("input", {
                    title: current && current.note ? "注記: " + current.note : null,
                    type: "text", "aria-label": wareki(fy) + " " + TYPE_LABELS[type], "data-fy": fy, "data-type": type,
                    disabled: disabled, value: draft !== undefined ? draft : cellText(current),
                    onChange: function (e) { self.update(fy, type, e.target.value); },
                  }),
                  current && current.note ? h("span", { className: "dx-note-mark", "aria-hidden": "true" }, "※") : null);
              }));
          }))),
        this.notes(list),
        errors.length ? h("ul", { className: "dx-fy-errors", role: "alert" }, errors.map(function (e, i) { return h("li", { key: i }, e); })) : null);
    },
  });

  // Per-value notes (注記), editable beside the grid; a cell with a note is marked ※.
  FyValuesControl.prototype.notes = function (list) {
    var self = this;
    var noted = list.map(function (v, i) { return { v: v, i: i }; }).filter(function (x) { return x.v.note !== undefined; });
    if (!noted.length) return null;
    return h("div", { className: "dx-fy-notes" },
      h("p", null, "値の注記"),
      noted.map(function (x) {
        var label = wareki(x.v.fy) + " " + TYPE_LABELS[x.v.type] + "の注記";
        return h("label", { key: x.i, className: "dx-fy-note" }, label,
          h("input", { type: "text", value: x.v.note, "aria-label": label, onChange: function (e) { self.updateNote(x.i, e.target.value); } }));
      }));
  };

  var FyValuesPreview = createClass({
    render: function () {
      var list = toJS(this.props.value) || [];
      return h("ul", null, list.map(function (v, i) {
        return h("li", { key: i }, wareki(v.fy) + " " + (TYPE_LABELS[v.type] || v.type) + " " + cellText(v));
      }));
    },
  });

  CMS.registerWidget("fy-values", FyValuesControl, FyValuesPreview);

  // ---- The plan's levels: lists named with the plan's words, only the opened items mounted (level-list.js) ----

  var Levels = window.DxLevelList;
  var fieldConfigs = { source: null, plain: null };

  // Decap's own field checks on the whole draft, for the items of level lists that are not mounted.
  function draftFieldProblems(props, data) {
    var collection = props.collection;
    if (!collection || !props.t) return [];
    if (fieldConfigs.source !== collection.get("fields")) fieldConfigs = { source: collection.get("fields"), plain: toJS(collection.get("fields")) };
    var labels = (data && data[MODEL.levels.labelsField]) || {};
    function name(config, item, i) {
      if (config.level) return Levels.summary(Levels.levelWord(labels, MODEL.levels.words[config.level], ""), item);
      if (config.summary) return config.summary.replace(/\{\{fields\.([\w.]+)\}\}/g, function (all, key) { return text(item[key]); }).trim() || null;
      return String(i + 1);
    }
    function extra(config, value) {
      if (config.widget === "fy-values") return cellErrors(value);
      if (config.widget === MODEL.fiscalYearWidget) { var message = yearMessage(value); return message ? [message] : []; }
      return [];
    }
    return Levels.fieldProblems(fieldConfigs.plain, data, props.t, name, extra);
  }

  // The problems of the whole draft (the plan rules and Decap's field checks), worked out once typing pauses, for
  // the summaries of collapsed items; the lists are told when the set or the plan's level words change (Decap does
  // not re-render a list when another field, such as labels, changes). Every text and number field asks for it.
  var draftProblems = (function () {
    var listeners = [];
    var timer = null;
    var source = null;
    var checkedData = null;
    var checkedLabels = null;
    var current = [];
    function compute() {
      timer = null;
      var entry = source ? currentEntry(source) : null;
      if (!entry || entry.get("data") === checkedData) return;
      checkedData = entry.get("data");
      var labels = checkedData.get(MODEL.levels.labelsField);
      var rules = source.collection && source.collection.get("name") === "plans" ? planProblems(entry) : [];
      var next = rules.concat(draftFieldProblems(source, toJS(checkedData)));
      if (JSON.stringify(next) === JSON.stringify(current) && labels === checkedLabels) return;
      current = next;
      checkedLabels = labels;
      listeners.slice().forEach(function (listener) { listener(); });
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(compute, 300);
    }
    // Any change of the draft (a year, a select, a grid cell …) schedules a check: Decap's store is watched once
    // a list has mounted (findStore, below).
    var watched = false;
    var attempts = 0;
    function watch() {
      if (watched || attempts > 50) return; // without the store, the widgets' own requests still schedule checks
      attempts += 1;
      var store = findStore();
      if (!store) return;
      watched = true;
      var data = null;
      store.subscribe(function () {
        var entry = store.getState().entryDraft.get("entry");
        var next = entry ? entry.get("data") : null;
        if (next !== data) { data = next; if (source) schedule(); }
      });
    }
    return {
      subscribe: function (listener) { listeners.push(listener); },
      unsubscribe: function (listener) { listeners = listeners.filter(function (l) { return l !== listener; }); },
      request: function (props) {
        source = props;
        watch();
        schedule();
      },
      current: function () { return current; },
      fieldProblemsNow: function (props) {
        var entry = currentEntry(props);
        return entry ? draftFieldProblems(props, toJS(entry.get("data"))) : [];
      },
    };
  })();

  // /admin/?decap-lists: Decap's own list for the levels too (bench/cms.sh measures both in one run).
  if (/[?&]decap-lists\b/.test(window.location.search)) {
    var decapList = CMS.getWidget("list");
    CMS.registerWidget(MODEL.levels.widget, decapList.control, decapList.preview, decapList.schema);
  } else if (Levels) {
    Levels.register(CMS, {
      h: h,
      createClass: createClass,
      model: MODEL.levels,
      currentData: currentData,
      pathOf: dataPath,
      problems: draftProblems,
    });
  }

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
            return h("td", { key: t }, v ? cellText(v) + (v.status ? "" : text(indicator.unit)) : "", v && v.note ? h("small", { className: "dx-note" }, "※" + v.note) : null);
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

  // The whole plan is drawn again only after typing pauses (PREVIEW_DELAY ms): on a large plan, drawing it on
  // every keystroke made typing lag (bench/cms.sh). Between redraws React reuses the last tree as it is.
  var PREVIEW_DELAY = 400;
  var PlanPreview = createClass({
    getInitialState: function () { return { data: this.props.entry.get("data") }; },

    componentDidUpdate: function () {
      var self = this;
      if (this.props.entry.get("data") === this.state.data) return;
      // Each change puts the redraw off again: while the editor types, the plan is not drawn at all.
      clearTimeout(this.timer);
      this.timer = setTimeout(function () {
        self.timer = null;
        self.setState({ data: self.props.entry.get("data") });
      }, PREVIEW_DELAY);
    },

    componentWillUnmount: function () { clearTimeout(this.timer); },

    render: function () {
      if (this.drawn !== this.state.data) {
        this.drawn = this.state.data;
        this.tree = this.draw(toJS(this.state.data) || {});
      }
      return this.tree;
    },

    draw: function (plan) {
      var labels = plan.labels || {};
      var m = plan.municipality || {};
      var period = plan.period || {};
      return h("main", { className: "wrap" },
        h("h1", null, text(m.name), " ", h("span", { className: "subtitle" }, text(plan.title))),
        h("dl", { className: "facts" },
          (plan.statements || []).map(function (st, i) {
            return [h("dt", { key: "l" + i }, text(st.label)), h("dd", { key: "t" + i, className: i === 0 ? "vision" : null }, text(st.text))];
          }),
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

  // ---- Saving: the editor's changes applied to the file's own text (theme/admin/yaml-splice.js) ----

  // Cleared optional fields, and the empty lists and objects Decap leaves behind, are not written.
  function isEmpty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  function normalize(value) {
    if (Array.isArray(value)) return value.map(function (v) { return normalize(v); }).filter(function (v) { return !isEmpty(v); });
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (k) {
        if (k === "error" || k === SOURCE) return;
        var v = normalize(value[k]);
        if (!isEmpty(v)) out[k] = v;
      });
      return out;
    }
    return value;
  }

  // The file as it was read travels with the entry's data (also through Decap's local backup), so a
  // save can leave every byte the editor did not change as it was.
  var SOURCE = "__dxcompare_source";
  var splice = window.DxYamlSplice.create(YAML, { numericFields: MODEL.numericFields });
  CMS.registerCustomFormat(MODEL.cmsFormat, "yml", {
    fromFile: function (content) {
      var data = splice.read(content);
      data[SOURCE] = content;
      return data;
    },
    toFile: function (data) {
      return splice.write(data[SOURCE] || "", normalize(data));
    },
  });

  // Nothing invalid is written: the last word before decap-server writes the file.
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      if (event.entry.get("collection") !== "plans") return undefined;
      return refreshRules().then(function () {
        var problems = entryProblems(event.entry);
        if (problems.length) throw new Error("保存できません: " + problems.map(function (p) { return p.message; }).join(" / "));
        return undefined;
      });
    },
  });

  window.DxCompareCms = { normalize: normalize, parseCell: parseCell, validator: validator, wareki: wareki, lastProblems: function () { return checked.problems; } };
  // ---- Japanese where Decap's own ja phrases fall back to English or read wrongly ----

  function merge(base, extra) {
    var out = Object.assign({}, base);
    Object.keys(extra).forEach(function (k) {
      out[k] = extra[k] && typeof extra[k] === "object" ? merge(base && base[k] || {}, extra[k]) : extra[k];
    });
    return out;
  }
  var ja = CMS.getLocale("ja");
  if (ja && window.DxJaPhrases) CMS.registerLocale("ja", merge(ja, window.DxJaPhrases));

  // ---- Never lose an editor's work: Decap's local backup, restored for good ----
  // Decap keeps the unsaved draft in the browser (IndexedDB, key backup.{collection}.{slug}) and offers it when
  // the entry is opened again. It asks as soon as the backup is read, which is before the file itself has
  // loaded; when the file arrives, Decap makes a fresh draft from it and the restored work is gone (Decap 3.16,
  // decaporg/decap-cms#5470 and #6989). So: when the editor accepted a backup before the file had loaded, the
  // draft as restored is put back once the file has replaced it. Decap offers no hook for this: its question is
  // seen through window.confirm, and its Redux store is reached through the React root it renders into.
  function findStore() {
    var root = document.getElementById("nc-root");
    var key = root ? Object.keys(root).filter(function (k) { return k.indexOf("__reactContainer$") === 0; })[0] : null;
    var stack = key ? [root[key]] : [];
    for (var seen = 0; stack.length && seen < 5000; seen++) {
      var fiber = stack.pop();
      if (!fiber) continue;
      var props = fiber.memoizedProps;
      if (props && props.store && typeof props.store.subscribe === "function" && typeof props.store.dispatch === "function") return props.store;
      stack.push(fiber.sibling, fiber.child);
    }
    return null;
  }

  var backups = { store: null, previous: null, awaiting: null };

  function watchDrafts(store) {
    if (backups.store) return;
    backups.store = store;
    backups.previous = store.getState().entryDraft;
    store.subscribe(function () {
      var draft = store.getState().entryDraft;
      var before = backups.previous;
      if (!draft || draft === before) return;
      backups.previous = draft;
      var awaiting = backups.awaiting;
      var entry = draft.get("entry");
      if (!awaiting || !entry) return;
      if (entry.get("slug") && (entry.get("collection") !== awaiting.collection || entry.get("slug") !== awaiting.slug)) {
        backups.awaiting = null;
        return;
      }
      // The file has loaded and replaced the restored draft with a fresh, unchanged one: put the draft back as it was.
      if (before && before.get("hasChanged") && !draft.get("hasChanged") && entry.get("data")) {
        backups.awaiting = null;
        store.dispatch({ type: "DRAFT_LOCAL_BACKUP_RETRIEVED", payload: { entry: before.get("entry").toJS() } });
        store.dispatch({ type: "DRAFT_CREATE_FROM_LOCAL_BACKUP" });
      }
    });
  }

  // Decap asks with window.confirm (editor.editor.confirmLoadBackup): when the editor says yes before the file
  // has loaded, the restored draft is kept when the file arrives.
  var nativeConfirm = window.confirm;
  window.confirm = function (message) {
    var yes = nativeConfirm.apply(window, arguments);
    var phrases = CMS.getLocale("ja");
    if (yes && phrases && message === phrases.editor.editor.confirmLoadBackup) {
      var store = backups.store || findStore();
      var draft = store ? store.getState().entryDraft : null;
      var backup = draft ? draft.getIn(["localBackup", "entry"]) : null;
      if (store && backup) {
        watchDrafts(store);
        backups.previous = draft;
        backups.awaiting = draft.getIn(["entry", "data"]) ? null : { collection: backup.get("collection"), slug: backup.get("slug") };
      }
    }
    return yes;
  };

  // Production saves go through review (publish_mode: editorial_workflow in config.yml: a branch and a pull
  // request with a deploy preview). decap-server on this machine writes files directly, which has no review.
  var local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(window.location.hostname);
  CMS.init(local ? { config: { publish_mode: "simple" } } : {});
})();
