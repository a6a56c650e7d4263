// A Cytoscape.js graph of the API's nodes and edges, laid out to suit its size: a force-directed layout (cose)
// up to LARGE nodes; beyond, an overview: rings around the most-claimed actors, computed directly and fitted
// without measuring labels, drawn with cheaper styles, panned and zoomed over a snapshot (see overview.js),
// so that thousands of actors stay usable.
import cytoscape from "../vendor/cytoscape/cytoscape.esm.min.mjs";
import { edgeLayer } from "./edgelayer.js";
import { overviewControls } from "./overview.js";
import { elements, overviewStylesheet, stylesheet } from "./style.js";

export const LARGE = 350;
const LABELLED_EDGES = 250;
const SPACING = 46;

const COSE = { name: "cose", animate: false, fit: true, padding: 30, randomize: true, nodeRepulsion: () => 9000,
               idealEdgeLength: () => 90, numIter: 1000, nodeDimensionsIncludeLabels: true };

/** Positions on concentric rings, most-claimed actors in the middle. */
export function ringPositions(nodes) {
  const order = [...nodes].sort((a, b) => b.claims - a.claims);
  const positions = new Map();
  let index = 0;
  for (let ring = 0; index < order.length; ring += 1) {
    const radius = ring * SPACING;
    const capacity = ring === 0 ? 1 : Math.floor((2 * Math.PI * radius) / SPACING);
    for (let slot = 0; slot < capacity && index < order.length; slot += 1, index += 1) {
      const angle = (2 * Math.PI * slot) / capacity + ring * 0.35;
      positions.set(order[index].id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
  }
  return positions;
}

function fitPositions(cy, positions, padding = 20) {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of positions.values()) {
    x1 = Math.min(x1, x); y1 = Math.min(y1, y); x2 = Math.max(x2, x); y2 = Math.max(y2, y);
  }
  const [w, h] = [cy.width(), cy.height()];
  const zoom = Math.min((w - 2 * padding) / Math.max(1, x2 - x1 + 60), (h - 2 * padding) / Math.max(1, y2 - y1 + 60));
  const z = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
  cy.viewport({ zoom: z, pan: { x: w / 2 - z * (x1 + x2) / 2, y: h / 2 - z * (y1 + y2) / 2 } });
}

/** A graph in ``container``; handlers: onNode(data, node), onEdge(data, edge), onBackground(), onExpand(data).
 * A large graph gets its own Cytoscape instance, with the overview's styles and controls. */
export function createGraph(container, handlers = {}) {
  let cy = null;
  let large = null;
  let release = null;
  let edges = null; // the overview's edge layer

  function make(big) {
    release?.();
    release = null;
    if (cy) cy.destroy();
    const controls = big ? { userPanningEnabled: false, userZoomingEnabled: false, boxSelectionEnabled: false,
                             autoungrabify: true } : {};
    cy = cytoscape({ container, style: big ? overviewStylesheet() : stylesheet(), minZoom: 0.02, maxZoom: 4,
                     pixelRatio: 1, ...controls });
    if (big) {
      // Cytoscape's layered texture cache pre-draws every element into large bitmaps after each zoom, which
      // helps with a GPU; with software rendering it keeps the page busy for a second after every gesture.
      // The overview draws each node from its own small cached bitmap instead.
      const renderer = cy.renderer();
      if (renderer.drawCachedElements) renderer.drawLayeredElements = renderer.drawCachedElements;
      const layer = edgeLayer(cy, container);
      const taken = overviewControls(cy, container, handlers);
      edges = layer;
      release = () => { taken(); layer.remove(); edges = null; };
    } else {
      cy.on("tap", "node", (e) => handlers.onNode?.(e.target.data(), e.target));
      cy.on("tap", "edge", (e) => handlers.onEdge?.(e.target.data(), e.target));
      cy.on("dbltap", "node", (e) => handlers.onExpand?.(e.target.data(), e.target));
      cy.on("tap", (e) => { if (e.target === cy) handlers.onBackground?.(); });
    }
    large = big;
  }
  make(false);

  return {
    get cy() { return cy; },
    /** Replace the graph and lay it out; returns the time taken in milliseconds. */
    show(graph) {
      if (cy.destroyed()) return 0;
      const started = performance.now();
      const big = graph.nodes.length > LARGE;
      if (big !== large) make(big);
      const positions = big ? ringPositions(graph.nodes) : null;
      const els = elements(graph, { showEdgeLabels: graph.edges.length <= LABELLED_EDGES });
      if (positions) for (const el of els) if (el.group === "nodes") el.position = positions.get(el.data.id);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(els);
      });
      edges?.redraw();
      if (big) fitPositions(cy, positions);
      else cy.layout(COSE).run();
      return performance.now() - started;
    },
    /** Add the nodes and edges of ``graph`` not shown yet, the new nodes in a ring around ``centre``. */
    merge(graph, centre) {
      if (cy.destroyed()) return 0;
      const fresh = elements(graph, { showEdgeLabels: cy.edges().length + graph.edges.length <= LABELLED_EDGES })
        .filter((el) => cy.getElementById(el.data.id).empty());
      const origin = cy.getElementById(centre);
      const at = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
      const newNodes = fresh.filter((el) => el.group === "nodes");
      const radius = 90 + newNodes.length * 6;
      newNodes.forEach((el, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, newNodes.length);
        el.position = { x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) };
      });
      cy.add(fresh);
      edges?.redraw();
      cy.getElementById(centre).addClass("centre");
      const fit = { eles: cy.getElementById(centre).closedNeighborhood(), padding: 40 };
      if (large) cy.fit(fit.eles, fit.padding); // an animation would redraw the whole overview at every frame
      else cy.animate({ fit }, { duration: 250 });
      return newNodes.length;
    },
    focus(ids) {
      edges?.redraw();
      cy.elements().removeClass("faded");
      if (!ids) return;
      const keep = cy.collection(ids.map((id) => cy.getElementById(id)).filter((el) => el.nonempty()));
      cy.elements().difference(keep.union(keep.connectedNodes())).addClass("faded");
    },
    destroy() { release?.(); cy.destroy(); },
  };
}
