"""An article's name mentions, with the small model's commonest slips mended.

Nationalities are no names; a dateline the model takes for a person is a place; a
family name tagged as a group or a place after its full name is a person; given
names tagged as places join the family name after them; people and groups the
model left untagged (two or three person-shaped words, a name told with an age, a
quoted or kind-named group) are added; a reporter's byline is no one in the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..normalize.dates import names_a_time
from ..normalize.names_ru import masculine_declined
from ..resolve.mentions import MentionIndex, NameMention, people_words, surname_endings
from ..settings import Settings
from .agencies import demonym_words
from .quoted import with_quoted_groups
from .spans import doc_ents, doc_text, in_dateline, sent_of

#: spaCy's labels and the entity types they are read as.
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def article_mentions(doc: Doc, settings: Settings) -> MentionIndex:
    """The article's name mentions, with the small model's commonest slips mended."""
    ents = [e for e in doc_ents(doc) if e.label_ in _LABELS]
    surnames = {
        e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].pos_ == "PROPN"
    }
    person_roots = {e.root.i for e in ents if e.label_ == "PERSON"}
    bylines = _bylines(doc_text(doc))
    given = _given_names(ents, settings)
    found = []
    for ent in ents:
        if any(lo <= ent.start_char < hi for lo, hi in bylines):
            continue  # "By Ian Smith": the reporter, not a person in the story
        if ent.start in given:
            continue  # read with the family name after it
        label = _LABELS[ent.label_]
        start, end = ent.start, ent.end
        while end - start > 1 and doc[end - 1].text in (",", ";", ":"):
            end -= 1  # "Nurlan Asanov," with its comma
        if label == "PERSON" and start > 0 and doc[start - 1].text == "-":
            if not doc[start - 1].whitespace_:
                continue  # "Rostov-on-Don": the end of a hyphened place name, no person
        if label == "PERSON" and len(ent) == 1 and doc.lang_ == "ru" and _a_verb_form(ent.root):
            continue  # "Заключённый смог бежать": a participle opening the sentence, no name
        if label in ("PERSON", "ORG") and _is_demonym(ent.text):
            continue  # "1,300 Kyrgyz citizens", "the Tajiks": a nationality, not a name
        if label == "PERSON" and _a_groups_word(ent):
            continue  # "a former Tamil Tiger fighter": the group's, not a person's name
        if label in ("PERSON", "ORG") and len(ent) > 1 and _headline_words(ent):
            continue  # "Kazakh National Sentenced to 12 Years": a title's words, no name
        described = _described_by_nationality(ent) if label == "PERSON" else 0
        if described == len(ent):
            continue  # "Kazakh National": who someone is, no name
        start += described  # "Tajik citizen Massud": the name after who he is
        if label == "PERSON" and (
            (ent.text.isupper() and _is_known_place(ent.text, settings))
            or (ent.start_char < _DATELINE_REACH and in_dateline(sent_of(ent[0]), *_chars(ent)))
        ):
            label = "LOC"  # a dateline, "DUSHANBE --", "DIJON, France —", taken for a name
        if (
            label == "PERSON"
            and start > 0
            and doc[start - 1].lower_ in people_words("group_kinds")
            and not any(w.lower().endswith(surname_endings()) for w in ent.text.split())
        ):
            # "the religious movement Nur-Jol": a group named after its kind (but "the Ata
            # Meken party Tekebayev Omurbek" is its leader)
            label = "ORG"
        elif len(ent) == 1 and ent.text in surnames:
            label = "PERSON"  # "Kayumov" tagged ORG after "Anvar Kayumov"
        elif label == "PERSON" and _group_named(ent):
            label = "ORG"  # "Katibat al-Tawhid", "Jamoati Ansorulloh" tagged as people
        elif label in ("LOC", "ORG") and _person_shaped(doc[start:end], settings):
            label = "PERSON"  # "Kamol Ismoilov" tagged FAC, "Otabek Sattoriy" ORG
        elif label in ("LOC", "ORG") and _lone_surname(ent, settings):
            label = "PERSON"  # "Aliyeva was sentenced": a family name taken for a group
        elif (
            label == "PERSON"
            and len(ent) == 1
            and ent.root.dep_ in ("compound", "amod")
            and (ent.root.head.pos_ == "NOUN")
        ):
            continue  # "Tajik law enforcement": a nationality, not a person
        elif (
            label == "ORG"
            and _coordinated_with(ent, person_roots)
            and all(t.pos_ == "PROPN" for t in ent)
        ):
            label = "PERSON"  # "Umarali Hisainov and Mahmadali Haitov"
        elif label == "LOC" and _named_after_a_place(ent, settings):
            label, start = "PERSON", start - 1  # "Olim Tursunzoda": a family name like a town's
        elif label in ("LOC", "ORG") and _initialled(ent):
            label, start = "PERSON", start - 1  # "U. Asanov" with "Asanov" taken for a place
        elif label in ("LOC", "ORG") and (family := _untagged_family_name(ent, settings)):
            label, end = "PERSON", family  # "Nurlan Asanov" with "Nurlan" a place, "Asanov" nothing
        if label == "PERSON" and start - 1 in given:
            start = given[start - 1]  # "Ermek Zhaparov" with "Ermek" tagged as a place
        if label in ("PERSON", "ORG"):
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and not doc[start - 1].ent_type_
                and (
                    doc[start - 1].dep_ == "compound"
                    and doc[start - 1].head.i in range(start, ent.end)
                )
            ):
                start -= 1  # "Said Ziyoyev" tagged from "Ziyoyev" only
        while label == "PERSON" and end - start > 1 and doc[end - 1].like_num:
            end -= 1  # "and Aziz Rahimov six": the term the model took into the name
        if label == "LOC" and (named := _group_after_place(doc, end)) is not None:
            label, end = "ORG", named  # "East Turkestan Liberation Organization": a group
        span = doc[start:end]
        found.append(NameMention(span.text, span.start_char, span.end_char, label))
    if doc.lang_ == "en":
        found.extend(_untagged_people(doc, settings))
        found = with_quoted_groups(doc_text(doc), found)
    else:
        found.extend(_untagged_family_names(doc))
        found = with_quoted_groups(doc_text(doc), found, "ru")
    found.extend(_surnames_told_again(doc, found))
    # a language pipeline may name mentions itself (Russian: in the nominative)
    canonical = doc.user_data.get("kronika.canonical") or _canonical(settings)
    return MentionIndex(found, canonical, doc_text(doc))


#: How far into an article (in characters) its dateline may open the body.
_DATELINE_REACH = 600


def _a_verb_form(token: Token) -> bool:
    """A Russian word whose dictionary form is a verb's ("Заключённый" from "заключить",
    "Осуждённые" from "осудить"): a participle, which names no one."""
    return token.lemma_.endswith(("ть", "ться", "чь", "чься"))


def _group_named(ent: Span) -> bool:
    """A name of two words or more with a word only groups are named with (``group_words``
    in people.yaml): "Katibat al-Tawhid", "Jund al-Khilafah"."""
    words = {w.casefold() for w in re.split(r"[\s-]+", ent.text)}
    return len(ent) > 1 and bool(words & people_words("group_words"))


def _group_after_place(doc: Doc, end: int) -> int | None:
    """The end of a group's name a place opens, when capitalized words the model left
    untagged follow it up to a group's kind: "East Turkestan | Liberation Organization"."""
    i = end
    while i < len(doc) and doc[i].pos_ == "PROPN" and not doc[i].ent_type_:
        i += 1
    return i if i > end and doc[i - 1].lemma_.lower() in people_words("group_kinds") else None


def _chars(ent: Span) -> tuple[int, int]:
    return ent.start_char, ent.end_char


def _given_names(ents: Sequence[Span], settings: Settings) -> dict[int, int]:
    """Given names the model tagged as places or groups: "Ermek" in "Ermek Zhaparov".

    A one-word name right before a person's name, bound to it as a compound and
    unknown to the gazetteer, is the person's given name. Maps the token index
    before the person's name to the start of the given name.
    """
    out: dict[int, int] = {}
    for first, second in zip(ents, ents[1:], strict=False):
        if (
            second.label_ == "PERSON"
            and first.label_ in ("GPE", "LOC", "ORG", "FAC")
            and len(first) == 1
            and first.end == second.start
            and first.root.dep_ == "compound"
            and first.root.head.i in range(second.start, second.end)
            and first.root.pos_ == "PROPN"
            and not _is_known_place(first.text, settings)
        ):
            out[first.start] = first.start
    return out


def _untagged_people(doc: Doc, settings: Settings) -> list[NameMention]:
    """Person-shaped names the model tagged as nothing at all ("Abdulla Abduraulov, 42, and"),
    and names whose family name the model tags as a person where it is told alone
    ("In 2014 Emre Aksoy, then a student, ... Aksoy was captured")."""
    alone = {e.text for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) == 1}
    found = []
    for tok in doc[1:]:
        # "Kh. Sharipov": an initial and a family name, as official releases name people
        if not tok.ent_type_ and _initialled(doc[tok.i : tok.i + 1]):
            span = doc[tok.i - 1 : tok.i + 1]
            found.append(NameMention(span.text, span.start_char, span.end_char, "PERSON"))
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 3 and doc[j].pos_ == "PROPN" and _untagged(doc[j]):
            j += 1
        if (
            j - i >= 2
            and (j == len(doc) or doc[j].pos_ != "PROPN")
            and (_person_shaped(doc[i:j], settings) or _family_told_alone(doc[i:j], alone))
        ):
            span = doc[i:j]
            found.append(NameMention(span.text, span.start_char, span.end_char, "PERSON"))
        i = max(j, i + 1)
    return found


def _untagged_family_name(ent: Span, settings: Settings) -> int | None:
    """The end of a person's name whose given name the model tagged as a place or a
    group and whose family name as nothing ("Nurlan Asanov" with "Nurlan" a GPE), or
    None. The given name is one word unknown as a place."""
    doc = ent.doc
    if len(ent) != 1 or ent.end >= len(doc) or _is_known_place(ent.text, settings):
        return None
    end = ent.end
    while end < len(doc) and end - ent.start < 3 and doc[end].pos_ == "PROPN":
        if doc[end].ent_type_:
            return None
        end += 1
    if end == ent.end or not _person_shaped(doc[ent.start : end], settings):
        return None
    return end


def _untagged_family_names(doc: Doc) -> list[NameMention]:
    """ "Каримов был задержан": a lone family name the model tagged as nothing, a person's
    by its ending and by being told of as someone (animate)."""
    endings = surname_endings()
    out = []
    for tok in doc:
        if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title or len(tok.text) < 5:
            continue
        if "Anim" not in tok.morph.get("Animacy", []):
            continue
        if tok.lower_.endswith(endings):
            out.append(NameMention(tok.text, tok.idx, tok.idx + len(tok.text), "PERSON"))
    return out


def _surnames_told_again(doc: Doc, found: Sequence[NameMention]) -> list[NameMention]:
    """A family name of a person named in full, told again where the model tagged it as
    nothing or as a date ("Nazarov got nine years and Sharipov eight years"; in Russian in
    any case: "Ахмедов был задержан" after "Шухрат Ахмедов")."""
    surnames, lemmas = set(), set()
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.type == "PERSON" and span is not None and len(span) > 1 and span[-1].is_title:
            surnames.add(span[-1].text)
            lemmas.add(span[-1].lemma_)
    taken = [(m.start, m.end) for m in found]
    # ("Турсунова задержали" after "Абдувахоб Турсунов": a man's family name declined,
    # whatever lemma the analyser gave either form)
    declined = {form for name in surnames for form in masculine_declined(name)}
    out = []
    for tok in doc:
        inflected = doc.lang_ != "en" and (
            (tok.pos_ == "PROPN" and tok.lemma_ in lemmas) or tok.text in declined
        )
        if not (tok.text in surnames or inflected) or tok.ent_type_ not in ("", "DATE", "CARDINAL"):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(lo < end and start < hi for lo, hi in taken):
            continue
        out.append(NameMention(tok.text, start, end, "PERSON"))
    return out


#: Labels the model gives a family name by mistake when a number follows it ("Nurlan
#: Asanov, 1989 year of birth" read as one date).
_NUMBER_LABELS = frozenset({"DATE", "CARDINAL", "QUANTITY", "ORDINAL"})


#: An initial before a family name: "U.", "Kh.", "Sh.".
_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def _initialled(ent: Span) -> bool:
    """One family-name-shaped word right after an initial: "U. Asanov", "Kh. Sharipov"."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    word = ent.text
    return (
        len(ent) == 1
        and before is not None
        and _INITIAL.fullmatch(before.text) is not None
        and word[:1].isupper()
        and word.lower().endswith(surname_endings())
    )


def _untagged(token: Token) -> bool:
    """A word the model tagged as nothing, or a name word it took into a date or a number."""
    if not token.ent_type_:
        return True
    return token.ent_type_ in _NUMBER_LABELS and token.is_alpha and not names_a_time(token.text)


def _family_told_alone(span: Span, alone: set[str]) -> bool:
    """Two capitalized words whose last the article tags as a person where told alone."""
    words = span.text.split()
    return (
        len(words) == 2
        and words[-1] in alone
        and all(w[:1].isupper() and w.isalpha() for w in words)
    )


#: Prepositions a place is told after: "in Tursunzoda", "from Yusupov" (a town).
_PLACE_PREPOSITIONS = frozenset(
    "in at near from to into outside inside around across toward towards via through".split()
)


def _named_after_a_place(ent: Span, settings: Settings) -> bool:
    """A family name the model took for the town it shares a name with ("Olim Tursunzoda").

    One word, right after an untagged given name bound to it, not where a place is
    told ("in Tursunzoda"), and person-shaped with the given name.
    """
    if len(ent) != 1 or ent.start == 0:
        return False
    given = ent.doc[ent.start - 1]
    if given.pos_ != "PROPN" or given.ent_type_ or given.head.i != ent.root.i:
        return False
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPOSITIONS:
        return False  # "in Tursunzoda" ("the case of Ikrom Yusupov" is a person's)
    return _person_shaped(ent.doc[ent.start - 1 : ent.end], settings)


def _person_shaped(ent: Span, settings: Settings) -> bool:
    """Two or three capitalized words ending in a family-name ending, or followed by an
    age ("Karim Benali, 31,"), or a given name and an initial ("Nadine K."), unknown as a
    place."""
    words = ent.text.split()
    # "Nadine K.", "Mohammad A.": a given name and the initial of the family name, as
    # courts in some states name defendants
    initial = len(words) == 2 and re.fullmatch(r"[A-Z]\.", words[1]) is not None
    if initial:
        words = words[:1]
    elif not 2 <= len(words) <= 3:
        return False
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    ending = words[-1].lower().endswith(surname_endings())
    if not ending and not initial and not _aged(ent):
        return False
    from ..nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(settings)
    return gazetteer.place(ent.text) is None and gazetteer.canonical(ent.text, "ORG") is None


#: Who may be told by a family name alone: one who acts or is acted on.
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos"})


def _lone_surname(ent: Span, settings: Settings) -> bool:
    """One capitalized word with a family-name ending, subject or object of a verb, unknown
    as a place or a group ("Aliyeva was sentenced", "police detained Khudoyberdiyev")."""
    word = ent.text
    if len(ent) != 1 or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return False
    endings = tuple(e for e in surname_endings() if len(e) > 2 or e in ("ov", "ev"))
    if len(word) < 6 or not word.lower().endswith(endings) or ent.root.dep_ not in _PARTY_DEPS:
        return False
    if ent.root.dep_ != "appos" and ent.root.head.pos_ not in ("VERB", "AUX"):
        return False
    from ..nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(settings)
    return gazetteer.place(word) is None and gazetteer.canonical(word, "ORG") is None


def _aged(ent: Span) -> bool:
    """A name followed by an age between commas: "Karim Benali, 31, was ..."."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    return (
        len(after) == 3
        and after[0].text == ","
        and after[2].text == ","
        and after[1].text.isdigit()
        and 14 <= int(after[1].text) <= 99
    )


#: A byline: "By Ian Smith", "By Ian Smith and Ana Lee, Reuters", on a line of its own.
_BYLINE = re.compile(r"(?m)^[ \t]*(?:By|BY|by)[ \t]+[A-Z][^\n.!?]{0,80}$")


def _bylines(text: str) -> list[tuple[int, int]]:
    """Character spans of the byline lines of an article."""
    return [(m.start(), m.end()) for m in _BYLINE.finditer(text)]


def _coordinated_with(ent: Span, roots: set[int]) -> bool:
    root = ent.root
    return (root.dep_ in ("conj", "appos") and root.head.i in roots) or any(
        c.dep_ in ("conj", "appos") and c.i in roots for c in root.children
    )


@cache
def _a_groups_word(ent: Span) -> bool:
    """Whether ``ent`` modifies a word for a group's people right after it ("a former Tamil
    Tiger fighter", "an Ansar Dine commander"): the group's name, whatever the model took it
    for (``group_people`` in people.yaml)."""
    root = ent.root
    head = root.head
    return (
        root.dep_ == "compound"
        and head.i == ent.end
        and head.pos_ == "NOUN"
        and head.lower_ in people_words("group_people")
    )


@cache
def _demonyms() -> frozenset[str]:
    """Nationality words and their plurals, case-folded (every entity asks)."""
    words = demonym_words()
    return words | {w + "s" for w in words}


def _headline_words(ent: Span) -> bool:
    """Whether a "name" is words of a title in capitals, a verb in it: "Kazakh National
    Sentenced" (but "Said Kurbonov" opens with a given name, not a verb)."""
    return any(
        t.pos_ == "VERB"
        and t.tag_ in ("VBN", "VBD", "VBZ")
        and not (t.i == ent.start and t.lower_ in _given_names_known())
        for t in ent
    )


@cache
def _given_names_known() -> frozenset[str]:
    """Men's and women's given names (``people.yaml``), in lower case."""
    return people_words("men_names") | people_words("women_names")


def _described_by_nationality(ent: Span) -> int:
    """How many words at the start of a person's "name" say who they are: "Tajik citizen
    Massud" (2), "Kazakh National" (2); 0 when it opens with no nationality."""
    if len(ent) < 2 or not _is_demonym(ent[0].text):
        return 0
    described = 1
    while described < len(ent) and ent[described].lower_ in people_words("descriptions"):
        described += 1
    return described if described > 1 else 0


def _is_demonym(text: str) -> bool:
    words = text.strip().casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]  # "The Kyrgyz" cut from "The Kyrgyz Supreme Court"
    if not words:
        return False
    peoples = people_words("peoples")
    # "the Tajiks", "four Crimean Tatars": a nationality or a people, not a name
    return " ".join(words) in _demonyms() or all(w in peoples or w in _demonyms() for w in words)


def _is_known_place(text: str, settings: Settings) -> bool:
    from ..nlp.gazetteer import load_gazetteer

    return load_gazetteer(settings).place(text.title()) is not None


def _canonical(settings: Settings) -> Any:
    from ..nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(settings)

    def canonical(name: str, kind: str) -> str | None:
        # people are only joined by the article's own full names: a curated person
        # sharing a surname must not absorb a namesake
        return None if kind == "PERSON" else gazetteer.canonical(name, kind)

    return canonical
