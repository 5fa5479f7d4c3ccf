// The validator's plan rules for the browser: the CMS checks the current draft before 公開する. The messages
// are the C# catalog's (ValidationMessages) and the facts the rules need (vocabularies, topics, metrics, limits)
// come from the model, both delivered in /admin/dxcompare-model.js. The rules mirror
// src/DxCompare/Content/PlanRules.cs rule for rule, and tests/vectors/validation.json proves that both give
// the same Japanese message on the same line for every case (tests/cms-js/validate.test.js).
(function (root) {
  "use strict";

  // model: { messages, valueTypeLabels, rules: { horizon, placeholder, percentClass, classLists },
  //          vocabulary: { units, qualifiers, statusWords } (word → class), topics: [ids], metrics: { id: { unit, variants: { id: unit } } } }
  // wareki: { wareki(fy), periodLabel(start, end) }
  function create(model, wareki) {
    var rules = model.rules;
    var vocabulary = model.vocabulary;

    function message(rule, args) {
      return model.messages[rule].ja.replace(/\{([a-zA-Z]+)\}/g, function (all, name) {
        return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
      });
    }

    function list(v) { return Array.isArray(v) ? v.filter(function (x) { return x && typeof x === "object"; }) : []; }
    function text(v) { return v === null || v === undefined ? "" : String(v); }
    function has(o, key) { return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined; }
    function given(o, key) { return has(o, key) && o[key] !== null && o[key] !== ""; }
    function int(v) { var n = Number(v); return v !== "" && v !== null && v !== undefined && Number.isInteger(n) ? n : null; }
    function num(v) { var n = Number(v); return v !== "" && v !== null && v !== undefined && typeof v !== "boolean" && isFinite(n) ? n : null; }
    // Numbering.Printed / Numbering.Key
    function printed(item) { return given(item, "label") ? text(item.label) : text(int(item.number)); }
    function key(item) { return given(item, "id") ? text(item.id) : text(int(item.number)); }

    function checkDigit(firstFive) {
      var sum = 0;
      for (var i = 0; i < 5; i++) sum += (firstFive.charCodeAt(i) - 48) * (6 - i);
      return (11 - (sum % 11)) % 10;
    }

    /**
     * Every problem of the plan: { path (where validate reports it), field (where the CMS shows it), rule, message }.
     * context: { fileSlug } (the entry's file name, when it has one).
     */
    function validatePlan(plan, context) {
      context = context || {};
      plan = plan || {};
      var problems = [];
      function add(path, rule, args, field) { problems.push({ path: path, field: field || path, rule: rule, message: message(rule, args) }); }

      var labels = plan.labels || {};
      var period = plan.period || {};
      var start = int(period.start) || 0, end = int(period.end) || 0;
      var periodKnown = start > 0 && end >= start;
      var draft = plan.draft === true;
      var sources = list(plan.sources);
      var defaultEdition = sources.filter(function (s) { return s.kind === "plan"; })[0] || sources[0] || null;
      var policyLabel = given(labels, "policy") ? text(labels.policy) : "policy";

      // CheckMunicipality
      var municipality = plan.municipality || {};
      var code = text(municipality.code);
      if (/^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) !== code.charCodeAt(5) - 48) {
        var digit = checkDigit(code.slice(0, 5));
        add(["municipality", "code"], "check-digit", { code: code, prefix: code.slice(0, 5), digit: digit, expected: code.slice(0, 5) + digit });
      }
      var slug = text(municipality.slug);
      if (slug.length > 0 && context.fileSlug && slug !== context.fileSlug) add(["municipality", "slug"], "slug-not-file-name", { slug: slug, file: context.fileSlug });

      // CheckPeriod
      if (start > end && end > 0) add(["period", "end"], "period-reversed", { start: start, end: end });

      // CheckEditions
      function editionName(e) { return "'" + text(given(e, "id") ? e.id : e.title) + "' (" + text(e.title) + ", " + text(e.published) + ")"; }
      if (sources.length > 1) {
        sources.forEach(function (s, i) { if (!given(s, "id")) add(["sources", i], "edition-without-id", { count: sources.length, title: text(s.title) }); });
      }
      var ids = {}, documents = {};
      sources.forEach(function (s, i) {
        if (given(s, "id")) {
          if (has(ids, s.id)) add(["sources", i, "id"], "duplicate-edition-id", { id: text(s.id) });
          else ids[s.id] = s;
        }
        var identities = (given(s, "url") ? ["url " + s.url] : []).concat(["「" + text(s.title) + "」（" + text(s.published) + "）"]);
        for (var k = 0; k < identities.length; k++) {
          var earlier = documents[identities[k]];
          if (earlier) {
            add(["sources", i], "same-document", { earlier: text(given(earlier, "id") ? earlier.id : earlier.title), edition: text(given(s, "id") ? s.id : s.title), identity: identities[k] });
            break;
          }
          documents[identities[k]] = s;
        }
      });

      function checkSource(id, path) {
        if (id === undefined || id === null) return defaultEdition;
        var edition = sources.filter(function (s) { return s.id === id; })[0] || null;
        if (!edition) {
          var known = sources.filter(function (s) { return given(s, "id"); }).map(function (s) { return text(s.id); });
          if (known.length === 0) add(path, "unknown-edition", { field: path[path.length - 1], id: text(id) });
          else add(path, "unknown-edition-of", { field: path[path.length - 1], id: text(id), editions: known.join(", ") });
        }
        return edition;
      }

      // The structure, as ContentSet.InitiativesOf walks it.
      var pillars = [], initiatives = [];
      list(plan.pillars).forEach(function (pillar, i) {
        var pp = ["pillars", i];
        var entry = { item: pillar, path: pp, policies: [], initiatives: [] };
        pillars.push(entry);
        list(pillar.initiatives).forEach(function (ini, k) {
          var x = { item: ini, path: pp.concat("initiatives", k), pillar: pillar, policy: null };
          entry.initiatives.push(x); initiatives.push(x);
        });
        list(pillar.policies).forEach(function (policy, j) {
          var path = pp.concat("policies", j);
          var p = { item: policy, path: path, initiatives: [] };
          entry.policies.push(p);
          list(policy.initiatives).forEach(function (ini, k) {
            var x = { item: ini, path: path.concat("initiatives", k), pillar: pillar, policy: policy };
            p.initiatives.push(x); initiatives.push(x);
          });
        });
      });

      // CheckNumbering: numbers unique within their parent, keys (id or number) unique within the plan.
      var reported = [];
      function uniqueNumbers(items, label, parent) {
        var first = {};
        items.forEach(function (x) {
          var n = int(x.item.number);
          if (n === null) return;
          if (has(first, n)) {
            reported.push(x.item);
            if (parent === null) add(x.path.concat("number"), "duplicate-number", { label: label, number: n });
            else add(x.path.concat("number"), "duplicate-number-in", { label: label, number: n, parent: parent });
          } else first[n] = x;
        });
      }
      uniqueNumbers(pillars, text(labels.pillar), null);
      pillars.forEach(function (p) {
        var where = text(labels.pillar) + printed(p.item);
        uniqueNumbers(p.policies, policyLabel, where);
        uniqueNumbers(p.initiatives, text(labels.initiative), where);
        p.policies.forEach(function (policy) { uniqueNumbers(policy.initiatives, text(labels.initiative), policyLabel + printed(policy.item)); });
      });
      function uniqueKeys(items, label) {
        var first = {};
        items.forEach(function (x) {
          var k = key(x.item);
          var byId = given(x.item, "id");
          if (has(first, k)) {
            if (!byId && reported.indexOf(x.item) >= 0) return;
            var at = x.path.concat(byId ? "id" : "number");
            if (!byId) add(at, "number-reused", { where: x.where, key: k, earlier: first[k].where, label: label, suggestion: x.suggestion });
            else add(at, "duplicate-id", { label: label, key: k, earlier: first[k].where });
          } else first[k] = x;
        });
      }
      uniqueKeys(pillars.map(function (p) {
        return { item: p.item, path: p.path, where: text(labels.pillar) + printed(p.item), suggestion: key(p.item) };
      }), text(labels.pillar));
      var allPolicies = [];
      pillars.forEach(function (p) {
        p.policies.forEach(function (policy) {
          allPolicies.push({
            item: policy.item, path: policy.path,
            where: text(labels.pillar) + printed(p.item) + " " + policyLabel + printed(policy.item),
            suggestion: key(p.item) + "-" + int(policy.item.number),
          });
        });
      });
      uniqueKeys(allPolicies, policyLabel);
      uniqueKeys(initiatives.map(function (x) {
        var parent = x.policy ? (given(x.policy, "id") ? text(x.policy.id) : key(x.pillar) + "-" + key(x.policy)) : key(x.pillar);
        return {
          item: x.item, path: x.path,
          where: text(labels.pillar) + printed(x.pillar) + (x.policy ? " " + text(labels.policy) + printed(x.policy) : "") + " " + text(labels.initiative) + printed(x.item),
          suggestion: parent + "-" + int(x.item.number),
        };
      }), text(labels.initiative));

      // CheckPlaceholders: scaffold placeholders may stay in a draft only.
      var placeholder = new RegExp(rules.placeholder);
      function placeholders(record, path) {
        Object.keys(record).forEach(function (name) {
          var value = record[name];
          var found;
          if (typeof value === "string") {
            if ((found = placeholder.exec(value))) add(path.concat(name), "placeholder", { field: name, placeholder: found[0] });
          } else if (Array.isArray(value)) {
            value.forEach(function (item, i) {
              if (typeof item === "string") {
                if ((found = placeholder.exec(item))) add(path.concat(name), "placeholder", { field: name, placeholder: found[0] });
              } else if (item && typeof item === "object") placeholders(item, path.concat(name, i));
            });
          } else if (value && typeof value === "object") placeholders(value, path.concat(name));
        });
      }
      if (!draft) placeholders(plan, []);

      function inPeriod(fy, path) {
        if (fy === null || fy <= 0 || !periodKnown) return;
        if (fy < start || fy > end) {
          add(path, "outside-period", { field: path[path.length - 1], fy: fy, wareki: wareki.wareki(fy), start: start, end: end, period: wareki.periodLabel(start, end) });
        }
      }

      function resolve(word, words, path, rule, classes) {
        if (word === undefined || word === null) return null;
        if (has(words, word)) return words[word];
        add(path, rule, { word: text(word), classes: classes });
        return null;
      }

      // CheckIndicator
      function indicator(ind, path) {
        var name = text(ind.name);
        var metricId = given(ind, "metric") ? text(ind.metric) : null;
        var variant = given(ind, "metric_variant") ? text(ind.metric_variant) : null;
        if (metricId === null && variant !== null) add(path.concat("metric_variant"), "variant-without-metric", { name: name });
        if (metricId !== null && model.metrics) {
          var metric = has(model.metrics, metricId) ? model.metrics[metricId] : null;
          var variants = metric ? Object.keys(metric.variants) : [];
          if (!metric) add(path.concat("metric"), "unknown-metric", { metric: metricId, name: name });
          else if (variant !== null && variants.indexOf(variant) < 0) {
            if (variants.length === 0) add(path.concat("metric_variant"), "unknown-variant", { metric: metricId, variant: variant });
            else add(path.concat("metric_variant"), "unknown-variant-of", { metric: metricId, variant: variant, variants: variants.join(", ") });
          } else if (given(ind, "unit")) {
            var expected = variant !== null ? metric.variants[variant] : metric.unit;
            if (text(ind.unit) !== expected) {
              if (variant === null) add(path.concat("unit"), "metric-unit", { name: name, unit: text(ind.unit), metric: metricId, metricUnit: expected });
              else add(path.concat("unit"), "variant-unit", { name: name, unit: text(ind.unit), variant: variant, metric: metricId, metricUnit: expected });
            }
          }
        }
        var unitClass = resolve(ind.unit, vocabulary.units, path.concat("unit"), "unknown-unit", rules.classLists.unit);
        resolve(ind.qualifier, vocabulary.qualifiers, path.concat("qualifier"), "unknown-qualifier", rules.classLists.qualifier);
        checkSource(ind.decision_source, path.concat("decision_source"));
        if (has(ind, "decision_source") && ind.decision_source !== null && !given(ind, "decision")) {
          add(path.concat("decision_source"), "decision-source-without-decision", { name: name });
        }

        var values = list(ind.values);
        var hasNumbers = values.some(function (v) { return num(v.value) !== null; });
        if (hasNumbers && !given(ind, "unit")) add(path, "no-unit", { name: name }, path.concat("unit"));

        var grid = path.concat("values");
        var seen = {};
        values.forEach(function (v, i) {
          var vp = grid.concat(i);
          var fy = int(v.fy);
          var value = num(v.value);
          var hasStatus = given(v, "status");
          if (value === null && !hasStatus && !has(v, "value") && !has(v, "status") && v.error === undefined) add(vp, "no-value", { name: name, fy: fy }, grid);
          if (value !== null && hasStatus) add(vp.concat("status"), "value-and-status", { name: name, fy: fy }, grid);
          resolve(hasStatus ? v.status : null, vocabulary.statusWords, vp.concat("status"), "unknown-status", rules.classLists.status);
          resolve(v.qualifier, vocabulary.qualifiers, vp.concat("qualifier"), "unknown-qualifier", rules.classLists.qualifier);
          if (value !== null && unitClass === rules.percentClass && (value < 0 || value > 100)) {
            add(vp.concat("value"), "percent-range", { number: String(value), unit: text(ind.unit), name: name }, grid);
          }
          var edition = checkSource(v.source, vp.concat("source"));
          if (given(v, "evaluation") && edition) {
            var legend = list(edition.evaluation_legend);
            var grade = text(v.evaluation);
            if (legend.length === 0) add(vp.concat("evaluation"), "evaluation-without-legend", { grade: grade, name: name, fy: fy, edition: editionName(edition) }, grid);
            else if (!legend.some(function (g) { return text(g.grade) === grade; })) {
              add(vp.concat("evaluation"), "evaluation-not-in-legend", {
                grade: grade, name: name, fy: fy, edition: editionName(edition),
                grades: legend.map(function (g) { return text(g.grade); }).join(", "),
              }, grid);
            }
          }
          if (fy !== null && fy > 0) {
            valueYear(v, fy, name, vp, grid);
            var source = given(v, "source") ? text(v.source) : defaultEdition && given(defaultEdition, "id") ? text(defaultEdition.id) : "";
            var seenKey = fy + ":" + v.type + ":" + source;
            if (seen[seenKey]) add(vp, "duplicate-value", { name: name, type: text(v.type), typeLabel: model.valueTypeLabels[v.type], fy: fy }, grid);
            seen[seenKey] = true;
          }
        });
      }

      // CheckValueYear
      function valueYear(v, fy, name, vp, grid) {
        if (!periodKnown) return;
        var inside = fy >= start && fy <= end;
        var distance = fy < start ? start - fy : fy - end;
        var outside = v.outside_period === true;
        if (distance > rules.horizon) {
          add(vp.concat("fy"), "year-far-from-period", { fy: fy, wareki: wareki.wareki(fy), name: name, distance: distance, start: start, end: end, horizon: rules.horizon }, grid);
          return;
        }
        if (outside && inside) add(vp.concat("outside_period"), "outside-period-flag-inside", { name: name, fy: fy, wareki: wareki.wareki(fy), start: start, end: end }, grid);
        if (v.type === "baseline") {
          if (fy > end && !outside) add(vp.concat("fy"), "baseline-after-period", { name: name, fy: fy, start: start, end: end }, grid);
        } else if (!inside && !outside) {
          add(vp.concat("fy"), "value-outside-period", { name: name, fy: fy, wareki: wareki.wareki(fy), start: start, end: end, period: wareki.periodLabel(start, end) }, grid);
        }
        var until = int(v.until);
        if (until !== null && until < fy) add(vp.concat("until"), "value-until-before-fy", { until: until, fy: fy, name: name }, grid);
      }

      list(plan.indicators).forEach(function (ind, i) { indicator(ind, ["indicators", i]); });
      pillars.forEach(function (p) {
        var pillar = p.item;
        var pillarName = text(labels.pillar) + printed(pillar);
        var policies = list(pillar.policies), own = list(pillar.initiatives);
        if (policies.length > 0 && !given(labels, "policy")) add(p.path.concat("policies"), "policies-without-label", { pillar: pillarName });
        if (policies.length === 0 && own.length === 0 && !draft) add(p.path, "pillar-without-initiatives", { pillar: pillarName });
        list(pillar.indicators).forEach(function (ind, i) { indicator(ind, p.path.concat("indicators", i)); });
        p.policies.forEach(function (policy) {
          if (list(policy.item.initiatives).length === 0 && !draft) add(policy.path, "policy-without-initiatives", { policy: text(labels.policy) + printed(policy.item) });
          list(policy.item.indicators).forEach(function (ind, i) { indicator(ind, policy.path.concat("indicators", i)); });
        });
      });

      // CheckInitiative
      initiatives.forEach(function (x) {
        var ini = x.item;
        if (model.topics) {
          (Array.isArray(ini.topics) ? ini.topics : []).forEach(function (topic) {
            if (model.topics.indexOf(topic) < 0) add(x.path.concat("topics"), "unknown-topic", { topic: text(topic), initiative: text(labels.initiative) + printed(ini) });
          });
        }
        inPeriod(int(ini.target_state_fy), x.path.concat("target_state_fy"));
        list(ini.indicators).forEach(function (ind, i) { indicator(ind, x.path.concat("indicators", i)); });
        list(ini.activities).forEach(function (a, i) {
          var ap = x.path.concat("activities", i);
          checkSource(a.source, ap.concat("source"));
          var fy = int(a.fy);
          inPeriod(fy, ap.concat("fy"));
          var until = int(a.until);
          if (until !== null) {
            inPeriod(until, ap.concat("until"));
            if (fy !== null && until < fy) add(ap.concat("until"), "until-before-fy", { until: until, fy: fy });
          }
        });
      });
      return problems;
    }

    return { validatePlan: validatePlan, message: message };
  }

  var api = { create: create };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DxValidate = api;
})(this);
