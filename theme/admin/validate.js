// The validator's plan rules for the browser (the CMS checks the current draft before 公開する). The
// messages are the C# catalog's (ValidationMessages, delivered in /admin/dxcompare-model.js as
// MODEL.messages); the rules mirror src/DxCompare/Content/PlanRules.cs, and tests/vectors/validation.json
// proves that both give the same Japanese message on the same line for every case.
(function (root) {
  "use strict";

  // model: { messages, valueTypeLabels, percent }; wareki(fy): the 和暦 label; context: { topics: [ids], metrics: {id: unit} }
  function create(model, wareki) {
    function message(rule, args) {
      return model.messages[rule].ja.replace(/\{([a-zA-Z]+)\}/g, function (all, name) {
        return Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
      });
    }

    function list(v) { return Array.isArray(v) ? v.filter(function (x) { return x && typeof x === "object"; }) : []; }
    function text(v) { return v === null || v === undefined ? "" : String(v); }
    function int(v) { var n = Number(v); return v !== "" && v !== null && v !== undefined && Number.isInteger(n) ? n : null; }
    function num(v) { var n = Number(v); return v !== "" && v !== null && v !== undefined && isFinite(n) ? n : null; }

    function checkDigit(firstFive) {
      var sum = 0;
      for (var i = 0; i < 5; i++) sum += (firstFive.charCodeAt(i) - 48) * (6 - i);
      return (11 - (sum % 11)) % 10;
    }

    /** Every problem of the plan: { path (where validate reports it), field (where the CMS shows it), rule, message }. */
    function validatePlan(plan, context) {
      context = context || {};
      var problems = [];
      function add(path, rule, args, field) { problems.push({ path: path, field: field || path, rule: rule, message: message(rule, args) }); }
      plan = plan || {};
      var labels = plan.labels || {};
      var period = plan.period || {};
      var start = int(period.start) || 0, end = int(period.end) || 0;

      var code = text(plan.municipality && plan.municipality.code);
      if (/^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) !== code.charCodeAt(5) - 48) {
        var digit = checkDigit(code.slice(0, 5));
        add(["municipality", "code"], "check-digit", { code: code, prefix: code.slice(0, 5), digit: digit, expected: code.slice(0, 5) + digit });
      }

      function inPeriod(fy, path, field) {
        if (!start || !end || fy === null) return;
        if (fy < start || fy > end) add(path, "outside-period", { field: field, fy: fy, wareki: wareki(fy), start: start, end: end });
      }

      function unique(items, label) {
        var seen = {};
        items.forEach(function (x) {
          var n = int(x.item.number);
          if (n === null) return;
          if (seen[n]) add(x.path.concat("number"), "duplicate-number", { label: label, number: n });
          else seen[n] = true;
        });
      }

      var pillars = [], policies = [], initiatives = [];
      list(plan.pillars).forEach(function (pillar, i) {
        var pp = ["pillars", i];
        pillars.push({ item: pillar, path: pp });
        list(pillar.initiatives).forEach(function (ini, k) { initiatives.push({ item: ini, path: pp.concat("initiatives", k) }); });
        list(pillar.policies).forEach(function (policy, j) {
          var path = pp.concat("policies", j);
          policies.push({ item: policy, path: path });
          list(policy.initiatives).forEach(function (ini, k) { initiatives.push({ item: ini, path: path.concat("initiatives", k) }); });
        });
      });
      // As ContentSet.InitiativesOf: ordered by number (a stable sort), so the later of two equal numbers is reported.
      initiatives.sort(function (a, b) { return (int(a.item.number) || 0) - (int(b.item.number) || 0); });
      unique(pillars, text(labels.pillar));
      unique(policies, labels.policy ? text(labels.policy) : "policy");
      unique(initiatives, text(labels.initiative));

      function indicator(ind, path) {
        var metrics = context.metrics || null;
        if (ind.metric && metrics) {
          if (!Object.prototype.hasOwnProperty.call(metrics, ind.metric)) add(path.concat("metric"), "unknown-metric", { metric: ind.metric, name: text(ind.name) });
          else if (ind.unit && ind.unit !== metrics[ind.metric]) add(path.concat("unit"), "metric-unit", { name: text(ind.name), unit: ind.unit, metric: ind.metric, metricUnit: metrics[ind.metric] });
        }
        var values = list(ind.values);
        var hasNumbers = values.some(function (v) { return num(v.value) !== null; });
        if (hasNumbers && !ind.unit) add(path, "no-unit", { name: text(ind.name) }, path.concat("unit"));
        var seen = {};
        values.forEach(function (v, i) {
          var vp = path.concat("values", i);
          var fy = int(v.fy);
          var value = num(v.value);
          var hasStatus = v.status !== undefined && v.status !== null && v.status !== "";
          if (value === null && !hasStatus && v.error === undefined) add(vp, "no-value", { name: text(ind.name), fy: fy }, path.concat("values"));
          if (value !== null && hasStatus) add(vp.concat("status"), "value-and-status", { name: text(ind.name), fy: fy }, path.concat("values"));
          if (value !== null && ind.unit === model.percent && (value < 0 || value > 100)) add(vp.concat("value"), "percent-range", { number: text(v.value), name: text(ind.name) }, path.concat("values"));
          if (fy !== null && fy > 0) {
            if (v.type === "baseline") {
              if (fy > end) add(vp.concat("fy"), "baseline-after-period", { name: text(ind.name), fy: fy, start: start, end: end }, path.concat("values"));
            } else if (start && end && (fy < start || fy > end)) {
              add(vp.concat("fy"), "outside-period", { field: "fy", fy: fy, wareki: wareki(fy), start: start, end: end }, path.concat("values"));
            }
            var key = fy + ":" + v.type;
            if (seen[key]) add(vp, "duplicate-value", { name: text(ind.name), type: v.type, typeLabel: model.valueTypeLabels[v.type], fy: fy }, path.concat("values"));
            seen[key] = true;
          }
        });
      }

      list(plan.indicators).forEach(function (ind, i) { indicator(ind, ["indicators", i]); });
      pillars.forEach(function (x) {
        list(x.item.indicators).forEach(function (ind, i) { indicator(ind, x.path.concat("indicators", i)); });
      });
      policies.forEach(function (x) {
        list(x.item.indicators).forEach(function (ind, i) { indicator(ind, x.path.concat("indicators", i)); });
      });
      initiatives.forEach(function (x) {
        var ini = x.item;
        var topics = context.topics || null;
        if (topics) {
          (Array.isArray(ini.topics) ? ini.topics : []).forEach(function (topic) {
            if (topics.indexOf(topic) < 0) add(x.path.concat("topics"), "unknown-topic", { topic: topic, initiative: text(labels.initiative) + text(ini.number) });
          });
        }
        if (int(ini.target_state_fy) !== null) inPeriod(int(ini.target_state_fy), x.path.concat("target_state_fy"), "target_state_fy");
        list(ini.indicators).forEach(function (ind, i) { indicator(ind, x.path.concat("indicators", i)); });
        list(ini.activities).forEach(function (a, i) {
          var ap = x.path.concat("activities", i);
          inPeriod(int(a.fy), ap.concat("fy"), "fy");
          var until = int(a.until);
          if (until !== null) {
            inPeriod(until, ap.concat("until"), "until");
            if (int(a.fy) !== null && until < int(a.fy)) add(ap.concat("until"), "until-before-fy", { until: until, fy: int(a.fy) });
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
