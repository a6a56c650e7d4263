// The edges of an overview, drawn on one canvas under Cytoscape's: the edges are grouped by colour, width and
// look, and each group is one path stroked once, instead of thousands of separate draw calls. Cytoscape keeps
// the edges (data, selection, classes) but does not draw them. Edges outside the viewport are skipped. Zoomed
// out, every edge is a line at most one pixel wide (software rendering strokes those several times faster than
// wider ones) whose strength grows with its claims; zoomed in, edges take their width, hedged ones are dashed
// and negated ones dotted.
import { h } from "./dom.js";
import { RELATION_COLOR } from "./style.js";

const DETAIL_ZOOM = 0.6; // from this zoom on, hedged edges are dashed and negated ones dotted
const WIDEST = 8; // pixels, however far zoomed in
const HALO = "#f2b705";
const SELECTED = "#111111";

/** How strongly a thin edge is drawn: fainter for one claim, full for eight or more. */
const strength = (claims) => Math.min(0.95, 0.5 + 0.15 * Math.floor(Math.log2(Math.max(1, claims))));

/** Draw the edges of ``cy`` under its canvases in ``container`` when the viewport or the selection changes, and
 * when ``redraw()`` is called (after elements are added or their classes change: listening for those events
 * would cost one call per element); ``remove()`` takes the layer away. */
export function edgeLayer(cy, container) {
  const canvas = h("canvas", { class: "graph-edges" });
  container.prepend(canvas);
  const context = canvas.getContext("2d");
  let frame = 0;

  function group(groups, key, style, a, b) {
    let entry = groups.get(key);
    if (!entry) groups.set(key, entry = { ...style, path: new Path2D() });
    entry.path.moveTo(a.x, a.y);
    entry.path.lineTo(b.x, b.y);
  }

  function draw() {
    frame = 0;
    if (cy.destroyed()) return;
    const [width, height] = [cy.width(), cy.height()];
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    const zoom = cy.zoom();
    const pan = cy.pan();
    const detail = zoom >= DETAIL_ZOOM;
    const pixel = 1 / zoom;
    const view = cy.extent();
    const halos = new Map();
    const lines = new Map();
    const marks = new Map();
    cy.edges().forEach((edge) => {
      const a = edge.source().position();
      const b = edge.target().position();
      if (Math.max(a.x, b.x) < view.x1 || Math.min(a.x, b.x) > view.x2 || Math.max(a.y, b.y) < view.y1
          || Math.min(a.y, b.y) > view.y2) return;
      const data = edge.data();
      const faded = edge.hasClass("faded");
      const lineWidth = detail ? Math.min(Math.round(data.width * 2) / 2, WIDEST * pixel)
        : Math.min(data.width, pixel);
      const dash = detail && data.all_hedged ? "hedged" : detail && data.polarity === "negated" ? "negated" : "";
      const alpha = faded ? 0.15 : detail ? (data.polarity === "negated" ? 0.8 : 0.9) : strength(data.claims);
      const color = RELATION_COLOR[data.relation] || "#999999";
      if (data.contested && !faded) {
        const halo = detail ? lineWidth + Math.min(8, 6 * pixel) : 3 * pixel;
        group(halos, halo, { width: halo, color: HALO, alpha: 0.55 }, a, b);
      }
      group(lines, `${data.relation}|${lineWidth}|${dash}|${alpha}`, { width: lineWidth, color, alpha, dash }, a, b);
      if (edge.selected()) {
        const mark = Math.max(lineWidth, 2 * pixel);
        group(marks, `halo ${mark}`, { width: mark + 8 * pixel, color: SELECTED, alpha: 0.25 }, a, b);
        group(marks, `${data.relation} ${mark}`, { width: mark, color, alpha: 1 }, a, b);
      }
    });
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
    for (const groups of [halos, lines, marks]) {
      for (const { path, width: lineWidth, color, alpha, dash } of groups.values()) {
        context.globalAlpha = alpha;
        context.strokeStyle = color;
        context.lineWidth = lineWidth;
        context.setLineDash(dash === "hedged" ? [7, 5] : dash === "negated" ? [2, 3] : []);
        context.stroke(path);
      }
    }
    context.globalAlpha = 1;
  }

  const later = () => { frame ||= requestAnimationFrame(draw); };
  const events = "viewport resize select unselect";
  cy.on(events, later);
  later();
  return {
    redraw: later,
    remove() {
      cancelAnimationFrame(frame);
      if (!cy.destroyed()) cy.off(events, later);
      canvas.remove();
    },
  };
}
