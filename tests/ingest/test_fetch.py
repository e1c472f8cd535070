"""fetch_url and parse_feed against a real local HTTP server; URLs and feeds via iter_inputs."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.ingest.fetch import fetch_url, parse_feed, user_agent
from kronika.ingest.formats import read_document
from kronika.ingest.sources import iter_inputs
from kronika.model import RawInput, Skip
from kronika.settings import Settings


@pytest.mark.network
def test_fetch_url_returns_body_and_content_type(http_base: str, test_data: Path) -> None:
    body, content_type = fetch_url(f"{http_base}/html/article-with-metadata.html", timeout=5)
    assert body == (test_data / "html" / "article-with-metadata.html").read_bytes()
    assert content_type.startswith("text/html")


@pytest.mark.network
def test_fetch_url_http_error_is_input_error(http_base: str) -> None:
    url = f"{http_base}/html/missing-page.html"
    with pytest.raises(InputError) as info:
        fetch_url(url, timeout=5)
    assert info.value.source == url
    assert info.value.reason == "HTTP 404 File not found"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.network
@pytest.mark.parametrize(
    "url,reason",
    [
        (f"http://127.0.0.1:{_closed_port()}/", "Connection refused"),
        ("http://[::1", "Invalid IPv6 URL"),
    ],
)
def test_fetch_url_unreachable_is_input_error(url: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        fetch_url(url, timeout=5)


@pytest.mark.network
def test_fetch_url_timeout_is_input_error() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)  # accepts the connection but never answers
        url = f"http://127.0.0.1:{server.getsockname()[1]}/slow"
        with pytest.raises(InputError, match="timed out after 0.3 s"):
            fetch_url(url, timeout=0.3)


def test_user_agent_names_kronika() -> None:
    assert user_agent().startswith("kronika/")


def test_parse_feed_reads_rss(test_data: Path) -> None:
    data = (test_data / "feeds" / "rss-full-text-and-short-item.xml").read_bytes()
    first, second = parse_feed(data, "https://example.org/feed.xml") or []
    assert first.link == "https://example.org/news/prison-riot"
    assert (first.title, first.published, first.author, first.outlet, first.guid) == (
        "Prison riot leaves two guards injured",
        "2018-05-02",
        "Anna Petrova",
        "Steppe Herald",
        "steppe-herald-101",
    )
    assert first.content.startswith("<p>KHUJAND – Inmates")
    assert second.content == "A regional court sentenced an activist."


def test_parse_feed_reads_atom(test_data: Path) -> None:
    data = (test_data / "feeds" / "atom-summary-only.xml").read_bytes()
    first, second = parse_feed(data, "https://example.org/blog/atom.xml") or []
    assert first.link == "https://example.org/html/broken-unclosed-tags.html"
    assert (first.title, first.published, first.author, first.outlet) == (
        "Broken page still read",
        "2019-03-05T08:00:00Z",
        "Jane Roe",
        "Osh Courts Blog",
    )
    assert second.published == "2019-03-06T08:00:00Z"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>Not a feed</p></body></html>",
        b"plain text",
        b"<?xml version='1.0'?><notes><note>x</note></notes>",
        b"<rss><channel><item>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>',
    ],
)
def test_parse_feed_returns_none_for_other_documents(data: bytes) -> None:
    assert parse_feed(data, "https://example.org/") is None


def test_parse_feed_does_not_resolve_external_entities() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
        b"<rss><channel><item><title>&e;</title><link>/a</link></item></channel></rss>"
    )
    [item] = parse_feed(data, "https://example.org/") or []
    assert item.title == "&e;"  # left as written, never read from the file


@pytest.mark.network
def test_iter_inputs_reads_an_html_url(http_base: str) -> None:
    url = f"{http_base}/html/article-with-metadata.html"
    [item] = iter_inputs([url], Settings())
    assert isinstance(item, RawInput)
    assert (item.source, item.external_id, item.format) == (url, url, "html")
    assert item.meta == {"url": url}
    assert read_document(item).title == "Court jails activist for seven years"


@pytest.mark.network
def test_iter_inputs_rss_uses_item_text_or_fetches_the_link(http_base: str) -> None:
    feed = f"{http_base}/feeds/rss-full-text-and-short-item.xml"
    first, second = iter_inputs([feed], Settings())
    assert isinstance(first, RawInput) and isinstance(second, RawInput)
    assert (first.external_id, first.format) == (f"{http_base}/news/prison-riot", "html")
    assert first.meta["published"] == "2018-05-02"
    assert first.meta["outlet"] == "Steppe Herald"
    assert first.body.startswith("<p>KHUJAND")
    page = f"{http_base}/html/article-with-metadata.html"
    assert (second.external_id, second.source, second.format) == (page, page, "html")
    assert second.body.lstrip().startswith("<!DOCTYPE html>")
    assert read_document(second).title == "Court jails activist for seven years"


@pytest.mark.network
def test_iter_inputs_atom_item_with_gone_page_is_skipped(http_base: str) -> None:
    feed = f"{http_base}/feeds/atom-summary-only.xml"
    first, second = iter_inputs([feed], Settings())
    assert isinstance(first, RawInput)
    assert first.meta["author"] == "Jane Roe"
    assert "nine years in prison" in read_document(first).text
    assert second == Skip(
        f"{http_base}/html/missing-page.html", "read", "cannot fetch: HTTP 404 File not found"
    )


@pytest.mark.network
def test_iter_inputs_unreachable_url_is_skipped() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/story"
    [skip] = iter_inputs([url], Settings(fetch_timeout=5))
    assert isinstance(skip, Skip)
    assert skip.source == url
    assert skip.reason.startswith("cannot fetch: ")
    assert "Connection refused" in skip.reason
