// Upload: add documents from the browser. Each file goes up on its own request, with a progress bar, and
// comes back with what happened to it: stored, already there, a syndicated copy, or why it failed.
import { h, fill, readerLink, shortId } from "../dom.js";
import { facets } from "../filters.js";

function send(file, fields, onProgress) {
  return new Promise((resolve) => {
    const form = new FormData();
    form.append("files", file, file.name);
    for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.responseType = "json";
    xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    xhr.addEventListener("load", () => resolve({ status: xhr.status, body: xhr.response || {} }));
    xhr.addEventListener("error", () => resolve({ status: 0, body: { detail: "the server could not be reached" } }));
    xhr.send(form);
  });
}

const STATUS_TEXT = { ingested: "stored", near_duplicate: "stored as a syndicated copy", duplicate: "already in the store" };

function resultLines(body, status, fileName) {
  if (status !== 200) return [h("div", { class: "error" }, body.detail || `failed (${status})`)];
  const file = body.files[0];
  return [
    ...file.documents.map((d) => h("div", { class: "ok" }, `${STATUS_TEXT[d.status] || d.status}: `,
      readerLink(d.doc_id, null, d.title || (file.documents.length === 1 ? fileName : shortId(d.doc_id))))),
    ...file.errors.map((e) => h("div", { class: "error" }, e)),
  ];
}

export async function mount(container) {
  const f = await facets();
  const input = h("input", { type: "file", multiple: true, id: "upload-files", accept: ".txt,.md,.markdown,.html,.htm,.pdf,.jsonl" });
  const outlet = h("input", { type: "text", name: "outlet", list: "outlet-options" });
  const published = h("input", { type: "text", name: "published", placeholder: "YYYY-MM-DD" });
  const perspective = h("input", { type: "text", name: "perspective", list: "perspective-options" });
  const rows = h("tbody", {});
  const drop = h("label", { class: "dropzone", for: "upload-files" },
    h("strong", {}, "Drop files here or choose them"),
    h("span", { class: "muted" }, "text, Markdown, HTML, PDF or JSONL; the fields below fill what a file does not say"));
  container.append(h("section", { class: "upload" },
    h("h1", {}, "Add documents"),
    drop, input,
    h("datalist", { id: "outlet-options" }, f.outlets.map((o) => h("option", { value: o.name }))),
    h("datalist", { id: "perspective-options" }, f.perspectives.map((p) => h("option", { value: p.name }))),
    h("div", { class: "fields" },
      h("label", {}, "Outlet ", outlet), h("label", {}, "Published ", published), h("label", {}, "Perspective ", perspective)),
    h("table", { class: "upload-table" },
      h("thead", {}, h("tr", {}, h("th", {}, "File"), h("th", {}, "Size"), h("th", {}, "Progress"), h("th", {}, "Result"))),
      rows)));

  async function upload(files) {
    const fields = { outlet: outlet.value.trim(), published: published.value.trim(), perspective: perspective.value.trim() };
    const jobs = [...files].map((file) => {
      const bar = h("progress", { max: 1, value: 0 });
      const result = h("td", { class: "result" }, h("span", { class: "muted" }, "waiting"));
      rows.append(h("tr", {}, h("td", {}, file.name), h("td", {}, `${Math.ceil(file.size / 1024)} KB`), h("td", {}, bar), result));
      return { file, bar, result };
    });
    for (const job of jobs) {
      fill(job.result, h("span", { class: "muted" }, "uploading…"));
      const { status, body } = await send(job.file, fields, (share) => {
        job.bar.value = share;
        if (share >= 1) fill(job.result, h("span", { class: "muted" }, "reading and extracting…"));
      });
      job.bar.value = 1;
      fill(job.result, resultLines(body, status, job.file.name));
    }
    window.dispatchEvent(new Event("claimgraph:changed"));
  }

  input.addEventListener("change", () => { upload(input.files); input.value = ""; });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); upload(e.dataTransfer.files); });
}
