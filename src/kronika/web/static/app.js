/* kronika web UI: charts, map, network and review actions.
   Data comes from <script type="application/json"> blocks or the JSON API;
   text is only ever inserted with textContent, never as HTML. */
"use strict";

const COLORS = {
  SENTENCE: "#b2182b", ARREST: "#ef8a62", EXTRADITION: "#7b3294", ATTACK: "#d7301f",
  ESCAPE: "#fdb863", BAN: "#2166ac", JOIN: "#4d9221", RELEASE: "#1b9e77", APPEAL: "#67a9cf",
  PERSON: "#1f78b4", ORG: "#e31a1c", LOC: "#33a02c",
};
const colorOf = (key) => COLORS[key] || "#777";

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

/* -- overview: events per month by type ------------------------------------------------ */
function perMonthChart() {
  const canvas = document.getElementById("per-month-chart");
  const rows = readJSON("per-month-data");
  if (!canvas || !rows || typeof Chart === "undefined") return;
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const types = [...new Set(rows.map((r) => r.type))].sort();
  const datasets = types.map((type) => ({
    label: type,
    backgroundColor: colorOf(type),
    data: months.map((m) => (rows.find((r) => r.month === m && r.type === type) || { n: 0 }).n),
  }));
  new Chart(canvas, {
    type: "bar",
    data: { labels: months, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  canvas.dataset.bars = String(rows.length);
  canvas.dataset.rendered = "true";
}

/* -- graphs (network page and the small one on entity pages) --------------------------- */
function drawGraph(container, graph) {
  if (typeof cytoscape === "undefined") return null;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const elements = graph.nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type, size: 14 + Math.min(30, Math.sqrt(n.mentions || 1) * 4) } }));
  graph.edges.forEach((e, i) => {
    if (ids.has(e.source) && ids.has(e.target)) {
      elements.push({ data: { id: "e" + i, source: e.source, target: e.target, kind: e.kind, weight: e.weight } });
    }
  });
  const cy = cytoscape({
    container, elements,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 8000, idealEdgeLength: 80 },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 9, "min-zoomed-font-size": 7, width: "data(size)", height: "data(size)", "background-color": (n) => colorOf(n.data("type")), "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "edge", style: { width: (e) => Math.min(8, 1 + e.data("weight")), "line-color": "#bbb", "curve-style": "haystack", opacity: 0.7 } },
      { selector: "edge[kind = 'affiliation']", style: { "line-color": "#c0392b", width: 3, opacity: 1 } },
    ],
  });
  cy.on("tap", "node", (evt) => { window.location.href = "/entity/" + encodeURIComponent(evt.target.id()); });
  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.rendered = "true";
  return cy;
}

async function networkPage() {
  const container = document.getElementById("network");
  if (!container) return;
  const response = await fetch(container.dataset.graphUrl, { headers: { Accept: "application/json" } });
  const graph = await response.json();
  const count = document.getElementById("graph-count");
  if (count) count.textContent = `${graph.nodes.length} entities, ${graph.edges.length} links`;
  window.kronikaGraph = drawGraph(container, graph);
}

function egoGraph() {
  const container = document.getElementById("ego-graph");
  const graph = readJSON("graph-data");
  if (container && graph && graph.nodes.length > 1) drawGraph(container, graph);
}

/* -- map: offline country borders + clustered events ----------------------------------- */
// A ring that crosses the 180th meridian (Russia's Chukotka, Fiji) would be drawn
// straight across the world; moving its western-hemisphere points east keeps it whole.
function unwrapAntimeridian(feature) {
  const geometry = feature.geometry;
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  polygons.forEach((polygon) => polygon.forEach((ring) => {
    const lons = ring.map((p) => p[0]);
    if (Math.max(...lons) - Math.min(...lons) > 180) ring.forEach((p) => { if (p[0] < 0) p[0] += 360; });
  }));
}

async function mapPage() {
  const box = document.getElementById("map");
  if (!box || typeof L === "undefined") return;
  const map = L.map(box, { worldCopyJump: true, minZoom: 2, maxZoom: 10 }).setView([40, 65], 4);
  map.attributionControl.addAttribution("Borders: Natural Earth");
  const [topo, data] = await Promise.all([
    fetch(box.dataset.basemap).then((r) => r.json()),
    fetch(box.dataset.pointsUrl, { headers: { Accept: "application/json" } }).then((r) => r.json()),
  ]);
  const countries = topojson.feature(topo, topo.objects.countries);
  countries.features.forEach(unwrapAntimeridian);
  const markers = data.points.map((p) => {
    const popup = el("div");
    const link = el("a", `${p.type} ${p.id}`, { href: "/event/" + encodeURIComponent(p.id) });
    popup.append(link, el("br"), el("span", [p.date, p.place, p.country].filter(Boolean).join(" · ")));
    return L.marker([p.lat, p.lon], { title: `${p.type} ${p.place || ""}` }).bindPopup(popup);
  });
  // Move first, draw after: the SVG borders are then laid out for the final view.
  if (markers.length) {
    map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 6, animate: false });
  }
  L.geoJSON(countries, { style: { color: "#8a8a8a", weight: 1, fillColor: "#f3f1ea", fillOpacity: 1 }, interactive: false }).addTo(map);
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  cluster.addLayers(markers);
  map.addLayer(cluster);
  const count = document.getElementById("map-count");
  if (count) count.textContent = `${data.points.length} located events`;
  box.dataset.points = String(data.points.length);
  box.dataset.countries = String(countries.features.length);
  box.dataset.rendered = "true";
  window.kronikaMap = map;
}

/* -- review queue: writes carry the token as X-Kronika-Token --------------------------- */
function reviewPage() {
  const table = document.getElementById("review-table");
  const tokenInput = document.getElementById("token");
  if (!table || !tokenInput) return;
  tokenInput.value = sessionStorage.getItem("kronika-token") || "";
  tokenInput.addEventListener("input", () => sessionStorage.setItem("kronika-token", tokenInput.value));
  document.getElementById("token-form").addEventListener("submit", (e) => e.preventDefault());
  table.addEventListener("click", async (evt) => {
    const button = evt.target.closest("button[data-action]");
    if (!button) return;
    const row = button.closest("tr");
    const result = row.querySelector(".result");
    const body = { action: button.dataset.action };
    if (body.action === "edit") {
      body.field = prompt("Field to edit (date, type or args.<role>):", "date");
      if (!body.field) return;
      body.value = prompt(`New value for ${body.field}:`, "");
      if (body.value === null) return;
    } else if (body.action === "merge") {
      const into = prompt("Merge into which event (e.g. evt7)?", "");
      if (!into) return;
      body.value = { into };
    }
    const response = await fetch(`/api/events/${encodeURIComponent(row.dataset.event)}/review`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Kronika-Token": tokenInput.value },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.ok) {
      result.textContent = answer.event.review.state;
      row.classList.add("done", "s-" + answer.event.review.state);
      row.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    } else {
      result.textContent = `${answer.status}: ${answer.error}`;
      row.classList.add("failed");
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  perMonthChart();
  egoGraph();
  reviewPage();
  networkPage();
  mapPage();
});
