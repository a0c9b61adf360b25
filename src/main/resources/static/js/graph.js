// The link-analysis page: draws what /resolution/graph/data answers (only subjects the signed-in
// user may read) with Cytoscape.js, adds a subject's neighbours when it is clicked, finds a path
// between two chosen subjects and exports the subjects drawn.
document.addEventListener("DOMContentLoaded", function () {
  var host = document.getElementById("graph");
  if (!host || typeof cytoscape === "undefined") {
    return;
  }
  var base = host.getAttribute("data-base");
  var status = document.getElementById("graph-status");
  var failure = document.getElementById("graph-error");
  var selected = null;

  var cy = cytoscape({
    container: host,
    elements: [],
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "ellipsis",
          "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: 'node[kind = "subject"]', style: { "background-color": "#005ea2", width: 26, height: 26 } },
      { selector: 'node[schema = "Company"]', style: { shape: "round-rectangle" } },
      { selector: 'node[kind = "value"]', style: { "background-color": "#e5a000", shape: "diamond",
          width: 18, height: 18 } },
      { selector: 'node[kind = "record"]', style: { "background-color": "#54278f", shape: "hexagon",
          width: 20, height: 20 } },
      { selector: "node[?collapsed]", style: { "background-color": "#8b0a03", shape: "star" } },
      { selector: 'node[kind = "cluster"]', style: { "background-color": "#e7f6f8",
          "border-color": "#00a398", "border-width": 2, "text-valign": "top" } },
      { selector: "node.expanded", style: { "border-width": 3, "border-color": "#1b1b1b" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#a9aeb1", "curve-style": "bezier",
          label: "data(label)", "font-size": 8, color: "#5c5c5c" } },
      { selector: 'edge[kind = "match"]', style: { "line-color": "#00a398", width: 3 } },
      { selector: ".on-path", style: { "line-color": "#b50909", "background-color": "#b50909",
          width: 4 } },
      { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#b50909" } }
    ]
  });
  host.cy = cy;

  function request(url, form) {
    hideErrors(form);
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            showError(form, body);
            throw body;
          }
          return body;
        });
      });
  }

  function hideErrors(form) {
    failure.hidden = true;
    if (form) {
      form.querySelectorAll(".field-error").forEach(function (e) { e.hidden = true; });
      form.querySelectorAll(".form-group--error").forEach(function (g) {
        g.classList.remove("form-group--error");
      });
    }
  }

  function showError(form, problem) {
    var text = problem.detail || problem.title || "The request failed";
    var spot = form && problem.field ? form.querySelector("#" + problem.field + "-error") : null;
    if (spot) {
      spot.textContent = text;
      spot.hidden = false;
      spot.parentElement.classList.add("form-group--error");
    } else {
      failure.textContent = text;
      failure.hidden = false;
    }
  }

  function draw(elements) {
    var fresh = [];
    elements.nodes.forEach(function (n) {
      if (cy.getElementById(n.data.id).empty()) {
        fresh.push({ group: "nodes", data: n.data });
      }
    });
    elements.edges.forEach(function (e) {
      if (cy.getElementById(e.data.id).empty()) {
        fresh.push({ group: "edges", data: e.data });
      }
    });
    cy.add(fresh);
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true }).run();
    return fresh.length;
  }

  function describe(extra) {
    status.textContent = cy.nodes('[kind = "subject"]').length + " subjects and "
      + cy.nodes('[kind = "value"]').length + " shared values drawn." + (extra ? " " + extra : "");
  }

  function expand(id, k) {
    return request(base + "/neighbours?id=" + encodeURIComponent(id) + "&k=" + k, null)
      .then(function (graph) {
        var added = draw(graph.elements);
        cy.getElementById(id).addClass("expanded");
        describe(added === 0 ? "Nothing new around this subject."
          : graph.truncated ? "More was reachable than one answer draws; click to go further." : "");
      });
  }

  function show(node) {
    selected = node;
    var detail = document.getElementById("graph-detail");
    detail.innerHTML = "";
    var fields = [["Label", "label"], ["Kind", "kind"], ["Schema", "schema"], ["Agency", "ownerAgency"],
      ["Marking", "marking"], ["Case", "caseReference"], ["Value kind", "valueKind"],
      ["Subjects", "holders"]];
    fields.forEach(function (f) {
      var value = node.data(f[1]);
      if (value !== undefined && value !== null) {
        var dt = document.createElement("dt");
        dt.textContent = f[0];
        var dd = document.createElement("dd");
        dd.textContent = String(value) + (f[1] === "holders" && node.data("collapsed") ? " (collapsed)" : "");
        detail.appendChild(dt);
        detail.appendChild(dd);
      }
    });
    var subject = node.data("kind") === "subject";
    document.getElementById("set-from").disabled = !subject;
    document.getElementById("set-to").disabled = !subject;
  }

  cy.on("tap", "node", function (event) {
    var node = event.target;
    show(node);
    if (node.data("kind") === "subject" && !node.hasClass("expanded")) {
      expand(node.id(), 1).catch(function () {});
    }
  });

  var search = document.getElementById("graph-search");
  search.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = document.getElementById("graph-q").value;
    request(base + "/subjects?q=" + encodeURIComponent(q), search).then(function (page) {
      var list = document.getElementById("graph-results");
      list.innerHTML = "";
      if (page.items.length === 0) {
        list.innerHTML = "<li>No subject you may read matches.</li>";
      }
      page.items.forEach(function (subject) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--outline";
        button.textContent = subject.label + " (" + subject.schema + ", " + subject.caseReference + ")";
        button.setAttribute("data-subject", subject.id);
        button.addEventListener("click", function () {
          cy.elements().remove();
          expand(subject.id, document.getElementById("graph-k").value).catch(function () {});
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }).catch(function () {});
  });

  document.getElementById("set-from").addEventListener("click", function () {
    document.getElementById("path-from").value = selected.id();
  });
  document.getElementById("set-to").addEventListener("click", function () {
    document.getElementById("path-to").value = selected.id();
  });

  var pathForm = document.getElementById("graph-path");
  pathForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = base + "/path?from=" + encodeURIComponent(document.getElementById("path-from").value)
      + "&to=" + encodeURIComponent(document.getElementById("path-to").value)
      + "&maxDepth=" + encodeURIComponent(document.getElementById("path-depth").value);
    request(url, pathForm).then(function (path) {
      cy.elements().removeClass("on-path");
      if (!path.found) {
        describe("No path within " + document.getElementById("path-depth").value
          + " steps through what you may read" + (path.limitReached ? " (the search reached its limit)." : "."));
        return;
      }
      draw(path.elements);
      path.elements.nodes.concat(path.elements.edges).forEach(function (e) {
        cy.getElementById(e.data.id).addClass("on-path");
      });
      describe("Path found: " + path.hops + " steps.");
    }).catch(function () {});
  });

  document.getElementById("graph-export").addEventListener("submit", function (event) {
    var ids = cy.nodes('[kind = "subject"]').map(function (n) { return n.id(); });
    if (ids.length === 0) {
      event.preventDefault();
      showError(null, { detail: "Draw some subjects before exporting." });
      return;
    }
    document.getElementById("export-ids").value = ids.join(",");
  });
});
