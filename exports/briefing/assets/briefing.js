// The briefing's script: it draws what the Go side computed (projection,
// layout, per-month analysis) and filters it. No request, no library.
"use strict";
(function () {
  var D = JSON.parse(document.getElementById("data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  // Okabe & Ito's colour-blind-safe palette, one hue per relationship type.
  var TYPE_COLOUR = {approached: "#0072B2", received: "#009E73", paid: "#E69F00", travel_ban_leverage: "#CC79A7",
    other_leverage: "#D55E00", concession_sought: "#8C6D00", onward_return: "#56B4E9", transit: "#7F7F7F",
    removal_blocked: "#000000", migration_context: "#BBBBBB"};
  // Answers in Okabe-Ito hues: yes greens and blues, undecided yellow,
  // reluctant purple, no vermillion, silence orange.
  var ANSWER_COLOUR = {agreed: "#009E73", completed: "#009E73", conditional: "#56B4E9", some_agreed: "#56B4E9",
    in_talks: "#F0E442", considering: "#F0E442", reluctant: "#CC79A7", refused: "#D55E00", no_response: "#E69F00",
    proposed: "#0072B2", unknown: "#BBBBBB"};
  // A single-hue sequential scale (ColorBrewer Blues) reads in every form of colour blindness.
  var BLUES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var state = {pos: D.snapshots.length - 1, measure: "received", layer: 0, metric: "pagerank", selected: null,
    types: {}, statuses: {}, confs: {}, source: ""};
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, text) {
    var e = tag.indexOf("svg:") === 0 ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function name(code) { var a = D.actors[code]; return a ? a.n : code; }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function dateText(r) { return r.p === "day" || r.p === "month" ? r.d : r.d + " (" + r.p + " only)"; }
  function monthLabel(pos) { return pos >= D.months.length ? "all dates" : D.months[pos]; }
  function activate(node, fn) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.addEventListener("click", fn);
    node.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(); } });
  }
  function passes(r) {
    return r.m <= state.pos && state.types[r.t] !== false && state.statuses[r.s || "none"] !== false &&
      state.confs[r.cf] !== false && (!state.source || r.src.indexOf(state.source) >= 0);
  }

  // Header and controls.
  var M = D.meta;
  $("provenance").textContent = M.dataset + " " + M.dataset_version + " · sha256 " + M.content_hash + " · " + M.tool + " · window: " + M.window;
  var slider = $("month");
  slider.max = D.snapshots.length - 1;
  slider.value = state.pos;
  D.layers.forEach(function (l, i) { $("layer").appendChild(el("option", {value: i}, l.name)); });
  ["pagerank", "pagerank_weighted", "in_strength", "out_strength", "in_degree", "out_degree", "hub", "authority",
    "betweenness", "harmonic", "core"].forEach(function (m) { $("metric").appendChild(el("option", {value: m}, m.replace(/_/g, " "))); });
  Object.keys(D.profiles).sort(function (a, b) { return name(a).localeCompare(name(b)); }).forEach(function (c) {
    $("country").appendChild(el("option", {value: c}, name(c) + " (" + c + ")"));
  });
  Object.keys(D.sources).sort().forEach(function (k) {
    var s = D.sources[k];
    $("fSource").appendChild(el("option", {value: k}, s.p + ": " + s.t.slice(0, 60)));
  });
  function checkboxes(box, values, into) {
    values.forEach(function (v) {
      var id = box.id + "-" + v, cb = el("input", {type: "checkbox", id: id, checked: ""}), lab = el("label", {"for": id});
      cb.addEventListener("change", function () { into[v] = cb.checked; redraw(); });
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(" " + v.replace(/_/g, " ")));
      box.appendChild(lab);
    });
  }
  var seen = {t: {}, s: {}, cf: {}};
  D.rels.forEach(function (r) { seen.t[r.t] = 1; seen.s[r.s || "none"] = 1; seen.cf[r.cf] = 1; });
  checkboxes($("fType"), D.types.map(function (t) { return t.name; }).filter(function (t) { return seen.t[t]; }), state.types);
  checkboxes($("fStatus"), D.statuses.map(function (t) { return t.name; }).concat(["none"]).filter(function (t) { return seen.s[t]; }), state.statuses);
  checkboxes($("fConf"), ["confirmed", "reported", "claimed"].filter(function (t) { return seen.cf[t]; }), state.confs);

  // The map: shapes once, fills and arcs per redraw.
  var map = $("map"), shapeOf = {};
  map.setAttribute("viewBox", "0 0 " + D.map.w + " " + D.map.h);
  var arcLayer = el("svg:g", {"class": "arcs"});
  D.map.shapes.forEach(function (s) {
    var node = s.d ? el("svg:path", {d: s.d, "class": "country", "data-code": s.c})
      : el("svg:circle", {cx: s.x, cy: s.y, r: 3, "class": "standin country", "data-code": s.c});
    node.setAttribute("aria-label", name(s.c));
    var t = el("svg:title", {}, name(s.c));
    node.appendChild(t);
    activate(node, function () { showProfile(s.c); });
    map.appendChild(node);
    shapeOf[s.c] = {node: node, x: s.x, y: s.y, title: t};
  });
  map.appendChild(arcLayer);
  // One arc per presser and pressed country, drawn once, shown while any of
  // its approaches passes the month and the filters.
  var arcs = [], arcOf = {};
  D.rels.forEach(function (r, i) {
    if (r.t !== "approached") return;
    var a = shapeOf[r.f], b = shapeOf[r.o], key = r.f + ">" + r.o;
    if (!a || !b || r.f === r.o) return;
    if (!arcOf[key]) {
      var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2 - Math.abs(b.x - a.x) * 0.18 - 8;
      arcOf[key] = {r: [], on: null, node: el("svg:path", {"class": "arc", d: "M" + a.x + " " + a.y + "Q" + mx + " " + my + " " + b.x + " " + b.y})};
      arcLayer.appendChild(arcOf[key].node);
      arcs.push(arcOf[key]);
    }
    arcOf[key].r.push(i);
  });

  function measureText(v) {
    if (state.measure === "latest") return v ? v.replace(/_/g, " ") : "";
    if (!v) return "";
    return state.measure === "paid" ? fmt(v) + " (currency units)" : fmt(v);
  }
  function drawMap(snap) {
    var max = 0, cs = snap.countries;
    for (var c in cs) if (state.measure !== "latest") max = Math.max(max, cs[c][state.measure] || 0);
    for (var code in shapeOf) {
      var v = cs[code] ? cs[code][state.measure] : 0, fill = "#ddd";
      if (state.measure === "latest") { if (v) fill = ANSWER_COLOUR[v] || "#BBBBBB"; }
      else if (v > 0) fill = BLUES[Math.min(4, Math.floor(Math.log(v) / Math.log(max + 1) * 5))];
      var sh = shapeOf[code], tip = name(code) + (v ? ": " + measureText(v) : "");
      if (sh.fill !== fill) { sh.fill = fill; sh.node.style.fill = fill; }
      if (sh.tip !== tip) { sh.tip = tip; sh.title.textContent = tip; }
    }
    arcs.forEach(function (a) {
      var on = false;
      for (var i = 0; i < a.r.length && !on; i++) on = passes(D.rels[a.r[i]]);
      if (on !== a.on) { a.on = on; a.node.setAttribute("visibility", on ? "visible" : "hidden"); }
    });
    var off = $("offmap"), items = {};
    off.textContent = "";
    off.appendChild(el("h3", {}, "Not on the map"));
    D.rels.forEach(function (r) {
      if (!passes(r)) return;
      [r.f, r.o].forEach(function (c) { if (!shapeOf[c]) items[c] = (items[c] || 0) + 1; });
    });
    var ul = el("ul");
    Object.keys(items).sort().forEach(function (c) {
      var li = el("li"), b = el("a", {href: "#details"}, name(c));
      b.addEventListener("click", function (ev) { ev.preventDefault(); showProfile(c); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(" — " + plural(items[c], "claim")));
      ul.appendChild(li);
    });
    off.appendChild(ul);
    var lg = $("mapLegend");
    lg.textContent = "";
    if (state.measure === "latest") {
      var shown = {};
      for (var k in cs) if (cs[k].latest) shown[cs[k].latest] = 1;
      D.statuses.map(function (x) { return x.name; }).filter(function (x) { return shown[x]; }).forEach(function (s) {
        var it = el("span"); it.appendChild(el("span", {"class": "sw", style: "background:" + (ANSWER_COLOUR[s] || "#BBBBBB")})); it.appendChild(document.createTextNode(s.replace(/_/g, " "))); lg.appendChild(it);
      });
    } else {
      var it = el("span", {}, "");
      it.appendChild(document.createTextNode("fewer "));
      BLUES.forEach(function (b) { it.appendChild(el("span", {"class": "sw", style: "background:" + b})); });
      it.appendChild(document.createTextNode(" more (log scale, max " + fmt(max) + ")"));
      lg.appendChild(it);
    }
    var arcKey = el("span"); arcKey.appendChild(el("span", {"class": "ln", style: "border-color:#333"})); arcKey.appendChild(document.createTextNode("approach (presser → pressed)"));
    lg.appendChild(arcKey);
  }

  // The network: nodes at the Go layout, one line per tie of a type.
  var net = $("net");
  net.setAttribute("viewBox", "0 0 1000 640");
  var typeIndex = {};
  D.types.forEach(function (t, i) { typeIndex[t.name] = i; });
  // The network is built once per layer and metric; a slider step or a
  // filter only shows, hides and re-weights the lines already drawn.
  var netEdges = [], netNodes = [];
  function buildNet() {
    var l = D.layers[state.layer], pos = {}, value = {}, maxv = 0;
    net.textContent = "";
    l.hubs.forEach(function (h) { value[h.node] = h[state.metric] || 0; });
    l.nodes.forEach(function (n) { pos[n.id] = n; maxv = Math.max(maxv, value[n.id] || 0); });
    var edges = el("svg:g"), nodes = el("svg:g");
    netEdges = [];
    netNodes = [];
    l.groups.forEach(function (gi) {
      var g = D.groups[gi];
      if (!pos[g.f] || !pos[g.o]) return;
      var a = pos[g.f], b = pos[g.o], dx = b.x - a.x, dy = b.y - a.y;
      // Bend each type differently so parallel ties of a pair stay apart.
      var bend = 0.12 + 0.05 * (typeIndex[g.t] % 4);
      var cx = (a.x + b.x) / 2 - dy * bend, cy = (a.y + b.y) / 2 + dx * bend;
      var p = el("svg:path", {"class": "edge", d: "M" + a.x + " " + a.y + "Q" + cx + " " + cy + " " + b.x + " " + b.y,
        stroke: TYPE_COLOUR[g.t], "data-group": gi, "data-type": g.t});
      var title = el("svg:title"), e = {g: g, node: p, title: title, n: -1, coarse: null, w: ""};
      p.appendChild(title);
      // The label carries the count as of the month; it is written when the
      // line is pointed at or focused, not on every slider step.
      var label = function () {
        var text = g.t.replace(/_/g, " ") + ": " + name(g.f) + " to " + name(g.o) + ", " + plural(e.n, "claim");
        p.setAttribute("aria-label", text);
        title.textContent = text;
      };
      p.addEventListener("mouseenter", label);
      p.addEventListener("focus", label);
      p.setAttribute("aria-label", g.t.replace(/_/g, " ") + ": " + name(g.f) + " to " + name(g.o));
      activate(p, function () { showGroup(gi); });
      edges.appendChild(p);
      netEdges.push(e);
    });
    l.nodes.forEach(function (n) {
      var v = value[n.id] || 0, r = 4 + (maxv > 0 ? Math.sqrt(v / maxv) * 14 : 0);
      var kind = D.actors[n.id] ? D.actors[n.id].k : "country";
      var g = el("svg:g", {"class": "node" + (kind !== "country" ? " group" : ""), "data-code": n.id,
        transform: "translate(" + n.x + " " + n.y + ")", "aria-label": name(n.id) + ", " + state.metric + " " + v.toPrecision(3)});
      g.appendChild(el("svg:circle", {r: r.toFixed(1)}));
      g.appendChild(el("svg:text", {x: r + 2, y: 3}, n.id.length > 3 ? name(n.id).slice(0, 22) : n.id));
      g.appendChild(el("svg:title", {}, name(n.id) + " — " + state.metric.replace(/_/g, " ") + ": " + v.toPrecision(3)));
      activate(g, function () { showProfile(n.id); });
      nodes.appendChild(g);
      netNodes.push({id: n.id, node: g, live: null});
    });
    net.appendChild(edges);
    net.appendChild(nodes);
    var lg = $("netLegend");
    lg.textContent = "";
    l.types.forEach(function (t) {
      var it = el("span"); it.appendChild(el("span", {"class": "ln", style: "border-color:" + TYPE_COLOUR[t]})); it.appendChild(document.createTextNode(t.replace(/_/g, " "))); lg.appendChild(it);
    });
    lg.appendChild(el("span", {}, "dashed: dated only to a quarter or year · circle size: " + state.metric.replace(/_/g, " ") + " (whole window)"));
  }
  function updateNet() {
    var live = {};
    netEdges.forEach(function (e) {
      var n = 0, stands = 0, coarse = true, rs = e.g.r;
      for (var i = 0; i < rs.length; i++) {
        var r = D.rels[rs[i]];
        if (passes(r)) { n++; if (r.k) stands++; if (r.p === "day" || r.p === "month") coarse = false; }
      }
      // An event is in the window when the claim standing for it is (as
      // analysis counts it): alternative accounts alone draw no line.
      if (!stands) n = 0;
      if (n) live[e.g.f] = live[e.g.o] = 1;
      if (n === e.n && coarse === e.coarse) return;
      e.n = n;
      e.coarse = coarse;
      // visibility, not display: hiding then costs no re-layout of the
      // other lines, and a hidden line takes neither clicks nor focus.
      if (!n) { e.node.setAttribute("visibility", "hidden"); return; }
      e.node.setAttribute("visibility", "visible");
      var w = Math.min(6, 1 + Math.log(n) * 1.5).toFixed(1);
      if (w !== e.w) { e.w = w; e.node.setAttribute("stroke-width", w); }
      e.node.classList.toggle("coarse", coarse);
    });
    netNodes.forEach(function (x) {
      var on = !!live[x.id];
      if (on !== x.live) { x.live = on; x.node.classList.toggle("off", !on); }
    });
  }
  function drawNet() { buildNet(); updateNet(); }

  function drawCounts(snap) {
    var c = $("counts"), l = D.layers[state.layer].name;
    c.textContent = "";
    c.appendChild(el("strong", {"class": "asof"}, "As of " + monthLabel(state.pos) + ":"));
    [["relationships", snap.relationships, "claims in the window"], ["nodes", snap.nodes[l], "governments in the " + l + " layer"],
      ["edges", snap.edges[l], "ties between them"], ["matches", snap.matches, "pattern matches"],
      ["people", snap.people, "people at least received in third countries (each event once, planned flights and own citizens excluded)" +
        (snap.unknown_size ? ", plus " + snap.unknown_size + " receptions of unknown size" : "")],
      ["payments", snap.payments, "payments made"], ["agreements", snap.agreements, "agreements, in the pressed country's own account"]].forEach(function (x) {
      var s = el("span", {"data-count": x[0]}); s.appendChild(el("b", {}, fmt(x[1]))); s.appendChild(document.createTextNode(x[2])); c.appendChild(s);
    });
    if (snap.coarse) c.appendChild(el("span", {"class": "coarse"}, "of which " + snap.coarse + " dated only to a quarter or year (they cover every month of their period)"));
  }

  function sourceList(keys) {
    var ul = el("ul", {"class": "sources"});
    keys.forEach(function (k) {
      var s = D.sources[k] || {p: "", t: k, d: ""}, li = el("li", {"data-source": k});
      li.appendChild(el("span", {}, s.p + ", " + s.d + ": "));
      // Only web addresses become links: a javascript: address in a data
      // file must not run when a reader clicks it.
      if (/^https?:\/\//i.test(s.u || "")) li.appendChild(el("a", {href: s.u, rel: "noreferrer", target: "_blank"}, s.t));
      else li.appendChild(el("cite", {}, s.t + (s.u ? " (" + s.u + ")" : "")));
      ul.appendChild(li);
    });
    return ul;
  }
  function claimCard(ri) {
    var r = D.rels[ri], box = el("div", {"class": "claim", "data-rel": r.id});
    box.appendChild(el("div", {"class": "head"}, r.t.replace(/_/g, " ") + ": " + name(r.f) + " → " + name(r.o)));
    var m = [dateText(r), r.s && "status " + r.s.replace(/_/g, " "), r.i && "instrument " + r.i.replace(/_/g, " "),
      r.c && "count " + r.c, r.a && "amount " + r.a, "confidence " + r.cf].filter(Boolean).join(" · ");
    box.appendChild(el("div", {"class": "meta"}, m));
    if (r.ev) box.appendChild(el("span", {"class": r.k ? "counts" : "nocount"}, r.k ? "counts in sums" : "alternative account, not summed"));
    box.appendChild(el("p", {}, r.n));
    box.appendChild(sourceList(r.src));
    box.appendChild(el("div", {"class": "meta"}, "id " + r.id));
    return box;
  }
  // Claims sharing an event are alternatives: shown side by side.
  function claimList(indices) {
    var wrap = el("div"), byEvent = {}, order = [];
    indices.forEach(function (ri) {
      var k = D.rels[ri].ev || "#" + ri;
      if (!byEvent[k]) { byEvent[k] = []; order.push(k); }
      byEvent[k].push(ri);
    });
    order.forEach(function (k) {
      var list = byEvent[k];
      if (list.length === 1) { wrap.appendChild(claimCard(list[0])); return; }
      var alts = el("div", {"class": "alts", "aria-label": "alternative accounts of one event"});
      list.forEach(function (ri) { var c = claimCard(ri); c.classList.add("alt"); alts.appendChild(c); });
      wrap.appendChild(el("h4", {}, "Alternative accounts of event " + k));
      wrap.appendChild(alts);
    });
    return wrap;
  }
  function details(title) {
    var d = $("details");
    d.textContent = "";
    d.appendChild(el("h2", {}, title));
    return d;
  }
  function showGroup(gi) {
    var g = D.groups[gi], d = details(g.t.replace(/_/g, " ") + ": " + name(g.f) + " → " + name(g.o));
    var idx = g.r.filter(function (ri) { return passes(D.rels[ri]); });
    $("country").value = "";
    d.appendChild(el("p", {}, plural(idx.length, "claim") + " as of " + monthLabel(state.pos)));
    d.appendChild(claimList(idx));
    d.focus();
  }
  function showProfile(code) {
    state.selected = code;
    for (var c in shapeOf) shapeOf[c].node.classList.toggle("selected", c === code);
    var p = D.profiles[code], d = details(name(code) + " (" + code + ")");
    d.setAttribute("data-code", code);
    if (p) {
      var dl = el("dl", {"class": "about"});
      [["Region", p.region], ["Instruments", (p.instruments || []).join(", ").replace(/_/g, " ") || "none recorded"],
        ["Latest answer", (p.outcome || "none").replace(/_/g, " ")], ["People received", fmt(p.people_in)],
        ["Money received", Object.keys(p.money_in || {}).map(function (c) { return fmt(p.money_in[c]) + " " + c; }).join(", ") || "none"],
        ["Dates", (p.first || "") + " – " + (p.last || "")],
        ["Patterns", (p.patterns || []).join(", ").replace(/_/g, " ") || "none"]].forEach(function (x) {
        dl.appendChild(el("dt", {}, x[0])); dl.appendChild(el("dd", {}, x[1]));
      });
      d.appendChild(dl);
    }
    var idx = [];
    D.rels.forEach(function (r, i) { if ((r.f === code || r.o === code) && passes(r)) idx.push(i); });
    d.appendChild(el("h3", {}, plural(idx.length, "claim") + " as of " + monthLabel(state.pos)));
    d.appendChild(claimList(idx));
    $("country").value = D.profiles[code] ? code : "";
    d.focus();
  }

  function table(cols, rows, sortable) {
    var t = el("table"), head = el("tr"), body = el("tbody"), dir = {};
    function fill(list) {
      body.textContent = "";
      list.forEach(function (r) {
        var tr = el("tr");
        cols.forEach(function (c) { tr.appendChild(el("td", c.num ? {"class": "n"} : {}, c.show ? c.show(r) : r[c.key])); });
        body.appendChild(tr);
      });
    }
    cols.forEach(function (c) {
      var th = el("th", {scope: "col"});
      if (sortable) {
        var b = el("button", {type: "button"}, c.title);
        b.addEventListener("click", function () {
          dir[c.key] = !dir[c.key];
          var s = rows.slice().sort(function (a, b) { var x = a[c.key], y = b[c.key]; return (x < y ? -1 : x > y ? 1 : 0) * (dir[c.key] ? -1 : 1); });
          cols.forEach(function (o) { o.th.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", dir[c.key] ? "descending" : "ascending");
          fill(s);
        });
        th.appendChild(b);
      } else th.textContent = c.title;
      c.th = th;
      head.appendChild(th);
    });
    var thead = el("thead"); thead.appendChild(head); t.appendChild(thead); t.appendChild(body);
    fill(rows);
    return t;
  }
  function num(k) { return function (r) { return typeof r[k] === "number" ? +r[k].toPrecision(4) + "" : r[k]; }; }
  function drawHubs() {
    var sec = $("hubs"), l = D.layers[state.layer];
    sec.querySelectorAll(".scroll,p").forEach(function (n) { n.remove(); });
    sec.appendChild(el("p", {}, "Layer " + l.name + ", whole window, by PageRank. Sort by any column. Groups and unspecified nationalities are left out, as analyze leaves them out: they are no single government that paths could run through."));
    var cols = [{key: "node", title: "Actor", show: function (r) { return name(r.node) + " (" + r.node + ")"; }}];
    ["in_degree", "out_degree", "in_strength", "out_strength", "pagerank", "pagerank_weighted", "hub", "authority", "betweenness", "harmonic", "core"].forEach(function (k) {
      cols.push({key: k, title: k.replace(/_/g, " "), num: true, show: num(k)});
    });
    var wrap = el("div", {"class": "scroll"});
    var ranked = l.hubs.filter(function (h) { return !D.actors[h.node] || D.actors[h.node].k === "country"; }).sort(function (a, b) { return b.pagerank - a.pagerank || (a.node < b.node ? -1 : 1); });
    wrap.appendChild(table(cols, ranked, true));
    sec.appendChild(wrap);
  }
  function drawStatic() {
    var pat = $("patterns");
    D.catalogue.forEach(function (c) {
      var ms = D.matches.filter(function (m) { return m.pattern === c.name; });
      var h = el("h3", {}, c.title + " — " + ms.length + (ms.length === 1 ? " match" : " matches"));
      pat.appendChild(h);
      pat.appendChild(el("p", {"class": "hint"}, c.definition));
      ms.forEach(function (m) {
        var det = el("details", {"class": "match"}), sum = el("summary", {}, name(m.country) + ": " + m.summary);
        det.appendChild(sum);
        var ul = el("ul");
        m.evidence.forEach(function (ri) { var e = D.rels[ri]; ul.appendChild(el("li", {}, dateText(e) + " " + e.t.replace(/_/g, " ") + " " + name(e.f) + " → " + name(e.o) + (e.s ? " (" + e.s.replace(/_/g, " ") + ")" : "") + ": " + e.n)); });
        det.appendChild(ul);
        det.appendChild(sourceList(m.sources));
        pat.appendChild(det);
      });
    });
    var deps = $("deps");
    deps.appendChild(el("p", {"class": "hint"}, "Nationalities whose every recorded reception went to one receiving country."));
    deps.appendChild(table([{key: "nationality", title: "Nationality", show: function (r) { return name(r.nationality); }},
      {key: "receiver", title: "Only receiver", show: function (r) { return name(r.receiver); }},
      {key: "people", title: "People", num: true, show: function (r) { return fmt(r.people); }},
      {key: "evidence", title: "Claims", num: true, show: function (r) { return r.evidence.length; }}], D.deps || [], true));
    $("timeline").appendChild(el("p", {"class": "hint"}, "Events per month, whole window. Claims dated only to a quarter or a year have rows of their own (“month unknown”), never a month's."));
    $("timeline").appendChild(table([{key: "month", title: "Period", show: function (r) { return r.label || r.month; }}, {key: "approaches", title: "Approaches", num: true},
      {key: "agreements", title: "Agreements", num: true}, {key: "receptions", title: "Receptions", num: true},
      {key: "people", title: "People", num: true}, {key: "payments", title: "Payments", num: true},
      {key: "leverage", title: "Leverage", num: true}, {key: "court_blocks", title: "Court blocks", num: true}], D.timeline || [], false));
    var ab = $("about"), dl = el("dl", {"class": "about"});
    [["Dataset", M.dataset], ["Dataset version", M.dataset_version], ["Content hash (SHA-256)", M.content_hash],
      ["Description", M.description], ["Licence", M.license], ["Dataset updated", M.updated],
      ["Generated", M.generated + " (the dataset's date, so the same data gives the same file)"],
      ["Tool", M.tool], ["Window", M.window],
      ["How to cite", M.citation + " Cite the underlying sources for the facts; each claim lists them."],
      ["Map", D.map.source]].forEach(function (x) { dl.appendChild(el("dt", {}, x[0])); dl.appendChild(el("dd", {}, x[1])); });
    ab.appendChild(dl);
    ab.appendChild(el("h3", {}, "Caveats"));
    var ul = el("ul");
    M.caveats.forEach(function (c) { ul.appendChild(el("li", {}, c)); });
    ab.appendChild(ul);
  }

  function redraw() {
    var snap = D.snapshots[state.pos];
    $("monthLabel").textContent = monthLabel(state.pos);
    drawCounts(snap);
    drawMap(snap);
    updateNet();
  }
  slider.addEventListener("input", function () { state.pos = +slider.value; redraw(); });
  $("measure").addEventListener("change", function () { state.measure = this.value; redraw(); });
  $("layer").addEventListener("change", function () { state.layer = +this.value; buildNet(); redraw(); drawHubs(); });
  $("metric").addEventListener("change", function () { state.metric = this.value; drawNet(); });
  $("country").addEventListener("change", function () { if (this.value) showProfile(this.value); });
  $("fSource").addEventListener("change", function () { state.source = this.value; redraw(); });
  var timer = null;
  $("play").addEventListener("click", function () {
    var b = this;
    if (timer) { clearInterval(timer); timer = null; b.textContent = "Play"; b.setAttribute("aria-pressed", "false"); return; }
    if (state.pos >= D.snapshots.length - 1) state.pos = -1;
    b.textContent = "Pause"; b.setAttribute("aria-pressed", "true");
    timer = setInterval(function () {
      state.pos++;
      slider.value = state.pos;
      redraw();
      if (state.pos >= D.snapshots.length - 1) { clearInterval(timer); timer = null; b.textContent = "Play"; b.setAttribute("aria-pressed", "false"); }
    }, 800);
  });
  // Printing shows every pattern's evidence, not only the opened ones.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.match"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });
  drawStatic();
  drawHubs();
  buildNet();
  redraw();
  document.body.setAttribute("data-ready", "1");
  // When the first frame after drawing has been painted: the benchmark
  // reads this as the time from opening the file to the first full render.
  requestAnimationFrame(function () { setTimeout(function () { document.body.setAttribute("data-rendered", performance.now().toFixed(1)); }, 0); });
})();
