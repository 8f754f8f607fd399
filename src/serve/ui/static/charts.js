// Ticker page charts (TradingView Lightweight Charts, served locally). Data comes from the
// <script type="application/json" id="chart-data"> island rendered by the server: no inline script.
// The library's own logo injects a <style> element (refused by our CSP), so it is off and the page
// carries the TradingView attribution notice and link as text instead (NOTICE requirement).
(function () {
  "use strict";
  var island = document.getElementById("chart-data");
  var LWC = window.LightweightCharts;
  if (!island || !LWC) return;
  var data;
  try { data = JSON.parse(island.textContent || "{}"); } catch (err) { return; }
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var text = dark ? "#e6e9ee" : "#1b1f24";
  var grid = dark ? "#2c333c" : "#e7ebef";
  var base = {
    autoSize: true,
    layout: { background: { type: "solid", color: "transparent" }, textColor: text, attributionLogo: false },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
    timeScale: { borderColor: grid },
    rightPriceScale: { borderColor: grid },
  };
  function colourFor(direction) {
    if (direction === "positive") return "#1a7f37";
    if (direction === "negative") return "#cf222e";
    return "#9a6700";
  }

  // Every calendar day from the first to the last given day (at most 800), as YYYY-MM-DD.
  function everyDay(list) {
    if (!list.length) return [];
    var sorted = list.slice().sort();
    var out = [];
    var d = new Date(sorted[0] + "T00:00:00Z");
    var end = new Date(sorted[sorted.length - 1] + "T00:00:00Z");
    while (d <= end && out.length < 800) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return end.toISOString().slice(0, 10) === out[out.length - 1] ? out : sorted;
  }

  var priceEl = document.getElementById("price-chart");
  if (priceEl && data.prices && data.prices.length > 1) {
    var chart = LWC.createChart(priceEl, base);
    var candles = chart.addSeries(LWC.CandlestickSeries, {
      upColor: "#1a7f37", downColor: "#cf222e", borderVisible: false, wickUpColor: "#1a7f37", wickDownColor: "#cf222e",
    });
    candles.setData(data.prices);
    var byDay = {};
    var markers = (data.markers || []).map(function (m) {
      byDay[m.time] = m.id;
      return {
        time: m.time,
        position: m.direction === "positive" ? "belowBar" : "aboveBar",
        color: colourFor(m.direction),
        shape: m.direction === "positive" ? "arrowUp" : m.direction === "negative" ? "arrowDown" : "circle",
        text: (Math.round(m.impact * 100) / 100).toFixed(2),
        size: 1 + Math.round(m.impact * 2),
      };
    });
    if (markers.length) LWC.createSeriesMarkers(candles, markers);
    chart.subscribeClick(function (param) {
      if (param && param.time && byDay[param.time]) window.location.href = "/news/" + encodeURIComponent(byDay[param.time]);
    });
    chart.timeScale().fitContent();
    priceEl.setAttribute("data-drawn", "true");
  }

  var seriesEl = document.getElementById("series-chart");
  if (seriesEl && data.series && data.series.length) {
    var c2 = LWC.createChart(seriesEl, Object.assign({}, base, {
      leftPriceScale: { visible: true, borderColor: grid },
      rightPriceScale: { visible: true, borderColor: grid },
    }));
    var impact = c2.addSeries(LWC.HistogramSeries, { color: "#c4321f", priceScaleId: "right", priceFormat: { type: "price", precision: 2, minMove: 0.01 } });
    // Days without news become whitespace points, so bars keep a day's width and gaps show.
    var days = everyDay(data.series.map(function (p) { return p.time; }));
    var byTime = {};
    data.series.forEach(function (p) { byTime[p.time] = p; });
    impact.setData(days.map(function (d) { return byTime[d] ? { time: d, value: byTime[d].maxImpact } : { time: d }; }));
    var sent = c2.addSeries(LWC.LineSeries, { color: "#0b5cad", lineWidth: 2, priceScaleId: "left", priceFormat: { type: "price", precision: 2, minMove: 0.01 } });
    sent.setData(days.map(function (d) { return byTime[d] ? { time: d, value: byTime[d].avgSentiment } : { time: d }; }));
    c2.timeScale().fitContent();
    seriesEl.setAttribute("data-drawn", "true");
  }
})();
