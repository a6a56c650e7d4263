// The single page: a tab per view, chosen by the address (#/graph, #/reader/<doc>?claim=<id>, …).
import { notify } from "./api.js";
import { h, fill } from "./dom.js";
import { facets } from "./filters.js";
import * as graph from "./views/graph.js";
import * as compare from "./views/compare.js";
import * as reader from "./views/reader.js";
import * as timeline from "./views/timeline.js";
import * as map from "./views/map.js";
import * as review from "./views/review.js";
import * as upload from "./views/upload.js";

const VIEWS = [
  ["graph", "Graph", graph],
  ["compare", "Side by side", compare],
  ["reader", "Reader", reader],
  ["timeline", "Timeline", timeline],
  ["map", "Map", map],
  ["review", "Review", review],
  ["upload", "Upload", upload],
];
let cleanup = null;

function parseHash() {
  const [path, search = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  return { name: name || "graph", arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
           query: new URLSearchParams(search) };
}

export async function refreshSummary() {
  try {
    const f = await facets(true);
    fill(document.getElementById("store-summary"),
      `${f.documents} documents · ${f.actors} actors · ${f.claims} claims · ${f.events} events`);
  } catch (error) {
    notify(error);
  }
}

async function route() {
  const { name, arg, query } = parseHash();
  const entry = VIEWS.find(([key]) => key === name) || VIEWS[0];
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.view === entry[0]);
  }
  if (cleanup) cleanup();
  cleanup = null;
  const container = document.getElementById("view");
  container.className = `view view-${entry[0]}`;
  container.replaceChildren();
  try {
    cleanup = (await entry[2].mount(container, { arg, query })) || null;
  } catch (error) {
    notify(error);
  }
}

fill(document.getElementById("nav"),
  VIEWS.map(([key, label]) => h("a", { href: `#/${key}`, dataset: { view: key } }, label)));
window.addEventListener("hashchange", route);
window.addEventListener("claimgraph:changed", refreshSummary);
refreshSummary();
route();
