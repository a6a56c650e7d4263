// Evidence cards: the sentence behind a claim with its document, outlet, speaker, hedging, polarity and the
// Admiralty rating (source reliability A–F, information credibility 1–6).
import { badge, docLabel, h, readerLink } from "./dom.js";
import { relationLabel } from "./style.js";

export function claimFlags(claim) {
  return [
    claim.duplicate_of ? badge("syndicated copy", "") : null,
    claim.polarity === "negated" ? badge("negated", "negated") : null,
    claim.hedged ? badge("hedged", "hedged") : null,
    claim.review_status && claim.review_status !== "unreviewed" ? badge(claim.review_status, claim.review_status) : null,
  ];
}

export function claimTitle(claim) {
  const not = claim.polarity === "negated" ? "not " : "";
  return [h("strong", {}, claim.subject_name), ` ${not}${relationLabel(claim.relation)} `,
          h("strong", {}, claim.object_name)];
}

function rating(r) {
  if (!r) return null;
  return h("div", { class: "rating", title: "Admiralty code" },
    h("span", { class: `admiralty grade-${r.reliability}` }, r.admiralty),
    h("span", {}, `source: ${r.reliability} (${r.reliability_label}); information: ${r.credibility} (${r.credibility_label})`),
    r.corroborated_by.length ? h("div", { class: "muted" }, `corroborated by ${r.corroborated_by.join(", ")}`) : null,
    r.contradicted_by.length ? h("div", { class: "contra" }, `contradicted by ${r.contradicted_by.join(", ")}`) : null);
}

/** One claim as a card: the quoted sentence and where it comes from. */
export function evidenceCard(claim, { title = false } = {}) {
  return h("article", { class: "evidence", dataset: { claim: claim.id } },
    title ? h("div", { class: "claim-title" }, claimTitle(claim)) : null,
    h("blockquote", {}, claim.evidence.text),
    h("dl", {},
      h("dt", {}, "Document"), h("dd", {}, readerLink(claim.doc_id, claim.id, docLabel(claim))),
      h("dt", {}, "Outlet"), h("dd", {}, claim.outlet || "—", claim.published ? ` · ${claim.published}` : ""),
      claim.perspective ? [h("dt", {}, "Perspective"), h("dd", {}, claim.perspective)] : null,
      h("dt", {}, "Speaker"), h("dd", {}, claim.speaker || claim.asserted_by.name),
      claim.time ? [h("dt", {}, "Time"), h("dd", {}, claim.time)] : null),
    h("div", { class: "flags" }, claimFlags(claim), h("a", { href: `#/review/${encodeURIComponent(claim.id)}?doc=${encodeURIComponent(claim.doc_id)}`, class: "small" }, "review")),
    rating(claim.rating));
}

/** The evidence panel of one edge. */
export function edgePanel(data) {
  const claims = data.claims;
  const negated = claims.filter((c) => c.polarity === "negated").length;
  const hedged = claims.filter((c) => c.hedged).length;
  const docs = new Set(claims.map((c) => c.doc_id)).size;
  return h("section", { class: "panel-body" },
    h("h2", {}, h("span", {}, data.subject_name), ` ${relationLabel(data.relation)} `, h("span", {}, data.object_name)),
    h("p", { class: "muted" },
      `${claims.length} claim${claims.length === 1 ? "" : "s"} in ${docs} document${docs === 1 ? "" : "s"}`,
      negated ? ` · ${negated} negated` : "", hedged ? ` · ${hedged} hedged` : ""),
    claims.length ? claims.map((c) => evidenceCard(c)) : h("p", {}, "No claim behind this edge matches the filters."));
}
