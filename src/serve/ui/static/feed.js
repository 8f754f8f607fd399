// Live updates of the feed: listens to /api/v1/stream (Server-Sent Events) with the page's filters and
// inserts each new article as a row. Untrusted data only ever goes through textContent and
// setAttribute on safe attributes (never innerHTML); links are built from encoded ids.
(function () {
  "use strict";
  var status = document.getElementById("live-status");
  var list = document.getElementById("feed");
  if (!status || !list || typeof EventSource !== "function") return;

  function band(s) {
    if (s >= 0.8) return "extreme";
    if (s >= 0.55) return "high";
    if (s >= 0.3) return "medium";
    if (s >= 0.12) return "low";
    return "minimal";
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmtScore(s) { return (Math.round(s * 100) / 100).toFixed(2); }
  function view(data) {
    // Accepts the API's summary view, or a record with its enrichment.
    var a = data && data.article ? data.article : data;
    if (!a || typeof a.id !== "string") return null;
    var e = a.enrichment || null;
    var impact = a.impact ? a.impact.score : e ? e.impact.score : null;
    var tickers = a.tickers || (e ? e.tickers : []) || [];
    var topics = a.topics || (e ? e.topics : []) || [];
    return { id: a.id, seq: a.seq, title: String(a.title || "(untitled)"), source: a.source ? String(a.source) : "",
      when: a.publishedAt || a.firstSeenAt || "", impact: typeof impact === "number" ? impact : null,
      tickers: tickers.filter(function (t) { return t && typeof t.symbol === "string" && (t.role !== "mentioned" || t.relevance >= 0.5); }).slice(0, 6),
      topics: topics.filter(function (t) { return t && typeof t.id === "string"; }).slice(0, 4) };
  }
  function row(v) {
    var li = el("li", "row is-new");
    li.setAttribute("data-id", v.id);
    var badge;
    if (v.impact === null) { badge = el("span", "badge badge-none", "–"); }
    else {
      badge = el("span", "badge badge-" + band(v.impact));
      badge.setAttribute("title", "Market impact " + fmtScore(v.impact) + " (" + band(v.impact) + ")");
      badge.appendChild(el("span", "visually-hidden", "Market impact "));
      badge.appendChild(document.createTextNode(fmtScore(v.impact)));
    }
    li.appendChild(badge);
    var main = el("div", "row-main");
    var a = el("a", "row-title", v.title);
    a.setAttribute("href", "/news/" + encodeURIComponent(v.id));
    main.appendChild(a);
    var meta = el("div", "row-meta");
    var t = el("time", null, "just now");
    if (v.when) t.setAttribute("datetime", v.when);
    meta.appendChild(t);
    if (v.source) { meta.appendChild(document.createTextNode(" · ")); meta.appendChild(el("span", "source", v.source)); }
    main.appendChild(meta);
    if (v.tickers.length || v.topics.length) {
      var chips = el("div", "row-chips");
      v.tickers.forEach(function (tk) {
        var c = el("a", "chip", tk.symbol);
        c.setAttribute("href", "/ticker/" + encodeURIComponent(tk.symbol));
        if (tk.name) c.setAttribute("title", String(tk.name));
        chips.appendChild(c);
      });
      v.topics.forEach(function (tp) {
        var g = el("a", "tag", tp.label || tp.id);
        g.setAttribute("href", "/topic/" + encodeURIComponent(tp.id));
        chips.appendChild(g);
      });
      main.appendChild(chips);
    }
    li.appendChild(main);
    return li;
  }
  function insert(v) {
    var old = list.querySelector('li[data-id="' + (window.CSS && CSS.escape ? CSS.escape(v.id) : v.id.replace(/["\\]/g, "")) + '"]');
    var li = row(v);
    if (old) { list.replaceChild(li, old); return; }
    var sortImpact = status.getAttribute("data-sort") === "impact";
    var before = list.firstElementChild;
    if (sortImpact && v.impact !== null) {
      var rows = list.querySelectorAll("li.row");
      before = null;
      for (var i = 0; i < rows.length; i++) {
        var b = rows[i].querySelector(".badge");
        var s = b ? parseFloat(b.textContent.replace(/[^0-9.]/g, "")) : 0;
        if (!(s >= v.impact)) { before = rows[i]; break; }
      }
    }
    list.insertBefore(li, before);
    var empty = document.querySelector(".feed-section .empty");
    if (empty) empty.remove();
    received += 1;
    status.textContent = received + " new article" + (received === 1 ? "" : "s") + " since you opened this page · live";
  }

  var received = 0;
  var filters = status.getAttribute("data-filters") || "";
  var url = status.getAttribute("data-stream") + (filters ? "?" + filters : "");
  var es = new EventSource(url);
  function onData(ev) {
    var data;
    try { data = JSON.parse(ev.data); } catch (err) { return; }
    var v = view(data);
    if (v) insert(v);
  }
  es.addEventListener("message", onData);
  es.addEventListener("article", onData);
  es.addEventListener("open", function () { status.setAttribute("data-live", "open"); });
  es.addEventListener("error", function () { status.setAttribute("data-live", "retrying"); });
})();
