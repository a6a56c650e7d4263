// The document reader: the clean text with actor mentions and claim sentences highlighted. Clicking a claim
// in the list scrolls to its sentence; clicking a highlighted sentence selects its claims in the list.
import { get, notify } from "../api.js";
import { badge, docLabel, fill, h, safeHref, shortId } from "../dom.js";
import { claimFlags, claimTitle } from "../evidence.js";
import { ACTOR_STYLE } from "../style.js";

const PAGE = 500;

export async function mount(container, { arg, query }) {
  const list = h("aside", { class: "sidebar doc-list" });
  const main = h("section", { class: "reader-main" }, h("p", { class: "hint" }, "Choose a document."));
  const side = h("aside", { class: "panel claims-panel" });
  container.append(list, main, side);
  const first = await documentList(list, arg);
  const ref = arg || first;
  if (ref) await open(ref, query.get("claim"), main, side);
}

async function documentList(list, current) {
  const data = await get("/documents", { limit: PAGE });
  const filter = h("input", { type: "search", placeholder: "Filter documents…", "aria-label": "Filter documents" });
  const items = h("ul", {}, data.items.map((d) => h("li", { class: d.id === current ? "current" : "", dataset: { text:
      `${d.title || ""} ${d.outlet || ""} ${d.perspective || ""}`.toLowerCase() } },
    h("a", { href: `#/reader/${encodeURIComponent(d.id)}` }, docLabel(d)),
    h("div", { class: "muted small" }, [d.outlet, d.published, d.perspective].filter(Boolean).join(" · "),
      ` · ${d.claims} claims`, d.duplicate_of ? " · syndicated copy" : ""))));
  filter.addEventListener("input", () => {
    const text = filter.value.toLowerCase();
    for (const li of items.children) li.hidden = !li.dataset.text.includes(text);
  });
  fill(list, h("h2", {}, "Documents"), filter, items,
    data.total > PAGE ? h("p", { class: "muted small" }, `showing ${PAGE} of ${data.total}`) : null);
  if (!current && items.firstChild) items.firstChild.classList.add("current");
  return data.items[0]?.id || null;
}

/** The text split at every mention and claim boundary, each piece marked with what covers it. */
export function highlightedText(doc) {
  const text = doc.text;
  const claims = doc.claims.map((c) => ({ id: c.id, start: c.evidence.start, end: c.evidence.end,
                                           rejected: c.review_status === "rejected" }));
  const events = doc.events.map((e) => ({ id: e.id, start: e.evidence.start, end: e.evidence.end }));
  const marks = new Set([0, text.length]);
  for (const r of [...claims, ...events, ...doc.mentions]) {
    marks.add(Math.max(0, Math.min(text.length, r.start)));
    marks.add(Math.max(0, Math.min(text.length, r.end)));
  }
  const cuts = [...marks].sort((a, b) => a - b);
  const body = h("div", { class: "doc-text", id: "doc-text" });
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const covering = claims.filter((c) => c.start <= a && c.end >= b);
    const reporting = events.filter((e) => e.start <= a && e.end >= b);
    const mention = doc.mentions.find((m) => m.start <= a && m.end >= b);
    if (!covering.length && !reporting.length && !mention) {
      body.append(document.createTextNode(piece));
      continue;
    }
    const classes = [];
    if (covering.length) classes.push(covering.every((c) => c.rejected) ? "sentence rejected" : "sentence");
    if (reporting.length) classes.push("event-sentence");
    if (mention) classes.push("mention", `mention-${mention.type in ACTOR_STYLE ? mention.type : "other"}`);
    const span = h("span", { class: classes.join(" "), title: mention ? `${mention.name} (${mention.type})` : null },
      piece);
    if (covering.length) span.dataset.claims = covering.map((c) => c.id).join(" ");
    if (reporting.length) span.dataset.events = reporting.map((e) => e.id).join(" ");
    if (mention) span.dataset.entity = mention.entity_id;
    body.append(span);
  }
  return body;
}

function flash(elements) {
  for (const el of elements) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
}

async function open(ref, claimId, main, side) {
  let doc;
  try {
    doc = await get(`/documents/${encodeURIComponent(ref)}/text`);
  } catch (error) {
    notify(error);
    fill(main, h("p", { class: "error" }, error.message));
    return;
  }
  const meta = [doc.outlet, doc.author, doc.published, doc.perspective && `perspective: ${doc.perspective}`]
    .filter(Boolean).join(" · ");
  const url = doc.url && safeHref(doc.url) !== "#" ? h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, doc.url) : null;
  const text = highlightedText(doc);
  fill(main,
    h("header", { class: "doc-header" },
      h("h1", {}, docLabel(doc)),
      h("p", { class: "muted" }, meta),
      h("p", { class: "muted small" }, h("code", {}, shortId(doc.id)), doc.source ? ` · ${doc.source}` : "",
        url ? " · " : "", url, doc.duplicate_of ? " · syndicated copy of " : "",
        doc.duplicate_of ? h("a", { href: `#/reader/${encodeURIComponent(doc.duplicate_of)}` }, shortId(doc.duplicate_of)) : null)),
    text);

  const items = doc.claims.map((c) => h("li", { class: `claim-item ${c.review_status}`, dataset: { claim: c.id },
      tabindex: 0, onclick: () => selectClaim(c.id, true) },
    h("div", {}, claimTitle(c)),
    h("div", { class: "muted small" }, `speaker: ${c.speaker}`, " ", claimFlags(c),
      " ", h("a", { href: `#/review/${encodeURIComponent(c.id)}?doc=${encodeURIComponent(doc.id)}`, class: "small" }, "review"))));
  const events = doc.events.map((e) => h("li", { class: "event-item", tabindex: 0, onclick: () => highlight("events", e.id, true) },
    h("strong", {}, e.kind), " ", [e.date, e.place?.name].filter(Boolean).join(" · "),
    e.killed !== null ? ` · ${e.killed} killed` : ""));
  const mentions = new Map();
  for (const m of doc.mentions) mentions.set(m.entity_id, m);
  fill(side,
    h("h2", {}, `Claims (${doc.claims.length})`),
    doc.claims.length ? h("ol", { class: "claim-list" }, items) : h("p", { class: "muted" }, "No claims found in this text."),
    h("h3", {}, `Events (${doc.events.length})`),
    h("ul", { class: "event-list" }, events),
    h("h3", {}, "Actors and places named"),
    h("p", { class: "tags" }, [...mentions.values()].map((m) => badge(m.name, `mention-${m.type}`))));

  text.addEventListener("click", (event) => {
    const span = event.target.closest("span[data-claims]");
    if (!span) return;
    const ids = span.dataset.claims.split(" ");
    for (const li of side.querySelectorAll(".claim-item")) li.classList.toggle("selected", ids.includes(li.dataset.claim));
    const first = side.querySelector(`.claim-item[data-claim="${CSS.escape(ids[0])}"]`);
    if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    highlight("claims", ids[0], false);
  });

  function highlight(kind, id, scroll) {
    for (const s of text.querySelectorAll("span.current")) s.classList.remove("current");
    const spans = [...text.querySelectorAll(`span[data-${kind}]`)].filter((s) => s.dataset[kind].split(" ").includes(id));
    for (const s of spans) s.classList.add("current");
    if (scroll && spans.length) spans[0].scrollIntoView({ block: "center", behavior: "smooth" });
    flash(spans);
  }

  function selectClaim(id, scroll) {
    for (const li of side.querySelectorAll(".claim-item")) li.classList.toggle("selected", li.dataset.claim === id);
    highlight("claims", id, scroll);
  }

  if (claimId) selectClaim(claimId, true);
}
