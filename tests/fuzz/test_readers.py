"""Readers never crash: random bytes, Unicode, records and hostile shapes become inputs or skips.

Every property is: each item ``iter_inputs`` yields is a RawInput or a Skip with a
reason, and every RawInput goes through read → clean → split to articles or to an
``ArticleSkipped`` with a stage and a reason. Nothing else may escape.
"""

import csv
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.errors import ArticleSkipped
from kronika.ingest.sources import EXTENSIONS, iter_inputs
from kronika.model import Article, RawInput, Skip
from kronika.pipeline import prepare
from kronika.settings import Settings

#: Bounded and repeatable: the fuzz tests together stay within a minute in `make test`.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SETTINGS = Settings(max_input_bytes=2_000_000)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)
records = st.dictionaries(
    st.sampled_from(["id", "text", "title", "published", "source", "url", "author", "other"]),
    json_values,
    max_size=6,
)


def read_all(name: str, data: bytes) -> list[RawInput | Skip]:
    """Write ``data`` as file ``name`` in a fresh folder and read the folder and the file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(iter_inputs([tmp, str(path)], SETTINGS))


def check(items: list[RawInput | Skip]) -> None:
    """Every item is an input that prepares to articles or skips with a reason, or a Skip."""
    for item in items:
        if isinstance(item, Skip):
            assert item.stage and item.reason.strip(), item
            continue
        assert isinstance(item, RawInput) and item.format in ("text", "html")
        try:
            articles = prepare(item)
        except ArticleSkipped as skip:
            assert skip.stage and skip.reason.strip()
            continue
        assert articles and all(isinstance(a, Article) and a.text.strip() for a in articles)
        assert all(a.input_hash == item.content_hash for a in articles)


@FUZZ
@given(ext=st.sampled_from(sorted(EXTENSIONS)), data=st.binary(max_size=4096))
def test_iter_inputs_random_bytes_never_raise(ext: str, data: bytes) -> None:
    check(read_all(f"random{ext}", data))


@FUZZ
@given(ext=st.sampled_from([".txt", ".html", ".md"]), text=st.text(max_size=2000))
def test_iter_inputs_random_unicode_text_never_raise(ext: str, text: str) -> None:
    check(read_all(f"unicode{ext}", text.encode("utf-8", "surrogatepass")))


@FUZZ
@given(fmt=st.sampled_from(["text", "html"]), body=st.text(min_size=1, max_size=3000))
def test_prepare_random_unicode_body_gives_articles_or_a_skip(fmt: str, body: str) -> None:
    # records (JSON, feeds) can carry any str, lone surrogates included
    check([RawInput(source="fuzz", external_id="fuzz", body=body, format=fmt)])


@FUZZ
@given(data=st.one_of(json_values, st.lists(records, max_size=8), records))
def test_iter_inputs_random_json_never_raise(data: object) -> None:
    check(read_all("records.json", json.dumps(data).encode("utf-8")))


@FUZZ
@given(lines=st.lists(st.one_of(records.map(json.dumps), st.text(max_size=80)), max_size=10))
def test_iter_inputs_random_jsonl_never_raise(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    check(read_all("records.jsonl", data))


@FUZZ
@given(
    header=st.lists(st.sampled_from(["id", "text", "title", "x", ""]), min_size=1, max_size=4),
    rows=st.lists(st.lists(st.text(max_size=200), max_size=5), max_size=8),
)
def test_iter_inputs_random_csv_never_raise(header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    check(read_all("table.csv", buffer.getvalue().encode("utf-8", "surrogatepass")))


SENTENCE = "The court in Osh sentenced two men to nine years in prison on Tuesday. "


@pytest.mark.parametrize(
    "name,body",
    [
        ("nested-divs.html", "<html><body>" + "<div>" * 50_000 + SENTENCE + "</div>" * 50_000),
        ("unclosed-divs.html", "<div>" * 50_000 + SENTENCE),
        ("nested-tags-as-text.txt", "<b>" * 50_000 + SENTENCE),
        ("one-enormous-line.txt", SENTENCE * 20_000),
        ("one-enormous-word.txt", "x" * 1_500_000),
        ("only-newlines.txt", "\n" * 500_000 + SENTENCE),
        ("nul-bytes.txt", ("\x00" + SENTENCE) * 100),
        ("deep-json.json", "[" * 50_000 + "]" * 50_000),
        ("deep-json-line.jsonl", '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n"),
        ("huge-json.json", json.dumps([{"id": n, "text": SENTENCE} for n in range(15_000)])),
        ("huge-csv-field.csv", "id,text\n1," + "y" * 1_500_000 + "\n"),
        ("too-large.txt", SENTENCE * 40_000),
    ],
)
def test_iter_inputs_hostile_shapes_never_raise(name: str, body: str) -> None:
    items = read_all(name, body.encode("utf-8"))
    check(items)
    if name == "too-large.txt":
        assert all(isinstance(i, Skip) and "too large" in i.reason for i in items)
