"""Expand command-line inputs into RawInputs: files, directories, records, stdin, URLs, feeds.

Every input that cannot be read becomes a ``Skip(source, "read", reason)`` and
the iteration goes on: a bad file, line or row never stops a run and never
raises. ``external_id`` is stable across runs (a path relative to the argument,
a record id, a URL); the content hash (``RawInput.content_hash``) is identity.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import charset_normalizer

from ..errors import InputError
from ..model import RawInput, Skip
from ..settings import Settings
from .fetch import FeedItem, fetch_url, parse_feed

#: File extension → how the file is read.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}  # fmt: skip

#: A corpus folder's own documentation, left out of directory walks (named explicitly, it is read).
_FOLDER_DOCS = {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING"}

#: A feed item with less text than this is fetched from its link instead.
MIN_FEED_TEXT = 400

_COMMON_ENCODINGS = ("cp1252", "latin_1", "cp1251", "koi8_r", "cp1250", "iso8859_2", "cp1256")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) | {127}


class _Unreadable(Exception):
    """Internal: a file's bytes are not text; carries the Skip reason."""


def iter_inputs(paths: Sequence[str], settings: Settings) -> Iterator[RawInput | Skip]:
    """Yield one RawInput per document in ``paths`` (files, dirs, ``-``, URLs), or a Skip."""
    for arg in paths:
        if arg == "-":
            yield from _read_stdin(settings)
        elif arg.startswith(("http://", "https://")):
            yield from _read_url(arg, settings)
        else:
            yield from _read_path(arg, settings)


def _read_path(arg: str, settings: Settings) -> Iterator[RawInput | Skip]:
    path = Path(arg)
    if not path.exists():
        yield Skip(arg, "read", "no such file or directory")
    elif path.is_dir():
        for file in _walk(path):
            rel = file.relative_to(path)
            source = os.path.join(arg, rel.as_posix())
            yield from _read_file(file, source, rel.with_suffix("").as_posix(), settings)
    elif path.suffix.lower() not in EXTENSIONS:
        known = ", ".join(sorted(EXTENSIONS))
        shown = path.suffix or "(no extension)"
        yield Skip(arg, "read", f"unsupported format {shown}; kronika reads {known}")
    else:
        yield from _read_file(path, arg, path.stem, settings)


def _walk(root: Path) -> list[Path]:
    """Return the readable files under ``root``, sorted; hidden files and others left out."""
    found = []
    for file in root.rglob("*"):
        rel = file.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if file.stem.upper() in _FOLDER_DOCS:
            continue
        if file.is_file() and file.suffix.lower() in EXTENSIONS:
            found.append(file)
    return sorted(found, key=lambda f: f.relative_to(root).as_posix())


def _read_file(
    path: Path, source: str, external_id: str, settings: Settings
) -> Iterator[RawInput | Skip]:
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            yield Skip(source, "read", _too_large(size, settings))
            return
        data = path.read_bytes()
        text = _decode(data)
    except OSError as err:
        yield Skip(source, "read", f"cannot read: {err.strerror or err}")
        return
    except _Unreadable as err:
        yield Skip(source, "read", str(err))
        return
    kind = EXTENSIONS[path.suffix.lower()]
    if kind in ("text", "html"):
        yield RawInput(source=source, external_id=external_id, body=text, format=kind)
    elif kind == "json":
        yield from _json_records(text, source, external_id, path.stem, settings)
    elif kind == "jsonl":
        yield from _jsonl_records(text, source, path.stem, settings)
    else:
        yield from _csv_records(text, source, path.stem, settings)


def _too_large(size: int, settings: Settings) -> str:
    return f"file too large ({size} bytes > {settings.max_input_bytes})"


def _decode(data: bytes, encoding: str | None = None) -> str:
    """Return ``data`` as text: the declared encoding, UTF-8 (BOM or not), else a detected one.

    Raises:
        _Unreadable: empty, binary, or in no encoding that can be detected.
    """
    if not data.strip():
        raise _Unreadable("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif _looks_binary(data):
        raise _Unreadable("binary file, not text")
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to UTF-8 and detection
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise _Unreadable(
            f"cannot decode text: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "and no other encoding fits; convert the file to UTF-8"
        )
    # short texts often fit several code pages equally well (latin-1 French reads as
    # cp1250 too); among equals, take the one most often used for news text
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    for encoding in _COMMON_ENCODINGS:
        if any(encoding in m.could_be_from_charset for m in tied):
            return data.decode(encoding, errors="replace")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\0" in sample:
        return True
    # text has almost no C0 control bytes besides tab, newlines and form feed
    return sum(byte in _CONTROL for byte in sample) > len(sample) * 0.1


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` starts with ``<`` and holds tags (an HTML record or page)."""
    stripped = text.lstrip()
    return stripped.startswith("<") and _TAG.search(stripped) is not None


def _record(
    record: Any, label: str, source: str, fallback_id: str, settings: Settings
) -> RawInput | Skip:
    """Turn one JSON object or CSV row into a RawInput, or a Skip naming what is wrong."""
    column = settings.text_column
    if not isinstance(record, Mapping):
        return Skip(source, "read", f"{label}: not a JSON object")
    record_id = str(record.get(settings.id_column) or "").strip() or fallback_id
    body = record.get(column)
    if body is None:
        fields = ", ".join(str(k) for k in record if k is not None) or "(none)"
        reason = f"{label}: no '{column}' field; fields are: {fields}. Use --text-column"
        return Skip(source, "read", reason, external_id=record_id)
    if not isinstance(body, str) or not body.strip():
        return Skip(source, "read", f"{label}: empty '{column}' field", external_id=record_id)
    columns = {
        "title": settings.title_column,
        "url": settings.url_column,
        "published": settings.date_column,
        "outlet": settings.outlet_column,
        "author": "author",
    }
    meta = {
        key: str(record[col]).strip()
        for key, col in columns.items()
        if record.get(col) not in (None, "") and str(record[col]).strip()
    }
    kind = "html" if looks_like_html(body) else "text"
    return RawInput(source=source, external_id=record_id, body=body, format=kind, meta=meta)


_TOO_DEEP = "invalid JSON: nested too deeply to be an article record"


def _json_records(
    text: str, source: str, external_id: str, stem: str, settings: Settings
) -> Iterator[RawInput | Skip]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        reason = f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        yield Skip(source, "read", reason)
        return
    except RecursionError:
        yield Skip(source, "read", _TOO_DEEP)
        return
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, Mapping):
        yield _record(data, "record", source, external_id, settings)
    elif isinstance(data, list):
        for n, item in enumerate(data, start=1):
            yield _record(item, f"row {n}", f"{source}:row {n}", f"{stem}:{n}", settings)
    else:
        yield Skip(source, "read", "JSON holds neither a record nor a list of records")


def _jsonl_records(
    text: str, source: str, stem: str, settings: Settings
) -> Iterator[RawInput | Skip]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:line {n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            reason = f"line {n}: invalid JSON: {err.msg} (column {err.colno})"
            yield Skip(where, "read", reason)
            continue
        except RecursionError:
            yield Skip(where, "read", f"line {n}: {_TOO_DEEP}")
            continue
        yield _record(record, f"line {n}", where, f"{stem}:{n}", settings)


def _csv_records(
    text: str, source: str, stem: str, settings: Settings
) -> Iterator[RawInput | Skip]:
    # articles are longer than csv's default 128 KiB field limit
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_input_bytes))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    n = 0
    try:
        columns = [c for c in (reader.fieldnames or []) if c is not None]
        if settings.text_column not in columns:
            listed = ", ".join(columns) or "(none)"
            reason = f"no '{settings.text_column}' column; columns are: {listed}. Use --text-column"
            yield Skip(source, "read", reason)
            return
        for n, row in enumerate(reader, start=1):
            yield _record(row, f"row {n}", f"{source}:row {n}", f"{stem}:{n}", settings)
    except csv.Error as err:
        yield Skip(source, "read", f"row {n + 1}: malformed CSV: {err}")


def _read_stdin(settings: Settings) -> Iterator[RawInput | Skip]:
    data = sys.stdin.buffer.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        yield Skip("<stdin>", "read", _too_large(len(data), settings))
        return
    try:
        text = _decode(data)
    except _Unreadable as err:
        yield Skip("<stdin>", "read", str(err))
        return
    kind = "html" if looks_like_html(text) else "text"
    yield RawInput(source="<stdin>", external_id="stdin", body=text, format=kind)


def _read_url(url: str, settings: Settings) -> Iterator[RawInput | Skip]:
    try:
        data, content_type = fetch_url(url, settings.fetch_timeout)
    except InputError as err:
        yield Skip(url, "read", f"cannot fetch: {err.reason}")
        return
    if len(data) > settings.max_input_bytes:
        yield Skip(url, "read", _too_large(len(data), settings))
        return
    items = parse_feed(data, url)
    if items is None:
        yield _page(url, data, content_type, {"url": url})
        return
    for n, item in enumerate(items, start=1):
        yield _feed_input(item, n, url, settings)


def _page(url: str, data: bytes, content_type: str, meta: dict[str, str]) -> RawInput | Skip:
    charset = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    try:
        text = _decode(data, charset.group(1) if charset else None)
    except _Unreadable as err:
        return Skip(url, "read", str(err))
    kind = "text" if content_type.lower().startswith("text/plain") else "html"
    return RawInput(source=url, external_id=url, body=text, format=kind, meta=meta)


def _feed_input(item: FeedItem, n: int, feed_url: str, settings: Settings) -> RawInput | Skip:
    """Use the item's own text when it is long enough, else fetch the page it links to."""
    source = item.link or f"{feed_url}#item-{n}"
    meta = {
        key: value
        for key, value in (
            ("title", item.title),
            ("url", item.link),
            ("published", item.published),
            ("author", item.author),
            ("outlet", item.outlet),
        )
        if value
    }
    external_id = item.link or item.guid or f"{feed_url}#{n}"
    plain = _TAG.sub(" ", item.content)
    if len(plain.strip()) >= MIN_FEED_TEXT or (item.content.strip() and not item.link):
        kind = "html" if _TAG.search(item.content) else "text"
        return RawInput(
            source=source, external_id=external_id, body=item.content, format=kind, meta=meta
        )
    if not item.link:
        return Skip(source, "read", "feed item has no text and no link")
    try:
        data, content_type = fetch_url(item.link, settings.fetch_timeout)
    except InputError as err:
        return Skip(source, "read", f"cannot fetch: {err.reason}")
    if len(data) > settings.max_input_bytes:
        return Skip(source, "read", _too_large(len(data), settings))
    return _page(item.link, data, content_type, meta)
