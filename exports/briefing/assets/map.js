// The map: shapes once; fills, markers, labels and arcs per redraw. Zoom
// and pan change the viewBox; markers and labels keep their size on
// screen, so Panama or Eswatini stay visible and clickable at world scale.
B.map = (function () {
  var D = B.D, $ = B.$, el = B.el, state = B.state;
  var map = $("map"), shapeOf = {};
  var full = [0, 0, D.map.w, D.map.h];
  var shapes = el("svg:g", {"class": "shapes"}), arcLayer = el("svg:g", {"class": "arcs"});
  var markLayer = el("svg:g", {"class": "marks"}), labelLayer = el("svg:g", {"class": "labels"});
  map.appendChild(shapes);
  map.appendChild(arcLayer);
  map.appendChild(markLayer);
  map.appendChild(labelLayer);
  D.map.shapes.forEach(function (s) {
    var node = s.d ? el("svg:path", {d: s.d, "class": "country", "data-code": s.c})
      : el("svg:circle", {cx: s.x, cy: s.y, r: 3, "class": "standin country", "data-code": s.c});
    node.setAttribute("aria-label", B.name(s.c));
    var t = el("svg:title", {}, B.name(s.c));
    node.appendChild(t);
    B.activate(node, function () { B.panels.showProfile(s.c); });
    shapes.appendChild(node);
    shapeOf[s.c] = {node: node, x: s.x, y: s.y, title: t, standin: !s.d};
  });
  // One arc per presser and pressed country, shown while any of its
  // approaches passes the month and the filters.
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

  var view = full.slice();
  map.setAttribute("viewBox", full.join(" "));
  function scale() { var w = map.getBoundingClientRect().width || 800; return w / view[2]; }
  function setView(v, keep) {
    var w = Math.max(D.map.w / 40, Math.min(D.map.w, v[2])), h = w * D.map.h / D.map.w;
    var x = Math.max(-w * 0.25, Math.min(D.map.w - w * 0.75, v[0])), y = Math.max(-h * 0.25, Math.min(D.map.h - h * 0.75, v[1]));
    view = [x, y, w, h];
    map.setAttribute("viewBox", view.map(function (n) { return n.toFixed(1); }).join(" "));
    state.view = w >= D.map.w - 0.5 ? null : view.slice();
    if (!keep) { decorate(); B.saveHash(); }
  }
  function zoomAt(f, cx, cy) {
    var w = view[2] / f, h = view[3] / f;
    setView([cx - (cx - view[0]) / f, cy - (cy - view[1]) / f, w, h]);
  }
  function toMap(ev) {
    var r = map.getBoundingClientRect();
    return [view[0] + (ev.clientX - r.left) / r.width * view[2], view[1] + (ev.clientY - r.top) / r.height * view[3]];
  }
  map.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toMap(ev);
    zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]);
  }, {passive: false});
  var drag = null;
  map.addEventListener("pointerdown", function (ev) { if (ev.button === 0) drag = {x: ev.clientX, y: ev.clientY, v: view.slice(), moved: false}; });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var r = map.getBoundingClientRect(), dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) setView([drag.v[0] - dx / r.width * view[2], drag.v[1] - dy / r.height * view[3], view[2], view[3]], true);
  });
  window.addEventListener("pointerup", function () { if (drag && drag.moved) { decorate(); B.saveHash(); } drag = null; });
  // A click that ended a drag is not a click on a country.
  map.addEventListener("click", function (ev) { if (drag && drag.moved) ev.stopPropagation(); }, true);
  function centre() { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }
  $("zoomIn").addEventListener("click", function () { var c = centre(); zoomAt(2, c[0], c[1]); });
  $("zoomOut").addEventListener("click", function () { var c = centre(); zoomAt(0.5, c[0], c[1]); });
  $("zoomReset").addEventListener("click", function () { setView(full); });
  // Zoom to the countries with data in a region: "Central America" is one
  // click, not a hunt with the wheel.
  function regionBox(region) {
    var xs = [], ys = [];
    for (var c in shapeOf) {
      var a = D.actors[c];
      if (a && a.r === region) { xs.push(shapeOf[c].x); ys.push(shapeOf[c].y); }
    }
    if (!xs.length) return null;
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var w = Math.max((x1 - x0) * 1.5, D.map.w / 12), h = w * D.map.h / D.map.w;
    return [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h];
  }
  var regions = {};
  for (var c in D.actors) if (D.actors[c].r && shapeOf[c]) regions[D.actors[c].r] = 1;
  Object.keys(regions).sort().forEach(function (r) { $("zoomRegion").appendChild(el("option", {value: r}, r)); });
  $("zoomRegion").addEventListener("change", function () { var b = regionBox(this.value); if (b) setView(b); else setView(full); });

  var current = null;
  function value(cs, code) { return cs[code] ? cs[code][state.measure] : 0; }
  function fillOf(v, max) {
    if (state.measure === "latest") return v ? B.ANSWER_COLOUR[v] || "#BBBBBB" : "#ddd";
    return v > 0 ? B.BLUES[Math.min(4, Math.floor(Math.log(v) / Math.log(max + 1) * 5))] : "#ddd";
  }
  function measureText(cs, code) {
    var c = cs[code] || {};
    switch (state.measure) {
    case "latest": return c.latest ? B.ANSWER_WORDS[c.latest] || B.words(c.latest) : "";
    case "paid": return c.paid_in ? B.moneyText(c.paid_in) : "";
    case "received":
      if (!c.received && !c.unknown_size) return "";
      return B.fmt(c.received || 0) + " people" + (c.unknown_size ? " and " + B.plural(c.unknown_size, "reception") + " of unknown size" : "");
    default: return c.approached ? B.plural(c.approached, "approach") : "";
    }
  }
  // Markers and labels for the countries with a value, sized in screen
  // pixels: a circle of 5 px and 11 px text whatever the zoom.
  function decorate() {
    if (!current) return;
    var cs = current.countries, k = 1 / scale(), placed = [];
    markLayer.textContent = "";
    labelLayer.textContent = "";
    var codes = Object.keys(shapeOf).filter(function (c) { return measureText(cs, c); });
    codes.sort(function (a, b) { return (value(cs, b) > value(cs, a) ? 1 : value(cs, b) < value(cs, a) ? -1 : 0) || (a < b ? -1 : 1); });
    codes.forEach(function (code) {
      var s = shapeOf[code];
      var m = el("svg:circle", {cx: s.x, cy: s.y, r: (5 * k).toFixed(2), "class": "mark", "data-code": code, "stroke-width": (1 * k).toFixed(2)});
      m.style.fill = s.fill;
      m.appendChild(el("svg:title", {}, B.name(code) + ": " + measureText(cs, code)));
      B.activate(m, function () { B.panels.showProfile(code); });
      markLayer.appendChild(m);
      // Labels only inside the view and only where they do not overlap one
      // already placed, largest values first.
      if (s.x < view[0] || s.x > view[0] + view[2] || s.y < view[1] || s.y > view[1] + view[3]) return;
      var text = B.name(code), fs = 11 * k, w = text.length * fs * 0.55, box = [s.x + 7 * k, s.y - fs * 0.8, w, fs * 1.1];
      for (var i = 0; i < placed.length; i++) {
        var p = placed[i];
        if (box[0] < p[0] + p[2] && p[0] < box[0] + box[2] && box[1] < p[1] + p[3] && p[1] < box[1] + box[3]) return;
      }
      placed.push(box);
      labelLayer.appendChild(el("svg:text", {x: box[0].toFixed(1), y: (s.y + fs * 0.35).toFixed(1), "font-size": fs.toFixed(2),
        "stroke-width": (3 * k).toFixed(2), "class": "label", "data-code": code}, text));
    });
  }
  function draw(lv) {
    current = lv;
    var max = 0, cs = lv.countries;
    for (var c in cs) if (state.measure !== "latest") max = Math.max(max, cs[c][state.measure] || 0);
    for (var code in shapeOf) {
      var v = value(cs, code), fill = fillOf(v, max), sh = shapeOf[code], tip = B.name(code) + (measureText(cs, code) ? ": " + measureText(cs, code) : "");
      if (sh.fill !== fill) { sh.fill = fill; sh.node.style.fill = fill; }
      if (sh.tip !== tip) { sh.tip = tip; sh.title.textContent = tip; }
    }
    arcs.forEach(function (a) {
      var on = false;
      for (var i = 0; i < a.r.length && !on; i++) on = B.passes(D.rels[a.r[i]]);
      if (on !== a.on) { a.on = on; a.node.setAttribute("visibility", on ? "visible" : "hidden"); }
    });
    decorate();
    offMap();
    legend(cs, max);
  }
  function offMap() {
    var off = $("offmap"), items = {};
    off.textContent = "";
    off.appendChild(el("h3", {}, "Not on the map"));
    D.rels.forEach(function (r) {
      if (!B.passes(r)) return;
      [r.f, r.o].forEach(function (c) { if (!shapeOf[c]) items[c] = (items[c] || 0) + 1; });
    });
    var ul = el("ul");
    Object.keys(items).sort().forEach(function (c) {
      var li = el("li"), b = el("a", {href: "#details"}, B.name(c));
      b.addEventListener("click", function (ev) { ev.preventDefault(); B.panels.showProfile(c); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(" — " + B.plural(items[c], "claim")));
      ul.appendChild(li);
    });
    off.appendChild(ul);
  }
  function legend(cs, max) {
    var lg = $("mapLegend");
    lg.textContent = "";
    if (state.measure === "latest") {
      var shown = {};
      for (var k in cs) if (cs[k].latest) shown[cs[k].latest] = (shown[cs[k].latest] || 0) + 1;
      lg.appendChild(el("span", {}, "Colour: the pressed government's latest answer —"));
      D.statuses.map(function (x) { return x.name; }).concat(["disputed", "no_answer"]).filter(function (x) { return shown[x]; }).forEach(function (s) {
        var it = el("span", {"data-answer": s});
        it.appendChild(el("span", {"class": "sw", style: "background:" + (B.ANSWER_COLOUR[s] || "#BBBBBB")}));
        it.appendChild(document.createTextNode(B.ANSWER_WORDS[s] || B.words(s)));
        it.appendChild(el("span", {"class": "n"}, " (" + shown[s] + ")"));
        lg.appendChild(it);
      });
    } else {
      var unit = {received: "people received", approached: "approaches", paid: "money received (" + currencies(cs) + ")"}[state.measure];
      var it = el("span", {}, "Colour: " + unit + " — ");
      it.appendChild(document.createTextNode("fewer "));
      B.BLUES.forEach(function (b) { it.appendChild(el("span", {"class": "sw", style: "background:" + b})); });
      it.appendChild(document.createTextNode(" more (log scale; highest " + B.fmt(max) + ")"));
      lg.appendChild(it);
    }
    var dot = el("span"); dot.appendChild(el("span", {"class": "dot"})); dot.appendChild(document.createTextNode("marker: a country with a value (small states too)"));
    lg.appendChild(dot);
    var arcKey = el("span"); arcKey.appendChild(el("span", {"class": "ln", style: "border-color:#333"})); arcKey.appendChild(document.createTextNode("arc: an approach, from the pressing to the pressed government"));
    lg.appendChild(arcKey);
  }
  function currencies(cs) {
    var seen = {};
    for (var c in cs) for (var cur in cs[c].paid_in || {}) seen[cur] = 1;
    var list = Object.keys(seen).sort();
    return list.length ? list.join(", ") + (list.length > 1 ? "; shaded by face value, never converted" : "") : "none";
  }
  function select(code) { for (var c in shapeOf) shapeOf[c].node.classList.toggle("selected", c === code); }
  return {draw: draw, select: select, setView: setView, full: full, has: function (c) { return !!shapeOf[c]; }};
})();
