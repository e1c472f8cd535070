"""Group names the small model leaves untagged: quoted, or given after their kind.

"the movement “Free Youth of Osh”", "an organization called "New Path"", "the
“Green Steppe” party", "the group Koldau": a name right after or before the kind
of body it names is a group's name, whatever the model made of its words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resolve.mentions import NameMention
from .agencies import state_named_by

#: Kinds of body a quoted name is given for (a word added here reaches both orders).
_BODIES = (
    r"(?i:movement|organi[sz]ation|party|group|association|union|foundation|society|network"
    r"|community|front|jamaat|sect|alliance|coalition|brigade|battalion)s?"
)
_NAME = r"[“\"«]([A-Z][^“”\"«»\n]{1,80}?)[,.]?[”\"»]"
_AFTER = re.compile(rf"\b{_BODIES},?\s+(?:(?i:called|named|known\s+as)\s+)?{_NAME}")
_BEFORE = re.compile(rf"{_NAME}\s+{_BODIES}\b")
#: "the group Koldau", "the party Hizb ut-Tahrir": capitalized words after "the <kind>"
_WORD = r"(?:[A-Z][\w'’-]*|(?:al|ul|ut|ud|ad|ash|as|an|el)-[A-Z][\w'’-]*)"
_NAMED = re.compile(rf"\bthe {_BODIES} ({_WORD}(?: {_WORD}){{0,3}})(?![\w“\"«])")
#: "the Salafi movement", "the Hizmet movement": capitalized words before a lower-case kind
#: (the name is the words, as "the Yakyn Inkar movement" is Yakyn Inkar)
_KIND_AFTER = re.compile(
    rf"\bthe ({_WORD}(?: {_WORD}){{0,2}}) (?:movement|sect|network|organi[sz]ation|front)\b"
)
#: Words that describe a kind of movement rather than name one ("the Islamic movement").
_DESCRIBING = frozenset("islamic islamist muslim christian religious political opposition".split())


#: The same in Russian, the name in guillemets after its kind in any case: "организации
#: «Хизб ут-Тахрир аль-Ислами»", "движение «Таблиги Джамаат»".
_AFTER_RU = re.compile(
    r"(?<![а-яёА-ЯЁ])(?i:организаци|парти|движени|объединени|группировк|течени|сект|ячейк"
    r"|сообществ)[а-яё]*"
    r"\s+«([А-ЯЁA-Z][^«»\n]{1,80}?)»"
)


def with_quoted_groups(
    text: str, taken: Sequence[NameMention], language: str = "en"
) -> list[NameMention]:
    """``taken`` with the quoted group names of ``text`` added, each in place of the
    mentions inside it ("Tajikistan" in "Youth for the Revival of Tajikistan")."""
    groups: list[NameMention] = []
    cut: list[NameMention] = []
    for pattern in (_AFTER_RU,) if language == "ru" else (_AFTER, _BEFORE, _NAMED, _KIND_AFTER):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            if len(text[start:end].split()) > 8:
                continue  # a quoted remark, not a name
            first = text[start:end].split()[0]
            if pattern in (_NAMED, _KIND_AFTER) and state_named_by(first):
                continue  # "the group Tajik officials banned": a people, not a name
            if pattern is _KIND_AFTER and _DESCRIBING & set(text[start:end].casefold().split()):
                # "the Islamic movement": a kind of movement ("the Yaqyn Inkar Islamic
                # movement" is Yaqyn Inkar, told with what it is)
                continue
            # ("Движение «Рохи Нав" tagged from the kind to inside the quotes: the model's
            # cut of the name the quotes give)
            opened = [m for m in taken if match.start() <= m.start < start < m.end <= end]
            crossing = any(
                m.start < end and start < m.end and not start <= m.start < m.end <= end
                for m in (*taken, *groups)
                if m not in opened
            )
            if not crossing:
                groups.append(NameMention(text[start:end], start, end, "ORG"))
                cut.extend(opened)
    inside = [m for m in taken if any(g.start <= m.start < m.end <= g.end for g in groups)]
    return [m for m in taken if m not in inside and m not in cut] + groups
