"""Turn a RawInput into a Document: its main text and metadata, one reader per format.

Readers are registered in ``registry.py`` under the ``readers`` table by the
``RawInput.format`` they read (``"text"``, ``"html"``); a plugin adds a format
by registering a function ``(RawInput) -> Document`` under a new name.
Metadata comes first from the record or feed (``raw.meta``), then from the
page (HTML metadata), then from guesses on the text (:mod:`kronika.text.metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

import lxml.etree
import lxml.html
import trafilatura

from ..errors import ArticleSkipped, RuleError, UnsupportedFormat
from ..model import Document, RawInput
from ..registry import names, resolve
from ..text.metadata import describe, normalize_published

_NEWLINES = re.compile(r"\r\n?")
_INLINE_SPACE = re.compile(r"[ \t\f\v\u00a0]+")

_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "article", "section", "header", "footer", "table",
)  # fmt: skip

Reader = Callable[[RawInput], Document]


def read_document(raw: RawInput) -> Document:
    """Read ``raw`` with the reader registered for its format.

    Raises:
        UnsupportedFormat: no reader is registered for ``raw.format``.
        ArticleSkipped: the input holds no text.
    """
    try:
        reader: Reader = resolve("readers", raw.format)
    except RuleError:
        known = ", ".join(sorted(names("readers")))
        raise UnsupportedFormat(
            raw.source, f"unsupported format {raw.format!r}; known formats: {known}"
        ) from None
    doc = reader(raw)
    if "\x00" in doc.text:  # no database text type takes NUL; one-for-one keeps every span
        doc = replace(doc, text=doc.text.replace("\x00", "\ufffd"))
    return doc


def read_text(raw: RawInput) -> Document:
    """Read plain text as it is (newlines normalized to ``\\n``)."""
    text = _NEWLINES.sub("\n", raw.body)
    if not text.strip():
        raise ArticleSkipped("read", "empty text")
    return describe(Document(raw=raw, text=text, **_meta_fields(raw.meta)))


def read_html(raw: RawInput) -> Document:
    """Read an HTML page: main text via trafilatura (paragraphs split by blank lines), metadata.

    Raises:
        ArticleSkipped: the page holds no text (``"empty text"``, ``"no text found in HTML"``).
    """
    if not raw.body.strip():
        raise ArticleSkipped("read", "empty text")
    found = trafilatura.bare_extraction(
        raw.body,
        url=raw.meta.get("url"),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
    )
    page: dict[str, str | None] = {}
    text = ""
    if found is not None and not isinstance(found, dict):
        text = _paragraphs(found.text or "")
        page = {
            "title": found.title,
            "author": found.author,
            "published": found.date,
            "outlet": found.sitename,
            "url": found.url,
        }
    if not text.strip():
        text = _body_text(raw.body)
    if not text.strip():
        raise ArticleSkipped("read", "no text found in HTML")
    fields = {k: v for k, v in page.items() if v}
    fields.update(_meta_fields(raw.meta))  # the record or feed wins over the page
    return describe(Document(raw=raw, text=text, **fields))


def _meta_fields(meta: Mapping[str, str]) -> dict[str, str]:
    fields = {
        key: str(meta[key]).strip()
        for key in ("title", "outlet", "author", "url", "published")
        if meta.get(key) and str(meta[key]).strip()
    }
    if "published" in fields:
        fields["published"] = normalize_published(fields["published"])
    return fields


def _paragraphs(text: str) -> str:
    """Put a blank line between trafilatura's lines: each is a paragraph, heading or item."""
    lines = (line.strip() for line in _NEWLINES.sub("\n", text).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _body_text(html: str) -> str:
    """Return the text of ``<body>`` when trafilatura finds no main text (broken or tiny pages)."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    body = root.find("body")
    if body is None:
        body = root
    for block in body.iter(*_BLOCK_TAGS):
        # block elements end a line, as a browser would render them
        block.tail = "\n" + (block.tail or "")
    raw_text = lxml.etree.tostring(body, method="text", encoding="unicode")
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in raw_text.split("\n"))
    return "\n\n".join(line for line in lines if line)
