// The map of events (Leaflet) over a vendored outline of the world's countries (Natural Earth), with no
// tile server. A circle per place; a dashed one when only the country is known. Click it for the sources.
import * as L from "../../vendor/leaflet/leaflet-src.esm.js";
import { get, notify } from "../api.js";
import { fill, h } from "../dom.js";
import { eventsPanel } from "../events-panel.js";
import { filterPanel, params } from "../filters.js";

let outline = null;

/** A ring whose longitudes jump across the antimeridian (179 → -179) continues past it instead (179 → 181),
 * so that Leaflet, which draws on a flat map, does not stretch it across the whole world. */
function unwrapRing(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i > 0) {
      const previous = ring[i - 1][0];
      if (lon - previous > 180) shift -= 360;
      else if (previous - lon > 180) shift += 360;
    }
    return [lon + shift, lat];
  });
}

function unwrap(geometry) {
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === "MultiPolygon") {
    return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
  }
  return geometry;
}

async function countries() {
  if (!outline) {
    const response = await fetch("/static/vendor/world-atlas/countries-110m.json");
    const topology = await response.json();
    const world = window.topojson.feature(topology, topology.objects.countries);
    outline = { ...world, features: world.features.map((f) => ({ ...f, geometry: unwrap(f.geometry) })) };
  }
  return outline;
}

export async function mount(container) {
  const side = h("aside", { class: "sidebar" });
  const area = h("div", { class: "map-area", id: "map" });
  const status = h("p", { class: "muted" });
  const panel = h("aside", { class: "panel" }, h("p", { class: "hint" }, "Click a place to see the events reported there."));
  container.append(side, h("section", { class: "map-main" }, status, area), panel);

  const map = L.map(area, { minZoom: 2, maxZoom: 9, attributionControl: true, maxBounds: [[-85, -240], [85, 240]] })
    .setView([25, 45], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");
  L.geoJSON(await countries(), { style: { color: "#b9c3cc", weight: 0.8, fillColor: "#eef1f3", fillOpacity: 1 },
                                  interactive: false }).addTo(map);
  const markers = L.layerGroup().addTo(map);

  async function load() {
    try {
      const data = await get("/events", { ...params({ relations: false }), limit: 1000 });
      markers.clearLayers();
      const places = new Map();
      let unplaced = 0;
      for (const e of data.items) {
        if (!e.place || e.place.lat === null) { unplaced += 1; continue; }
        const key = `${e.place.lat},${e.place.lon},${e.place.located}`;
        if (!places.has(key)) places.set(key, []);
        places.get(key).push(e);
      }
      for (const events of places.values()) {
        const place = events[0].place;
        const exact = place.located === "place";
        const names = [...new Set(events.map((e) => e.place.name))];
        const marker = L.circleMarker([place.lat, place.lon], {
          radius: 5 + Math.sqrt(events.length) * 3, color: exact ? "#8f1d1d" : "#b05a2a", weight: 1.5,
          dashArray: exact ? null : "3 3", fillColor: exact ? "#c9302c" : "#e7a07a", fillOpacity: 0.75,
        });
        marker.bindTooltip(h("span", {}, `${names.join(", ")}: ${events.length} event${events.length === 1 ? "" : "s"}`));
        marker.on("click", () => fill(panel, eventsPanel(names.join(", "), events)));
        marker.addTo(markers);
      }
      if (places.size) map.fitBounds(markers.getLayers().map((m) => m.getLatLng()), { padding: [40, 40], maxZoom: 5, animate: false });
      area.dataset.markers = places.size;
      fill(status, `${data.items.length - unplaced} events at ${places.size} places`,
        unplaced ? ` · ${unplaced} without a known place` : "");
    } catch (error) {
      notify(error);
    }
  }

  await filterPanel(side, load, { relations: false, dateLabel: "Happened" });
  await load();
  return () => map.remove();
}
