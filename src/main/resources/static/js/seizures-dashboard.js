// Draws the seizure dashboard's charts from the series the page embeds (data-series); every
// figure was aggregated on the server over the seizures the signed-in user may read.
document.addEventListener("DOMContentLoaded", function () {
  var host = document.getElementById("seizure-charts");
  if (!host || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(host.getAttribute("data-series"));
  var colours = ["#005ea2", "#00a398", "#e5a000", "#b50909", "#54278f", "#5c5c5c", "#8b0a03"];
  var drawn = 0;

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) {
      canvas.chart = new Chart(canvas, config);
      drawn++;
    }
  }

  var months = data.monthly.map(function (r) { return r.period; });
  var methodSets = data.methods.map(function (m, i) {
    return {
      label: m, borderColor: colours[i], backgroundColor: colours[i], fill: false,
      data: data.monthly.map(function (r) { return r.byMethod[m].doses; })
    };
  });
  methodSets.push({
    label: "best available", borderColor: colours[4], backgroundColor: colours[4], borderDash: [6, 4],
    data: data.monthly.map(function (r) { return r.best.doses; })
  });
  chart("chart-doses", { type: "line", data: { labels: months, datasets: methodSets },
    options: { animation: false, scales: { y: { title: { display: true, text: "doses" } } } } });

  chart("chart-volume", { type: "bar", data: { labels: months, datasets: [
      { label: "pills", backgroundColor: colours[0], yAxisID: "y",
        data: data.monthly.map(function (r) { return r.pills; }) },
      { label: "net kg (all substances)", backgroundColor: colours[2], yAxisID: "kg",
        data: data.monthly.map(function (r) { return Number(r.netKg); }) }] },
    options: { animation: false, scales: { y: { position: "left" }, kg: { position: "right" } } } });

  chart("chart-presses", { type: "bar", data: {
      labels: data.fiscal.map(function (r) { return r.period; }),
      datasets: [{ label: "presses", backgroundColor: colours[3],
        data: data.fiscal.map(function (r) { return r.presses; }) }] },
    options: { animation: false } });

  var years = [];
  var groups = [];
  data.byGroup.forEach(function (r) {
    if (years.indexOf(r.period) < 0) { years.push(r.period); }
    if (groups.indexOf(r.group) < 0) { groups.push(r.group); }
  });
  var groupSets = groups.map(function (g, i) {
    return { label: g, backgroundColor: colours[i % colours.length], data: years.map(function (y) {
      var row = data.byGroup.find(function (r) { return r.period === y && r.group === g; });
      return row ? row.best.doses : 0;
    }) };
  });
  chart("chart-groups", { type: "bar", data: { labels: years, datasets: groupSets },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true } } } });

  host.setAttribute("data-charts-drawn", String(drawn));
  host.setAttribute("data-points", String(months.length));
});
