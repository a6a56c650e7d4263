// How actors and claims look: one colour and shape per actor type, one colour per relation; hedged claims
// dashed, negated claims dotted with a bar at the end, contested claims with an amber halo.
import { h } from "./dom.js";

export const ACTOR_STYLE = {
  armed_group: { color: "#c44536", shape: "ellipse", label: "armed group" },
  state: { color: "#2f6db5", shape: "round-rectangle", label: "state" },
  state_agency: { color: "#6c4bb4", shape: "diamond", label: "state agency" },
  political_party: { color: "#1e8a5f", shape: "hexagon", label: "political party" },
  person: { color: "#d98a1c", shape: "round-triangle", label: "person" },
  international_org: { color: "#138a9c", shape: "octagon", label: "international org." },
  other: { color: "#7b8794", shape: "ellipse", label: "other" },
  place: { color: "#9c7b55", shape: "round-tag", label: "place" },
};

export const RELATION_COLOR = {
  supports: "#2e9d52",
  allied_with: "#1f8c8c",
  rival_of: "#e07b24",
  attacks: "#c9302c",
  claims_responsibility: "#8e44ad",
  member_of: "#2f6db5",
  splinter_of: "#6b7a8f",
  leads: "#3a4a5c",
  operates_in: "#b59b72",
};

export const relationLabel = (relation) => relation.replaceAll("_", " ");

/** Cytoscape element data for a graph answer of the API. */
export function elements(graph, { showEdgeLabels = true } = {}) {
  const nodes = graph.nodes.map((n) => ({
    group: "nodes",
    data: { ...n, label: n.name, size: Math.min(64, 18 + Math.sqrt(n.claims) * 5) },
    classes: n.type in ACTOR_STYLE ? n.type : "other",
  }));
  const edges = graph.edges.map((e) => {
    const classes = [e.relation];
    if (e.all_hedged) classes.push("hedged");
    if (e.polarity === "negated") classes.push("negated");
    if (e.polarity === "mixed") classes.push("mixed");
    if (e.contested) classes.push("contested");
    const marks = `${e.polarity === "negated" ? "not " : ""}${relationLabel(e.relation)}`;
    return {
      group: "edges",
      data: { ...e, label: showEdgeLabels ? `${e.contested ? "⚠ " : ""}${marks}${e.claims > 1 ? ` ×${e.claims}` : ""}` : "",
              width: Math.min(9, 1.5 + Math.log2(1 + e.claims) * 1.5) },
      classes: classes.join(" "),
    };
  });
  return [...nodes, ...edges];
}

export function stylesheet() {
  const style = [
    { selector: "node", style: {
      "background-color": "#7b8794", label: "data(label)", width: "data(size)", height: "data(size)",
      "font-size": 11, "font-family": "system-ui, sans-serif", color: "#1d2733", "text-valign": "bottom",
      "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 140, "border-width": 1.5,
      "border-color": "#ffffff", "text-background-color": "#ffffff", "text-background-opacity": 0.75,
      "text-background-padding": 1, "min-zoomed-font-size": 5,
    } },
    { selector: "edge", style: {
      width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
      "line-color": "#999", "target-arrow-color": "#999", label: "data(label)", "font-size": 9,
      color: "#3a4a5c", "text-rotation": "autorotate", "text-background-color": "#ffffff",
      "text-background-opacity": 0.8, "text-background-padding": 1, "min-zoomed-font-size": 8, opacity: 0.9,
    } },
    { selector: "edge.allied_with, edge.rival_of", style: { "target-arrow-shape": "none" } },
    { selector: "edge.hedged", style: { "line-style": "dashed", "line-dash-pattern": [7, 5] } },
    { selector: "edge.negated", style: { "line-style": "dotted", "target-arrow-shape": "tee", opacity: 0.8 } },
    { selector: "edge.mixed", style: { "source-arrow-shape": "tee" } },
    { selector: "edge.contested", style: {
      "underlay-color": "#f2b705", "underlay-opacity": 0.55, "underlay-padding": 4,
    } },
    { selector: "node:selected", style: { "border-color": "#111", "border-width": 3 } },
    { selector: "edge:selected", style: { "overlay-color": "#111", "overlay-opacity": 0.15, "overlay-padding": 5 } },
    { selector: ".faded", style: { opacity: 0.15, "underlay-opacity": 0 } },
    { selector: "node.centre", style: { "border-color": "#111", "border-width": 3 } },
  ];
  for (const [type, s] of Object.entries(ACTOR_STYLE)) {
    style.push({ selector: `node.${type}`, style: { "background-color": s.color, shape: s.shape } });
  }
  for (const [relation, color] of Object.entries(RELATION_COLOR)) {
    style.push({ selector: `edge.${relation}`, style: {
      "line-color": color, "target-arrow-color": color, "source-arrow-color": color } });
  }
  return style;
}

/** The overview's styles (see graphview.js): plainer nodes, named only once zoomed in, that take no pointer
 * events; edges are left to the edge layer (edgelayer.js), so Cytoscape neither styles nor draws them. */
export function overviewStylesheet() {
  const [node, ...rest] = stylesheet().filter(({ selector }) => selector.startsWith("node"));
  return [
    node,
    { selector: "node", style: { "text-wrap": "none", "border-width": 0, "text-background-opacity": 0,
                                 "min-zoomed-font-size": 10, events: "no" } },
    ...rest, // selected and centre borders, type colours and shapes
    { selector: "node.faded", style: { opacity: 0.15 } },
    { selector: "edge", style: { display: "none" } },
  ];
}

function swatch(kind, color, extra = {}) {
  return h("span", { class: `swatch ${kind}`, style: { ...extra, "--swatch": color } });
}

/** The legend: actor types and relations, and what dashed, dotted and haloed edges mean. */
export function legend() {
  return h("div", { class: "legend" },
    h("h3", {}, "Actors"),
    h("ul", {}, Object.entries(ACTOR_STYLE).map(([type, s]) =>
      h("li", {}, swatch(`node-${s.shape}`, s.color), s.label))),
    h("h3", {}, "Claims"),
    h("ul", {},
      h("li", {}, swatch("line", "#555"), "affirmed"),
      h("li", {}, swatch("line dashed", "#555"), "hedged"),
      h("li", {}, swatch("line dotted", "#555"), "negated (not …)"),
      h("li", {}, swatch("line contested", "#555"), "contested")));
}
