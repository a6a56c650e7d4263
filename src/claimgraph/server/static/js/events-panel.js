// The sources of events: each report with its document, outlet, speaker and sentence.
import { badge, docLabel, h, readerLink } from "./dom.js";

export function eventSummary(e) {
  const parts = [e.date || "undated", e.place ? e.place.name + (e.place.country && e.place.country !== e.place.name ? `, ${e.place.country}` : "") : null];
  if (e.killed !== null) parts.push(`${e.killed} killed`);
  if (e.wounded !== null) parts.push(`${e.wounded} wounded`);
  return parts.filter(Boolean).join(" · ");
}

export function eventCard(e) {
  return h("article", { class: "evidence event" },
    h("div", { class: "claim-title" }, h("strong", {}, e.kind), " ", eventSummary(e)),
    e.perpetrators_names.length ? h("div", { class: "small" }, "perpetrator: ", e.perpetrators_names.join(", ")) : null,
    e.claimed_by_names.length ? h("div", { class: "small" }, "claimed by: ", e.claimed_by_names.join(", ")) : null,
    e.targets_names.length ? h("div", { class: "small" }, "target: ", e.targets_names.join(", ")) : null,
    h("blockquote", {}, e.evidence.text),
    h("div", { class: "muted small" }, readerLink(e.doc_id, null, docLabel(e)),
      e.outlet ? ` · ${e.outlet}` : "", e.published ? ` · ${e.published}` : "",
      e.perspective ? ` · ${e.perspective}` : "", ` · speaker: ${e.speaker}`, " ",
      e.hedged ? badge("hedged", "hedged") : null,
      e.place && e.place.located === "country" ? badge("placed at country centre", "") : null));
}

export function eventsPanel(title, events) {
  return h("section", { class: "panel-body" },
    h("h2", {}, title),
    h("p", { class: "muted" }, `${events.length} report${events.length === 1 ? "" : "s"}`),
    events.map(eventCard));
}
