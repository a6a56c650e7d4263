// The filter panel shared by the graph, timeline and map: sources (outlets), perspectives, relations and a
// date range. The chosen values live here, so moving between views keeps them.
import { get } from "./api.js";
import { h, fill } from "./dom.js";
import { RELATION_COLOR, relationLabel } from "./style.js";

export const chosen = { outlet: [], perspective: [], relation: [], date_from: "", date_to: "" };
let facetsPromise = null;

export function facets(refresh = false) {
  if (!facetsPromise || refresh) facetsPromise = get("/facets");
  return facetsPromise;
}

/** The API parameters of the current filters (``relations`` false: without the relation filter). */
export function params({ relations = true } = {}) {
  const out = { ...chosen };
  if (!relations) delete out.relation;
  return out;
}

function checklist(name, values, render = (v) => v) {
  const box = h("div", { class: "checklist" });
  for (const value of values) {
    const id = `f-${name}-${value}`.replace(/[^\w-]/g, "_");
    box.append(h("label", { for: id },
      h("input", { type: "checkbox", id, name, value, checked: chosen[name].includes(value) }),
      render(value)));
  }
  return box;
}

/** Build the panel into ``container``; ``onChange`` runs after every change. */
export async function filterPanel(container, onChange, { relations = true, dateLabel = "Published" } = {}) {
  const f = await facets();
  const form = h("form", { class: "filters", onsubmit: (e) => e.preventDefault() });
  const section = (title, body) => h("fieldset", {}, h("legend", {}, title), body);
  if (f.outlets.length) {
    form.append(section("Source", checklist("outlet", f.outlets.map((o) => o.name))));
  }
  if (f.perspectives.length) {
    form.append(section("Perspective", checklist("perspective", f.perspectives.map((p) => p.name))));
  }
  if (relations) {
    form.append(section("Relation", checklist("relation", f.relations, (r) =>
      [h("span", { class: "swatch line", style: { "--swatch": RELATION_COLOR[r] } }), relationLabel(r)])));
  }
  form.append(section(dateLabel, h("div", { class: "dates" },
    h("label", {}, "from ", h("input", { type: "date", name: "date_from", value: chosen.date_from })),
    h("label", {}, "to ", h("input", { type: "date", name: "date_to", value: chosen.date_to })))));
  form.append(h("button", { type: "button", class: "link-button", onclick: () => {
    Object.assign(chosen, { outlet: [], perspective: [], relation: [], date_from: "", date_to: "" });
    form.reset();
    for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
    for (const input of form.querySelectorAll("input[type=date]")) input.value = "";
    onChange();
  } }, "Clear filters"));
  form.addEventListener("change", () => {
    for (const name of ["outlet", "perspective", "relation"]) {
      chosen[name] = [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
    }
    chosen.date_from = form.elements.date_from.value;
    chosen.date_to = form.elements.date_to.value;
    onChange();
  });
  fill(container, form);
}
