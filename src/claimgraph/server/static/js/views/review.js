// Review: confirm, reject or edit a claim (relation, direction, polarity, hedging, speaker). Every change is
// kept in the audit trail with who, when, the values before and after; nothing is deleted.
import { get, notify, post } from "../api.js";
import { badge, docLabel, fill, h, readerLink, select } from "../dom.js";
import { claimFlags, claimTitle } from "../evidence.js";
import { facets } from "../filters.js";
import { relationLabel } from "../style.js";

const PAGE = 50;
const STATUSES = ["unreviewed", "confirmed", "edited", "rejected"];
const REVIEWER_KEY = "claimgraph.reviewer";

function changed(before, after) {
  const rows = [];
  for (const key of Object.keys(after)) {
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(after[key]);
    if (a !== b) rows.push(h("li", {}, h("code", {}, key), ": ", valueText(before[key]), " → ", valueText(after[key])));
  }
  return rows;
}

function valueText(value) {
  if (value && typeof value === "object") return value.name ?? JSON.stringify(value);
  return value === null || value === undefined ? "—" : String(value);
}

export function auditList(entries) {
  if (!entries.length) return h("p", { class: "muted" }, "Not reviewed yet.");
  return h("ol", { class: "audit" }, entries.map((a) => h("li", { class: "audit-entry" },
    h("div", {}, badge(a.action, a.action), " by ", h("strong", {}, a.reviewer), " ",
      h("time", { datetime: a.at }, new Date(a.at).toLocaleString())),
    h("ul", { class: "small" }, changed(a.before, a.after)))));
}

export async function mount(container, { arg, query }) {
  let f = await facets();
  let status = query.get("status") || "unreviewed";
  let relation = "";
  let offset = 0;
  const list = h("section", { class: "review-list" });
  const detail = h("section", { class: "review-detail" }, h("p", { class: "hint" }, "Choose a claim to review."));
  const statusTabs = h("div", { class: "tabs" });
  const relationSelect = select([{ value: "", label: "any relation" }, ...f.relations.map((r) => ({ value: r, label: relationLabel(r) }))],
    "", { "aria-label": "Relation" });
  relationSelect.addEventListener("change", () => { relation = relationSelect.value; offset = 0; loadList(); });
  container.append(h("div", { class: "review-left" }, h("div", { class: "toolbar" }, statusTabs, relationSelect), list), detail);

  function tabs() {
    fill(statusTabs, ["all", ...STATUSES].map((s) => h("button", { type: "button", class: s === status ? "active" : "",
      onclick: () => { status = s; offset = 0; tabs(); loadList(); } },
      s === "all" ? "all" : `${s} (${f.review_status[s] || 0})`)));
  }

  async function loadList() {
    const data = await get("/claims", { review_status: status === "all" ? STATUSES : status, relation,
                                        limit: PAGE, offset });
    const rows = data.items.map((c) => h("tr", { class: c.review_status, tabindex: 0, dataset: { claim: c.id },
        onclick: () => openClaim(c.id, c.doc_id) },
      h("td", {}, claimTitle(c), " ", claimFlags(c)),
      h("td", { class: "sentence-cell" }, c.evidence.text),
      h("td", { class: "muted small" }, docLabel(c))));
    fill(list,
      h("table", { class: "claims-table" },
        h("thead", {}, h("tr", {}, h("th", {}, "Claim"), h("th", {}, "Sentence"), h("th", {}, "Document"))),
        h("tbody", {}, rows)),
      h("div", { class: "pager" },
        h("button", { type: "button", disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); loadList(); } }, "← previous"),
        h("span", { class: "muted" }, ` ${data.total ? offset + 1 : 0}–${offset + data.items.length} of ${data.total} `),
        h("button", { type: "button", disabled: offset + PAGE >= data.total, onclick: () => { offset += PAGE; loadList(); } }, "next →")));
  }

  async function openClaim(id, doc) {
    let claim;
    let audit;
    try {
      [claim, audit] = await Promise.all([get(`/claims/${encodeURIComponent(id)}`, { doc }),
                                          get(`/claims/${encodeURIComponent(id)}/audit`, { doc })]);
    } catch (error) {
      notify(error);
      return;
    }
    for (const tr of list.querySelectorAll("tr[data-claim]")) tr.classList.toggle("selected", tr.dataset.claim === id);
    history.replaceState(null, "", `#/review/${encodeURIComponent(id)}?doc=${encodeURIComponent(claim.doc_id)}`);
    showClaim(claim, audit);
  }

  function showClaim(claim, audit) {
    const reviewer = h("input", { type: "text", name: "reviewer", value: localStorage.getItem(REVIEWER_KEY) || "",
                                  placeholder: "your name", required: true, "aria-label": "Reviewer" });
    const relationField = select(f.relations.map((r) => ({ value: r, label: relationLabel(r) })), claim.relation, { name: "relation" });
    const swap = h("input", { type: "checkbox", name: "swap" });
    const polarity = select([{ value: "affirmed" }, { value: "negated" }], claim.polarity, { name: "polarity" });
    const hedged = h("input", { type: "checkbox", name: "hedged", checked: claim.hedged });
    const speaker = h("input", { type: "text", name: "speaker", value: claim.asserted_by.name });

    async function send(action, changes) {
      const name = reviewer.value.trim();
      if (!name) {
        notify("Give your name as reviewer first.");
        reviewer.focus();
        return;
      }
      localStorage.setItem(REVIEWER_KEY, name);
      try {
        const result = await post(`/claims/${encodeURIComponent(claim.id)}/review`, { reviewer: name, action, changes, doc: claim.doc_id });
        notify(`Claim ${action === "edit" ? "edited" : `${action}ed`}.`, "ok");
        window.dispatchEvent(new Event("claimgraph:changed"));
        showClaim(result.claim, result.audit);
        f = await facets(true);
        tabs();
        loadList();
      } catch (error) {
        notify(error);
      }
    }

    function edit() {
      const changes = {};
      if (relationField.value !== claim.relation) changes.relation = relationField.value;
      if (swap.checked) { changes.subject = claim.object; changes.object = claim.subject; }
      if (polarity.value !== claim.polarity) changes.polarity = polarity.value;
      if (hedged.checked !== claim.hedged) changes.hedged = hedged.checked;
      if (speaker.value.trim() && speaker.value.trim() !== claim.asserted_by.name) changes.asserted_by = speaker.value.trim();
      if (!Object.keys(changes).length) { notify("Nothing changed."); return; }
      send("edit", changes);
    }

    fill(detail,
      h("h2", {}, claimTitle(claim)),
      h("p", {}, claimFlags(claim), claim.reviewed_by ? h("span", { class: "muted small" }, ` last reviewed by ${claim.reviewed_by}`) : null),
      h("blockquote", { class: "big" }, claim.evidence.text),
      h("p", { class: "muted small" }, readerLink(claim.doc_id, claim.id, docLabel(claim)),
        claim.outlet ? ` · ${claim.outlet}` : "", ` · speaker: ${claim.speaker}`),
      h("div", { class: "review-form" },
        h("label", {}, "Reviewer ", reviewer),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "confirm", onclick: () => send("confirm", {}) }, "Confirm"),
          h("button", { type: "button", class: "reject", onclick: () => send("reject", {}) }, "Reject")),
        h("fieldset", {}, h("legend", {}, "Edit"),
          h("label", {}, "Relation ", relationField),
          h("label", {}, swap, ` Reverse direction (${claim.object_name} → ${claim.subject_name})`),
          h("label", {}, "Polarity ", polarity),
          h("label", {}, hedged, " Hedged"),
          h("label", {}, "Speaker ", speaker, h("span", { class: "muted small" }, " (\"author\" for the article's author)")),
          h("button", { type: "button", class: "save", onclick: edit }, "Save edit"))),
      h("h3", {}, "Audit trail"),
      auditList(audit));
  }

  tabs();
  await loadList();
  if (arg) await openClaim(arg, query.get("doc"));
}
