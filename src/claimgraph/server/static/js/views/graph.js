// The graph view: filters on the left, the claim graph in the middle, evidence on the right. Click an edge
// to read every sentence behind it; click an actor for its details, double-click it (or "Expand") to add
// its neighbourhood.
import { get, notify } from "../api.js";
import { badge, debounce, fill, h, select } from "../dom.js";
import { edgePanel } from "../evidence.js";
import { filterPanel, params } from "../filters.js";
import { createGraph, LARGE } from "../graphview.js";
import { ACTOR_STYLE, legend } from "../style.js";

const EDGE_CHOICES = [300, 1500, 3000, 6500, 10000];

export async function mount(container, { query }) {
  const side = h("aside", { class: "sidebar" });
  const status = h("span", { class: "muted", id: "graph-status" });
  const search = h("input", { type: "search", placeholder: "Find an actor…", list: "actor-options",
                              "aria-label": "Find an actor" });
  const options = h("datalist", { id: "actor-options" });
  const canvas = h("div", { class: "graph-canvas", id: "graph" });
  const panel = h("aside", { class: "panel", id: "evidence" },
    h("p", { class: "hint" }, "Click an edge to see every sentence behind it. Click an actor for its details; ",
      "double-click it to expand its neighbourhood."));
  let maxEdges = Math.min(10000, Math.max(1, Number(query.get("max_edges")) || 1500));
  const choices = [...new Set([...EDGE_CHOICES, maxEdges])].sort((a, b) => a - b);
  const edgeChoice = select(choices.map((n) => ({ value: n, label: `${n.toLocaleString("en")} edges` })), maxEdges,
    { "aria-label": "Most edges shown", title: "Most edges shown (the most-claimed first)" });
  edgeChoice.addEventListener("change", () => { maxEdges = Number(edgeChoice.value); centre ? findActor(centre) : load(); });
  const toolbar = h("div", { class: "toolbar" },
    search, options,
    h("button", { type: "button", onclick: () => findActor(search.value) }, "Show neighbourhood"),
    h("button", { type: "button", onclick: () => load() }, "Whole graph"),
    h("button", { type: "button", onclick: () => view.cy.fit(undefined, 30) }, "Fit"),
    edgeChoice,
    status);
  container.append(side, h("section", { class: "graph-main" }, toolbar, canvas), panel);

  let centre = query.get("actor");
  const view = createGraph(canvas, {
    onEdge: (data) => showEdge(data),
    onNode: (data) => showNode(data),
    onExpand: (data) => expand(data.id),
    onBackground: () => view.focus(null),
  });

  async function load() {
    centre = null;
    fill(status, "loading…");
    canvas.dataset.requestedAt = Math.round(performance.now());
    const graph = await get("/graph", { ...params(), max_edges: maxEdges });
    canvas.dataset.receivedAt = Math.round(performance.now());
    draw(graph);
  }

  function draw(graph) {
    const ms = view.show(graph);
    fill(status, `${graph.nodes.length} actors · ${graph.edges.length} edges`,
      graph.truncated ? ` (the ${graph.limit} most-claimed; narrow the filters to see others)` : "",
      ` · drawn in ${Math.round(ms)} ms`,
      graph.nodes.length > LARGE ? " · overview: zoom in for names, click an edge for its direction and evidence" : "");
    canvas.dataset.nodes = graph.nodes.length;
    canvas.dataset.edges = graph.edges.length;
    canvas.dataset.drawMs = Math.round(ms);
    // the moment the browser has painted it, counted from the page's start (read by the benchmark)
    requestAnimationFrame(() => requestAnimationFrame(() => { canvas.dataset.paintedAt = Math.round(performance.now()); }));
    fill(options, graph.nodes.map((n) => h("option", { value: n.name })));
  }

  async function findActor(text) {
    const name = text.trim();
    if (!name) return;
    const match = view.cy.nodes().filter((n) => n.data("name").toLowerCase() === name.toLowerCase());
    const ref = match.nonempty() ? match[0].id() : name;
    try {
      centre = ref;
      const graph = await get(`/actors/${encodeURIComponent(ref)}/neighbourhood`, { ...params(), max_edges: maxEdges });
      draw(graph);
      view.cy.getElementById(graph.centre).addClass("centre");
      showNode(graph.nodes.find((n) => n.id === graph.centre));
    } catch (error) {
      notify(error);
    }
  }

  async function expand(actorId) {
    try {
      const graph = await get(`/actors/${encodeURIComponent(actorId)}/neighbourhood`, { ...params(), max_edges: 300 });
      const added = view.merge(graph, actorId);
      fill(status, `${view.cy.nodes().length} actors · ${view.cy.edges().length} edges · ${added} added around `,
        graph.nodes.find((n) => n.id === actorId)?.name || actorId);
    } catch (error) {
      notify(error);
    }
  }

  async function showEdge(data) {
    view.focus([data.id]);
    fill(panel, h("p", { class: "muted" }, "loading evidence…"));
    try {
      const found = await get("/graph/evidence", { ...params({ relations: false }), subject: data.source,
                                                    relation: data.relation, object: data.target });
      fill(panel, edgePanel(found));
    } catch (error) {
      fill(panel, h("p", { class: "error" }, error.message));
    }
  }

  function showNode(data) {
    if (!data) return;
    const style = ACTOR_STYLE[data.type] || ACTOR_STYLE.other;
    const node = view.cy.getElementById(data.id);
    view.focus([data.id]);
    const edges = node.connectedEdges().map((e) => e.data());
    edges.sort((a, b) => b.claims - a.claims);
    fill(panel, h("section", { class: "panel-body" },
      h("h2", {}, data.name),
      h("p", {}, badge(style.label, "type"), " ", h("code", {}, data.id)),
      h("p", { class: "muted" }, `${data.claims} claims on ${data.degree} edges shown`),
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: () => expand(data.id) }, "Expand neighbourhood"),
        h("button", { type: "button", onclick: () => { search.value = data.name; findActor(data.id); } },
          "Only this neighbourhood")),
      h("h3", {}, "Edges"),
      h("ul", { class: "edge-list" }, edges.map((e) => h("li", {},
        h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); view.cy.getElementById(e.id).select(); showEdge(e); } },
          `${nameOf(e.source)} → ${e.polarity === "negated" ? "not " : ""}${e.relation.replaceAll("_", " ")} → ${nameOf(e.target)}`),
        ` (${e.claims})`, e.contested ? badge("contested", "contested") : null)))));
  }

  const nameOf = (id) => view.cy.getElementById(id).data("name") || id;
  side.append(h("div", { id: "filters" }), legend());
  await filterPanel(side.querySelector("#filters"), debounce(() => (centre ? findActor(centre) : load()), 200));
  if (centre) await findActor(centre);
  else await load();
  return () => view.destroy();
}
