// The tables: hubs, patterns, dependencies, timeline and About.
B.tables = (function () {
  var D = B.D, $ = B.$, el = B.el, state = B.state, M = D.meta, name = B.name;
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
  function hubs() {
    var sec = $("hubs"), l = D.layers[state.layer];
    sec.querySelectorAll(".scroll,p").forEach(function (n) { n.remove(); });
    sec.appendChild(el("p", {}, "The " + l.name + " network over all dates, ranked by PageRank; sort by any column. Groups and unspecified nationalities are left out: they are no single government that paths could run through. The ten highest are printed."));
    var cols = [{key: "node", title: "Government", show: function (r) { return name(r.node); }}];
    B.METRICS.forEach(function (k) { cols.push({key: k, title: B.words(k), num: true, show: num(k)}); });
    var wrap = el("div", {"class": "scroll"});
    var ranked = l.hubs.filter(function (h) { return B.isCountry(h.node); }).sort(function (a, b) { return b.pagerank - a.pagerank || (a.node < b.node ? -1 : 1); });
    wrap.appendChild(table(cols, ranked, true));
    sec.appendChild(wrap);
  }
  function statics() {
    var pat = $("patterns");
    D.catalogue.forEach(function (c) {
      var ms = D.matches.filter(function (m) { return m.pattern === c.name; });
      pat.appendChild(el("h3", {}, c.title + " — " + ms.length + (ms.length === 1 ? " match" : " matches")));
      pat.appendChild(el("p", {"class": "hint"}, c.definition));
      ms.forEach(function (m) {
        var det = el("details", {"class": "match"}), sum = el("summary", {}, name(m.country) + ": " + m.summary);
        det.appendChild(sum);
        var ul = el("ul");
        m.evidence.forEach(function (ri) { var e = D.rels[ri]; ul.appendChild(el("li", {}, B.dateText(e) + " " + B.words(e.t) + " " + name(e.f) + " → " + name(e.o) + (e.s ? " (" + B.words(e.s) + ")" : "") + ": " + e.n)); });
        det.appendChild(ul);
        det.appendChild(B.panels.sourceList(m.sources));
        pat.appendChild(det);
      });
    });
    var deps = $("deps");
    deps.appendChild(el("p", {"class": "hint"}, "Nationalities whose every recorded reception went to one receiving country."));
    deps.appendChild(table([{key: "nationality", title: "Nationality", show: function (r) { return name(r.nationality); }},
      {key: "receiver", title: "Only receiver", show: function (r) { return name(r.receiver); }},
      {key: "people", title: "People", num: true, show: function (r) { return B.fmt(r.people); }},
      {key: "evidence", title: "Claims", num: true, show: function (r) { return r.evidence.length; }}], D.deps || [], true));
    $("timeline").appendChild(el("p", {"class": "hint"}, "Events per month, all dates. Claims dated only to a quarter or a year have rows of their own (“month unknown”), never a month's."));
    var n = function (k) { return function (r) { return B.fmt(r[k] || 0); }; };
    $("timeline").appendChild(table([{key: "month", title: "Period", show: function (r) { return r.label || r.month; }},
      {key: "approaches", title: "Approaches", num: true, show: n("approaches")}, {key: "agreements", title: "Agreements", num: true, show: n("agreements")},
      {key: "receptions", title: "Receptions", num: true, show: n("receptions")}, {key: "people", title: "People", num: true, show: n("people")},
      {key: "payments", title: "Payments", num: true, show: n("payments")}, {key: "leverage", title: "Leverage", num: true, show: n("leverage")},
      {key: "court_blocks", title: "Court blocks", num: true, show: n("court_blocks")}], D.timeline || [], false));
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
  return {hubs: hubs, statics: statics};
})();
