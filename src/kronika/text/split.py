"""Split digest and tag-archive pages into their articles; leave a normal article whole.

A digest page ("Tag Archives: ISIS", "Press review", ...; the header shapes are
``digest_headers`` in ``data/outlets.yaml``) strings several outlets' pieces
together. Pieces are told apart by the page's own punctuation:

- a **piece header** ``Outlet: Title`` after a wide gap (two or more blank
  lines, possibly followed by the previous piece's author and date lines);
- a **sign-off**, a short line naming the outlet (``Reuters``, ``Iran News``)
  followed by a wide gap;
- **trailer** lines after a piece's last paragraph (its author, its date),
  which belong to the piece they follow;
- on a digest page, a **title line followed by a date line** (or dateline)
  just after a short name line that closes the previous piece's prose.

Outside a digest page only known outlets (``data/outlets.yaml``) count as
boundaries, and at least two are needed, so a news story that ends with a
credit line or names its author on a line of its own stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ArticleSkipped
from ..model import Article, Document
from .furniture import strip_furniture
from .metadata import (
    canonical_outlet,
    clean_title,
    detect_language,
    find_author,
    find_date,
    find_outlet,
    load_outlets,
    parse_date,
)

#: Blank lines that separate two pieces (one blank line separates paragraphs).
WIDE_GAP = 2

_HEADER = re.compile(r"(?P<outlet>[^:]{2,40}?)\s*:\s*(?P<title>\S.{2,200})")
# "Moderndiplomacy", "Iran News", "RFE/RL", "AlJazeera": one to four capitalized words
_NAME_SHAPE = re.compile(r"[A-Z][\w.&/'’-]*(?: (?:[A-Z][\w.&/'’-]*|of|the|and)){0,3}")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph: a run of non-blank lines, with its span and the blank lines around it."""

    start: int
    end: int
    text: str
    gap_before: int
    gap_after: int

    @property
    def line(self) -> str:
        return _SPACE.sub(" ", self.text).strip()

    @property
    def is_prose(self) -> bool:
        return len(self.line) >= 80 or len(self.line.split()) >= 12


def split_document(doc: Document) -> list[Article]:
    """Return the document's articles: one (part 0), or one per piece of a digest page.

    Raises:
        ArticleSkipped: nothing is left once page furniture is removed.
    """
    text = strip_furniture(doc.text)
    if not text.strip():
        raise ArticleSkipped("split", "empty after furniture removal")
    blocks = _blocks(text)
    digest = _is_digest_header(blocks[0].line) and len(blocks) > 1
    pieces = _pieces(blocks[1:] if digest else blocks, digest)
    if len(pieces) < (2 if digest else 3):
        return [_article(doc, 0, text.strip(), whole=True)]
    return [
        _describe_piece(doc, part, text[piece[0].start : piece[-1].end], piece, digest)
        for part, piece in enumerate(pieces, start=1)
    ]


def _blocks(text: str) -> list[_Block]:
    spans: list[tuple[int, int, int]] = []  # start, end, blank lines before
    offset, blank, start, end = 0, 0, -1, -1
    for line in text.split("\n"):
        if line.strip():
            if start < 0:
                start = offset
            end = offset + len(line)
        else:
            if start >= 0:
                spans.append((start, end, blank))
                start, blank = -1, 0
            blank += 1
        offset += len(line) + 1
    if start >= 0:
        spans.append((start, end, blank))
    blocks = []
    for i, (s, e, before) in enumerate(spans):
        after = spans[i + 1][2] if i + 1 < len(spans) else 0
        blocks.append(_Block(s, e, text[s:e], before, after))
    return blocks


def _is_digest_header(line: str) -> bool:
    return any(p.fullmatch(line) for p in load_outlets().digest_headers)


def _pieces(blocks: list[_Block], digest: bool) -> list[list[_Block]]:
    pieces: list[list[_Block]] = []
    current: list[_Block] = []
    for i, block in enumerate(blocks):
        starts = _piece_header(blocks, i, digest) or (digest and _titled_start(blocks, i))
        if current and _has_body(current) and starts:
            pieces.append(current)
            current = []
        current.append(block)
        if _has_body(current) and _is_signoff(block, digest) and i + 1 < len(blocks):
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    # a run of short lines between two boundaries is not an article of its own
    merged: list[list[_Block]] = []
    for piece in pieces:
        if merged and (not _has_body(piece) or not _has_body(merged[-1])):
            merged[-1] = merged[-1] + piece
        else:
            merged.append(piece)
    return merged


def _has_body(piece: list[_Block]) -> bool:
    return any(block.is_prose for block in piece)


def _header_parts(block: _Block, digest: bool) -> tuple[str, str] | None:
    """Return (outlet, title) when the block is an ``Outlet: Title`` line."""
    if "\n" in block.text:
        return None
    match = _HEADER.fullmatch(block.line)
    if match is None:
        return None
    name, title = match.group("outlet").strip(), clean_title(match.group("title"))
    outlet = canonical_outlet(name)
    if outlet is None and digest and _NAME_SHAPE.fullmatch(name):
        outlet = name
    return (outlet, title) if outlet is not None and title is not None else None


def _piece_header(blocks: list[_Block], i: int, digest: bool) -> bool:
    if _header_parts(blocks[i], digest) is None:
        return False
    # the wide gap may sit before the previous piece's trailer lines (author, date)
    j = i
    while True:
        if blocks[j].gap_before >= WIDE_GAP:
            return True
        if j == 0 or not _is_trailer(blocks[j - 1]):
            return False
        j -= 1


def _titled_start(blocks: list[_Block], i: int) -> bool:
    """A title line, then a date line, after a sign-off-shaped line that ends some prose."""
    block = blocks[i]
    if block.is_prose or "\n" in block.text or clean_title(block.line) is None:
        return False
    if i + 1 >= len(blocks) or find_date(blocks[i + 1].line) is None:
        return False
    # up to two short lines (a caption, say) may sit between the sign-off and the title
    for j in range(i - 1, max(i - 4, 0), -1):
        if blocks[j].is_prose:
            return False
        if blocks[j - 1].is_prose and _is_name_line(blocks[j].line):
            return True
    return False


def _is_name_line(line: str) -> bool:
    return bool(_NAME_SHAPE.fullmatch(line)) and parse_date(line) is None


def _is_signoff(block: _Block, digest: bool) -> bool:
    line = block.line
    if block.gap_after < WIDE_GAP or "\n" in block.text or line[-1] in ".,;:!?":
        return False
    if canonical_outlet(line) is not None:
        return True
    return digest and bool(_NAME_SHAPE.fullmatch(line)) and parse_date(line) is None


def _is_trailer(block: _Block) -> bool:
    line = block.line
    if "\n" in block.text or block.is_prose or len(line.split()) > 6:
        return False
    return (
        parse_date(line) is not None
        or canonical_outlet(line) is not None
        or bool(_NAME_SHAPE.fullmatch(line))
    )


def _describe_piece(
    doc: Document, part: int, text: str, piece: list[_Block], digest: bool
) -> Article:
    header = _header_parts(piece[0], digest)
    outlet = header[0] if header else None
    title = header[1] if header else None
    if title is None and len(piece) > 1 and not piece[0].is_prose:
        title = clean_title(piece[0].line)
    last_prose = max((i for i, b in enumerate(piece) if b.is_prose), default=len(piece) - 1)
    trailer = [b.line for b in piece[last_prose + 1 :] if _is_trailer(b)]
    dates = [iso for iso in map(parse_date, trailer) if iso is not None]
    known = [o for o in map(canonical_outlet, trailer) if o is not None]
    # a name line above a date line is a byline ("Frud Bezhan / March 12, 2017");
    # a name line closing the prose with no date under it is the outlet's sign-off
    author = signoff = None
    for k, line in enumerate(trailer):
        if not _is_name_line(line) or canonical_outlet(line) is not None:
            continue
        if k + 1 < len(trailer) and parse_date(trailer[k + 1]) is not None:
            author = author or line
        elif k == 0 and digest:
            signoff = line
    return _article(
        doc,
        part,
        text,
        whole=False,
        title=title,
        outlet=outlet or (known[0] if known else signoff) or find_outlet(text),
        author=author or find_author(text),
        published=(dates[-1] if dates else None) or find_date(text),
        language=detect_language(text),
    )


def _article(doc: Document, part: int, text: str, *, whole: bool, **found: str | None) -> Article:
    """Build the Article; a field the piece does not give falls back to the document's.

    A piece falls back only to what the record or feed declared (``raw.meta``):
    the document's own guesses describe the page's first piece, and its title
    names the page.
    """
    raw = doc.raw
    if whole:
        return Article(
            external_id=raw.external_id,
            input_hash=raw.content_hash,
            part=0,
            text=text,
            source=raw.source,
            title=doc.title,
            outlet=doc.outlet,
            author=doc.author,
            url=doc.url,
            published=doc.published,
            language=doc.language,
        )
    declared = raw.meta
    return Article(
        external_id=f"{raw.external_id}#{part}",
        input_hash=raw.content_hash,
        part=part,
        text=text,
        source=raw.source,
        title=found.get("title"),
        outlet=found.get("outlet") or declared.get("outlet") or None,
        author=found.get("author") or declared.get("author") or None,
        url=doc.url,
        published=found.get("published") or (doc.published if declared.get("published") else None),
        language=found.get("language") or doc.language,
    )
