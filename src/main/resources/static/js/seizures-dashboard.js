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
  // a method is named as its checkbox names it (the page's plain label), its code kept as the key
  function methodLabel(m) {
    var name = document.querySelector("label[data-method='" + m + "'] .method-label");
    return name ? name.textContent.trim() : m;
  }
  var methodSets = data.methods.map(function (m, i) {
    return {
      label: methodLabel(m), key: m, borderColor: colours[i], backgroundColor: colours[i], fill: false,
      raw: data.monthly.map(function (r) { return r.byMethod[m].doses; })
    };
  });
  methodSets.push({
    label: "best available", key: "best", borderColor: colours[4], backgroundColor: colours[4],
    borderDash: [6, 4], raw: data.monthly.map(function (r) { return r.best.doses; })
  });

  // The doses chart's state lives in its form (one checkbox per series, one for the log scale) and
  // in the URL, so that a link or a reload shows the same chart; the table after the chart keeps
  // every figure whatever is drawn.
  var controls = document.getElementById("chart-controls");
  function checked(id) {
    var box = document.getElementById(id);
    return !!(box && box.checked);
  }
  function logScale() {
    return checked("scale-log");
  }
  function applyState(dosesChart) {
    var log = logScale();
    methodSets.forEach(function (set, i) {
      // a logarithmic axis has no zero: months without doses are left as gaps
      set.data = set.raw.map(function (v) { return log && v <= 0 ? null : v; });
      set.hidden = !checked("series-" + set.key);
      if (dosesChart) {
        dosesChart.setDatasetVisibility(i, !set.hidden);
      }
    });
    if (dosesChart) {
      dosesChart.options.scales.y.type = log ? "logarithmic" : "linear";
      dosesChart.update();
    }
  }
  function stateParameters() {
    var shown = methodSets.filter(function (set) { return checked("series-" + set.key); })
      .map(function (set) { return set.key; });
    return { series: shown.length ? shown : [""], log: logScale() };
  }
  function keepInUrl() {
    var state = stateParameters();
    var params = new URLSearchParams(window.location.search);
    params.delete("series");
    params.delete("scale");
    state.series.forEach(function (s) { params.append("series", s); });
    if (state.log) {
      params.set("scale", "log");
    }
    history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    // the page's other forms carry the chart's state too
    document.querySelectorAll("input.chart-state").forEach(function (input) { input.remove(); });
    document.querySelectorAll("#seizure-charts form, #rollup-heading ~ form").forEach(function (form) {
      if (form === controls) {
        return;
      }
      var submit = form.querySelector("button[type=submit]");
      function hidden(name, value) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.className = "chart-state";
        input.name = name;
        input.value = value;
        form.insertBefore(input, submit);
      }
      state.series.forEach(function (s) { hidden("series", s); });
      if (state.log) {
        hidden("scale", "log");
      }
    });
  }
  applyState(null);
  chart("chart-doses", { type: "line", data: { labels: months, datasets: methodSets },
    options: { animation: false,
      plugins: { legend: { onClick: function (event, item) {
        // the legend toggles the same checkbox, so that the URL and the form follow
        var box = document.getElementById("series-" + methodSets[item.datasetIndex].key);
        if (box) {
          box.checked = !box.checked;
          box.dispatchEvent(new Event("change", { bubbles: true }));
        }
      } } },
      scales: { y: {
        type: logScale() ? "logarithmic" : "linear", title: { display: true, text: "doses" } } } } });
  if (controls) {
    controls.addEventListener("change", function () {
      applyState(document.getElementById("chart-doses").chart);
      keepInUrl();
    });
    controls.addEventListener("submit", function (event) {
      event.preventDefault();
      applyState(document.getElementById("chart-doses").chart);
      keepInUrl();
    });
  }

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
