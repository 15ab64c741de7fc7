/* Case page: draw the link graph (reports and the values they share) with Cytoscape.js.
   The data comes from the URL in the container's data-graph-url; the section stays hidden
   without JavaScript, where the reports and shared-values tables carry the same facts.
   Clicking (or tapping) a report opens it. */
(function () {
  "use strict";

  var COLOURS = { report: "#0b3d91", observable: "#b45309", text: "#1b1f24", edge: "#8a94a3" };

  function elements(graph) {
    var nodes = graph.nodes.map(function (node) { return { group: "nodes", data: node }; });
    var edges = graph.edges.map(function (edge) { return { group: "edges", data: edge }; });
    return nodes.concat(edges);
  }

  function style() {
    return [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 11, "color": COLOURS.text,
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 160,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1
      } },
      { selector: "node[kind = 'report']", style: {
        "shape": "round-rectangle", "width": 16, "height": 16, "background-color": COLOURS.report
      } },
      { selector: "node[kind = 'observable']", style: {
        "shape": "ellipse", "width": 12, "height": 12, "background-color": COLOURS.observable,
        "font-family": "ui-monospace, monospace"
      } },
      { selector: "edge", style: {
        "width": "mapData(strength, 1, 3, 1, 4)", "line-color": COLOURS.edge, "curve-style": "haystack",
        "opacity": 0.7
      } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffbf47" } }
    ];
  }

  function draw(container, graph) {
    var cy = window.cytoscape({
      container: container,
      elements: elements(graph),
      style: style(),
      layout: {
        name: "cose", animate: false, nodeDimensionsIncludeLabels: true, padding: 20,
        idealEdgeLength: function () { return 100; },
        nodeRepulsion: function () { return 400000; },
        gravity: 0.1, numIter: 2500, componentSpacing: 80
      },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3
    });
    cy.on("tap", "node[kind = 'report']", function (event) {
      var url = event.target.data("url");
      if (url) { window.location.assign(url); }
    });
    container.dataset.drawn = String(graph.nodes.length);
  }

  function start() {
    var container = document.getElementById("case-graph");
    if (!container || typeof window.cytoscape !== "function") { return; }
    fetch(container.dataset.graphUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (graph) {
        if (!graph || !graph.nodes.length) { return; }
        document.getElementById("case-graph-section").hidden = false;
        draw(container, graph);
      })
      .catch(function () { /* the tables below still show everything */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
