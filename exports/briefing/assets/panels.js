// Panels: the summary, the counts, details, tables, the story and the
// wiring that keeps every panel on one state (slider, filters, selection).
B.panels = (function () {
  var D = B.D, $ = B.$, el = B.el, state = B.state, M = D.meta, fmt = B.fmt, name = B.name;

  function linkTo(text, indices, title) {
    var a = el("a", {href: "#details", "class": "claims-link"}, text);
    a.addEventListener("click", function (ev) { ev.preventDefault(); showClaims(title, indices); });
    return a;
  }
  function sentence(key, parts) {
    var li = el("li", {"data-summary": key});
    parts.forEach(function (p) { li.appendChild(typeof p === "string" ? document.createTextNode(p) : p); });
    return li;
  }
  function countries(list) {
    return list.map(function (x) { return name(x[0]) + (x[1] ? " (" + x[1] + ")" : ""); }).join(", ");
  }
  // The summary: what this shows, as of the slider and with the filters,
  // from the same numbers the counts bar shows.
  function drawSummary(lv) {
    var box = $("summary"), ul = el("ul");
    box.textContent = "";
    box.appendChild(el("h2", {}, "What this shows — " + (state.pos < D.months.length ? "as of the end of " + B.monthLabel(state.pos) : "all dates") +
      (B.filtered() ? ", with filters" : "")));
    // The campaign's claims only (the dataset names its campaign actors);
    // other pressing states' claims are counted apart, as the analysis
    // keeps them out of the campaign's totals.
    var by = {approached: [], received: [], paid: [], blocked: [], lifted: [], other: []}, pressers = {}, pressed = {};
    lv.idx.forEach(function (i) {
      var r = D.rels[i];
      if (!r.cp && (r.t === "approached" || r.t === "removal_blocked" || r.t === "paid")) { by.other.push(i); return; }
      if (r.t === "approached" && B.isCountry(r.o)) { by.approached.push(i); pressers[r.f] = (pressers[r.f] || 0) + 1; pressed[r.o] = 1; }
      if (r.rc) by.received.push(i);
      if (r.t === "paid") by.paid.push(i);
      if (r.t === "removal_blocked") by[r.s === "block_lifted" ? "lifted" : "blocked"].push(i);
    });
    var top = Object.keys(pressers).sort(function (a, b) { return pressers[b] - pressers[a] || (a < b ? -1 : 1); })[0];
    var n = Object.keys(pressed).length;
    if (n) ul.appendChild(sentence("pressed", [(top ? name(top) : "Governments") + " approached ", el("b", {}, fmt(n)),
      " named governments to accept deportees who are not their citizens. ",
      linkTo(B.plural(by.approached.length, "claim"), by.approached, "Approaches")]));
    var answers = {}, answerIdx = [];
    for (var c in lv.countries) if (lv.countries[c].latest && B.isCountry(c)) (answers[lv.countries[c].latest] = answers[lv.countries[c].latest] || []).push(c);
    // The answer states beside the statuses (analysis.Answer.Label):
    // conflicting answers in force are disputed; none is no answer reported.
    var parts = D.statuses.map(function (s) { return s.name; }).concat(["disputed", "no_answer"]).filter(function (s) { return answers[s]; }).map(function (s) {
      return answers[s].length + " " + (B.ANSWER_WORDS[s] || B.words(s));
    });
    by.approached.forEach(function (i) { if (answers[D.rels[i].s]) answerIdx.push(i); });
    var yes = (answers.agreed || []).concat(answers.completed || [], answers.conditional || []);
    if (parts.length) ul.appendChild(sentence("answers", ["Latest answers: ", el("b", {}, parts.join(", ")), ". " +
      (yes.length ? "Agreed: " + countries(yes.sort().map(function (c) { return [c]; })) + ". " : ""), linkTo("the claims", answerIdx, "Answers")]));
    var recv = Object.keys(lv.countries).filter(function (c) { return lv.countries[c].received || lv.countries[c].unknown_size; });
    recv.sort(function (a, b) { return (lv.countries[b].received || 0) - (lv.countries[a].received || 0) || (a < b ? -1 : 1); });
    if (recv.length) ul.appendChild(sentence("people", ["At least ", el("b", {}, fmt(lv.people)), " people were received in " + B.plural(recv.length, "third country").replace("countrys", "countries") +
      (lv.unknown ? ", plus " + B.plural(lv.unknown, "reception") + " of unknown size" : "") + "; most in " +
      countries(recv.slice(0, 3).map(function (c) { return [c, fmt(lv.countries[c].received || 0)]; })) + ". ", linkTo(B.plural(by.received.length, "claim"), by.received, "Receptions")]));
    var payees = Object.keys(lv.countries).filter(function (c) { return lv.countries[c].paid_in; }).sort();
    if (payees.length) ul.appendChild(sentence("money", ["Paid to receiving governments: ", el("b", {}, payees.map(function (c) {
      return name(c) + " " + B.moneyText(lv.countries[c].paid_in); }).join("; ")), ". ", linkTo(B.plural(by.paid.length, "claim"), by.paid, "Payments")]));
    var blocked = {};
    by.blocked.forEach(function (i) { blocked[D.rels[i].o] = 1; });
    if (by.blocked.length) ul.appendChild(sentence("courts", ["Courts blocked removals to ", el("b", {}, B.plural(Object.keys(blocked).length, "country").replace("countrys", "countries")),
      " (" + Object.keys(blocked).sort().map(name).join(", ") + ")" + (by.lifted.length ? "; " + B.plural(by.lifted.length, "block") + " later lifted" : "") + ". ",
      linkTo(B.plural(by.blocked.length + by.lifted.length, "claim"), by.blocked.concat(by.lifted), "Court rulings")]));
    if (by.other.length) ul.appendChild(sentence("other", ["Other pressing states' approaches, payments and court cases are kept apart: ",
      linkTo(B.plural(by.other.length, "claim"), by.other, "Other pressing states")]));
    if (!ul.childNodes.length) ul.appendChild(el("li", {}, "Nothing in this window."));
    box.appendChild(ul);
    box.appendChild(el("p", {"class": "hint"}, "Each number counts events once (alternative accounts of one event are not added); sizes no source gives are left out of sums and counted apart. Click a link for the claims and their sources."));
  }

  function drawCounts(lv) {
    var c = $("counts"), l = D.layers[state.layer].name;
    c.textContent = "";
    c.appendChild(el("strong", {"class": "asof"}, (state.pos < D.months.length ? "As of " : "Over ") + B.monthLabel(state.pos) + (B.filtered() ? " (filtered)" : "") + ":"));
    [["relationships", lv.relationships, "claims"], ["nodes", lv.nodes[l], "governments in the " + l + " network"],
      ["edges", lv.edges[l], "ties between them"], ["matches", lv.matches, "pattern matches" + (B.filtered() ? " (all claims)" : "")],
      ["people", lv.people, "or more people received in third countries (each event once; planned flights and own citizens excluded)" +
        (lv.unknown ? ", plus " + B.plural(lv.unknown, "reception") + " of unknown size" : "")],
      ["payments", lv.payments, "payments made"], ["agreements", lv.agreements, "agreements, in the pressed country's own account" + (B.filtered() ? " (all claims)" : "")]].forEach(function (x) {
      var s = el("span", {"data-count": x[0]}); s.appendChild(el("b", {}, fmt(x[1]))); s.appendChild(document.createTextNode(x[2])); c.appendChild(s);
    });
    if (lv.coarse) c.appendChild(el("span", {"class": "coarse"}, "of which " + lv.coarse + " dated only to a quarter or year"));
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
    box.appendChild(el("div", {"class": "head"}, B.words(r.t) + ": " + name(r.f) + " → " + name(r.o)));
    var m = [B.dateText(r), r.s && "status " + B.words(r.s), r.i && "instrument " + B.words(r.i),
      B.countText(r), B.amountText(r), "confidence " + r.cf].filter(Boolean).join(" · ");
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
      wrap.appendChild(el("h4", {}, "Alternative accounts of one event (" + k + ")"));
      wrap.appendChild(alts);
    });
    return wrap;
  }
  function details(title) {
    var d = $("details");
    d.textContent = "";
    d.removeAttribute("data-code");
    d.appendChild(el("h2", {}, title));
    return d;
  }
  var shown = null; // what the details panel shows, redrawn on every change
  function showClaims(title, indices, quiet) {
    shown = {kind: "claims", title: title, indices: indices};
    var d = details(title);
    d.appendChild(el("p", {}, B.plural(indices.length, "claim") + ", " + (state.pos < D.months.length ? "as of " : "over ") + B.monthLabel(state.pos)));
    d.appendChild(claimList(indices));
    if (!quiet) d.focus();
  }
  function showGroup(gi, quiet) {
    shown = {kind: "group", gi: gi};
    var g = D.groups[gi], d = details(B.words(g.t) + ": " + name(g.f) + " → " + name(g.o));
    var idx = g.r.filter(function (ri) { return B.passes(D.rels[ri]); });
    $("country").value = "";
    d.appendChild(el("p", {}, B.plural(idx.length, "claim") + ", " + (state.pos < D.months.length ? "as of " : "over ") + B.monthLabel(state.pos)));
    d.appendChild(claimList(idx));
    if (!quiet) d.focus();
  }
  // showProfile's header is the country's state as of the slider, from the
  // same live numbers as the map, so April's payment is not shown in March.
  function showProfile(code, quiet) {
    shown = {kind: "profile", code: code};
    state.selected = code;
    B.map.select(code);
    var p = D.profiles[code], d = details(name(code) + " (" + code + ")"), lv = live, c = lv.countries[code] || {};
    d.setAttribute("data-code", code);
    var when = state.pos < D.months.length ? "as of " + B.monthLabel(state.pos) : "all dates";
    var dl = el("dl", {"class": "about"});
    [["Region", p && p.region || ""], ["Latest answer (" + when + ")", c.latest ? B.ANSWER_WORDS[c.latest] || B.words(c.latest) : "none reported"],
      ["People received (" + when + ")", (c.received || c.unknown_size) ? fmt(c.received || 0) + (c.unknown_size ? " and " + B.plural(c.unknown_size, "reception") + " of unknown size" : "") : "none recorded"],
      ["Money received (" + when + ")", B.moneyText(c.paid_in) || "none recorded"],
      ["Instruments (all dates)", p && (p.instruments || []).map(B.words).join(", ") || "none recorded"],
      ["Patterns (all dates)", p && (p.patterns || []).map(B.words).join(", ") || "none"]].forEach(function (x) {
      dl.appendChild(el("dt", {}, x[0])); dl.appendChild(el("dd", {"data-field": x[0].split(" (")[0]}, x[1]));
    });
    d.appendChild(dl);
    var idx = [];
    D.rels.forEach(function (r, i) { if ((r.f === code || r.o === code) && B.passes(r)) idx.push(i); });
    d.appendChild(el("h3", {}, B.plural(idx.length, "claim") + ", " + when));
    d.appendChild(claimList(idx));
    $("country").value = D.profiles[code] ? code : "";
    if (!quiet) d.focus();
    B.saveHash();
  }
  function refreshDetails() {
    if (!shown) return;
    if (shown.kind === "profile") showProfile(shown.code, true);
    else if (shown.kind === "group") showGroup(shown.gi, true);
    else showClaims(shown.title, shown.indices.filter(function (i) { return B.passes(D.rels[i]); }), true);
  }

  var live = null;
  function redraw() {
    live = B.live();
    $("month").value = state.pos;
    $("monthLabel").textContent = B.monthLabel(state.pos);
    drawSummary(live);
    drawCounts(live);
    B.map.draw(live);
    B.net.update();
    refreshDetails();
    B.saveHash();
  }
  return {redraw: redraw, showProfile: showProfile, showGroup: showGroup, showClaims: showClaims, sourceList: sourceList,
    current: function () { return live; }};
})();
