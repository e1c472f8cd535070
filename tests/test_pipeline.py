"""The pipeline over real inputs: long articles parsed in pieces, failures kept to their input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.model import Article, RawInput
from kronika.pipeline import analyse, prepare, process_batch
from kronika.settings import Settings

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "text"


def _sample_articles() -> list[Article]:
    paths = sorted(SAMPLES.glob("*.txt"))[:4]
    return [a for p in paths for a in prepare(RawInput(str(p), p.name, p.read_text("utf-8")))]


def test_analyse_long_article_in_pieces_keeps_spans_exact(nlp: object) -> None:
    parts = _sample_articles()
    article = Article("long", "h", 0, "\n\n".join(a.text for a in parts))
    whole = analyse(nlp, [article], Settings())[id(article)]  # type: ignore[arg-type]
    pieces = analyse(nlp, [article], Settings(), limit=1_500)[id(article)]  # type: ignore[arg-type]
    assert not isinstance(pieces, Exception) and not isinstance(whole, Exception)
    spans = [(ev, e.type) for e in pieces.events for ev in e.evidence]
    spans += [(ev, "claim") for c in pieces.claims for ev in c.evidence]
    assert spans and any(ev.start > 1_500 for ev, _ in spans)
    for ev, _ in spans:
        assert article.text[ev.start : ev.end] == ev.text
    mentions = [m for e in pieces.entities for m in e.mentions]
    assert all(article.text[m.start : m.end] == m.text for m in mentions)
    # cut only at paragraph ends, the pieces find what the whole finds, or nearly
    assert abs(len(pieces.events) - len(whole.events)) <= max(2, len(whole.events) // 5)


def test_process_batch_article_beyond_max_length_is_stored(nlp: object) -> None:
    story = (SAMPLES / "03-ziyoyev-group24-sentence.txt").read_text("utf-8")
    # long tokens make a text past the parser's limit that still parses in seconds
    word = "Supercalifragilisticexpialidocious" * 2
    filler = "\n\n".join(f"Line {i}: " + " ".join([word] * 20) + "." for i in range(800))
    body = f"{story}\n\n{filler}\n\n{story}"
    assert len(body) > nlp.max_length  # type: ignore[attr-defined]
    raw = RawInput("long.txt", "long.txt", body)
    (result,) = process_batch([raw], Settings())
    assert result.skip is None
    events = result.articles[0].events
    late = [ev for e in events for ev in e.evidence if ev.start > len(story) + len(filler)]
    assert late, "the story after the filler was not read"
    assert all(body[ev.start : ev.end] == ev.text for ev in late)


def test_process_batch_unknown_format_is_one_skip_and_others_go_on() -> None:
    good = SAMPLES / "03-ziyoyev-group24-sentence.txt"
    batch = [
        RawInput("odd.bin", "odd.bin", "something", format="pdf"),
        RawInput(str(good), good.name, good.read_text("utf-8")),
    ]
    odd, ok = process_batch(batch, Settings())
    assert odd.skip is not None and "unsupported format" in odd.skip.reason
    assert ok.skip is None and ok.articles[0].events


def test_parse_failure_on_one_text_leaves_the_others_parsed(nlp: object) -> None:
    from kronika.pipeline import _parse

    too_long = "word " * (nlp.max_length // 5 + 10)  # type: ignore[attr-defined]
    texts = ["A court in Osh jailed a man.", too_long, "Police arrested two."]
    found = list(_parse(nlp, [("en", text) for text in texts], Settings()))  # type: ignore[arg-type]
    assert [type(x).__name__ for x in found] == ["Doc", "ValueError", "Doc"]
    assert found[2].text == "Police arrested two."  # type: ignore[union-attr]
