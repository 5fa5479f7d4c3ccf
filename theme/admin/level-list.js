// The plan's levels (pillars, policies, initiatives) in the CMS form: a list widget named with the plan's own
// words (目標, 視点, 施策, 取組 — from the draft's labels, live), shown only when the plan uses the level, whose
// collapsed items are one-line summaries and whose expanded items alone are Decap forms. Decap's own list mounts
// every item (hidden) so that its checks can run, and a keystroke deep in the plan re-renders those lists: on
// Taito (38 initiatives) opening took seconds and typing lagged (docs/benchmarks.md). The checks of the items
// that are not mounted run on the draft's data instead (fieldProblems below, and theme/admin/validate.js), and a
// collapsed item that holds a problem says so in its summary.
// The pure parts are exported for node tests (tests/cms-js/level-list.test.js); register() builds the widget.
(function (root) {
  "use strict";

  function text(v) { return v === null || v === undefined ? "" : String(v).trim(); }
  function given(v) { return text(v) !== ""; }

  /** The plan's word for a level (labels is the plain `labels` object of the plan), or the fallback. */
  function levelWord(labels, wordKey, fallback) {
    var word = labels ? text(labels[wordKey]) : "";
    return word || fallback;
  }

  /**
   * Whether the form shows a level list: a policy list only in plans with a policy level, a pillar's own
   * initiatives only in plans without one; a list that holds items is always shown, so nothing is hidden.
   * config: { level, without_level } of the field; wordKeys: level → key in labels.
   */
  function isShown(config, labels, size, wordKeys) {
    if (size > 0) return true;
    var level = config.level;
    if (config.without_level) return !given(labels && labels[wordKeys[config.without_level]]);
    if (level && level !== "pillar" && level !== "initiative") return given(labels && labels[wordKeys[level]]);
    return true;
  }

  /** 目標1 便利な区役所: the word, the number as the plan prints it (its label, else the number), the title. */
  function summary(word, item) {
    item = item || {};
    var printed = given(item.label) ? text(item.label) : given(item.number) ? text(item.number) : "";
    var title = text(item.title);
    var head = word + printed;
    return title ? head + " " + title : head || word;
  }

  /** The problems whose field lies inside the item at path (a list of names and indexes). */
  function problemsUnder(problems, path) {
    var prefix = path.join("/");
    return problems.filter(function (p) {
      var at = p.field.join("/");
      return at === prefix || at.indexOf(prefix + "/") === 0;
    });
  }

  function isEmpty(v) {
    if (v === null || v === undefined || v === "") return true;
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === "object") return Object.keys(v).length === 0;
    return false;
  }

  /**
   * Decap's own checks of every field of the draft (required, pattern, number range), as Decap would report them
   * for a mounted field, so that an item nobody has
   * opened is checked too (the message names the field by where it is: 視点1 区民にやさしい › 取組2 › 名称).
   * fields: the collection's field configs as plain objects; data: the plain entry data;
   * t: Decap's translate (its Japanese messages); words: (config, item, index) → the item's name or null;
   * extra: (config, value, label) → more messages for a custom widget's value, or [].
   */
  function fieldProblems(fields, data, t, words, extra) {
    var out = [];
    function add(path, message) { out.push({ field: path, message: message }); }
    function walk(list, object, path, context) {
      (list || []).forEach(function (f) {
        if (!f || f.widget === "hidden") return;
        var value = object ? object[f.name] : undefined;
        var label = (context ? context + " › " : "") + (f.label || f.name);
        var at = path.concat([f.name]);
        if (isEmpty(value)) {
          if (f.required !== false) add(at, t("editor.editorControlPane.widget.required", { fieldLabel: label }));
          return;
        }
        if (f.pattern && typeof value === "string" && !new RegExp(f.pattern[0]).test(value)) {
          add(at, t("editor.editorControlPane.widget.regexPattern", { fieldLabel: label, pattern: f.pattern[1] }));
        }
        if (f.widget === "number" && (f.min !== undefined || f.max !== undefined)) {
          var n = Number(value);
          var low = f.min !== undefined && n < f.min, high = f.max !== undefined && n > f.max;
          if (low || high) {
            if (f.min !== undefined && f.max !== undefined) add(at, t("editor.editorControlPane.widget.range", { fieldLabel: label, minValue: f.min, maxValue: f.max }));
            else if (low) add(at, t("editor.editorControlPane.widget.min", { fieldLabel: label, minValue: f.min }));
            else add(at, t("editor.editorControlPane.widget.max", { fieldLabel: label, maxValue: f.max }));
          }
        }
        (extra ? extra(f, value, label) : []).forEach(function (message) { add(at, message); });
        if (f.fields && Array.isArray(value)) {
          value.forEach(function (item, i) {
            if (!item || typeof item !== "object") return;
            var name = words(f, item, i) || String(i + 1);
            // A level names itself (取組2 電子申請の拡大); an item of another list goes with its list's label.
            walk(f.fields, item, at.concat([i]), f.level ? (context ? context + " › " : "") + name : label + " " + name);
          });
        } else if (f.fields && typeof value === "object") {
          walk(f.fields, value, at, label);
        }
      });
    }
    walk(fields, data || {}, [], "");
    return out;
  }

  /**
   * The widget. env: { h, createClass, model (DXCOMPARE_MODEL.levels), currentData(props), pathOf(element),
   * problems: { subscribe(fn), unsubscribe(fn), request(props), current(), fieldProblemsNow(props) } }.
   */
  function register(CMS, env) {
    var h = env.h;
    var object = CMS.getWidget("object");
    if (!object || !object.control) return;
    var ObjectControl = object.control;
    var counter = 0;
    function newKey() { counter += 1; return "dx-item-" + counter; }
    function toJS(v) { return v && typeof v.toJS === "function" ? v.toJS() : v; }

    var LevelListControl = env.createClass({
      getInitialState: function () {
        this.keys = [];
        this.childRefs = {};
        this.handlers = {};
        this.path = null;
        return { expanded: {} };
      },

      componentDidMount: function () {
        env.problems.subscribe(this.onProblems);
        this.readPath();
        env.problems.request(this.props);
      },

      componentDidUpdate: function () { this.readPath(); },

      componentWillUnmount: function () { env.problems.unsubscribe(this.onProblems); },

      // Where the list sits in the entry's data, read from the form (its item indexes can change on reorder).
      readPath: function () {
        var element = document.getElementById(this.props.forID);
        var path = element ? env.pathOf(element) : null;
        if (path !== this.path) {
          this.path = path;
          this.forceUpdate();
        }
      },

      onProblems: function () {
        this.readPath(); // an item moved above this list changes its place in the data
        if (this.problemKey() !== this.renderedProblemKey || this.labels() !== this.renderedLabels) this.forceUpdate();
      },

      labels: function (props) {
        var data = env.currentData(props || this.props);
        return data && data.get ? data.get(env.model.labelsField) : null;
      },

      // Decap's Widget asks the control before each update: a keystroke elsewhere in the plan does not re-render
      // this list unless its value, its error state or the plan's level words changed.
      shouldComponentUpdate: function (next, nextState) {
        env.problems.request(next);
        return (nextState !== undefined && nextState !== this.state) || next.value !== this.props.value || next.classNameWrapper !== this.props.classNameWrapper
          || next.fieldsErrors !== this.props.fieldsErrors || next.hasActiveStyle !== this.props.hasActiveStyle
          || this.labels(next) !== this.renderedLabels;
      },

      items: function () {
        var value = this.props.value;
        return value && typeof value.size === "number" ? value : null;
      },

      syncKeys: function (size) {
        while (this.keys.length < size) this.keys.push(newKey());
        if (this.keys.length > size) this.keys.length = size;
      },

      problemKey: function () {
        if (this.path === null) return "";
        var mine = problemsUnder(env.problems.current(), this.path.split("/").filter(function (x) { return x !== ""; }));
        return JSON.stringify(mine.map(function (p) { return [p.field.join("/"), p.message]; }));
      },

      changeFor: function (key) {
        var self = this;
        if (!this.handlers[key]) {
          this.handlers[key] = function (f, newValue, newMetadata) {
            var index = self.keys.indexOf(key);
            var value = self.items();
            if (index < 0 || !value) return;
            var item = value.get(index) || self.props.field.clear();
            var name = self.props.field.get("name");
            var metadata = {};
            metadata[name] = Object.assign(self.props.metadata ? toJS(self.props.metadata) : {}, newMetadata || {});
            self.props.onChange(value.set(index, item.set(f.get("name"), newValue)), metadata);
          };
        }
        return this.handlers[key];
      },

      // Errors Decap holds for the fields of an item that is closed (they are checked again on save).
      clearErrorsOf: function (key) {
        var errors = this.props.fieldsErrors;
        var clear = this.props.clearFieldErrors;
        if (!errors || !errors.size || !clear) return;
        Object.keys(errors.toJS()).forEach(function (id) {
          if (errors.get(id).some(function (e) { var parents = e.get ? e.get("parentIds") : e.parentIds; return parents && parents.indexOf(key) >= 0; })) clear(id);
        });
      },

      toggle: function (key) {
        var expanded = Object.assign({}, this.state.expanded);
        if (expanded[key]) {
          delete expanded[key];
          delete this.childRefs[key];
          this.clearErrorsOf(key);
        } else {
          expanded[key] = true;
        }
        this.setState({ expanded: expanded });
      },

      add: function (e) {
        e.preventDefault();
        var value = this.items() || this.props.field.get("fields").clear();
        var key = newKey();
        this.syncKeys(value.size);
        this.keys.push(key);
        var expanded = Object.assign({}, this.state.expanded);
        expanded[key] = true;
        var bodyId = this.props.forID + "-" + key;
        // The new item opens with its first field focused, ready for the number.
        this.setState({ expanded: expanded }, function () {
          var body = document.getElementById(bodyId);
          var first = body ? body.querySelector("input, textarea, select") : null;
          if (first) first.focus();
        });
        this.props.onChange(value.push(this.props.field.clear()));
      },

      move: function (index, by) {
        var value = this.items();
        var to = index + by;
        if (!value || to < 0 || to >= value.size) return;
        var item = value.get(index);
        var key = this.keys[index];
        this.keys.splice(index, 1);
        this.keys.splice(to, 0, key);
        this.props.onChange(value.delete(index).insert(to, item));
      },

      remove: function (index, title) {
        var value = this.items();
        if (!value || !window.confirm("「" + title + "」を削除しますか？ その中の項目もすべて削除されます。")) return;
        var key = this.keys[index];
        this.keys.splice(index, 1);
        delete this.childRefs[key];
        this.clearErrorsOf(key);
        var next = value.delete(index);
        if (next.size === 0 && this.props.onValidateObject) this.props.onValidateObject(this.props.forID, []);
        this.props.onChange(next);
      },

      processControlRef: function (ref) {
        if (!ref) return;
        this.childRefs[ref.props.validationKey] = ref;
        if (this.props.controlRef) this.props.controlRef(this);
      },

      // Decap's save: the open items check their fields as Decap does; the closed ones are checked on the draft.
      validate: function () {
        var self = this;
        var value = this.items();
        if (!value || value.size === 0) {
          this.props.validate();
          return;
        }
        this.syncKeys(value.size);
        var base = this.path === null ? null : this.path.split("/").filter(function (x) { return x !== ""; });
        var closed = [];
        this.keys.forEach(function (key, i) {
          var ref = self.childRefs[key];
          if (self.state.expanded[key] && ref) ref.validate();
          else closed.push(i);
        });
        var errors = [];
        if (closed.length && base) {
          var all = env.problems.fieldProblemsNow(this.props);
          closed.forEach(function (i) {
            problemsUnder(all, base.concat([i])).forEach(function (p) {
              errors.push({ type: "PRESENCE", parentIds: self.props.parentIds, message: p.message });
            });
          });
        }
        if (this.props.onValidateObject) this.props.onValidateObject(this.props.forID, errors);
      },

      focus: function (path) {
        var parts = String(path || "").split(".");
        var key = this.keys[Number(parts[0])];
        if (!key) return;
        var self = this;
        var expanded = Object.assign({}, this.state.expanded);
        expanded[key] = true;
        this.setState({ expanded: expanded }, function () {
          var control = self.childRefs[key];
          if (control && control.focus) control.focus(parts.slice(1).join("."));
        });
      },

      hasError: function (key) {
        var errors = this.props.fieldsErrors;
        if (!errors || !errors.size) return false;
        return errors.some(function (list) {
          return list.some(function (e) { var parents = e.get ? e.get("parentIds") : e.parentIds; return parents && parents.indexOf(key) >= 0; });
        });
      },

      render: function () {
        var self = this;
        var props = this.props;
        var config = props.field;
        var value = this.items();
        var size = value ? value.size : 0;
        this.syncKeys(size);
        var labelsMap = this.labels();
        this.renderedLabels = labelsMap;
        var labels = toJS(labelsMap) || {};
        var shown = isShown({ level: config.get("level"), without_level: config.get("without_level") }, labels, size, env.model.words);
        if (!shown) return h("div", { id: props.forID, className: "dx-level-list dx-level-unused" });
        var word = levelWord(labels, env.model.words[config.get("level")], config.get("label", config.get("name")));
        this.renderedProblemKey = this.problemKey();
        var base = this.path === null ? null : this.path.split("/").filter(function (x) { return x !== ""; });
        var problems = base ? problemsUnder(env.problems.current(), base) : [];
        var t = props.t;
        var headingId = props.forID + "-heading";
        var addLabel = t ? t("editor.editorWidgets.list.add", { item: word }) : word;
        var addButton = config.get("allow_add", true) === false ? null
          : h("button", { type: "button", className: "dx-level-add", onClick: this.add }, addLabel);
        return h("div", { id: props.forID, className: props.classNameWrapper + " dx-level-list", role: "group", "aria-labelledby": headingId },
          h("div", { className: "dx-level-bar" },
            h("h3", { id: headingId, className: "dx-level-heading" }, word, h("span", { className: "dx-level-count" }, size + "件"))),
          h("ol", { className: "dx-level-items" }, (value ? value.toArray() : []).map(function (item, index) {
            var key = self.keys[index];
            var plain = toJS(item) || {};
            var title = summary(word, plain);
            var open = !!self.state.expanded[key];
            var mine = base ? problemsUnder(problems, base.concat([index])) : [];
            var error = mine.length > 0 || self.hasError(key);
            var bodyId = props.forID + "-" + key;
            return h("li", { key: key, className: "dx-level-item" + (error ? " dx-level-error" : "") + (open ? " dx-level-open" : ""), "data-dx-index": index },
              h("div", { className: "dx-level-item-bar" },
                h("button", { type: "button", className: "dx-level-toggle", "aria-expanded": open ? "true" : "false", "aria-controls": bodyId, onClick: function () { self.toggle(key); } },
                  h("span", { className: "dx-level-chevron", "aria-hidden": "true" }, open ? "▾" : "▸"),
                  h("span", { className: "dx-level-summary" }, title)),
                h("span", { className: "dx-level-actions" },
                  h("button", { type: "button", "aria-label": title + "を上へ移動", title: "上へ移動", disabled: index === 0, onClick: function () { self.move(index, -1); } }, "↑"),
                  h("button", { type: "button", "aria-label": title + "を下へ移動", title: "下へ移動", disabled: index === size - 1, onClick: function () { self.move(index, 1); } }, "↓"),
                  config.get("allow_remove", true) === false ? null
                    : h("button", { type: "button", "aria-label": title + "を削除", title: "削除", onClick: function () { self.remove(index, title); } }, "削除"))),
              mine.length ? h("ul", { className: "dx-level-problems" }, mine.map(function (p, i) {
                return h("li", { key: i }, p.message);
              })) : null,
              open ? h("div", { className: "dx-level-body", id: bodyId },
                h(ObjectControl, {
                  classNameWrapper: props.classNameWrapper,
                  value: item,
                  field: config,
                  onChangeObject: self.changeFor(key),
                  editorControl: props.editorControl,
                  resolveWidget: props.resolveWidget,
                  metadata: props.metadata,
                  forList: true,
                  onValidateObject: props.onValidateObject,
                  clearFieldErrors: props.clearFieldErrors,
                  fieldsErrors: props.fieldsErrors,
                  ref: self.processControlRef,
                  controlRef: props.controlRef,
                  validationKey: key,
                  collapsed: false,
                  hasError: self.hasError(key),
                  parentIds: (props.parentIds || []).concat([props.forID, key]),
                  t: t,
                  locale: props.locale,
                })) : null);
          })),
          addButton ? h("div", { className: "dx-level-bar dx-level-bar-end" }, addButton) : null);
      },
    });

    var preview = function (props) {
      var list = toJS(props.value) || [];
      return h("ul", null, list.map(function (item, i) { return h("li", { key: i }, summary("", item)); }));
    };
    CMS.registerWidget(env.model.widget, LevelListControl, preview);
  }

  var api = { levelWord: levelWord, isShown: isShown, summary: summary, problemsUnder: problemsUnder, fieldProblems: fieldProblems, register: register };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DxLevelList = api;
})(this);
