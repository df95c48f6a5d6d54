// Controls, the story and the start: every control changes state and
// calls one redraw, so every panel follows.
(function () {
  var D = B.D, $ = B.$, el = B.el, state = B.state, M = D.meta;
  $("provenance").textContent = M.dataset + " " + M.dataset_version + " · sha256 " + M.content_hash + " · " + M.tool + " · window: " + M.window;
  var slider = $("month");
  slider.max = D.snapshots.length - 1;
  D.layers.forEach(function (l, i) { $("layer").appendChild(el("option", {value: i}, l.name)); });
  B.METRICS.forEach(function (m) { $("metric").appendChild(el("option", {value: m}, B.words(m))); });
  Object.keys(D.profiles).sort(function (a, b) { return B.name(a).localeCompare(B.name(b)); }).forEach(function (c) {
    $("country").appendChild(el("option", {value: c}, B.name(c)));
  });
  Object.keys(D.sources).sort().forEach(function (k) {
    var s = D.sources[k];
    $("fSource").appendChild(el("option", {value: k}, s.p + ": " + s.t.slice(0, 60)));
  });
  var boxes = {};
  function checkboxes(box, values, into) {
    values.forEach(function (v) {
      var id = box.id + "-" + v, cb = el("input", {type: "checkbox", id: id, checked: ""}), lab = el("label", {"for": id});
      cb.addEventListener("change", function () { into[v] = cb.checked; B.panels.redraw(); });
      boxes[id] = cb;
      lab.appendChild(cb);
      lab.appendChild(document.createTextNode(" " + B.words(v)));
      box.appendChild(lab);
    });
  }
  var seen = {t: {}, s: {}, cf: {}};
  D.rels.forEach(function (r) { seen.t[r.t] = 1; seen.s[r.s || "none"] = 1; seen.cf[r.cf] = 1; });
  checkboxes($("fType"), D.types.map(function (t) { return t.name; }).filter(function (t) { return seen.t[t]; }), state.types);
  checkboxes($("fStatus"), D.statuses.map(function (t) { return t.name; }).concat(["none"]).filter(function (t) { return seen.s[t]; }), state.statuses);
  checkboxes($("fConf"), ["confirmed", "reported", "claimed"].filter(function (t) { return seen.cf[t]; }), state.confs);
  function setFilter(kind, value, on) {
    var into = {type: state.types, status: state.statuses, conf: state.confs}[kind], id = {type: "fType", status: "fStatus", conf: "fConf"}[kind] + "-" + value;
    if (!into) return;
    into[value] = on;
    if (boxes[id]) boxes[id].checked = on;
  }
  function clearFilters() {
    ["type", "status", "conf"].forEach(function (k) {
      var into = {type: state.types, status: state.statuses, conf: state.confs}[k];
      for (var v in into) setFilter(k, v, true);
    });
    state.source = "";
    $("fSource").value = "";
  }
  function layerIndex(nm) { for (var i = 0; i < D.layers.length; i++) if (D.layers[i].name === nm) return i; return -1; }
  function monthIndex(m) { var i = D.months.indexOf(m); return i < 0 ? D.snapshots.length - 1 : i; }
  function setLayer(i) { if (i >= 0 && i !== state.layer) { state.layer = i; $("layer").value = i; B.net.build(); B.tables.hubs(); } }

  // The story: steps saved in the file (D.story), stepped like slides.
  var story = D.story || [];
  function showStep(i) {
    if (!story.length) return;
    state.story = Math.max(0, Math.min(story.length - 1, i));
    var s = story[state.story];
    clearFilters();
    if (s.types && s.types.length) for (var t in state.types) setFilter("type", t, s.types.indexOf(t) >= 0);
    state.pos = s.month ? monthIndex(s.month) : D.snapshots.length - 1;
    if (s.measure) { state.measure = s.measure; $("measure").value = s.measure; }
    if (s.layer) setLayer(layerIndex(s.layer));
    $("storyText").textContent = s.text;
    $("storyPos").textContent = "Step " + (state.story + 1) + " of " + story.length;
    $("storyPrev").disabled = state.story === 0;
    $("storyNext").disabled = state.story === story.length - 1;
    B.panels.redraw();
    if (s.select) B.panels.showProfile(s.select, true);
  }
  if (story.length) {
    $("story").hidden = false;
    $("storyPrev").addEventListener("click", function () { showStep(state.story - 1); });
    $("storyNext").addEventListener("click", function () { showStep(state.story + 1); });
    $("storyStart").addEventListener("click", function () { showStep(0); });
  }

  slider.addEventListener("input", function () { state.pos = +slider.value; B.panels.redraw(); });
  $("measure").addEventListener("change", function () { state.measure = this.value; B.panels.redraw(); });
  $("layer").addEventListener("change", function () { setLayer(+this.value); B.panels.redraw(); });
  $("metric").addEventListener("change", function () { state.metric = this.value; B.net.build(); B.panels.redraw(); });
  $("country").addEventListener("change", function () { if (this.value) B.panels.showProfile(this.value); });
  $("fSource").addEventListener("change", function () { state.source = this.value; B.panels.redraw(); });
  var timer = null;
  $("play").addEventListener("click", function () {
    var b = this;
    if (timer) { clearInterval(timer); timer = null; b.textContent = "Play"; b.setAttribute("aria-pressed", "false"); return; }
    if (state.pos >= D.snapshots.length - 1) state.pos = -1;
    b.textContent = "Pause"; b.setAttribute("aria-pressed", "true");
    timer = setInterval(function () {
      state.pos++;
      B.panels.redraw();
      if (state.pos >= D.snapshots.length - 1) { clearInterval(timer); timer = null; b.textContent = "Play"; b.setAttribute("aria-pressed", "false"); }
    }, 800);
  });

  // Opening with a fragment restores the view it names.
  function restore() {
    var h = B.readHash();
    if (h.m) state.pos = monthIndex(h.m);
    if (h.map) { state.measure = h.map; $("measure").value = h.map; }
    if (h.layer) setLayer(layerIndex(h.layer));
    if (h.size && B.METRICS.indexOf(h.size) >= 0) { state.metric = h.size; $("metric").value = h.size; }
    (h.off || "").split(",").forEach(function (x) { var p = x.split(":"); if (p.length === 2) setFilter(p[0], p[1], false); });
    if (h.src && D.sources[h.src]) { state.source = h.src; $("fSource").value = h.src; }
    if (h.view) { var v = h.view.split(",").map(Number); if (v.length === 4 && v.every(isFinite)) B.map.setView(v, true); }
    return h;
  }
  B.tables.statics();
  B.tables.hubs();
  B.net.build();
  var h = restore();
  if (h.step && story.length) showStep(+h.step - 1);
  else B.panels.redraw();
  if (h.sel && (D.actors[h.sel])) B.panels.showProfile(h.sel, true);
  // Printing shows every pattern's evidence, not only the opened ones.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.match"), function (d) { return !d.open; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });
  document.body.setAttribute("data-ready", "1");
  // When the first frame after drawing has been painted: the benchmark
  // reads this as the time from opening the file to the first full render.
  requestAnimationFrame(function () { setTimeout(function () { document.body.setAttribute("data-rendered", performance.now().toFixed(1)); }, 0); });
  window.leverageBriefing = {compute: B.compute, live: B.live, state: state, showStep: showStep, redraw: B.panels.redraw};
})();
