// The briefing's script: it draws what the Go side computed (projection,
// layout, per-month analysis, what each claim adds to a sum) and filters
// it. No request, no library. The files core.js, map.js, net.js and
// panels.js are joined in that order into one script.
"use strict";
var B = (function () {
  var D = JSON.parse(document.getElementById("data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  // Okabe & Ito's colour-blind-safe palette, one hue per relationship type.
  var TYPE_COLOUR = {approached: "#0072B2", received: "#009E73", paid: "#E69F00", travel_ban_leverage: "#CC79A7",
    other_leverage: "#D55E00", concession_sought: "#8C6D00", onward_return: "#56B4E9", transit: "#7F7F7F",
    removal_blocked: "#000000", migration_context: "#BBBBBB"};
  // One colour per answer, from Paul Tol's "muted" scheme, which stays
  // distinct in every common form of colour blindness; "considering" and
  // "in talks" no longer share a hue.
  var ANSWER_COLOUR = {agreed: "#117733", completed: "#117733", conditional: "#44AA99", some_agreed: "#88CCEE",
    in_talks: "#DDCC77", considering: "#999933", reluctant: "#AA4499", refused: "#882255", no_response: "#CC6677",
    proposed: "#332288", unknown: "#DDDDDD", blocked_by_court: "#000000", withdrawn: "#661100", disputed: "#555555",
    no_answer: "#BBBBBB"};
  var ANSWER_WORDS = {agreed: "agreed", completed: "agreed", conditional: "agreed on conditions", some_agreed: "some of the group agreed",
    in_talks: "in talks", considering: "considering", reluctant: "reluctant", refused: "refused", no_response: "no response",
    proposed: "proposal made, no answer reported", unknown: "answer unknown", blocked_by_court: "blocked by a court",
    withdrawn: "agreement withdrawn", disputed: "disputed (answers in conflict)", no_answer: "no answer reported"};
  // A single-hue sequential scale (ColorBrewer Blues) reads in every form of colour blindness.
  var BLUES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var METRICS = ["pagerank", "pagerank_weighted", "in_strength", "out_strength", "in_degree", "out_degree", "hub", "authority",
    "betweenness", "harmonic", "core"];
  var state = {pos: D.snapshots.length - 1, measure: "received", layer: 0, metric: "pagerank", selected: null, group: null,
    types: {}, statuses: {}, confs: {}, source: "", story: -1, view: null};
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, text) {
    var e = tag.indexOf("svg:") === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function name(code) { var a = D.actors[code]; return a ? a.n : code; }
  function words(s) { return String(s || "").replace(/_/g, " "); }
  // Numbers in one format everywhere, as exports/briefing/numbers.go writes them.
  function fmt(n) {
    var s = String(Math.abs(Math.round(n))), out = "";
    for (var i = 0; i < s.length; i++) { if (i > 0 && (s.length - i) % 3 === 0) out += ","; out += s[i]; }
    return (n < 0 ? "-" : "") + out;
  }
  function amount(v, cur) {
    if (v >= 1e6 && v % 1e5 === 0) return cur + " " + (v / 1e6).toFixed(1).replace(/\.0$/, "") + " million";
    return cur + " " + fmt(v);
  }
  var QUAL = {about: "about ", at_least: "at least ", up_to: "up to "};
  function countText(r) { return r.cv ? (QUAL[r.cq] || "") + fmt(r.cv) + " people" : ""; }
  function amountText(r) { return r.av ? (QUAL[r.aq] || "") + amount(r.av, r.cu) : ""; }
  function moneyText(by) { return Object.keys(by || {}).sort().map(function (c) { return amount(by[c], c); }).join(" and "); }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function dateText(r) { return r.p === "day" || r.p === "month" ? r.d : r.d + " (" + r.p + " only)"; }
  function monthLabel(pos) { return pos >= D.months.length ? "all dates" : D.months[pos]; }
  function activate(node, fn) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.addEventListener("click", fn);
    node.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(); } });
  }
  function filtered() {
    var off = function (o) { for (var k in o) if (o[k] === false) return true; return false; };
    return off(state.types) || off(state.statuses) || off(state.confs) || !!state.source;
  }
  function passesFilters(r) {
    return state.types[r.t] !== false && state.statuses[r.s || "none"] !== false &&
      state.confs[r.cf] !== false && (!state.source || r.src.indexOf(state.source) >= 0);
  }
  function passes(r) { return r.m <= state.pos && passesFilters(r); }
  function isCountry(code) { return !D.actors[code] || D.actors[code].k === "country"; }

  // live is the state as of the slider with the filters applied. Without
  // filters it is the Go snapshot of that window (the analysis's own
  // numbers); with filters it adds what each passing claim contributes,
  // as Go decided it. A browser test checks that the two agree unfiltered.
  var CONFIDENCE = {confirmed: 3, reported: 2, claimed: 1};
  // counted is analysis.Counted over the claims that pass the filters,
  // chosen over all dates as analysis.SelectEvents chooses it: of the
  // accounts of one event (the key Go computed) the most confident, then
  // the larger number, then the first stands; the event is in a window
  // when that account is. Without filters this is Go's own choice.
  function counted(idx) {
    var best = {}, out = {}, inWindow = {};
    idx.forEach(function (i) { inWindow[i] = true; });
    D.rels.forEach(function (r, i) {
      if (!passesFilters(r)) return;
      if (!r.ek) { out[i] = true; return; }
      var j = best[r.ek];
      if (j === undefined) { best[r.ek] = i; return; }
      var b = D.rels[j], ca = CONFIDENCE[r.cf] || 0, cb = CONFIDENCE[b.cf] || 0;
      if (ca > cb || (ca === cb && Math.max(r.cv || 0, r.av || 0) > Math.max(b.cv || 0, b.av || 0))) best[r.ek] = i;
    });
    for (var k in best) out[best[k]] = true;
    for (var i in out) if (!inWindow[i]) delete out[i];
    return out;
  }
  // answers sets each campaign-approached country's answer in force as
  // analysis.Answers finds it: of the country's own statements that pass,
  // those no other is certainly after (it starts when or after the other
  // ends); agreeing ones stand together, disagreeing ones are disputed;
  // none is "no answer reported". A presser's account is no answer.
  function answers(out, k) {
    var own = {}, asked = {};
    out.idx.forEach(function (i) {
      var r = D.rels[i];
      if (r.t !== "approached" || !k[i] || !r.cp) return;
      asked[r.o] = 1;
      if (r.an) (own[r.o] = own[r.o] || []).push(r);
    });
    var after = function (a, b) { return a.ps && b.pe && a.ps >= b.pe; };
    for (var c in asked) {
      var rs = own[c] || [], standing = rs.filter(function (r) { return !rs.some(function (o) { return o !== r && after(o, r); }); });
      var label = standing.length ? standing[0].s : "no_answer";
      for (var j = 1; j < standing.length; j++) if (standing[j].s !== label) label = "disputed";
      (out.countries[c] = out.countries[c] || {}).latest = label;
    }
  }
  function compute(pos) {
    var keep = state.pos;
    state.pos = pos;
    var snap = D.snapshots[pos];
    var out = {relationships: 0, coarse: 0, people: 0, unknown: 0, payments: 0, agreements: snap.agreements, nodes: {}, edges: {}, countries: {},
      matches: snap.matches, idx: []};
    D.rels.forEach(function (r, i) { if (passes(r)) out.idx.push(i); });
    state.pos = keep;
    var k = counted(out.idx);
    out.counted = k;
    // A claim that is part of a counted group in the window is inside
    // that group's reception (analysis.WithinGroups).
    var inWindow = {};
    out.idx.forEach(function (i) { inWindow[D.rels[i].id] = 1; });
    out.idx.forEach(function (i) {
      var r = D.rels[i], c = out.countries[r.o] || (out.countries[r.o] = {});
      out.relationships++;
      if (r.p !== "day" && r.p !== "month" && r.p !== "") out.coarse++;
      if (r.rc && k[i] && !(r.po && inWindow[r.po])) {
        c.received = (c.received || 0) + (r.cv || 0);
        out.people += r.cv || 0;
        if (!r.cv) { c.unknown_size = (c.unknown_size || 0) + 1; out.unknown++; }
      }
      if (r.t === "approached") {
        c.approached = (c.approached || 0) + 1;
      }
      if (r.t === "paid" && k[i]) out.payments++;
      if (r.t === "paid" && k[i]) { c.paid = (c.paid || 0) + r.av; c.paid_in = c.paid_in || {}; c.paid_in[r.cu] = (c.paid_in[r.cu] || 0) + r.av; }
    });
    answers(out, k);
    // Layer graphs as analysis.View builds them: counted claims of the
    // layer's types, planned receptions left out; a loop makes its node but
    // no tie; placeholders are left out and their ties with them, while
    // the country at the other end stays (Structural).
    D.layers.forEach(function (l) {
      var types = {}, nodes = {}, pairs = {}, n = 0, e = 0;
      l.types.forEach(function (t) { types[t] = 1; });
      out.idx.forEach(function (i) {
        var r = D.rels[i];
        if (!k[i] || !types[r.t] || (r.t === "received" && r.s === "planned")) return;
        var fc = isCountry(r.f), oc = isCountry(r.o);
        if (fc && !nodes[r.f]) { nodes[r.f] = 1; n++; }
        if (oc && !nodes[r.o]) { nodes[r.o] = 1; n++; }
        if (fc && oc && r.f !== r.o && !pairs[r.f + ">" + r.o]) { pairs[r.f + ">" + r.o] = 1; e++; }
      });
      out.nodes[l.name] = n;
      out.edges[l.name] = e;
    });
    return out;
  }
  function live() {
    var x = compute(state.pos);
    if (filtered()) return x;
    var snap = D.snapshots[state.pos];
    // Unfiltered, the Go snapshot is the truth; idx still lists the claims.
    return {relationships: snap.relationships, coarse: snap.coarse, people: snap.people, unknown: snap.unknown_size, payments: snap.payments,
      agreements: snap.agreements, nodes: snap.nodes,
      edges: snap.edges, countries: snap.countries, matches: snap.matches, idx: x.idx, counted: x.counted};
  }

  // The URL fragment keeps the view, so a link reopens it:
  // #m=2025-03&map=latest&layer=flow&size=pagerank&sel=RW&off=type:paid,status:refused&src=…&step=2&view=x,y,w,h
  function saveHash() {
    var parts = [], off = [];
    if (state.pos < D.months.length) parts.push("m=" + D.months[state.pos]);
    if (state.measure !== "received") parts.push("map=" + state.measure);
    if (state.layer) parts.push("layer=" + D.layers[state.layer].name);
    if (state.metric !== "pagerank") parts.push("size=" + state.metric);
    if (state.selected) parts.push("sel=" + state.selected);
    [["type", state.types], ["status", state.statuses], ["conf", state.confs]].forEach(function (x) {
      for (var k in x[1]) if (x[1][k] === false) off.push(x[0] + ":" + k);
    });
    if (off.length) parts.push("off=" + off.join(","));
    if (state.source) parts.push("src=" + encodeURIComponent(state.source));
    if (state.story >= 0) parts.push("step=" + (state.story + 1));
    if (state.view) parts.push("view=" + state.view.map(function (v) { return Math.round(v); }).join(","));
    var h = parts.length ? "#" + parts.join("&") : "";
    if (location.hash !== h && history.replaceState) history.replaceState(null, "", h || location.pathname + location.search);
  }
  function readHash() {
    var h = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) h[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    return h;
  }
  return {D: D, SVG: SVG, TYPE_COLOUR: TYPE_COLOUR, ANSWER_COLOUR: ANSWER_COLOUR, ANSWER_WORDS: ANSWER_WORDS, BLUES: BLUES,
    METRICS: METRICS, state: state, $: $, el: el, name: name, words: words, fmt: fmt, amount: amount, countText: countText,
    amountText: amountText, moneyText: moneyText, plural: plural, dateText: dateText, monthLabel: monthLabel, activate: activate,
    filtered: filtered, passes: passes, isCountry: isCountry, compute: compute, counted: counted, live: live, saveHash: saveHash, readHash: readHash};
})();
