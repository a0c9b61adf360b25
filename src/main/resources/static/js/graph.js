// The link-analysis page: draws what /resolution/graph/data answers (only subjects the signed-in
// user may read) with Cytoscape.js, adds a subject's neighbours when it is clicked, finds a path
// between two chosen subjects and exports the subjects drawn. Everything drawn is also listed in
// two tables beside the canvas (nodes with Expand / Path from / Path to buttons, and links), so the
// page can be used from the keyboard or a screen reader; the tables show only what the API answered.
document.addEventListener("DOMContentLoaded", function () {
  var host = document.getElementById("graph");
  if (!host || typeof cytoscape === "undefined") {
    return;
  }
  var base = host.getAttribute("data-base");
  var status = document.getElementById("graph-status");
  var failure = document.getElementById("graph-error");
  var selected = null;
  var list = document.getElementById("graph-list");
  var subjectPages = list.getAttribute("data-subjects");
  var kindTitles = JSON.parse(list.getAttribute("data-kinds") || "{}");
  var nodeRows = document.querySelector("#graph-nodes tbody");
  var edgeRows = document.querySelector("#graph-edges tbody");
  var VALUE_KINDS = { phone: "phone", email: "e-mail", identifier: "identifier", address: "address" };
  var EDGE_KINDS = { match: "Resolved as the same entity", value: "Holds the shared value", link: "Stated link" };

  var cy = cytoscape({
    container: host,
    elements: [],
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "ellipsis",
          "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 4 } },
      { selector: 'node[kind = "subject"]', style: { "background-color": "#005ea2", width: 26, height: 26 } },
      { selector: 'node[schema = "Company"]', style: { shape: "round-rectangle" } },
      { selector: 'node[schema = "Vehicle"]', style: { shape: "round-tag" } },
      { selector: 'node[schema = "Vessel"]', style: { shape: "barrel" } },
      { selector: 'node[schema = "CryptoWallet"]', style: { shape: "round-pentagon" } },
      { selector: 'node[schema = "BankAccount"]', style: { shape: "cut-rectangle" } },
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
    fresh.forEach(function (element) {
      if (element.group === "nodes") {
        listNode(element.data);
      } else {
        listEdge(element.data);
      }
    });
    counted();
    cy.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true }).run();
    return fresh.length;
  }

  // The list view: one row per drawn node and per drawn link, added as they are drawn so that the
  // button a keyboard user pressed keeps its focus.
  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function actionButton(text, name, handler) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--outline";
    button.textContent = text;
    button.setAttribute("aria-label", text + " " + name);
    button.addEventListener("click", handler);
    return button;
  }

  function kindOf(data) {
    if (data.kind === "subject") {
      return kindTitles[data.schema] || data.schema;
    }
    if (data.kind === "value") {
      return "Shared " + (VALUE_KINDS[data.valueKind] || data.valueKind) + " of "
        + data.holders + (data.holders === 1 ? " subject" : " subjects")
        + (data.collapsed ? ", collapsed: not followed" : "");
    }
    if (data.kind === "record") {
      return "PressTrace " + (data.schema || "record");
    }
    return "Resolved entity of " + data.holders + " subjects";
  }

  function rowOf(body, id) {
    return Array.prototype.find.call(body.rows, function (row) {
      return row.getAttribute("data-id") === id;
    });
  }

  function listNode(data) {
    var row = document.createElement("tr");
    row.setAttribute("data-id", data.id);
    var name = cell(row, "");
    if (data.kind === "subject") {
      var link = document.createElement("a");
      link.href = subjectPages + "/" + encodeURIComponent(data.id);
      link.textContent = data.label;
      name.appendChild(link);
    } else {
      name.textContent = data.label;
    }
    cell(row, kindOf(data));
    cell(row, data.ownerAgency ? data.ownerAgency + (data.marking ? " (" + data.marking + ")" : "") : "");
    cell(row, data.caseReference);
    cell(row, "").className = "graph-notes";
    var actions = cell(row, "");
    if (data.kind === "subject") {
      actions.appendChild(actionButton("Expand", data.label, function () {
        expand(data.id, 1).catch(function () {});
      }));
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(actionButton("Path from", data.label, function () { pathEnd("from", data.id); }));
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(actionButton("Path to", data.label, function () { pathEnd("to", data.id); }));
    }
    nodeRows.appendChild(row);
  }

  function labelOf(id) {
    var node = cy.getElementById(id);
    return node.empty() ? id : node.data("label");
  }

  function listEdge(data) {
    var row = document.createElement("tr");
    row.setAttribute("data-id", data.id);
    cell(row, labelOf(data.source));
    cell(row, EDGE_KINDS[data.kind] || data.kind);
    cell(row, data.label);
    cell(row, labelOf(data.target));
    cell(row, "").className = "graph-notes";
    edgeRows.appendChild(row);
  }

  function counted() {
    [nodeRows, edgeRows].forEach(function (body) {
      var drawn = body.querySelectorAll("tr[data-id]").length;
      var empty = body.querySelector(".graph-empty");
      if (empty) {
        empty.hidden = drawn > 0;
      }
    });
    document.getElementById("graph-node-count").textContent = nodeRows.querySelectorAll("tr[data-id]").length;
    document.getElementById("graph-edge-count").textContent = edgeRows.querySelectorAll("tr[data-id]").length;
  }

  function note(body, id, text, on) {
    var row = rowOf(body, id);
    if (!row) {
      return;
    }
    var notes = row.querySelector(".graph-notes");
    var kept = notes.textContent.split("; ").filter(function (t) { return t && t !== text; });
    if (on) {
      kept.push(text);
    }
    notes.textContent = kept.join("; ");
  }

  function clearDrawing() {
    cy.elements().remove();
    [nodeRows, edgeRows].forEach(function (body) {
      body.querySelectorAll("tr[data-id]").forEach(function (row) { row.remove(); });
    });
    counted();
  }

  function pathEnd(end, id) {
    document.getElementById("path-" + end).value = id;
    document.getElementById(end + "-label").textContent = labelOf(id);
    describe("Path " + end + " " + labelOf(id) + " chosen.");
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
        note(nodeRows, id, "neighbours drawn", true);
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
      var value = f[1] === "schema" && node.data("kind") === "subject"
        ? kindTitles[node.data("schema")] || node.data("schema") : node.data(f[1]);
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
        button.textContent = subject.label + " (" + (kindTitles[subject.schema] || subject.schema) + ", " + subject.caseReference + ")";
        button.setAttribute("data-subject", subject.id);
        button.addEventListener("click", function () {
          clearDrawing();
          expand(subject.id, document.getElementById("graph-k").value).catch(function () {});
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }).catch(function () {});
  });

  document.getElementById("set-from").addEventListener("click", function () {
    pathEnd("from", selected.id());
  });
  document.getElementById("set-to").addEventListener("click", function () {
    pathEnd("to", selected.id());
  });

  var pathForm = document.getElementById("graph-path");
  pathForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = base + "/path?from=" + encodeURIComponent(document.getElementById("path-from").value)
      + "&to=" + encodeURIComponent(document.getElementById("path-to").value)
      + "&maxDepth=" + encodeURIComponent(document.getElementById("path-depth").value);
    request(url, pathForm).then(function (path) {
      cy.elements().removeClass("on-path");
      [nodeRows, edgeRows].forEach(function (body) {
        body.querySelectorAll("tr[data-id]").forEach(function (row) {
          note(body, row.getAttribute("data-id"), "on the path", false);
        });
      });
      if (!path.found) {
        describe("No path within " + document.getElementById("path-depth").value
          + " steps through what you may read" + (path.limitReached ? " (the search reached its limit)." : "."));
        return;
      }
      draw(path.elements);
      path.elements.nodes.concat(path.elements.edges).forEach(function (e) {
        cy.getElementById(e.data.id).addClass("on-path");
        note(e.data.source ? edgeRows : nodeRows, e.data.id, "on the path", true);
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
