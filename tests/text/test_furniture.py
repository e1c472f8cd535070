"""strip_furniture: page chrome goes, sentences and paragraph structure stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.text.furniture import load_furniture, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Connect via Facebook",
        "Post a Comment ( Comment Policy )",
        "* denotes required field",
        "Share on Twitter",
        "Original url: <https://example.org/2010/08/23/story>",
        "Read more",
        "READ MORE: Court jails blogger",
        "Print",
        "Leave a reply",
        "This website uses cookies to improve your experience.",
        "  share   ON facebook ",
    ],
)
def test_furniture_matches_chrome_lines(line: str) -> None:
    assert load_furniture().matches(line)


@pytest.mark.parametrize(
    "line",
    [
        "The court said he would share his cell with two other inmates.",
        "Read more about the trial in the court's statement, his lawyer said.",
        "Police said the suspects used Facebook to recruit fighters.",
        "Print media were barred from the courtroom.",
        "Comments by the prosecutor were not available.",
    ],
)
def test_furniture_keeps_sentences(line: str) -> None:
    assert not load_furniture().matches(line)
    assert strip_furniture(line) == line


def test_strip_furniture_cleans_a_page(test_data: Path) -> None:
    text = (test_data / "text" / "furniture-connect-via-facebook.txt").read_text()
    cleaned = strip_furniture(text)
    assert cleaned == (
        "Court in Osh jails two men for extremism\n\n"
        "A district court in Osh sentenced two men to eight years in prison on Tuesday "
        "for distributing banned leaflets, their lawyer said.\n\n"
        "The men denied the charges and said they would appeal.\n\n"
        "A photo of the courthouse in Osh.\n\n"
        "Police said the leaflets were printed in a private flat."
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Caption.\n\nCaption.\n\nBody.", "Caption.\n\nBody."),
        ("Caption.\nCaption.\nBody.", "Caption.\nBody."),
        ("One.\n\n\nShare\n\nTwo.", "One.\n\n\nTwo."),
        ("One.\nShare\n\nTwo.\n", "One.\n\nTwo.\n"),
        ("Print\n\nTitle\n\nBody.", "Title\n\nBody."),
    ],
)
def test_strip_furniture_keeps_gaps_without_widening_them(text: str, expected: str) -> None:
    assert strip_furniture(text) == expected


def test_strip_furniture_is_idempotent(test_data: Path) -> None:
    for path in sorted((test_data / "text").glob("*.txt")):
        once = strip_furniture(path.read_text())
        assert strip_furniture(once) == once, path.name


def test_strip_furniture_never_drops_a_sentence(dev_articles: Path) -> None:
    for path in sorted(dev_articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        kept = set(strip_furniture(text).split("\n"))
        sentences = [
            line for line in text.split("\n") if len(line.split()) >= 8 and line.endswith(".")
        ]
        lost = [line for line in sentences if line not in kept]
        # a caption printed twice keeps one copy, so compare as a set
        assert not lost, (path.name, lost[:2])
