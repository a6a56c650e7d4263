// The timeline of events (vis-timeline), one row per perspective; selecting an event opens its sources.
import { Timeline, DataSet } from "../../vendor/vis-timeline/vis-timeline-graph2d.min.mjs";
import { get, notify } from "../api.js";
import { fill, h } from "../dom.js";
import { eventsPanel } from "../events-panel.js";
import { filterPanel, params } from "../filters.js";

const MAX_EVENTS = 1000;

/** Start and end of an ISO date known to the day, month or year. */
export function span(date) {
  const [y, m, d] = date.split("-").map(Number);
  if (d) return { start: new Date(Date.UTC(y, m - 1, d)), end: null };
  if (m) return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 1)) };
  return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
}

export async function mount(container) {
  const side = h("aside", { class: "sidebar" });
  const area = h("div", { class: "timeline-area", id: "timeline" });
  const status = h("p", { class: "muted" });
  const panel = h("aside", { class: "panel" }, h("p", { class: "hint" }, "Select an event to see its sources."));
  container.append(side, h("section", { class: "timeline-main" }, status, area), panel);
  let timeline = null;
  let byId = new Map();

  async function load() {
    try {
      const data = await get("/events", { ...params({ relations: false }), limit: MAX_EVENTS });
      const dated = data.items.filter((e) => e.date);
      byId = new Map(dated.map((e, i) => [String(i), e]));
      const groups = [...new Set(dated.map((e) => e.perspective || "no perspective"))].sort();
      const items = dated.map((e, i) => {
        const { start, end } = span(e.date);
        const content = h("span", { class: "tl-item" }, `${e.kind}${e.place ? ` · ${e.place.name}` : ""}${e.killed !== null ? ` · ${e.killed} killed` : ""}`);
        return { id: String(i), start, end: end || undefined, type: end ? "range" : "box", content,
                 group: e.perspective || "no perspective", className: `kind-${e.kind.replace(/\W/g, "")}` };
      });
      if (timeline) timeline.destroy();
      timeline = new Timeline(area, new DataSet(items), new DataSet(groups.map((g) => ({ id: g, content: h("span", {}, g) }))),
        { stack: true, zoomMin: 1000 * 60 * 60 * 24 * 7, orientation: "top", margin: { item: 6 }, maxHeight: "100%" });
      timeline.on("select", ({ items: chosen }) => {
        const events = chosen.map((id) => byId.get(String(id))).filter(Boolean);
        if (!events.length) return;
        const first = events[0];
        const same = dated.filter((e) => e.date === first.date && (e.place?.name || "") === (first.place?.name || ""));
        fill(panel, eventsPanel(`${first.kind} · ${first.date}${first.place ? ` · ${first.place.name}` : ""}`, same));
      });
      fill(status, `${dated.length} dated events`, data.items.length > dated.length ? `, ${data.items.length - dated.length} without a date` : "",
        data.total > data.items.length ? ` (first ${data.items.length} of ${data.total})` : "");
    } catch (error) {
      notify(error);
    }
  }

  await filterPanel(side, load, { relations: false, dateLabel: "Happened" });
  await load();
  return () => timeline?.destroy();
}
