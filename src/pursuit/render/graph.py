"""The dossier's link graph drawn as inline SVG, laid out the same way every time.

The subject sits in the middle; nodes tied to it by a claim or an incident form the inner ring,
those only named in the same sentences the outer one, each ring ordered by type then name so
two prints of one dossier look alike. Lines from "named with" are dashed: they say that two
names share a sentence, nothing more. No script and no style attribute: classes from the one
style sheet and SVG presentation attributes only, as the pages' CSP requires.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pursuit.cases.dossier_graph import GraphNode, LinkGraph
from pursuit.cases.dossier_places import NAMED_WITH
from pursuit.cases.dossier_sources import script_of

__all__ = ["GraphView", "Line", "Spot", "graph_view"]

WIDTH, HEIGHT = 760, 600
INNER, OUTER = 150.0, 250.0
STAGGER = 34.0  # every other outer node sits this much closer in, so labels do not collide
LONGEST_LABEL = 30
_ORDER = {"incident": 0, "organization": 1, "person": 2, "location": 3}


@dataclass(frozen=True, slots=True)
class Spot:
    """A node where it is drawn, with its label's anchor ("start" or "end") and direction."""

    id: str
    type: str
    label: str
    x: float
    y: float
    anchor: str
    rtl: bool
    subject: bool
    items: int


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    weak: bool
    items: int


@dataclass(frozen=True, slots=True)
class GraphView:
    width: int
    height: int
    spots: tuple[Spot, ...]
    lines: tuple[Line, ...]


def _short(label: str) -> str:
    flat = " ".join(label.split())
    return flat if len(flat) <= LONGEST_LABEL else flat[: LONGEST_LABEL - 1] + "…"


def _spot(node: GraphNode, angle: float, radius: float) -> Spot:
    x = WIDTH / 2 + radius * math.cos(angle)
    y = HEIGHT / 2 + radius * math.sin(angle)
    rtl = script_of(node.label) in ("Arabic", "Hebrew", "Syriac")
    anchor = "start" if math.cos(angle) >= -1e-9 else "end"
    return Spot(
        node.id, node.type, _short(node.label), round(x, 1), round(y, 1), anchor, rtl,
        node.subject, len(node.items),
    )  # fmt: skip


def _ring(nodes: list[GraphNode], radius: float, stagger: bool) -> list[Spot]:
    ordered = sorted(nodes, key=lambda n: (_ORDER.get(n.type, 9), n.label))
    step = 2 * math.pi / max(len(ordered), 1)
    offset = step / 2 if stagger else 0.0
    return [
        _spot(n, -math.pi / 2 + offset + i * step, radius - (STAGGER if stagger and i % 2 else 0))
        for i, n in enumerate(ordered)
    ]


def graph_view(graph: LinkGraph) -> GraphView | None:
    """The drawing of the graph, or None when the subject has no links."""
    if len(graph.nodes) < 2:
        return None
    subject = next((n for n in graph.nodes if n.subject), graph.nodes[0])
    strong = {e.source for e in graph.edges if e.label != NAMED_WITH} | {
        e.target for e in graph.edges if e.label != NAMED_WITH
    }
    others = [n for n in graph.nodes if n.id != subject.id]
    inner = [n for n in others if n.id in strong]
    outer = [n for n in others if n.id not in strong]
    if not inner or not outer:
        inner, outer = [], inner or outer
    spots = [_spot(subject, 0.0, 0.0), *_ring(inner, INNER, False), *_ring(outer, OUTER, True)]
    return GraphView(WIDTH, HEIGHT, tuple(spots), _lines(graph, {s.id: s for s in spots}))


def _lines(graph: LinkGraph, at: dict[str, Spot]) -> tuple[Line, ...]:
    """One line per pair of nodes, labelled with its claim and incident links; a pair only
    named together is drawn dashed and unlabelled."""
    pairs: dict[tuple[str, str], tuple[list[str], set[str]]] = {}
    for e in graph.edges:
        labels, items = pairs.setdefault((e.source, e.target), ([], set()))
        labels.append(e.label)
        items.update(e.items)
    lines: list[Line] = []
    for (a, b), (labels, items) in pairs.items():
        strong = [label for label in labels if label != NAMED_WITH]
        one, other = at.get(a), at.get(b)
        if one and other:
            weak = not strong
            text = ", ".join(strong)
            lines.append(Line(one.x, one.y, other.x, other.y, text, weak, len(items)))
    return tuple(lines)
