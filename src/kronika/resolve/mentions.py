"""Within-article resolution: group an article's name mentions into entities.

Surname-only mentions ("Mirzoyev") join the full name that shares the
surname, preferring the most recent full name before the mention, so people
who share a surname (Umar and Abdurasul Mirzoyev) stay apart. Acronyms join
the organization whose initials they spell ("IMU"). Pronouns and
descriptions ("he", "the 26-year-old") are resolved by :meth:`MentionIndex.antecedent`
to the most recent person before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..model import Entity, Mention
from ..yamlfile import load_yaml

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# titles are not part of a name: "Colonel Gulmurod Halimov" is "Gulmurod Halimov"
_TITLE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt)\.?|Colonel|General|Lieutenant|Major|Captain|"
    r"Sergeant|President|Prime Minister|Minister|Judge|Imam|Sheikh|Mullah|Professor)\s+"
)
_SMALL = frozenset({"of", "the", "for", "and", "in", "al", "de"})


@dataclass(frozen=True, slots=True)
class NameMention:
    """A named-entity mention: its surface text, char span and type (PERSON, ORG, LOC)."""

    text: str
    start: int
    end: int
    type: str


#: Hedges written before a name that are no part of it.
_HEDGE = re.compile(r"^(?:suspected|alleged|presumed|purported|so-called)\s+(?=\S)", re.I)


#: A family name after the initials of the given names: "D. Zhaksylykov", "Н.А. Рахимов".
_INITIALLED = re.compile(r"((?:[A-ZА-ЯЁ]\.\s?){1,2})\s*([A-ZА-ЯЁ][\w'’-]+)")


def clean_name(text: str) -> str:
    """Return a mention's text without a leading article, a possessive or stray punctuation."""
    text = _POSSESSIVE.sub("", text.strip(" \t\n,;:\"“”'’()"))
    # a final initial keeps its dot ("Kreshnik B."); any other final dot is punctuation
    # ("Zhaksylykov D.S.", "Гайнуллин Р.И.": a family name before its initials)
    if text.endswith(".") and not re.search(r"(?:^|\s)(?:[A-ZА-ЯЁ][a-zа-яё]?\.){1,3}$", text):
        text = text.rstrip(".")
    text = text.lstrip(".")
    if text.lower().startswith("the "):
        text = text[4:].strip(" \"“”'’")  # ('the "Black Sun"': the name in its quotes)
    # "Suspected Boko Haram militants": a hedge the model took into the name
    text = _HEDGE.sub("", text)
    if len(text.split()) > 2:
        text = _TITLE.sub("", text)
    return text.strip()


@cache
def people_words(key: str) -> frozenset[str]:
    """A word list of ``data/lexicons/people.yaml`` (``titles``, ``descriptions``), case-folded."""
    text = (files("kronika") / "data" / "lexicons" / "people.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    return frozenset(str(w).casefold() for w in data.get(key) or ())


@cache
def surname_endings() -> tuple[str, ...]:
    """The endings of family names (``surname_endings`` in people.yaml), for ``str.endswith``."""
    return tuple(people_words("surname_endings"))


def strip_titles(text: str) -> str:
    """A person's name without the titles written before it ("Journalist Muhammad Bekjon").

    At least one word is always kept ("Mr Bashir" is "Bashir"); only capitalized
    words after the titles make a name.
    """
    words = text.split()
    titles = people_words("titles")
    n = 0
    while n < len(words) - 1 and words[n].rstrip(".").casefold() in titles:
        n += 1
    rest = words[n:]
    if n and all(w[:1].isupper() for w in rest):
        return " ".join(rest)
    return text


def initials(name: str) -> str:
    """Return the initials of a multi-word name ("Islamic Movement of Uzbekistan" → "IMU")."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


class MentionIndex:
    """Resolved mentions of one article: which entity each mention is, and antecedents."""

    def __init__(
        self,
        mentions: Iterable[NameMention],
        canonical: Callable[[str, str], str | None] | None = None,
        text: str = "",
    ) -> None:
        self._canonical = canonical
        self._text = text
        ordered = sorted(mentions, key=lambda m: m.start)
        self._name_at: dict[int, str] = {}
        self._kind_at: dict[int, str] = {}
        self._forms: dict[tuple[str, str], dict[str, None]] = {}
        self._spans: dict[tuple[str, str], list[Mention]] = {}
        self._people: list[tuple[int, str]] = []
        full_people: list[tuple[int, str]] = []
        for m in ordered:
            form = clean_name(m.text)
            if m.type == "PERSON":
                form = strip_titles(form)
            if not form:
                continue
            name = self._resolve(form, m, full_people, ordered)
            if m.type == "PERSON" and len(form.split()) > 1 and name == form:
                full_people.append((m.start, name))
            self._name_at[m.start] = name
            self._kind_at[m.start] = m.type
            self._forms.setdefault((m.type, name), {})[form] = None
            self._spans.setdefault((m.type, name), []).append(Mention(m.text, m.start, m.end))
            if m.type == "PERSON":
                self._people.append((m.start, name))
        self._starts = [s for s, _ in self._people]
        spans = sorted((m.start, m.end) for m in ordered if m.start in self._name_at)
        self._span_starts = [s for s, _ in spans]
        self._span_ends = [e for _, e in spans]
        self._groups = _person_groups(ordered, self._name_at, text)

    def _resolve(
        self, text: str, m: NameMention, full: list[tuple[int, str]], ordered: list[NameMention]
    ) -> str:
        if self._canonical is not None:
            canon = self._canonical(text, m.type)
            if canon:
                return canon
        if m.type == "PERSON" and len(text.split()) == 1:
            family = _shared_family(text, m, ordered, self._text)
            return family or _surname_owner(text, m.start, full, ordered) or text
        if m.type == "ORG" and text.isupper() and len(text) > 1:
            for other in ordered:
                if other.type == "ORG" and initials(clean_name(other.text)) == text:
                    return clean_name(other.text)
        if m.type == "PERSON" and (initialled := _INITIALLED.fullmatch(text)) is not None:
            # "D. Zhaksylykov" after "Daniyar Zhaksylykov", "Н.А. Рахимов" after "Нурлан Рахимов"
            # (only the one person of that family named so far: "another nephew, F.
            # Halimov" among several Halimovs may be someone else)
            first, family = initialled.group(1)[0], initialled.group(2)
            kin = {name for _, name in full if name.split()[-1] == family}
            if len(kin) == 1:
                name = next(iter(kin))
                if name[0] == first and len(name.split()[0]) > 2:
                    return name
        if m.type == "PERSON":
            # "Colonel Gulmurod Halimov" and "Gulmurod Halimov" are one person
            for _, name in reversed(full):
                if text.endswith(" " + name) or name.endswith(" " + text):
                    return name if len(name) >= len(text) else text
        return text

    def known_as(self, name: str, kind: str) -> bool:
        """Whether the domain's data files know ``name`` as an entity of ``kind``."""
        return self._canonical is not None and self._canonical(name, kind) is not None

    def name_at(self, start: int) -> str | None:
        """Return the entity name of the mention starting at char ``start``, if any."""
        return self._name_at.get(start)

    def name_covering(self, position: int) -> tuple[str, str] | None:
        """Return (name, type) of the mention whose span holds char ``position``, if any.

        The parser may hang a name's first word anywhere ("Bakyt" as an interjection
        of "Osmonov challenged"); the mention still names the whole person.
        """
        i = bisect.bisect_right(self._span_starts, position) - 1
        if i >= 0 and position < self._span_ends[i]:
            start = self._span_starts[i]
            return self._name_at[start], self._kind_at[start]
        return None

    def group_before(self, position: int, skip: Callable[[str], bool]) -> str | None:
        """Return the organization named last before char ``position`` ("banned its activities").

        Names for which ``skip`` is true (the acting court, a news outlet) are passed over.
        """
        starts = sorted(
            (s for s, k in self._kind_at.items() if k == "ORG" and s < position), reverse=True
        )
        return next((self._name_at[s] for s in starts if not skip(self._name_at[s])), None)

    def person_named(self, word: str) -> str | None:
        """Return the person whose full name ends in ``word`` ("Shodiev" → "Nematullo Shodiev"),
        else the one person whose full name starts with it ("Botir" → "Botir Kholmatov", as
        an article tells brothers apart)."""
        given = []
        for (kind, name), _forms in self._forms.items():
            if kind == "PERSON" and " " in name and name.split()[-1] == word:
                return name
            if kind == "PERSON" and " " in name and name.split()[0] == word:
                given.append(name)
        return given[0] if len(given) == 1 else None

    def kind_of(self, name: str) -> str | None:
        """Return the type of the entity called ``name``, if the article names one."""
        return next((kind for kind, n in self._forms if n == name), None)

    def kind_at(self, start: int) -> str | None:
        """Return the type (PERSON, ORG, LOC) of the mention starting at char ``start``."""
        return self._kind_at.get(start)

    def antecedent(
        self, position: int, nearest: bool = False, fits: Callable[[str], bool] | None = None
    ) -> str | None:
        """Return the person a pronoun or description at char ``position`` most likely means.

        Among the last three people named before it (that ``fits``, when given), the one
        named most often so far wins ("the extremist" after a passing mention of someone
        else); a tie goes to the most recent.
        """
        i = bisect.bisect_left(self._starts, position)
        recent: list[str] = []
        for _, name in reversed(self._people[:i]):
            if fits is not None and not fits(name):
                continue
            if name not in recent:
                recent.append(name)
            if len(recent) == 3:
                break
        if not recent:
            return None
        if nearest:
            return recent[0]
        counts = {n: sum(1 for _, m in self._people[:i] if m == n) for n in recent}
        return max(recent, key=lambda n: (counts[n], -recent.index(n)))

    def following(
        self, position: int, reach: int, skip: Callable[[int], bool] | None = None
    ) -> str | None:
        """Return the first person named after char ``position`` and within ``reach`` chars.

        "A court sentenced a 20-year-old man ... Kreshnik B. had travelled": a lead
        that describes someone before naming them. People whose mention's char offset
        ``skip`` is true for are passed over.
        """
        i = bisect.bisect_right(self._starts, position)
        for start, name in self._people[i:]:
            if start - position > reach:
                break
            if skip is None or not skip(start):
                return name
        return None

    def people_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """Return (char offset, name) of every person mention between ``start`` and ``end``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self._people[lo:hi]

    def group(self, position: int, size: int | None, reach: int, *, new: bool = False) -> list[str]:
        """Return the people named together ("A, B and C") that a plural at ``position`` means.

        With ``size`` only a list of that many names fits; the nearest list before the
        plural wins, else the nearest after it within ``reach`` chars. ``new``: the plural
        tells of people first met there, so only a list after it fits.
        """
        fits = [g for g in self._groups if size is None or len(g[1]) == size]
        before = [g for g in fits if g[0] < position and not new]
        if before:
            return list(before[-1][1])
        after = [g for g in fits if 0 <= g[0] - position <= reach and size is not None]
        return list(after[0][1]) if after else []

    def entities(self) -> list[Entity]:
        """Return one entity per resolved name, with its other surface forms as aliases."""
        out = []
        for (kind, name), forms in self._forms.items():
            aliases = tuple(f for f in forms if f != name)
            out.append(Entity(name, kind, aliases, tuple(self._spans[(kind, name)])))
        return out


#: What may stand between two names of one list: "A, B and C", "A and B", "A; B".
_LIST_GAP = re.compile(r"(?:,\s*\d{1,3}\s*)?\s*(?:,|;|and|, and|—|–|-)\s*")


def _person_groups(
    ordered: list[NameMention], name_at: dict[int, str], text: str
) -> list[tuple[int, tuple[str, ...]]]:
    """Lists of two or more people named one after another, as (start, names)."""
    groups: list[tuple[int, tuple[str, ...]]] = []
    run: list[NameMention] = []
    for m in ordered:
        if m.start not in name_at:
            continue
        if m.type == "PERSON" and run and _LIST_GAP.fullmatch(text[run[-1].end : m.start]):
            run.append(m)
            continue
        if len(run) > 1:
            groups.append((run[0].start, tuple(dict.fromkeys(name_at[x.start] for x in run))))
        run = [m] if m.type == "PERSON" else []
    if len(run) > 1:
        groups.append((run[0].start, tuple(dict.fromkeys(name_at[x.start] for x in run))))
    return groups


def _shared_family(given: str, m: NameMention, ordered: list[NameMention], text: str) -> str | None:
    """ "brothers Rustam and Ilyos Nematov": a given name told before another's full name
    shares its family name ("Rustam Nematov"), unless it is a family name itself."""
    if not text.startswith(" and ", m.end) or given.lower().endswith(surname_endings()):
        return None
    after = next((o for o in ordered if o.start == m.end + len(" and ")), None)
    words = strip_titles(clean_name(after.text)).split() if after is not None else []
    if after is None or after.type != "PERSON" or len(words) != 2 or words[0] == given:
        return None
    return f"{given} {words[1]}"


def _surname_owner(
    word: str, start: int, full: list[tuple[int, str]], ordered: list[NameMention]
) -> str | None:
    for _, name in reversed(full):
        if name.split()[-1] == word or name.split()[0] == word:
            return name
    # the full name may come later in the article ("Mirzoyev ... Umar Mirzoyev")
    for m in ordered:
        # "Journalist Muhammad Bekjon": the later full name without its titles
        text = strip_titles(clean_name(m.text))
        if m.start > start and m.type == "PERSON" and len(text.split()) > 1:
            if text.split()[-1] == word:
                return text
    return None
