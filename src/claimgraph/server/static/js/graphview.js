// A Cytoscape.js graph of the API's nodes and edges, with a layout fit for its size: a force-directed
// layout for small graphs and a concentric one (by number of claims) beyond LARGE nodes, so that a graph of
// thousands of actors still draws in well under a second.
import cytoscape from "../vendor/cytoscape/cytoscape.esm.min.mjs";
import { elements, stylesheet } from "./style.js";

export const LARGE = 350;
const LABELLED_EDGES = 250;

export function layoutFor(count, { fit = true } = {}) {
  if (count <= LARGE) {
    return { name: "cose", animate: false, fit, padding: 30, randomize: true, nodeRepulsion: () => 9000,
             idealEdgeLength: () => 90, numIter: 1200, nodeDimensionsIncludeLabels: true };
  }
  return { name: "concentric", animate: false, fit, padding: 20, minNodeSpacing: 6,
           concentric: (node) => node.data("claims"), levelWidth: () => 4 };
}

/** A graph in ``container``; handlers: onNode(data, node), onEdge(data, edge), onBackground(), onExpand(data). */
export function createGraph(container, handlers = {}) {
  const cy = cytoscape({
    container, style: stylesheet(), minZoom: 0.05, maxZoom: 4,
    textureOnViewport: true, hideEdgesOnViewport: false, pixelRatio: 1,
  });
  cy.on("tap", "node", (e) => handlers.onNode?.(e.target.data(), e.target));
  cy.on("tap", "edge", (e) => handlers.onEdge?.(e.target.data(), e.target));
  cy.on("dbltap", "node", (e) => handlers.onExpand?.(e.target.data(), e.target));
  cy.on("tap", (e) => { if (e.target === cy) handlers.onBackground?.(); });
  return {
    cy,
    /** Replace the graph; resolves when laid out, with the time taken in milliseconds. */
    show(graph) {
      if (cy.destroyed()) return 0;
      const started = performance.now();
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements(graph, { showEdgeLabels: graph.edges.length <= LABELLED_EDGES }));
      });
      cy.layout(layoutFor(graph.nodes.length)).run();
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
      cy.getElementById(centre).addClass("centre");
      cy.animate({ fit: { eles: cy.getElementById(centre).closedNeighborhood(), padding: 40 } }, { duration: 250 });
      return newNodes.length;
    },
    focus(ids) {
      cy.elements().removeClass("faded");
      if (!ids) return;
      const keep = cy.collection(ids.map((id) => cy.getElementById(id)).filter((el) => el.nonempty()));
      cy.elements().difference(keep.union(keep.connectedNodes())).addClass("faded");
    },
    destroy() { cy.destroy(); },
  };
}
