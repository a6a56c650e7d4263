// Pan, zoom and clicks for a graph too large to redraw at every frame. While the user drags or turns the
// wheel, a snapshot of the drawn graph follows the gesture (a CSS transform, nothing redrawn); when the
// gesture pauses, Cytoscape draws the graph once at the new viewport. The elements take no pointer events,
// since Cytoscape would otherwise test each of them at every mouse move; a click is matched to the actor or
// edge under the pointer by geometry instead.
import { h } from "./dom.js";

const SETTLE_MS = 150; // a pause this long ends a gesture (as long as Cytoscape waits after a wheel turn)
const DRAG_PX = 4; // a press that moves less than this is a click
const SLACK_PX = 5; // how far from an edge or actor a click still hits it
const WHEEL_DOUBLING = 300; // wheel pixels that double the zoom (a mouse notch, about 100, zooms a quarter)
const WHEEL_MAX = 300; // at most this much of one wheel event counts

const distanceToSegment = (p, a, b) => {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
};

/** The actor under a model position, else the nearest edge within reach, else null. */
function pick(cy, position, zoom) {
  const slack = SLACK_PX / zoom;
  let found = null;
  let best = Infinity;
  cy.nodes().forEach((node) => {
    const at = node.position();
    const distance = Math.hypot(position.x - at.x, position.y - at.y);
    if (distance <= node.width() / 2 + slack && distance < best) [found, best] = [node, distance];
  });
  if (found) return found;
  cy.edges().forEach((edge) => {
    const distance = distanceToSegment(position, edge.source().position(), edge.target().position());
    if (distance <= edge.data("width") / 2 + slack && distance < best) [found, best] = [edge, distance];
  });
  return found;
}

/** Take over pan, zoom and clicks of ``cy`` (made with user panning and zooming off); returns a function
 * that gives them back. handlers: onNode(data, node), onEdge(data, edge), onBackground(), onExpand(data). */
export function overviewControls(cy, container, handlers = {}) {
  const picture = h("canvas", {});
  const cover = h("div", { class: "graph-snapshot", hidden: true }, picture);
  container.append(cover);
  let shot = null; // the viewport the snapshot was drawn at, while it is shown
  let target = null; // the viewport the gesture has reached
  let drag = null;
  let timer = 0;

  const layers = () => [...container.querySelectorAll("canvas")].filter((c) => c !== picture)
    .sort((a, b) => (Number(a.style.zIndex) || 0) - (Number(b.style.zIndex) || 0));
  const shown = () => target || { zoom: cy.zoom(), pan: cy.pan() };

  function begin() {
    clearTimeout(timer);
    if (!shot) {
      const [width, height] = [cy.width(), cy.height()];
      picture.width = width;
      picture.height = height;
      const context = picture.getContext("2d");
      for (const layer of layers()) context.drawImage(layer, 0, 0, width, height);
      shot = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      picture.style.transform = "";
      cover.hidden = false;
    }
    if (!target) target = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  }

  function move(zoom, pan) {
    target = { zoom, pan };
    const k = zoom / shot.zoom;
    picture.style.transform = `translate(${pan.x - k * shot.pan.x}px, ${pan.y - k * shot.pan.y}px) scale(${k})`;
  }

  function reveal() {
    if (target || drag?.moved) return; // a new gesture began meanwhile: keep following it
    shot = null;
    cover.hidden = true;
    container.dataset.settledAt = Math.round(performance.now());
  }

  function settle() {
    if (!target) return;
    const { zoom, pan } = target;
    target = null;
    const now = cy.pan();
    if (zoom === cy.zoom() && pan.x === now.x && pan.y === now.y) reveal();
    else {
      cy.one("render", reveal);
      cy.viewport({ zoom, pan });
    }
  }

  const later = () => { clearTimeout(timer); timer = setTimeout(settle, SETTLE_MS); };

  function onWheel(event) {
    event.preventDefault();
    begin();
    const box = container.getBoundingClientRect();
    const at = { x: event.clientX - box.left, y: event.clientY - box.top };
    const pixels = Math.max(-WHEEL_MAX, Math.min(WHEEL_MAX, event.deltaY * (event.deltaMode === 1 ? 33 : 1)));
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), target.zoom * 2 ** (-pixels / WHEEL_DOUBLING)));
    const k = zoom / target.zoom;
    move(zoom, { x: at.x - k * (at.x - target.pan.x), y: at.y - k * (at.y - target.pan.y) });
    later();
  }

  function onPointerMove(event) {
    const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
    if (!drag.moved) {
      if (Math.hypot(dx, dy) < DRAG_PX) return;
      begin();
      drag.moved = true;
      drag.pan = { ...target.pan };
    }
    move(target.zoom, { x: drag.pan.x + dx, y: drag.pan.y + dy });
  }

  function onPointerUp() {
    window.removeEventListener("pointermove", onPointerMove);
    const moved = drag?.moved;
    drag = null;
    if (moved) later();
  }

  function onPointerDown(event) {
    if (event.button !== 0) return;
    clearTimeout(timer);
    drag = { x: event.clientX, y: event.clientY, moved: false };
    window.addEventListener("pointermove", onPointerMove);
    window.addEventListener("pointerup", onPointerUp, { once: true });
  }

  // Cytoscape still reports taps on the background; find what lies under them at the viewport on screen.
  function under(event) {
    const { zoom, pan } = shown();
    const at = event.renderedPosition;
    return pick(cy, { x: (at.x - pan.x) / zoom, y: (at.y - pan.y) / zoom }, zoom);
  }

  function onTap(event) {
    if (event.target !== cy) return;
    const hit = under(event);
    // after Cytoscape's own handling of a click on the background, which unselects everything
    setTimeout(() => {
      if (cy.destroyed()) return;
      cy.elements(":selected").unselect();
      if (!hit) handlers.onBackground?.();
      else if (hit.select().isNode()) handlers.onNode?.(hit.data(), hit);
      else handlers.onEdge?.(hit.data(), hit);
    });
  }

  function onDoubleTap(event) {
    const hit = event.target === cy ? under(event) : null;
    if (hit?.isNode()) handlers.onExpand?.(hit.data(), hit);
  }

  container.addEventListener("wheel", onWheel, { passive: false });
  container.addEventListener("pointerdown", onPointerDown);
  cy.on("tap", onTap);
  cy.on("dbltap", onDoubleTap);
  return () => {
    clearTimeout(timer);
    container.removeEventListener("wheel", onWheel);
    container.removeEventListener("pointerdown", onPointerDown);
    window.removeEventListener("pointermove", onPointerMove);
    if (!cy.destroyed()) {
      cy.off("tap", onTap);
      cy.off("dbltap", onDoubleTap);
    }
    cover.remove();
  };
}
