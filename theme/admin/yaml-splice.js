// Lossless saves for Decap CMS: the entry's data is written back by editing the original file's text
// only where the data changed. Unchanged values keep their bytes (comments, key order, quoting, flow
// or block style, blank lines, 5.0 stays 5.0); a changed value replaces the text of that value only;
// an added or removed field or list item inserts or deletes its own lines. The positions come from
// the `yaml` package's parser (the same family Decap uses), the rendering of new text from its
// stringifier. See docs/editing.md (「保存のしくみ」) for why this is done with text splices.
(function (root) {
  "use strict";

  function create(YAML, options) {
    var numericFields = {};
    ((options && options.numericFields) || []).forEach(function (name) { numericFields[name] = true; });
    // One logical line per value: never fold long Japanese sentences.
    YAML.scalarOptions.str.fold.lineWidth = 100000;
    var NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;
    var cache = { raw: null, doc: null, data: null };

    function parse(raw) {
      if (cache.raw === raw) return cache;
      var doc = YAML.parseDocument(raw, { keepCstNodes: true });
      if (doc.errors && doc.errors.length) throw doc.errors[0];
      cache = { raw: raw, doc: doc, data: toData(raw, doc.contents) };
      return cache;
    }

    function isMap(node) { return node && (node.type === "MAP" || node.type === "FLOW_MAP"); }
    function isSeq(node) { return node && (node.type === "SEQ" || node.type === "FLOW_SEQ"); }
    function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

    // A number keeps the digits it was written with: 5.0 is read as the text "5.0", so that an
    // unchanged value is recognised and a retyped "5.0" is written as 5.0, not 5.
    function toData(raw, node) {
      if (node === null || node === undefined) return null;
      if (isMap(node)) {
        var out = {};
        node.items.forEach(function (pair) { out[String(pair.key && pair.key.value)] = toData(raw, pair.value); });
        return out;
      }
      if (isSeq(node)) return node.items.map(function (item) { return toData(raw, item); });
      if (typeof node.value === "number" && node.type === "PLAIN") {
        var text = raw.slice(node.cstNode.valueRange.start, node.cstNode.valueRange.end);
        if (NUMERIC_TEXT.test(text) && String(node.value) !== text) return text;
      }
      return node.value === undefined ? null : node.value;
    }

    function isEmpty(v) {
      if (v === null || v === undefined || v === "") return true;
      if (Array.isArray(v)) return v.length === 0;
      if (isObject(v)) return Object.keys(v).length === 0;
      return false;
    }

    function equal(a, b) {
      if (a === b) return true;
      if (isEmpty(a) && isEmpty(b)) return true;
      if ((typeof a === "number" || typeof a === "string") && (typeof b === "number" || typeof b === "string")) {
        return typeof a !== typeof b && NUMERIC_TEXT.test(String(a)) && NUMERIC_TEXT.test(String(b)) && String(a) === String(b);
      }
      if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return false;
        for (var i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
        return true;
      }
      if (isObject(a) && isObject(b)) {
        var keys = {};
        Object.keys(a).concat(Object.keys(b)).forEach(function (k) { keys[k] = true; });
        return Object.keys(keys).every(function (k) { return equal(a[k], b[k]); });
      }
      return false;
    }

    // ---- Rendering new text in the file's own style ----

    function numericText(key, v) {
      return numericFields[key] && typeof v === "string" && NUMERIC_TEXT.test(v.trim()) ? v.trim() : null;
    }

    function plainScalar(key, v, inFlow) {
      var number = numericText(key, v);
      if (number !== null) return number;
      if (typeof v !== "string") return String(v);
      var text = YAML.stringify(v).replace(/\n$/, "");
      if (text.indexOf("\n") >= 0 || (inFlow && /[,[\]{}]/.test(text))) return JSON.stringify(v);
      return text;
    }

    function flow(key, v) {
      if (Array.isArray(v)) return "[" + v.map(function (item) { return flow(key, item); }).join(", ") + "]";
      if (isObject(v)) {
        return "{" + Object.keys(v).filter(function (k) { return !isEmpty(v[k]); })
          .map(function (k) { return plainScalar(null, k, true) + ": " + flow(k, v[k]); }).join(", ") + "}";
      }
      return plainScalar(key, v, true);
    }

    // Block YAML for new subtrees; numeric text in numeric fields stays a number with its digits.
    function block(v) {
      var doc = new YAML.Document();
      doc.contents = YAML.createNode(v, true);
      (function fix(node) {
        if (!node || !Array.isArray(node.items)) return;
        node.items.forEach(function (item) {
          if (!item || !("key" in item)) return fix(item);
          var pair = item;
          var text = pair.value && numericText(pair.key && pair.key.value !== undefined ? pair.key.value : pair.key, pair.value.value);
          if (text !== null && text !== undefined) {
            pair.value.value = Number(text);
            pair.value.minFractionDigits = text.indexOf(".") >= 0 ? text.length - text.indexOf(".") - 1 : 0;
          } else fix(pair.value);
        });
      })(doc.contents);
      return String(doc);
    }

    function indentLines(text, indent, first) {
      var pad = " ".repeat(indent);
      return text.replace(/\n$/, "").split("\n").map(function (line, i) {
        if (i === 0 && first !== undefined) return first + line;
        return line.length ? pad + line : line;
      }).join("\n") + "\n";
    }

    function blockLiteral(v, indent) {
      var chomp = /\n$/.test(v) ? "" : "-";
      var body = v.replace(/\n$/, "").split("\n").map(function (line) { return line.length ? " ".repeat(indent) + line : ""; }).join("\n");
      return "|" + chomp + "\n" + body + "\n";
    }

    // ---- Text positions ----

    function splicer(raw) {
      var edits = [];
      function lineStart(pos) { return raw.lastIndexOf("\n", pos - 1) + 1; }
      function lineEnd(pos) {
        while (pos > 0 && raw[pos - 1] === " ") pos--; // collection ranges end with the next line's indentation
        if (pos > 0 && raw[pos - 1] === "\n") return pos;
        var nl = raw.indexOf("\n", pos);
        return nl < 0 ? raw.length : nl + 1;
      }
      function column(pos) { return pos - lineStart(pos); }
      function onItemLine(pos) { return raw.slice(lineStart(pos), pos).trim().length > 0; }
      function edit(start, end, text) { edits.push({ start: start, end: end, text: text }); }

      function valueEnd(node) { return node.cstNode && node.type === "PLAIN" ? node.cstNode.valueRange.end : node.range[1]; }

      function replaceScalar(node, key, v, keyIndent, inFlow) {
        var c = node.cstNode;
        var text;
        if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
          if (typeof v === "string") {
            var content = raw.slice(c.valueRange.start, c.valueRange.end);
            var indent = (content.match(/^( *)\S/m) || [null, " ".repeat(keyIndent + 2)])[1].length;
            edit(c.header.start, c.valueRange.end, blockLiteral(v, indent).replace(/\n$/, c.valueRange.end > 0 && raw[c.valueRange.end - 1] === "\n" ? "\n" : ""));
            return;
          }
          text = plainScalar(key, v, inFlow);
          edit(c.header.start, c.valueRange.end, text + (raw[c.valueRange.end - 1] === "\n" ? "\n" : ""));
          return;
        }
        if (typeof v === "string" && numericText(key, v) === null) {
          if (node.type === "QUOTE_DOUBLE" && v.indexOf("\n") < 0) text = JSON.stringify(v);
          else if (node.type === "QUOTE_SINGLE" && v.indexOf("\n") < 0) text = "'" + v.replace(/'/g, "''") + "'";
          else if (!inFlow && v.indexOf("\n") >= 0) text = blockLiteral(v, keyIndent + 2).replace(/\n$/, "");
          else text = plainScalar(key, v, inFlow);
        } else text = plainScalar(key, v, inFlow);
        edit(c.valueRange.start, c.valueRange.end, text);
      }

      // Everything after "key:" up to the end of the value's last line, rendered afresh.
      function replacePairValue(pair, key, v, keyIndent) {
        var colon = raw.indexOf(":", pair.key.range[1]);
        var end = pair.value ? lineEnd(pair.value.range[1]) : lineEnd(colon + 1);
        var text;
        if (isObject(v) || Array.isArray(v)) text = "\n" + indentLines(block(v), keyIndent + 2);
        else if (typeof v === "string" && v.indexOf("\n") >= 0) text = " " + blockLiteral(v, keyIndent + 2);
        else text = " " + plainScalar(key, v, false) + "\n";
        edit(colon + 1, end, text);
      }

      function renderPair(key, v, indent) {
        var o = {};
        o[key] = v;
        return indentLines(block(o), indent);
      }

      function renderItem(v, indent, flowStyle, key) {
        if (flowStyle && isObject(v) && Object.keys(v).every(function (k) { return !isObject(v[k]) && !Array.isArray(v[k]); })) {
          return " ".repeat(indent) + "- " + flow(key, v) + "\n";
        }
        return indentLines(block([v]), indent);
      }

      function diff(node, key, oldV, newV, keyIndent, inFlow) {
        if (equal(oldV, newV)) return;
        if (isMap(node) && isObject(newV)) return diffMap(node, oldV, newV);
        if (isSeq(node) && Array.isArray(newV)) return diffSeq(node, key, oldV, newV, keyIndent);
        if (node && !isMap(node) && !isSeq(node) && !isObject(newV) && !Array.isArray(newV)) return replaceScalar(node, key, newV, keyIndent, inFlow);
        return false; // the caller re-renders the whole value
      }

      // Keys in the order they end up in: the file's order, new keys after their predecessor in the form.
      function mergedKeys(oldKeys, newObj) {
        var keys = oldKeys.filter(function (k) { return Object.prototype.hasOwnProperty.call(newObj, k) && !isEmpty(newObj[k]); });
        var previous = null;
        Object.keys(newObj).forEach(function (k) {
          if (isEmpty(newObj[k])) return;
          if (keys.indexOf(k) < 0) keys.splice(previous === null ? 0 : keys.indexOf(previous) + 1, 0, k);
          previous = k;
        });
        return keys;
      }

      function diffMap(map, oldObj, newObj) {
        var keyOf = function (pair) { return String(pair.key && pair.key.value); };
        var oldKeys = map.items.map(keyOf);
        if (map.type === "FLOW_MAP") {
          var structural = oldKeys.some(function (k) { return isEmpty(newObj[k]) && !isEmpty(oldObj[k]); })
            || Object.keys(newObj).some(function (k) { return oldKeys.indexOf(k) < 0 && !isEmpty(newObj[k]); });
          var failed = structural;
          if (!structural) map.items.forEach(function (pair) {
            var k = keyOf(pair);
            if (diff(pair.value, k, oldObj[k], newObj[k], 0, true) === false) failed = true;
          });
          if (failed) {
            var ordered = {};
            mergedKeys(oldKeys, newObj).forEach(function (k) { ordered[k] = newObj[k]; });
            edit(map.range[0], map.range[1], flow(null, ordered));
          }
          return;
        }
        var indent = map.items.length ? column(map.items[0].key.range[0]) : 0;
        map.items.forEach(function (pair, i) {
          var k = keyOf(pair);
          var keyStart = pair.key.range[0];
          if (isEmpty(newObj[k])) {
            if (isEmpty(oldObj[k])) return;
            var end = pair.value ? lineEnd(pair.value.range[1]) : lineEnd(keyStart);
            if (onItemLine(keyStart) && i + 1 < map.items.length) edit(keyStart, map.items[i + 1].key.range[0], "");
            else if (onItemLine(keyStart)) edit(keyStart, end, "{}\n");
            else edit(lineStart(keyStart), end, "");
            return;
          }
          if (pair.value === null || diff(pair.value, k, oldObj[k], newObj[k], column(keyStart), false) === false) {
            replacePairValue(pair, k, newObj[k], column(keyStart));
          }
        });
        // New keys, each after the pair that precedes it in the form's order.
        var order = mergedKeys(oldKeys, newObj);
        order.forEach(function (k, i) {
          if (oldKeys.indexOf(k) >= 0) return;
          var before = null;
          for (var j = i - 1; j >= 0 && before === null; j--) if (oldKeys.indexOf(order[j]) >= 0) before = map.items[oldKeys.indexOf(order[j])];
          var at;
          if (before) at = lineEnd(before.value ? before.value.range[1] : before.key.range[1]);
          else if (map.items.length && !onItemLine(map.items[0].key.range[0])) at = lineStart(map.items[0].key.range[0]);
          else at = lineEnd(map.items[0].value ? map.items[0].value.range[1] : map.items[0].key.range[1]);
          edit(at, at, renderPair(k, newObj[k], indent));
        });
      }

      function diffSeq(seq, key, oldArr, newArr, keyIndent) {
        var items = seq.items;
        var n = Math.min(oldArr.length, newArr.length);
        var p = 0;
        while (p < n && equal(oldArr[p], newArr[p])) p++;
        var s = 0;
        while (s < n - p && equal(oldArr[oldArr.length - 1 - s], newArr[newArr.length - 1 - s])) s++;
        var oldMid = oldArr.length - p - s;
        var newMid = newArr.length - p - s;
        if (seq.type === "FLOW_SEQ") {
          var failed = oldMid !== newMid;
          for (var f = 0; !failed && f < oldMid; f++) if (diff(items[p + f], key, oldArr[p + f], newArr[p + f], 0, true) === false) failed = true;
          if (failed) edit(seq.range[0], seq.range[1], flow(key, newArr));
          return;
        }
        var indent = column(items[0].range[0]);
        indent = raw.slice(lineStart(items[0].range[0]), items[0].range[0]).indexOf("-");
        if (indent < 0) indent = keyIndent;
        var flowStyle = items.some(function (item) { return item && item.type === "FLOW_MAP"; });
        var common = Math.min(oldMid, newMid);
        // An item that was moved (equal to another old item of the span) keeps its own text, byte for byte.
        var moved = [];
        function itemText(node) { return raw.slice(lineStart(node.range[0]), lineEnd(node.range[1])); }
        for (var i = 0; i < common; i++) {
          var item = items[p + i];
          var from = -1;
          if (item !== null && !equal(oldArr[p + i], newArr[p + i])) {
            for (var j = 0; j < oldMid && from < 0; j++) {
              if (j !== i && !moved[j] && items[p + j] !== null && equal(oldArr[p + j], newArr[p + i])) from = j;
            }
          }
          if (from >= 0) {
            moved[from] = true;
            edit(lineStart(item.range[0]), lineEnd(item.range[1]), itemText(items[p + from]));
            continue;
          }
          if (item === null || diff(item, key, oldArr[p + i], newArr[p + i], indent + 2, false) === false) {
            edit(lineStart(item.range[0]), lineEnd(item.range[1]), renderItem(newArr[p + i], indent, flowStyle, key));
          }
        }
        for (var r = common; r < oldMid; r++) {
          var gone = items[p + r];
          edit(lineStart(gone.range[0]), lineEnd(gone.range[1]), "");
        }
        if (newMid > common) {
          var text = "";
          for (var a = common; a < newMid; a++) text += renderItem(newArr[p + a], indent, flowStyle, key);
          var after = p + common - 1;
          var at = after >= 0 ? lineEnd(items[after].range[1]) : lineStart(items[0].range[0]);
          edit(at, at, text);
        }
      }

      return {
        diff: diff,
        apply: function () {
          var out = raw;
          edits.sort(function (x, y) { return y.start - x.start || y.end - x.end; });
          var limit = Infinity;
          edits.forEach(function (e) {
            if (e.end > limit) throw new Error("overlapping edits at " + e.start);
            out = out.slice(0, e.start) + e.text + out.slice(e.end);
            limit = e.start;
          });
          return { text: out, count: edits.length };
        },
      };
    }

    /** The plain data Decap edits, with numbers written with their digits (5.0 → "5.0"). */
    function read(raw) {
      return JSON.parse(JSON.stringify(parse(raw).data));
    }

    /** The file after the data's changes, applied to the original text; a new file when there is none. */
    function write(raw, data) {
      if (!raw) return block(data);
      var parsed = parse(raw);
      var s = splicer(raw);
      if (s.diff(parsed.doc.contents, null, parsed.data, data, 0, false) === false) return block(data);
      var result = s.apply();
      if (result.count === 0) return raw;
      // The splice must mean exactly the data; if it ever does not, write the data plainly instead of losing it.
      var check = YAML.parseDocument(result.text, { keepCstNodes: true });
      if (check.errors.length || !equal(toData(result.text, check.contents), data)) {
        if (typeof console !== "undefined") console.warn("DxCompare: lossless save failed, the file is rewritten", check.errors);
        return block(data);
      }
      return result.text;
    }

    return { read: read, write: write, equal: equal };
  }

  var api = { create: create };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.DxYamlSplice = api;
})(this);
