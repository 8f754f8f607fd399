// Ticker page charts (TradingView Lightweight Charts, served locally). Data comes from the
// <script type="application/json" id="chart-data"> island rendered by the server: no inline script.
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
    layout: { background: { type: "solid", color: "transparent" }, textColor: text, attributionLogo: true },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
    timeScale: { borderColor: grid },
    rightPriceScale: { borderColor: grid },
  };
  function colourFor(direction) {
    if (direction === "positive") return "#1a7f37";
    if (direction === "negative") return "#cf222e";
    return "#9a6700";
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
        position: m.direction === "negative" ? "belowBar" : "aboveBar",
        color: colourFor(m.direction),
        shape: m.direction === "negative" ? "arrowUp" : m.direction === "positive" ? "arrowDown" : "circle",
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
    impact.setData(data.series.map(function (p) { return { time: p.time, value: p.maxImpact }; }));
    var sent = c2.addSeries(LWC.LineSeries, { color: "#0b5cad", lineWidth: 2, priceScaleId: "left", priceFormat: { type: "price", precision: 2, minMove: 0.01 } });
    sent.setData(data.series.map(function (p) { return { time: p.time, value: p.avgSentiment }; }));
    c2.timeScale().fitContent();
    seriesEl.setAttribute("data-drawn", "true");
  }
})();
