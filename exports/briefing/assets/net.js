// The network: nodes at the Go layout, one line per tie of a type. Lines
// are as wide as what they carry: people for receptions and returns,
// money for payments, events otherwise, with the unit in the legend.
B.net = (function () {
  var D = B.D, $ = B.$, el = B.el, state = B.state;
  var net = $("net");
  net.setAttribute("viewBox", "0 0 1000 640");
  var typeIndex = {};
  D.types.forEach(function (t, i) { typeIndex[t.name] = i; });
  var PEOPLE = {received: 1, onward_return: 1, transit: 1};
  var netEdges = [], netNodes = [];
  // label splits a long name into lines of at most 22 characters at spaces.
  function label(text) {
    var out = [], line = "";
    text.split(" ").forEach(function (w) {
      if (line && (line + " " + w).length > 22) { out.push(line); line = w; } else line = line ? line + " " + w : w;
    });
    if (line) out.push(line);
    return out.slice(0, 3);
  }
  function build() {
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
      var bend = 0.12 + 0.05 * (typeIndex[g.t] % 4);
      var cx = (a.x + b.x) / 2 - dy * bend, cy = (a.y + b.y) / 2 + dx * bend;
      var p = el("svg:path", {"class": "edge", d: "M" + a.x + " " + a.y + "Q" + cx + " " + cy + " " + b.x + " " + b.y,
        stroke: B.TYPE_COLOUR[g.t], "data-group": gi, "data-type": g.t});
      var title = el("svg:title"), e = {g: g, node: p, title: title, n: -1, coarse: null, w: "", text: ""};
      p.appendChild(title);
      p.setAttribute("aria-label", B.words(g.t) + ": " + B.name(g.f) + " to " + B.name(g.o));
      B.activate(p, function () { B.panels.showGroup(gi); });
      edges.appendChild(p);
      netEdges.push(e);
    });
    l.nodes.forEach(function (n) {
      var v = value[n.id] || 0, r = 4 + (maxv > 0 ? Math.sqrt(v / maxv) * 14 : 0);
      var kind = D.actors[n.id] ? D.actors[n.id].k : "country";
      var g = el("svg:g", {"class": "node" + (kind !== "country" ? " group" : ""), "data-code": n.id,
        transform: "translate(" + n.x + " " + n.y + ")", "aria-label": B.name(n.id) + ", " + B.words(state.metric) + " " + v.toPrecision(3)});
      g.appendChild(el("svg:circle", {r: r.toFixed(1)}));
      var t = el("svg:text", {x: (r + 2).toFixed(1), y: 3});
      label(B.name(n.id)).forEach(function (line, i) { t.appendChild(el("svg:tspan", {x: (r + 2).toFixed(1), dy: i ? "1.1em" : 0}, line)); });
      g.appendChild(t);
      g.appendChild(el("svg:title", {}, B.name(n.id) + " — " + B.words(state.metric) + ": " + v.toPrecision(3)));
      B.activate(g, function () { B.panels.showProfile(n.id); });
      nodes.appendChild(g);
      netNodes.push({id: n.id, node: g, live: null});
    });
    net.appendChild(edges);
    net.appendChild(nodes);
    var lg = $("netLegend");
    lg.textContent = "";
    l.types.forEach(function (t) {
      var it = el("span"); it.appendChild(el("span", {"class": "ln", style: "border-color:" + B.TYPE_COLOUR[t]})); it.appendChild(document.createTextNode(B.words(t))); lg.appendChild(it);
    });
    lg.appendChild(el("span", {}, "Line width: people for receptions, returns and transits; money for payments (per currency); number of events otherwise. Dashed: dated only to a quarter or year. Circle size: " + B.words(state.metric) + " over all dates."));
  }
  // weight is what a line carries as of the slider: people, money or events.
  function weight(e, k) {
    var n = 0, stands = 0, people = 0, unknown = 0, parts = 0, money = {}, events = {}, coarse = true;
    e.g.r.forEach(function (ri) {
      var r = D.rels[ri];
      if (!B.passes(r)) return;
      n++;
      if (k[ri]) stands++;
      if (r.p === "day" || r.p === "month") coarse = false;
      events[r.ev || r.id] = 1;
      // A part of a counted group weighs nothing here (analysis.Layer.Weight):
      // its people are on the group's line.
      if (r.t in PEOPLE && k[ri] && r.po) parts++;
      else if (r.t in PEOPLE && k[ri]) { if (r.cv) people += r.cv; else unknown++; }
      if (r.t === "paid" && k[ri]) money[r.cu] = (money[r.cu] || 0) + r.av;
    });
    // An event is in the window when the claim standing for it is (as
    // the analysis counts it): alternative accounts alone draw no line.
    if (!stands) n = 0;
    var ev = Object.keys(events).length, text, size;
    if (e.g.t in PEOPLE) {
      text = B.fmt(people) + " people" + (unknown ? " and " + B.plural(unknown, "group") + " of unknown size" : "") +
        (parts ? "; " + B.plural(parts, "claim") + " counted within a larger group" : "");
      size = people;
    } else if (e.g.t === "paid") {
      text = B.moneyText(money) || "amount not given";
      size = 0;
      for (var c in money) size += money[c];
    } else {
      text = B.plural(ev, "event");
      size = ev;
    }
    return {n: n, coarse: coarse, text: text, size: size};
  }
  function update() {
    var live = {}, max = {};
    var k = B.panels.current().counted;
    var ws = netEdges.map(function (e) { var w = weight(e, k); if (w.n) max[e.g.t] = Math.max(max[e.g.t] || 0, w.size); return w; });
    netEdges.forEach(function (e, i) {
      var w = ws[i];
      if (w.n) live[e.g.f] = live[e.g.o] = 1;
      var text = B.words(e.g.t) + ": " + B.name(e.g.f) + " to " + B.name(e.g.o) + ", " + w.text;
      if (text !== e.text) { e.text = text; e.title.textContent = text; e.node.setAttribute("aria-label", text); }
      if (w.n === e.n && w.coarse === e.coarse && !(e.g.t in PEOPLE) && e.g.t !== "paid") return;
      e.n = w.n;
      e.coarse = w.coarse;
      if (!w.n) { e.node.setAttribute("visibility", "hidden"); return; }
      e.node.setAttribute("visibility", "visible");
      // Square-root scale within a type, 1 to 8 px, so a line of 5,400
      // people is wider than one of 300 without hiding the small ones.
      var width = (1 + 7 * Math.sqrt(max[e.g.t] ? w.size / max[e.g.t] : 0)).toFixed(1);
      if (width !== e.w) { e.w = width; e.node.setAttribute("stroke-width", width); }
      e.node.classList.toggle("coarse", w.coarse);
    });
    netNodes.forEach(function (x) {
      var on = !!live[x.id];
      if (on !== x.live) { x.live = on; x.node.classList.toggle("off", !on); }
    });
  }
  return {build: build, update: update};
})();
