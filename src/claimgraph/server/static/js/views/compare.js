// Side by side: two sources or perspectives, each with its own graph, and what lies between them —
// contradictions, agreements, what only one side says, and events both report.
import { get, notify } from "../api.js";
import { badge, docLabel, fill, h, readerLink, select } from "../dom.js";
import { facets } from "../filters.js";
import { createGraph } from "../graphview.js";

const FACETS = [
  { value: "perspective", label: "perspective" },
  { value: "outlet", label: "source (outlet)" },
  { value: "doc", label: "document" },
];

async function choices(by) {
  if (by === "doc") {
    const docs = await get("/documents", { limit: 1000 });
    return docs.items.map((d) => ({ value: d.id, label: docLabel(d) }));
  }
  const f = await facets();
  return (by === "outlet" ? f.outlets : f.perspectives).map((x) => ({ value: x.name, label: x.name }));
}

function evidenceBlock(label, ev) {
  return h("div", { class: "side" },
    h("div", { class: "side-label" }, label),
    h("blockquote", {}, ev.evidence.text),
    h("div", { class: "muted small" }, readerLink(ev.document, ev.ref, ev.document_label),
      ev.outlet ? ` · ${ev.outlet}` : "", ` · speaker: ${ev.speaker}`,
      ev.hedged ? " · hedged" : "", ev.polarity === "negated" ? " · negated" : "",
      ev.rating ? ` · ${ev.rating.admiralty}` : ""));
}

/** The two pieces of evidence of a conflict in side order: A's first. */
function bySide(cmp, c) {
  const onA = (ev) => cmp.a_documents.includes(ev.document);
  return onA(c.a) || !onA(c.b) ? [c.a, c.b] : [c.b, c.a];
}

function conflictCard(cmp, c, onFocus) {
  const [first, second] = bySide(cmp, c);
  return h("article", { class: "conflict", tabindex: 0, onmouseenter: () => onFocus(c.about), onfocus: () => onFocus(c.about) },
    h("header", {}, badge(c.kind.replaceAll("_", " "), "kind"), " ", h("strong", {}, c.about_names.join(" — "))),
    h("p", {}, c.reason),
    h("div", { class: "pair" }, evidenceBlock(`A · ${cmp.a}`, first), evidenceBlock(`B · ${cmp.b}`, second)));
}

function agreementCard(cmp, a) {
  return h("article", { class: "conflict agreement" },
    h("header", {}, badge(a.polarity, "kind"), " ", h("strong", {}, a.summary)),
    h("div", { class: "pair" }, evidenceBlock(`A · ${cmp.a}`, a.a[0]), evidenceBlock(`B · ${cmp.b}`, a.b[0])));
}

function silenceCard(s) {
  return h("article", { class: "conflict silence" },
    h("header", {}, h("strong", {}, s.summary)),
    h("p", { class: "muted small" }, `the other side discusses ${s.other_side_discusses_names.join(", ")} but says nothing of this`),
    s.evidence.slice(0, 3).map((ev) => h("div", { class: "side" }, h("blockquote", {}, ev.evidence.text),
      h("div", { class: "muted small" }, readerLink(ev.document, ev.ref, ev.document_label)))));
}

export async function mount(container, { query }) {
  const by = select(FACETS, query.get("by") || "perspective", { "aria-label": "Compare by" });
  const a = h("select", { "aria-label": "Side A" });
  const b = h("select", { "aria-label": "Side B" });
  const paneA = h("div", { class: "graph-canvas" });
  const paneB = h("div", { class: "graph-canvas" });
  const titleA = h("h2", {});
  const titleB = h("h2", {});
  const results = h("section", { class: "compare-results" });
  container.append(
    h("div", { class: "toolbar" }, "Compare by ", by, " A: ", a, " B: ", b,
      h("button", { type: "button", onclick: () => run() }, "Compare")),
    h("div", { class: "compare-panes" },
      h("div", { class: "pane" }, titleA, paneA), h("div", { class: "pane" }, titleB, paneB)),
    results);
  const graphA = createGraph(paneA);
  const graphB = createGraph(paneB);

  async function fillChoices(keep) {
    const options = await choices(by.value);
    for (const [el, index] of [[a, 0], [b, 1]]) {
      fill(el, options.map((o) => h("option", { value: o.value }, o.label)));
      const wanted = keep?.[index];
      if (wanted && options.some((o) => o.value === wanted)) el.value = wanted;
      else if (options[index]) el.value = options[index].value;
    }
  }

  function focus(about) {
    for (const g of [graphA, graphB]) {
      const edges = g.cy.edges().filter((e) => about.includes(e.data("source")) && about.includes(e.data("target")));
      g.focus(edges.nonempty() ? edges.map((e) => e.id()) : null);
    }
  }

  async function run() {
    if (!a.value || !b.value) {
      fill(results, h("p", { class: "hint" }, "There are not two groups to compare yet."));
      return;
    }
    if (a.value === b.value) {
      notify("Pick two different groups.");
      return;
    }
    history.replaceState(null, "", `#/compare?by=${encodeURIComponent(by.value)}&a=${encodeURIComponent(a.value)}&b=${encodeURIComponent(b.value)}`);
    fill(results, h("p", { class: "muted" }, "comparing…"));
    try {
      const [ga, gb, report] = await Promise.all([
        get("/graph", { [by.value]: a.value, max_edges: 800 }),
        get("/graph", { [by.value]: b.value, max_edges: 800 }),
        get("/compare", { by: by.value, a: a.value, b: b.value }),
      ]);
      const cmp = report.comparisons[0];
      fill(titleA, "A: ", a.selectedOptions[0].textContent, h("span", { class: "muted small" }, ` ${ga.nodes.length} actors · ${ga.edges.length} edges`));
      fill(titleB, "B: ", b.selectedOptions[0].textContent, h("span", { class: "muted small" }, ` ${gb.nodes.length} actors · ${gb.edges.length} edges`));
      graphA.show(ga);
      graphB.show(gb);
      showResults(cmp);
    } catch (error) {
      notify(error);
      fill(results, h("p", { class: "error" }, error.message));
    }
  }

  function showResults(cmp) {
    const tabs = [
      ["Contradictions", cmp.contradictions.map((c) => conflictCard(cmp, c, focus))],
      ["Hedged disagreements", cmp.hedged_disagreements.map((c) => conflictCard(cmp, c, focus))],
      ["Agreements", cmp.agreements.map((a) => agreementCard(cmp, a))],
      ["Only A says", cmp.silences.only_a.map(silenceCard)],
      ["Only B says", cmp.silences.only_b.map(silenceCard)],
    ];
    const body = h("div", { class: "tab-body" });
    const bar = h("div", { class: "tabs", role: "tablist" });
    const show = (i) => {
      [...bar.children].forEach((t, j) => t.classList.toggle("active", i === j));
      fill(body, tabs[i][1].length ? tabs[i][1] : h("p", { class: "muted" }, "Nothing here."));
    };
    tabs.forEach(([label, items], i) => bar.append(h("button", { type: "button", role: "tab", onclick: () => show(i) },
      `${label} (${items.length})`)));
    fill(results, bar, body);
    show(0);
  }

  by.addEventListener("change", async () => { await fillChoices(); run(); });
  await fillChoices([query.get("a"), query.get("b")]);
  await run();
  return () => { graphA.destroy(); graphB.destroy(); };
}
