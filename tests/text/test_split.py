"""split_document: digest and tag-archive pages become their pieces; stories stay whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.errors import ArticleSkipped
from kronika.ingest.formats import read_text
from kronika.model import Document, RawInput
from kronika.text.split import split_document


def _read(path: Path, external_id: str = "") -> Document:
    body = path.read_text(encoding="utf-8")
    return read_text(RawInput(source=str(path), external_id=external_id or path.stem, body=body))


def test_split_digest_gives_each_piece_its_outlet_title_and_date(test_data: Path) -> None:
    doc = _read(test_data / "text" / "digest-tag-archive-three-outlets.txt", "digests/prisons")
    parts = split_document(doc)
    assert [(a.part, a.external_id) for a in parts] == [
        (1, "digests/prisons#1"),
        (2, "digests/prisons#2"),
        (3, "digests/prisons#3"),
    ]
    assert [(a.outlet, a.title, a.published, a.author) for a in parts] == [
        ("Eurasianet", "Court jails four over prison riot", None, None),
        ("Prison Watch", "Hunger strike spreads to second colony", "2018-05-04", "Anna Petrova"),
        ("The Diplomat", "Amnesty frees hundreds of prisoners", "2018-05-07", None),
    ]
    assert parts[0].text.startswith("“Court jails four")
    assert parts[0].text.endswith("Eurasianet")
    assert parts[1].text.endswith("Anna Petrova\n\n4 May 2018")
    assert all(a.input_hash == doc.raw.content_hash for a in parts)
    assert all(a.source == doc.raw.source and a.language == "en" for a in parts)


def test_split_digest_parts_are_exact_slices_of_the_cleaned_page(test_data: Path) -> None:
    doc = _read(test_data / "text" / "digest-tag-archive-three-outlets.txt")
    parts = split_document(doc)
    position = 0
    for article in parts:
        found = doc.text.find(article.text, position)
        assert found >= position, article.part
        assert article.text == article.text.strip()
        position = found + len(article.text)


@pytest.mark.parametrize(
    "name",
    [
        "wire-story-reuters-credit.txt",
        "author-line-then-wide-gap.txt",
        "furniture-connect-via-facebook.txt",
        "published-label-and-byline.txt",
        "crlf-line-endings.txt",
    ],
)
def test_split_keeps_a_normal_story_whole(test_data: Path, name: str) -> None:
    doc = _read(test_data / "text" / name)
    [article] = split_document(doc)
    assert (article.part, article.external_id) == (0, doc.raw.external_id)
    assert (article.title, article.outlet, article.published) == (
        doc.title,
        doc.outlet,
        doc.published,
    )


def test_split_whole_story_keeps_its_metadata(test_data: Path) -> None:
    [article] = split_document(_read(test_data / "text" / "wire-story-reuters-credit.txt"))
    assert article.title == "Gunmen kill three police officers in border town"
    assert article.outlet == "Reuters"
    assert article.published == "2019-03-04"
    assert article.text.endswith("belonged to.\n\n\nReuters")


def test_split_text_is_stripped_and_free_of_furniture(test_data: Path) -> None:
    [article] = split_document(_read(test_data / "text" / "furniture-connect-via-facebook.txt"))
    assert article.text.startswith("Court in Osh jails two men for extremism\n\n")
    assert "Connect via" not in article.text
    assert article.text.count("A photo of the courthouse in Osh.") == 1


def test_split_skips_a_page_of_furniture_only() -> None:
    raw = RawInput(source="t", external_id="t", body="Share on Twitter\n\nPrint\n")
    with pytest.raises(ArticleSkipped, match="empty after furniture removal"):
        split_document(Document(raw=raw, text=raw.body))


def test_split_tag_archive_seed_004(dev_articles: Path) -> None:
    doc = _read(dev_articles / "seed-004.txt")
    parts = split_document(doc)
    assert [a.outlet for a in parts] == [
        "Iran News",
        None,
        "openDemocracy",
        "Modern Diplomacy",
        "RFE/RL",
        "Al Jazeera",
    ]
    assert [a.part for a in parts] == [1, 2, 3, 4, 5, 6]
    assert parts[0].title is not None and parts[0].title.startswith("Iran warns Central Asia")
    assert parts[1].title is None
    assert parts[2].text.startswith("ODR:")
    assert parts[3].text.startswith("Moderndiplomacy:")
    assert parts[4].text.startswith("RFERL:")
    assert parts[5].text.startswith("AlJazeera:")
    assert [a.published for a in parts][2:] == ["2017-09-28", None, "2017-03-12", "2016-12-10"]
    assert parts[4].author == "Frud Bezhan"
    assert "Tag Archives" not in "".join(a.text for a in parts)


def test_split_keeps_every_other_dev_article_whole(dev_articles: Path) -> None:
    for path in sorted(dev_articles.glob("*.txt")):
        if path.stem == "seed-004":
            continue
        articles = split_document(_read(path))
        assert [a.part for a in articles] == [0], path.name


def test_split_digest_signoff_then_dated_title(test_data: Path) -> None:
    doc = _read(test_data / "text" / "digest-signoff-then-dated-title.txt")
    parts = split_document(doc)
    assert [(a.title, a.published, a.outlet) for a in parts] == [
        ("Blogger jailed for five years over social media posts", "2018-02-03", "Valley Courier"),
        ("Former mayor detained on return from abroad", "2018-03-09", "Ferghana Daily"),
    ]
    assert "Under Pressure" in parts[1].text
    assert "Posted in" not in parts[0].text and "Original url" not in parts[0].text


def test_split_digest_pieces_fall_back_to_declared_metadata_only(test_data: Path) -> None:
    path = test_data / "text" / "digest-signoff-then-dated-title.txt"
    raw = RawInput(
        source=str(path),
        external_id="d",
        body=path.read_text(encoding="utf-8"),
        meta={"outlet": "Courts Blog", "url": "https://example.org/tag/courts"},
    )
    parts = split_document(read_text(raw))
    assert [a.outlet for a in parts] == ["Valley Courier", "Ferghana Daily"]
    assert {a.url for a in parts} == {"https://example.org/tag/courts"}
    assert [a.author for a in parts] == [None, None]


def test_split_samples_digest_only() -> None:
    samples = Path(__file__).resolve().parents[2] / "samples"
    if not samples.is_dir():
        pytest.skip("no samples directory")
    for path in sorted(samples.rglob("*.txt")):
        parts = split_document(_read(path))
        assert (len(parts) > 1) == ("digest" in path.parts), path.name
