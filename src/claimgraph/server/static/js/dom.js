// Building the page from data. Every piece of text goes in through textContent (never innerHTML), so
// an article that contains HTML or script is shown as text and runs nothing.

/** An element: h("a", {href: "#/x", class: "link", onclick: fn}, "text", child, ...). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "style") {
      for (const [name, v] of Object.entries(value)) {
        if (name.startsWith("--")) el.style.setProperty(name, v);
        else el.style[name] = v;
      }
    }
    else if (key === "href") el.setAttribute("href", safeHref(value));
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only in-app links (#…, /…) and http(s) links; anything else (javascript:, data:) becomes "#". */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
  } catch {
    return "#";
  }
}

/** Replace the children of an element. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function badge(text, kind = "") {
  return h("span", { class: `badge ${kind}`.trim() }, text);
}

/** A document's name for people: its title, else the file it was read from, else its id's beginning
 * (``doc`` is a document, or a claim or event with doc_title, doc_source and doc_id). */
export function docLabel(doc) {
  if (doc.doc_id) return docLabel({ title: doc.doc_title, source: doc.doc_source, id: doc.doc_id });
  if (doc.title) return doc.title;
  if (doc.source && doc.source !== "-") return doc.source.split(/[\\/]/).pop();
  return shortId(doc.id);
}

export function shortId(id) {
  return String(id || "").replace(/^sha256:/, "").slice(0, 12);
}

export function readerLink(docId, claimId, label) {
  const query = claimId ? `?claim=${encodeURIComponent(claimId)}` : "";
  return h("a", { href: `#/reader/${encodeURIComponent(docId)}${query}`, class: "doc-link" }, label);
}

/** A <select> of options [{value, label}] with the value chosen. */
export function select(options, chosen, attrs = {}) {
  return h("select", attrs, options.map((o) =>
    h("option", { value: o.value, selected: String(o.value) === String(chosen) }, o.label ?? o.value)));
}

export function debounce(fn, ms = 250) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
