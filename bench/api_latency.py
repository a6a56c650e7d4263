"""Latency of the web API's graph and actor-neighbourhood endpoints on a large store, and how fast the browser
draws a graph of 3,000+ actors.

    .venv/bin/python bench/api_latency.py                      # 100,000 claims, 300 requests per endpoint
    .venv/bin/python bench/api_latency.py --claims 200000 --json

The store is synthetic (bulk inserts through SQLAlchemy Core into the store's own tables): documents from 40
outlets and 5 perspectives over two years, actors whose number of claims follows a heavy-tailed law (a few
hubs, many actors with one or two claims), 10% negated and 15% hedged claims. Requests go through the ASGI
app in process (FastAPI TestClient: routing, validation, SQL and JSON, without the network); after them, the
first graph request after a review (the server reads the reviewed claim again) and after a new document (it
reads every claim again). The browser check starts a loopback server on the same store, opens the graph view in
Debian's Chromium (Playwright) and times real wheel turns and drags: to the next frame (as Playwright sees it,
and in the page from each input event), and to the graph drawn afresh once the gesture pauses. It is skipped
when /usr/bin/chromium or playwright is missing.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import tempfile
import threading
import time
import urllib.request
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from claimgraph.model import RELATIONS, Claim, Document, Extraction, Span
from claimgraph.server import ServerConfig, create_app
from claimgraph.store import Store, open_store
from claimgraph.store import schema as t

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TYPES = ("armed_group", "state", "state_agency", "political_party", "person", "international_org")
PERSPECTIVES = ("north", "south", "east", "west", "international")
CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"]


def build_store(store: Store, n_claims: int, n_docs: int, n_actors: int, seed: int = 7) -> list[str]:
    """Fill an empty store with synthetic documents, actors and claims; the actor ids, most-claimed first."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    start = date(2023, 1, 1)
    docs = []
    for i in range(n_docs):
        docs.append({
            "id": f"sha256:{i:064x}", "title": f"Synthetic report {i}", "url": None, "outlet": f"Outlet {i % 40}",
            "author": f"Writer {i % 300}", "published": (start + timedelta(days=i * 730 // n_docs)).isoformat(),
            "language": "en", "tags": {"perspective": PERSPECTIVES[i % len(PERSPECTIVES)]},
            "source": f"synthetic/{i}.txt", "text": f"Synthetic report {i}.", "n_words": 3, "signature": None,
            "duplicate_of": None, "ingested_at": now + timedelta(microseconds=i),
        })
    actor_ids = [f"new:actor-{i}" for i in range(n_actors)]
    actors = [{"id": a, "name": f"Actor {i}", "type": TYPES[i % len(TYPES)], "wikidata": None, "aliases": [],
               "origin": "new"} for i, a in enumerate(actor_ids)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]  # heavy tail: a few hubs, many rare actors
    subjects = rng.choices(actor_ids, weights, k=n_claims)
    objects = rng.choices(actor_ids, weights, k=n_claims)
    evidence, claims = [], []
    for i in range(n_claims):
        subject, obj = subjects[i], objects[i]
        if subject == obj:
            obj = actor_ids[(actor_ids.index(obj) + 1) % n_actors] if n_actors > 1 else obj
        doc_id = docs[i % n_docs]["id"]
        evidence.append({"id": i + 1, "doc_id": doc_id, "start": 0, "end": 10, "text": f"Sentence {i}."})
        relation = RELATIONS[rng.randrange(len(RELATIONS))]
        claims.append({
            "doc_id": doc_id, "id": f"claim:{i:012x}", "position": i // n_docs, "subject": subject,
            "relation": relation, "object": obj, "object_name": f"Actor {obj.rsplit('-', 1)[1]}",
            "polarity": "negated" if rng.random() < 0.10 else "affirmed", "hedged": rng.random() < 0.15,
            "asserted_by_id": "author", "asserted_by_name": "author", "time": None, "confidence": 0.7,
            "extractor": "synthetic", "subject_via": None, "evidence_id": i + 1, "review_status": "unreviewed",
            "reviewed_by": None, "reviewed_at": None,
        })
    with store.engine.begin() as conn:
        for table, rows in ((t.documents, docs), (t.actors, actors), (t.evidence, evidence), (t.claims, claims)):
            for at in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[at:at + 20_000])
    counts: dict[str, int] = {}
    for claim in claims:
        for end in (claim["subject"], claim["object"]):
            counts[end] = counts.get(end, 0) + 1
    return sorted(counts, key=lambda a: -counts[a])


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    cut = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"n": len(ordered), "p50_ms": round(cut[49], 1), "p95_ms": round(cut[94], 1),
            "max_ms": round(ordered[-1], 1)}


def timed(client: TestClient, requests: list[tuple[str, dict[str, Any]]]) -> tuple[dict[str, float], dict]:
    samples, last = [], {}
    for path, params in requests:
        started = time.perf_counter()
        response = client.get(path, params=params)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} {params}: {response.status_code} {response.text[:200]}")
        last = response.json()
    return percentiles(samples), last


def measure_api(client: TestClient, store: Store, actors: list[str], n: int, rng: random.Random) -> dict[str, Any]:
    def graph_params() -> dict[str, Any]:
        choice = rng.randrange(4)
        if choice == 0:
            return {}
        if choice == 1:
            return {"perspective": rng.choice(PERSPECTIVES)}
        if choice == 2:
            return {"relation": rng.sample(RELATIONS, 2)}
        year = rng.choice((2023, 2024))
        return {"date_from": f"{year}-01-01", "date_to": f"{year}-06-30", "outlet": [f"Outlet {rng.randrange(40)}"]}

    def around(depth: int) -> tuple[str, dict[str, Any]]:
        # half hubs (the 50 most-claimed actors), half anyone
        actor = rng.choice(actors[:50]) if rng.random() < 0.5 else rng.choice(actors)
        return f"/api/actors/{actor}/neighbourhood", {"depth": depth}

    timed(client, [("/api/graph", {}), ("/api/actors/" + actors[0] + "/neighbourhood", {})])  # warm up
    results: dict[str, Any] = {}
    results["graph (1,500 edges, mixed filters)"], _ = timed(
        client, [("/api/graph", graph_params()) for _ in range(n)])
    results["graph, no filter"], graph = timed(client, [("/api/graph", {}) for _ in range(max(20, n // 5))])
    results["graph, no filter"]["nodes"] = len(graph["nodes"])
    results["neighbourhood depth 1"], _ = timed(client, [around(1) for _ in range(n)])
    results["neighbourhood depth 2"], _ = timed(client, [around(2) for _ in range(max(20, n // 5))])
    reviewed = []
    for i in range(30):  # a review: the next graph request reads the reviewed claim again, not every claim
        action = ("confirm", "reject", "edit")[i % 3]
        body = {"reviewer": "bench", "action": action,
                "changes": {"relation": RELATIONS[i % len(RELATIONS)]} if action == "edit" else {}}
        client.post(f"/api/claims/claim:{i:012x}/review", json=body)
        started = time.perf_counter()
        client.get("/api/graph")
        reviewed.append((time.perf_counter() - started) * 1000)
    results["graph, first request after a review"] = percentiles(reviewed)
    uploaded = []
    for i in range(5):  # a new document: the next graph request reads every claim again
        text = f"Benchmark upload {i} names two actors."
        store.add(Extraction(Document(text, title=f"Upload {i}", outlet="Outlet 0", published="2024-05-01"),
                             claims=[Claim(f"claim:upload-{i}", actors[i], "supports", actors[i + 1], "",
                                           Span(0, len(text), text))]))
        started = time.perf_counter()
        client.get("/api/graph")
        uploaded.append((time.perf_counter() - started) * 1000)
    results["graph, first request after a new document"] = percentiles(uploaded)
    return results


# For each input event of a gesture, the time from the event to the second animation frame after it (the
# frame that shows its effect), in the page's own clock; ``frameAfterInput`` once the gesture's last event
# (``kind``) has had its frame.
AFTER_INPUT = """(kind) => {
  window.frameAfterInput = false;
  window.inputToFrame = [];
  const next = (event, last) => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.inputToFrame.push(performance.now() - event.timeStamp);
    if (last) window.frameAfterInput = true;
  }));
  const moved = (event) => next(event, false);
  window.addEventListener("pointermove", moved, { capture: true });
  window.addEventListener(kind, (event) => {
    window.removeEventListener("pointermove", moved, { capture: true });
    next(event, true);
  }, { capture: true, once: true });
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_browser(store: Store, client: TestClient, nodes_wanted: int = 3000) -> dict[str, Any] | None:
    """Open the graph view with at least ``nodes_wanted`` actors; the time to draw it and to render frames."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    import uvicorn

    edges = next((m for m in range(1500, 10_001, 500)
                  if len(client.get("/api/graph", params={"max_edges": m}).json()["nodes"]) >= nodes_wanted), 10_000)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ServerConfig(), store=store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/graph?max_edges=1") as warm:  # builds the index
        warm.read()
    frame = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
            page = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True).new_page()
            page.goto(f"http://127.0.0.1:{port}/#/graph?max_edges={edges}")
            page.wait_for_function("document.querySelector('#graph')?.dataset.paintedAt > 0", timeout=120_000)
            times = {key: int(page.get_attribute("#graph", f"data-{key}"))
                     for key in ("requested-at", "received-at", "painted-at")}
            box = page.locator("#graph").bounding_box()
            middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            frames, in_page, settled = [], [], []
            for gesture in ("zoom in", "pan", "zoom out", "pan"):  # real mouse input, as a user drives it
                page.mouse.move(*middle)
                before = page.get_attribute("#graph", "data-settled-at") or ""
                page.evaluate(AFTER_INPUT, "wheel" if gesture.startswith("zoom") else "pointerup")
                at = time.perf_counter()
                if gesture.startswith("zoom"):
                    page.mouse.wheel(0, -400 if gesture == "zoom in" else 400)
                else:
                    page.mouse.down()
                    page.mouse.move(middle[0] + 200, middle[1] + 120, steps=4)
                    page.mouse.up()
                page.wait_for_function("window.frameAfterInput", timeout=60_000, polling=5)
                frames.append((time.perf_counter() - at) * 1000)
                in_page.append(max(page.evaluate("window.inputToFrame")))
                # then the graph drawn afresh at the new viewport, once the gesture has paused
                page.wait_for_function(f"(document.querySelector('#graph').dataset.settledAt || '') !== '{before}'",
                                       timeout=60_000, polling=10)
                page.evaluate(frame)
                settled.append((time.perf_counter() - at) * 1000)
            result = {
                "nodes": int(page.get_attribute("#graph", "data-nodes")),
                "edges": int(page.get_attribute("#graph", "data-edges")),
                "draw_ms": int(page.get_attribute("#graph", "data-draw-ms")),
                "page_start_to_request_ms": times["requested-at"],
                "graph_response_ms": times["received-at"] - times["requested-at"],
                "page_start_to_painted_ms": times["painted-at"],
                "gesture_to_frame_ms": {"median": round(statistics.median(frames)), "max": round(max(frames))},
                "input_to_frame_in_page_ms": {"median": round(statistics.median(in_page)), "max": round(max(in_page))},
                "gesture_to_redrawn_ms": {"median": round(statistics.median(settled)), "max": round(max(settled))},
            }
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--docs", type=int, default=5_000)
    parser.add_argument("--actors", type=int, default=8_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser check")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.db'}")
        started = time.perf_counter()
        actors = build_store(store, args.claims, args.docs, args.actors)
        built = time.perf_counter() - started
        with TestClient(create_app(ServerConfig(), store=store)) as client:
            report: dict[str, Any] = {
                "store": {"claims": args.claims, "documents": args.docs, "actors": len(actors),
                          "build_s": round(built, 1)},
                "api": measure_api(client, store, actors, args.requests, random.Random(11)),
            }
            if not args.no_browser:
                report["browser"] = measure_browser(store, client)
        store.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"store: {args.claims:,} claims, {args.docs:,} documents, {len(actors):,} actors "
          f"(built in {report['store']['build_s']} s)")
    for name, row in report["api"].items():
        print(f"  {name:<44} n={row['n']:<4} p50 {row['p50_ms']:>6} ms   p95 {row['p95_ms']:>6} ms   "
              f"max {row['max_ms']:>6} ms")
    browser = report.get("browser")
    if browser:
        gestures = browser["gesture_to_frame_ms"]
        print(f"browser: {browser['nodes']:,} actors, {browser['edges']:,} edges; page start to graph request "
              f"{browser['page_start_to_request_ms']} ms, response {browser['graph_response_ms']} ms, laid out in "
              f"{browser['draw_ms']} ms, painted at {browser['page_start_to_painted_ms']} ms; "
              f"wheel zoom or drag to the next frame {gestures['median']} ms (max {gestures['max']}; in the page, "
              f"input event to frame {browser['input_to_frame_in_page_ms']['median']} ms, max "
              f"{browser['input_to_frame_in_page_ms']['max']}), to the graph "
              f"redrawn at the new viewport {browser['gesture_to_redrawn_ms']['median']} ms "
              f"(max {browser['gesture_to_redrawn_ms']['max']})")
    elif not args.no_browser:
        print("browser: skipped (needs /usr/bin/chromium and playwright)")


if __name__ == "__main__":
    main()
