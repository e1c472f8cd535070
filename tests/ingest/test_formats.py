"""read_document, read_text and read_html: main text and metadata from each format."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.errors import ArticleSkipped, UnsupportedFormat
from kronika.ingest.formats import read_document, read_html, read_text
from kronika.model import RawInput


def _raw(path: Path, fmt: str, **meta: str) -> RawInput:
    body = path.read_text(encoding="utf-8")
    return RawInput(source=str(path), external_id=path.stem, body=body, format=fmt, meta=meta)


def test_read_text_normalizes_newlines(test_data: Path) -> None:
    body = (test_data / "text" / "crlf-line-endings.txt").read_bytes().decode()
    doc = read_text(RawInput(source="t", external_id="t", body=body))
    assert "\r" not in doc.text
    assert doc.text.startswith("A windows line ending article.\n\nIt was written")


def test_read_text_guesses_metadata_from_the_text(test_data: Path) -> None:
    doc = read_text(_raw(test_data / "text" / "wire-story-reuters-credit.txt", "text"))
    assert (doc.title, doc.outlet, doc.published, doc.language) == (
        "Gunmen kill three police officers in border town",
        "Reuters",
        "2019-03-04",
        "en",
    )


def test_read_text_record_metadata_wins(test_data: Path) -> None:
    raw = _raw(
        test_data / "text" / "wire-story-reuters-credit.txt",
        "text",
        title="Record title",
        outlet="Record Wire",
        published="Tue, 05 Mar 2019 08:00:00 +0000",
        url="https://example.org/a",
        author="Desk",
    )
    doc = read_text(raw)
    assert (doc.title, doc.outlet, doc.published, doc.url, doc.author) == (
        "Record title",
        "Record Wire",
        "2019-03-05",
        "https://example.org/a",
        "Desk",
    )


@pytest.mark.parametrize("body", ["", "   \n\t\n"])
@pytest.mark.parametrize("fmt", ["text", "html"])
def test_readers_skip_empty_text(fmt: str, body: str) -> None:
    raw = RawInput(source="t", external_id="t", body=body, format=fmt)
    with pytest.raises(ArticleSkipped, match="empty text") as info:
        read_document(raw)
    assert info.value.stage == "read"


def test_read_html_takes_main_text_and_page_metadata(test_data: Path) -> None:
    doc = read_html(_raw(test_data / "html" / "article-with-metadata.html", "html"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1].startswith("DUSHANBE, January 9, 2017 — A regional court")
    assert len(paragraphs) == 4
    assert "Great article" not in doc.text
    assert "Share on Twitter" not in doc.text
    assert "Home" not in doc.text
    assert (doc.title, doc.author, doc.published, doc.outlet) == (
        "Court jails activist for seven years",
        "Jane Roe",
        "2017-01-09",
        "Steppe Herald",
    )


def test_read_html_meta_wins_over_page_metadata(test_data: Path) -> None:
    raw = _raw(
        test_data / "html" / "article-with-metadata.html",
        "html",
        title="Feed title",
        outlet="Feed Outlet",
        url="https://example.org/feed-item",
    )
    doc = read_document(raw)
    assert (doc.title, doc.outlet, doc.url, doc.author) == (
        "Feed title",
        "Feed Outlet",
        "https://example.org/feed-item",
        "Jane Roe",
    )


def test_read_html_reads_broken_html(test_data: Path) -> None:
    doc = read_html(_raw(test_data / "html" / "broken-unclosed-tags.html", "html"))
    assert "A court in Osh sentenced a man to nine years in prison" in doc.text
    assert "His lawyer said the trial was unfair" in doc.text
    assert "<" not in doc.text


def test_read_html_skips_a_page_without_text(test_data: Path) -> None:
    with pytest.raises(ArticleSkipped, match="no text found in HTML"):
        read_html(_raw(test_data / "html" / "no-text-only-scripts.html", "html"))


def test_read_document_dispatches_on_format(test_data: Path) -> None:
    text_doc = read_document(_raw(test_data / "html" / "broken-unclosed-tags.html", "text"))
    html_doc = read_document(_raw(test_data / "html" / "broken-unclosed-tags.html", "html"))
    assert text_doc.text.startswith("<html>")
    assert not html_doc.text.startswith("<")


def test_read_document_names_known_formats_for_an_unknown_one() -> None:
    raw = RawInput(source="x.pdf", external_id="x", body="%PDF", format="pdf")
    with pytest.raises(UnsupportedFormat, match="unsupported format 'pdf'; known formats: html"):
        read_document(raw)
