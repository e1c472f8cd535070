"""GraphML for Gephi and networkx: people, groups and places, with affiliation and co-occurrence.

Nodes are resolved entities (one per cluster). An ``affiliation`` edge joins a
person to the organization a JOIN event names; a ``co-occurrence`` edge joins
any two entities that take part in the same event (its weight is the number
of such events); places are linked through the events located there.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, BinaryIO

import networkx as nx

from ..store.schema import entity_key
from . import binary_output

if TYPE_CHECKING:
    from ..store.store import Store


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [value] if isinstance(value, str) else []


def build_graph(entities: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]]) -> nx.Graph:
    """Return the entity graph of ``events`` over the resolved ``entities``."""
    graph = nx.Graph()
    node_of: dict[str, str] = {}
    for entity in entities:
        graph.add_node(
            entity["id"],
            label=entity["name"],
            type=entity["type"],
            mentions=int(entity.get("mentions") or 0),
        )
        for name in (entity["name"], *entity.get("aliases", [])):
            node_of.setdefault(entity_key(name), entity["id"])
    for event in events:
        members: dict[str, str] = {}
        for role, value in event["args"].items():
            for name in _names(value):
                node = node_of.get(entity_key(name))
                if node is not None:
                    members.setdefault(node, role)
        place = (event.get("location") or {}).get("name")
        if place and entity_key(place) in node_of:
            members.setdefault(node_of[entity_key(place)], "location")
        for a, b in combinations(sorted(members), 2):
            _add_edge(graph, a, b, "co-occurrence", event["id"])
        if event["type"] == "JOIN":
            for person in _names(event["args"].get("person")):
                for org in _names(event["args"].get("organization")):
                    pa, pb = node_of.get(entity_key(person)), node_of.get(entity_key(org))
                    if pa and pb and pa != pb:
                        _add_edge(graph, pa, pb, "affiliation", event["id"])
    return graph


def _add_edge(graph: nx.Graph, a: str, b: str, kind: str, event_id: str) -> None:
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        data["weight"] += 1
        data["events"] += " " + event_id
        if kind == "affiliation":
            data["kind"] = "affiliation"  # the stronger relation names the edge
    else:
        graph.add_edge(a, b, kind=kind, weight=1, events=event_id)


def write_graphml(
    entities: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]], out: BinaryIO
) -> int:
    """Write the entity graph as GraphML to the binary stream ``out``; return the node count."""
    graph = build_graph(entities, events)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    out.write(buffer.getvalue())
    return int(graph.number_of_nodes())


def export_graphml(store: Store, output: str | None) -> int:
    """Exporter ``kronika.export.graphml.v1``: the people, groups and places graph."""
    with binary_output(output) as out:
        return write_graphml(store.entities(), store.events(), out)
