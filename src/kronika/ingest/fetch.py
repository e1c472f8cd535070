"""Fetch URLs and read RSS/Atom feeds: the only module that touches the network.

Uses ``urllib`` from the standard library. Every failure (HTTP error status,
DNS, refused connection, timeout, bad address) becomes
``InputError(url, reason)``; nothing else escapes. Feeds are parsed with lxml
with entity resolution and network access turned off.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin

import lxml.etree

from ..errors import InputError

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One RSS item or Atom entry: its link and whatever text and metadata the feed gives."""

    link: str
    title: str = ""
    content: str = ""
    published: str = ""
    author: str = ""
    outlet: str = ""
    guid: str = ""


def user_agent() -> str:
    """Return the User-Agent kronika sends."""
    try:
        release = version("kronika")
    except PackageNotFoundError:
        release = "dev"
    return f"kronika/{release} (news knowledge-base builder; python-urllib)"


def fetch_url(url: str, timeout: float) -> tuple[bytes, str]:
    """Return the body and Content-Type of ``url``.

    Raises:
        InputError: any failure, with the reason (``"HTTP 404 Not Found"``,
            ``"timed out after 5 s"``, ``"[Errno 111] Connection refused"``).
    """
    try:
        request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            content_type: str = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        err.close()
        raise InputError(url, f"HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputError(url, f"timed out after {timeout:g} s") from None
        raise InputError(url, str(reason)) from None
    except TimeoutError:
        raise InputError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as err:  # reset connections, malformed addresses
        raise InputError(url, str(err) or err.__class__.__name__) from None
    return body, content_type


def parse_feed(data: bytes, base_url: str) -> list[FeedItem] | None:
    """Return the items of an RSS 2.0 or Atom feed, or None when ``data`` is not a feed."""
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        return None
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, recover=False, huge_tree=False
    )
    try:
        root = lxml.etree.fromstring(stripped, parser)
    except lxml.etree.XMLSyntaxError:
        return None
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == "rss" or tag.endswith("}RDF"):
        return _rss_items(root, base_url)
    if tag == f"{_ATOM}feed":
        return _atom_items(root, base_url)
    return None


def _text(element: lxml.etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _rss_items(root: lxml.etree._Element, base_url: str) -> list[FeedItem]:
    channel = root.find("channel")
    outlet = _text(channel.find("title")) if channel is not None else ""
    items = []
    for item in root.iter("item", "{http://purl.org/rss/1.0/}item"):
        link = _text(item.find("link")) or _text(item.find("{http://purl.org/rss/1.0/}link"))
        content = _text(item.find(_CONTENT)) or _text(item.find("description"))
        items.append(
            FeedItem(
                link=urljoin(base_url, link) if link else "",
                title=_text(item.find("title")),
                content=content,
                published=_rfc822_date(_text(item.find("pubDate"))) or _text(item.find(_DC_DATE)),
                author=_text(item.find(_DC_CREATOR)) or _text(item.find("author")),
                outlet=outlet,
                guid=_text(item.find("guid")),
            )
        )
    return items


def _atom_items(root: lxml.etree._Element, base_url: str) -> list[FeedItem]:
    outlet = _text(root.find(f"{_ATOM}title"))
    items = []
    for entry in root.iter(f"{_ATOM}entry"):
        link = ""
        for candidate in entry.findall(f"{_ATOM}link"):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = urljoin(base_url, candidate.get("href", ""))
                break
        author = entry.find(f"{_ATOM}author")
        items.append(
            FeedItem(
                link=link,
                title=_text(entry.find(f"{_ATOM}title")),
                content=_text(entry.find(f"{_ATOM}content"))
                or _text(entry.find(f"{_ATOM}summary")),
                published=_text(entry.find(f"{_ATOM}published"))
                or _text(entry.find(f"{_ATOM}updated")),
                author=_text(author.find(f"{_ATOM}name")) if author is not None else "",
                outlet=outlet,
                guid=_text(entry.find(f"{_ATOM}id")),
            )
        )
    return items


def _rfc822_date(value: str) -> str:
    """Return an RSS ``pubDate`` as an ISO date ('' when absent or unreadable)."""
    if not value:
        return ""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""
