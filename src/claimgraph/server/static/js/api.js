// Talking to the JSON API. Errors come back as {detail}; they are shown in the notice bar.
import { fill } from "./dom.js";

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Query string from an object; arrays become repeated parameters, empty values are left out. */
export function query(params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== "") search.append(key, item);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function request(method, path, params, body) {
  const options = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}${query(params)}`, options);
  const data = await response.json().catch(() => ({ detail: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, data.detail || response.statusText);
  return data;
}

export const get = (path, params) => request("GET", path, params);
export const post = (path, body) => request("POST", path, undefined, body);
export const put = (path, body) => request("PUT", path, undefined, body);

/** Show an error (or any message) in the notice bar at the top. */
export function notify(message, kind = "error") {
  if (message instanceof Error && !(message instanceof ApiError)) console.error(message);
  const bar = document.getElementById("notice");
  fill(bar, String(message instanceof Error ? message.message : message));
  bar.className = `notice ${kind}`;
  bar.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { bar.hidden = true; }, 8000);
}
