"""The briefing's pictures as plain geometry: a network drawing and a timeline, for the template to write as SVG.

Nothing here produces markup; every label goes through the template's autoescaping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

TYPE_COLOURS = {
    "armed_group": "#a93226", "state": "#1b4f72", "state_agency": "#2e86c1", "political_party": "#7d3c98",
    "person": "#b9770e", "international_org": "#117a65", "other": "#717d7e", "place": "#52865a",
    "event": "#6e2c00",
}
RELATION_COLOURS = {
    "supports": "#1e8449", "allied_with": "#138d75", "rival_of": "#d35400", "attacks": "#c0392b",
    "claims_responsibility": "#6e2c00", "member_of": "#566573", "splinter_of": "#8e44ad", "leads": "#2874a6",
    "operates_in": "#85929e", "part_of": "#b2babb",
}
HEDGED_DASH = "7 4"
NEGATED_DASH = "2 4"
KB_DASH = "1 3"


@dataclass(frozen=True)
class NodeMark:
    x: float
    y: float
    r: float
    label: str
    title: str
    colour: str
    shape: str  # circle | square | diamond

    @property
    def label_inside(self) -> bool:
        """Whether the label fits inside the node (a short name on a big node, e.g. a hub)."""
        return self.shape == "circle" and self.r >= 14 and len(self.label) * 8.5 <= 2 * self.r - 4

    @property
    def diamond(self) -> str:
        """SVG ``points`` of a diamond around the node."""
        r = self.r * 1.2
        return f"{self.x:.1f},{self.y - r:.1f} {self.x + r:.1f},{self.y:.1f} {self.x:.1f},{self.y + r:.1f} " \
               f"{self.x - r:.1f},{self.y:.1f}"


@dataclass(frozen=True)
class EdgeMark:
    path: str
    colour: str
    dash: str | None
    width: float
    opacity: float
    marker: str
    title: str


@dataclass
class NetworkPicture:
    width: int
    height: int
    nodes: list[NodeMark] = field(default_factory=list)
    edges: list[EdgeMark] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)  # (relation, colour) in the legend
    types: list[tuple[str, str]] = field(default_factory=list)  # (node type, colour) in the legend


def short_label(name: str, aliases: str) -> str:
    """A long name's first acronym alias (``Islamic State Khorasan Province`` → ``ISKP``), else the name."""
    if len(name) <= 22:
        return name
    acronyms = [a for a in aliases.split("; ") if 2 <= len(a) <= 8 and a.replace("-", "").isupper()]
    return acronyms[0] if acronyms else name


def _marker_id(colour: str) -> str:
    return "arrow-" + colour.lstrip("#")


def network_picture(graph: nx.MultiDiGraph, width: int = 960, height: int = 620,
                    hierarchy: list[tuple[str, str]] | None = None) -> NetworkPicture:
    """Lay the claim graph out (spring layout with a fixed seed, so the picture is the same every time).

    ``hierarchy`` adds dotted ``part of`` lines (from the knowledge base) between nodes already drawn.
    """
    picture = NetworkPicture(width, height)
    if graph.number_of_nodes() == 0:
        return picture
    simple = nx.Graph(graph.to_undirected())
    for child, parent in hierarchy or []:
        if child in simple and parent in simple:
            simple.add_edge(child, parent)
    positions = nx.spring_layout(simple, seed=7, k=1.6 / math.sqrt(simple.number_of_nodes()), iterations=200)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    margin_x, margin_y = 90, 50

    def scale(value: float, low: float, high: float, size: int, margin: int) -> float:
        return size / 2 if high == low else margin + (value - low) / (high - low) * (size - 2 * margin)

    at = {n: (scale(p[0], min(xs), max(xs), width, margin_x), scale(p[1], min(ys), max(ys), height, margin_y))
          for n, p in positions.items()}
    degree = dict(simple.degree())
    radius = {n: 6 + min(degree[n], 16) for n in simple}
    for child, parent in hierarchy or []:
        if child in at and parent in at:
            picture.edges.append(EdgeMark(_line(at[child], at[parent], 0, radius[parent]), RELATION_COLOURS["part_of"],
                                          KB_DASH, 1.2, 0.9, _marker_id(RELATION_COLOURS["part_of"]),
                                          f"{graph.nodes[child]['label']} part of {graph.nodes[parent]['label']} (KB)"))
    pairs: dict[frozenset[str], int] = {}
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"])):
        key = frozenset((source, target))
        index = pairs.get(key, 0)
        pairs[key] = index + 1
        bend = (index + 1) // 2 * 22 * (1 if index % 2 else -1) if index else 0
        colour = RELATION_COLOURS.get(data["relation"], "#717d7e")
        negated = data["polarity"] == "negated"
        picture.edges.append(EdgeMark(
            _line(at[source], at[target], bend, radius[target]), colour,
            NEGATED_DASH if negated else HEDGED_DASH if data["hedged"] else None,
            1.2 + min(data["claims"], 6) * 0.5, 0.55 if negated else 0.9, _marker_id(colour),
            f"{graph.nodes[source]['label']} {'not ' if negated else ''}{data['relation'].replace('_', ' ')} "
            f"{graph.nodes[target]['label']} — {data['claims']} claim(s) in {data['documents']} document(s)"))
    for node, (x, y) in at.items():
        attrs = graph.nodes[node]
        shape = {"place": "square", "event": "diamond"}.get(str(attrs["kind"]), "circle")
        colour = TYPE_COLOURS.get(str(attrs["kind"]) if attrs["kind"] != "actor" else str(attrs["type"]),
                                  TYPE_COLOURS["other"])
        picture.nodes.append(NodeMark(x, y, radius[node], short_label(str(attrs["label"]), str(attrs["aliases"])),
                                      f"{attrs['label']} ({str(attrs['type']).replace('_', ' ')})", colour, shape))
    used = {d["relation"] for _, _, d in graph.edges(data=True)} | ({"part_of"} if hierarchy else set())
    picture.relations = [(r, c) for r, c in RELATION_COLOURS.items() if r in used]
    kinds = {str(a["type"]) if a["kind"] == "actor" else str(a["kind"]) for _, a in graph.nodes(data=True)}
    picture.types = [(t, c) for t, c in TYPE_COLOURS.items() if t in kinds]
    return picture


def _line(start: tuple[float, float], end: tuple[float, float], bend: float, end_radius: float) -> str:
    """An SVG path from ``start`` to the rim of the node at ``end``, bowed sideways by ``bend`` pixels."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    mx, my = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
    tx, ty = x2 - mx, y2 - my
    stop = math.hypot(tx, ty) or 1.0
    ex, ey = x2 - tx / stop * (end_radius + 3), y2 - ty / stop * (end_radius + 3)
    return f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}"


@dataclass(frozen=True)
class TimeMark:
    x: float
    x2: float
    y: float
    label: str
    title: str
    colour: str
    label_x: float
    label_y: float
    anchor: str  # "start": the label runs right of the mark; "end": left of it (near the right edge)


@dataclass
class TimelinePicture:
    width: int
    height: int
    axis_y: float
    ticks: list[tuple[float, str]] = field(default_factory=list)
    lanes: list[tuple[float, str]] = field(default_factory=list)  # (y, name)
    marks: list[TimeMark] = field(default_factory=list)


@dataclass(frozen=True)
class TimeItem:
    """Something to place on the timeline: the days it covers, its lane and its text."""

    start: date
    end: date
    lane: str
    label: str
    title: str
    colour: str


def timeline_picture(items: list[TimeItem], width: int = 960) -> TimelinePicture:
    """Lanes of dated items over a shared time axis with yearly (or monthly) ticks; labels stack to stay apart."""
    left, right, row = 120, 30, 16
    if not items:
        return TimelinePicture(width, 0, 0)
    first = min(i.start for i in items)
    last = max(i.end for i in items)
    first, last = date(first.year, 1, 1), date(last.year, 12, 31)
    span = max((last - first).days, 1)

    def x_of(day: date) -> float:
        return left + (day - first).days / span * (width - left - right)

    marks: list[TimeMark] = []
    lanes: list[tuple[float, str]] = []
    y = 30.0
    for lane in dict.fromkeys(i.lane for i in items):
        rows_end: list[float] = []
        lane_items = sorted((i for i in items if i.lane == lane), key=lambda i: (i.start, i.label))
        placed = []
        for item in lane_items:
            x = x_of(item.start)
            needed = 6.2 * len(item.label) + 12
            anchor = "end" if x + needed > width - right else "start"
            begin, end = (x - needed, x) if anchor == "end" else (x, x + needed)
            slot = next((n for n, taken in enumerate(rows_end) if taken < begin), len(rows_end))
            if slot == len(rows_end):
                rows_end.append(0.0)
            rows_end[slot] = end
            placed.append((item, x, slot, anchor))
        lanes.append((y, lane))
        for item, x, slot, anchor in placed:
            marks.append(TimeMark(x, max(x_of(item.end), x + 3), y, item.label, item.title, item.colour,
                                  x + 2 if anchor == "start" else x - 2, y + 18 + slot * row, anchor))
        y += 34 + max(len(rows_end), 1) * row
    picture = TimelinePicture(width, int(y + 40), y + 6, lanes=lanes, marks=marks)
    years = range(first.year, last.year + 1)
    step = max(1, math.ceil(len(years) / 12))
    picture.ticks = [(x_of(date(year, 1, 1)), str(year)) for year in years[::step]]
    if len(years) == 1:
        picture.ticks += [(x_of(date(first.year, month, 1)), date(first.year, month, 1).strftime("%b"))
                          for month in range(4, 13, 3)]
    return picture
