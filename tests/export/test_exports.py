"""Exports over a real store: CSV, JSON lines, ACLED columns, GraphML loadable by networkx."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from kronika.export import export
from kronika.export.acled import COLUMNS as ACLED_COLUMNS


def _filled(store: Any, make_input_result: Any) -> Any:
    store.write_input(make_input_result())
    return store


def test_export_acled_uses_acled_columns(
    store: Any, make_input_result: Any, tmp_path: Path
) -> None:
    out = tmp_path / "acled.csv"
    n = export(_filled(store, make_input_result), "acled", str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert n == len(rows) == 2
    assert tuple(rows[0]) == ACLED_COLUMNS
    arrest = next(r for r in rows if r["sub_event_type"] == "Arrests")
    assert arrest["location"] == "Khujand" and arrest["event_date"] == "2021-02"


def test_export_csv_and_jsonl_round_trip(
    store: Any, make_input_result: Any, tmp_path: Path
) -> None:
    _filled(store, make_input_result)
    export(store, "jsonl", str(tmp_path / "e.jsonl"))
    export(store, "csv", str(tmp_path / "e.csv"))
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [e["id"] for e in lines] == [e["id"] for e in store.events()]
    rows = list(csv.DictReader((tmp_path / "e.csv").read_text().splitlines()))
    assert len(rows) == len(lines)


def test_export_graphml_loads_in_networkx(
    store: Any, make_input_result: Any, tmp_path: Path
) -> None:
    out = tmp_path / "g.graphml"
    export(_filled(store, make_input_result), "graphml", str(out))
    graph = nx.read_graphml(out)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Farrukh Nazarov", "Sughd regional court", "Khujand"} <= labels
    assert any(d["kind"] == "co-occurrence" for _, _, d in graph.edges(data=True))
