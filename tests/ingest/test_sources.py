"""iter_inputs: files, directories, records and stdin become RawInputs; bad input a Skip."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from kronika.ingest.sources import iter_inputs
from kronika.model import RawInput, Skip
from kronika.settings import Settings


def _all(paths: list[str], settings: Settings | None = None) -> list[RawInput | Skip]:
    return list(iter_inputs(paths, settings or Settings()))


def _one_skip(paths: list[str], settings: Settings | None = None) -> Skip:
    [item] = _all(paths, settings)
    assert isinstance(item, Skip), item
    assert item.stage == "read"
    return item


def test_iter_inputs_directory_ids_are_relative_paths(tmp_path: Path, test_data: Path) -> None:
    root = tmp_path / "samples"
    (root / "text").mkdir(parents=True)
    (root / ".git").mkdir()
    story = test_data / "text" / "wire-story-reuters-credit.txt"
    shutil.copy(story, root / "text" / "b-story.txt")
    shutil.copy(story, root / "a-story.md")
    shutil.copy(test_data / "html" / "broken-unclosed-tags.html", root / "text" / "c-page.HTM")
    shutil.copy(story, root / ".hidden.txt")
    shutil.copy(story, root / ".git" / "inside-hidden-dir.txt")
    shutil.copy(story, root / "notes.rtf")
    items = [i for i in _all([str(root)]) if isinstance(i, RawInput)]
    assert len(items) == len(_all([str(root)]))
    assert [(i.external_id, i.format, i.source) for i in items] == [
        ("a-story", "text", f"{root}/a-story.md"),
        ("text/b-story", "text", f"{root}/text/b-story.txt"),
        ("text/c-page", "html", f"{root}/text/c-page.HTM"),
    ]


def test_iter_inputs_single_file_id_is_its_stem(test_data: Path) -> None:
    path = str(test_data / "text" / "wire-story-reuters-credit.txt")
    [item] = _all([path])
    assert isinstance(item, RawInput)
    assert (item.external_id, item.source, item.format) == (
        "wire-story-reuters-credit",
        path,
        "text",
    )
    assert item.body.startswith("Gunmen kill three police officers")


def test_iter_inputs_same_text_has_same_hash(tmp_path: Path, test_data: Path) -> None:
    story = test_data / "text" / "wire-story-reuters-credit.txt"
    shutil.copy(story, tmp_path / "copy.txt")
    first, second = _all([str(story), str(tmp_path / "copy.txt")])
    assert isinstance(first, RawInput) and isinstance(second, RawInput)
    assert first.content_hash == second.content_hash


def test_iter_inputs_goes_on_after_a_bad_path(test_data: Path) -> None:
    items = _all(["no/such/file.txt", str(test_data / "text" / "crlf-line-endings.txt")])
    assert isinstance(items[0], Skip) and isinstance(items[1], RawInput)
    assert items[0] == Skip("no/such/file.txt", "read", "no such file or directory")


@pytest.mark.parametrize(
    "name,reason",
    [
        ("empty.txt", "empty file"),
        ("whitespace-only.txt", "empty file"),
        ("unsupported-extension.rtf", "unsupported format .rtf; kronika reads .csv, .htm, .html"),
    ],
)
def test_iter_inputs_skips_bad_files(test_data: Path, name: str, reason: str) -> None:
    skip = _one_skip([str(test_data / "bad" / name)])
    assert skip.source == str(test_data / "bad" / name)
    assert skip.reason.startswith(reason)


def test_iter_inputs_directory_skips_empty_file_but_not_unknown_extension(
    test_data: Path,
) -> None:
    items = _all([str(test_data / "bad")])
    assert [(i.source, i.reason) for i in items if isinstance(i, Skip)] == [
        (f"{test_data / 'bad'}/empty.txt", "empty file"),
        (f"{test_data / 'bad'}/whitespace-only.txt", "empty file"),
    ]


@pytest.mark.parametrize(
    "data",
    [b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, bytes(range(1, 32)) * 40 + b"some text"],
)
def test_iter_inputs_skips_binary_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "program.txt"
    path.write_bytes(data)
    assert _one_skip([str(path)]).reason == "binary file, not text"


def test_iter_inputs_skips_files_over_the_limit(test_data: Path) -> None:
    path = test_data / "text" / "crlf-line-endings.txt"
    size = path.stat().st_size
    skip = _one_skip([str(path)], Settings(max_input_bytes=10))
    assert skip.reason == f"file too large ({size} bytes > 10)"


@pytest.mark.parametrize(
    "text,encoding",
    [
        (
            "Верховный суд Таджикистана приговорил двух лидеров партии к пожизненному "
            "заключению, сообщили их адвокаты.",
            "cp1251",
        ),
        (
            "Le tribunal a condamné le militant à sept années de détention, a déclaré "
            "son avocat à la presse étrangère.",
            "latin-1",
        ),
        ("A court in Osh jailed two men — their lawyer said “it was unfair”.", "utf-8-sig"),
        ("A court in Osh jailed two men — their lawyer said “it was unfair”.", "utf-16"),
    ],
)
def test_iter_inputs_decodes_legacy_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    [item] = _all([str(path)])
    assert isinstance(item, RawInput)
    assert item.body == text


def test_iter_inputs_skips_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(128, 256)))
    assert _one_skip([str(path)]).reason.startswith("cannot decode text: not UTF-8")


def test_iter_inputs_jsonl_records_and_bad_lines(test_data: Path) -> None:
    path = str(test_data / "jsonl" / "records-with-bad-line.jsonl")
    first, second, third, fourth, fifth = _all([path])
    assert isinstance(first, RawInput)
    assert (first.external_id, first.source, first.format) == ("osh-1", f"{path}:line 1", "text")
    assert first.meta == {
        "title": "Osh court jails two",
        "url": "https://example.org/osh-1",
        "published": "2019-03-05",
        "outlet": "Example Wire",
        "author": "Jane Roe",
    }
    assert isinstance(second, RawInput)
    assert (second.external_id, second.meta) == ("records-with-bad-line:2", {})
    assert isinstance(third, Skip)
    assert third.source == f"{path}:line 3"
    assert third.reason.startswith("line 3: invalid JSON: ")
    assert isinstance(fourth, Skip)
    assert fourth.reason == (
        "line 4: no 'text' field; fields are: id, body, title. Use --text-column"
    )
    assert isinstance(fifth, RawInput)
    assert (fifth.external_id, fifth.format) == ("html-1", "html")


def test_iter_inputs_text_column_setting(test_data: Path) -> None:
    path = str(test_data / "jsonl" / "records-with-bad-line.jsonl")
    items = _all([path], Settings(text_column="body"))
    read = [i.external_id for i in items if isinstance(i, RawInput)]
    assert read == ["no-text"]


@pytest.mark.parametrize(
    "name,ids",
    [
        ("articles-list.json", ["list-1", "articles-list:2"]),
        ("articles-wrapper.json", ["wrap-1"]),
        ("single-record.json", ["single-record"]),
    ],
)
def test_iter_inputs_json_shapes(test_data: Path, name: str, ids: list[str]) -> None:
    items = _all([str(test_data / "jsonl" / name)])
    assert all(isinstance(i, RawInput) for i in items)
    assert [i.external_id for i in items] == ids


def test_iter_inputs_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"text": "A court jailed a man."}')
    assert _one_skip([str(path)]).reason.startswith("invalid JSON: ")


def test_iter_inputs_csv_rows(test_data: Path) -> None:
    path = str(test_data / "csv" / "articles.csv")
    first, second, third = _all([path])
    assert isinstance(first, RawInput) and isinstance(second, RawInput)
    assert (first.external_id, first.source) == ("csv-1", f"{path}:row 1")
    assert first.meta == {
        "title": "Osh court jails two",
        "published": "2019-03-05",
        "outlet": "Example Wire",
    }
    assert first.body.endswith("their lawyer said.")
    assert second.external_id == "articles:2"
    assert isinstance(third, Skip)
    assert (third.source, third.reason) == (f"{path}:row 3", "row 3: empty 'text' field")


def test_iter_inputs_csv_without_text_column(test_data: Path) -> None:
    path = str(test_data / "csv" / "no-text-column.csv")
    skip = _one_skip([path])
    assert skip.source == path
    assert skip.reason == "no 'text' column; columns are: id, headline, body. Use --text-column"
    [row] = _all([path], Settings(text_column="body"))
    assert isinstance(row, RawInput) and row.external_id == "1"


@pytest.mark.parametrize(
    "data,fmt",
    [
        (b"A court in Osh jailed two men.\n", "text"),
        (b"<html><body><p>A court in Osh jailed two men.</p></body></html>", "html"),
    ],
)
def test_iter_inputs_reads_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [item] = _all(["-"])
    assert isinstance(item, RawInput)
    assert (item.source, item.external_id, item.format) == ("<stdin>", "stdin", fmt)
    assert item.body == data.decode()


def test_iter_inputs_skips_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert _one_skip(["-"]) == Skip("<stdin>", "read", "empty file")


def test_iter_inputs_directory_leaves_out_folder_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My corpus\n\nNotes about the files.\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("A court in Osh jailed a blogger.\n", encoding="utf-8")
    found = [i.external_id for i in iter_inputs([str(tmp_path)], Settings())]
    assert found == ["story"]
    named = [i.external_id for i in iter_inputs([str(tmp_path / "README.md")], Settings())]
    assert named == ["README"]
