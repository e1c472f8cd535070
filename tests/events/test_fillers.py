"""Role fillers on hand-built parses and plain strings."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from tests.helpers import make_doc

from kronika.events.acts import _country_of
from kronika.events.counts import antecedent_count, count_of
from kronika.events.courts import fill_court
from kronika.events.fillers import FillContext, names_of
from kronika.events.legal import fill_charges, fill_law_articles, split_charges
from kronika.events.participants import agent, is_passive, patient
from kronika.events.patients import described_people, fill_agent, fill_patient
from kronika.events.spec import RoleSpec
from kronika.resolve.mentions import MentionIndex, NameMention


def _ctx(doc, trigger: int) -> FillContext:  # type: ignore[no-untyped-def]
    mentions = MentionIndex(
        (NameMention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents), None, doc.text
    )
    return FillContext(doc, doc[:], doc[trigger], {}, mentions)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "terrorism, murder, and illegal weapons possession",
            ["terrorism", "murder", "illegal weapons possession"],
        ),
        (
            "organizing and participating in a terrorist group",
            ["organizing and participating in a terrorist group"],
        ),
        ("fraud and extremism", ["fraud", "extremism"]),
        ("alleged association with the group", ["association with the group"]),
        # a parenthetical is the article, a role of its own
        ("inciting hatred (Article 189)", ["inciting hatred"]),
        ("treason (Article 305 of the Criminal Code) and espionage", ["treason", "espionage"]),
        ("extremism (Article 307", ["extremism"]),
        # two acts, each with its own object: two charges
        (
            "organizing a banned group and recruiting young men",
            ["organizing a banned group", "recruiting young men"],
        ),
        (
            "financing terrorism and calling for violence",
            ["financing terrorism", "calling for violence"],
        ),
        # a flash's source after a spaced dash is no charge
        ("terrorism - prosecutors", ["terrorism"]),
        ("membership of Hizb ut-Tahrir — court", ["membership of Hizb ut-Tahrir"]),
    ],
)
def test_split_charges_splits_lists_but_not_joined_gerunds(text: str, expected: list[str]) -> None:
    assert split_charges(text) == expected


def test_patient_is_the_passive_subject_and_agent_the_by_phrase() -> None:
    # "Karimov was detained by police ."
    doc = make_doc(
        ["Karimov", "was", "detained", "by", "police", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
    )
    assert is_passive(doc[2])
    assert patient(doc[2]) == doc[0]
    assert agent(doc[2]) == doc[4]


def test_patient_of_a_verb_and_particle_is_named_after_its_preposition() -> None:
    # "Police caught up with Sadykov in Osh ."
    doc = make_doc(
        ["Police", "caught", "up", "with", "Sadykov", "in", "Osh", "."],
        [1, 1, 1, 1, 3, 1, 5, 1],
        ["nsubj", "ROOT", "prt", "prep", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ents=[(4, 5, "PERSON"), (6, 7, "GPE")],
    )
    assert patient(doc[1]) == doc[4]


def test_patient_of_a_second_verb_is_the_shared_subject() -> None:
    # "Karimov was detained and extradited ."
    doc = make_doc(
        ["Karimov", "was", "detained", "and", "extradited", "."],
        [2, 2, 2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "punct"],
        ["PROPN", "AUX", "VERB", "CCONJ", "VERB", "PUNCT"],
    )
    assert patient(doc[4]) == doc[0]


def test_patient_of_a_relative_clause_is_the_noun_it_describes() -> None:
    # "Rustam Aliev , who was arrested ."
    doc = make_doc(
        ["Rustam", "Aliev", ",", "who", "was", "arrested", "."],
        [1, 1, 1, 5, 5, 1, 1],
        ["compound", "ROOT", "punct", "nsubjpass", "auxpass", "relcl", "punct"],
        ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "NNP", ",", "WP", "VBD", "VBN", "."],
    )
    assert patient(doc[5]) == doc[1]


@pytest.mark.parametrize(
    "words,heads,deps,pos,expected",
    [
        (["Five", "members"], [1, 1], ["nummod", "ROOT"], ["NUM", "NOUN"], 5),
        (
            ["seven", "of", "the", "defendants"],
            [0, 0, 3, 1],
            ["ROOT", "prep", "det", "pobj"],
            ["NUM", "ADP", "DET", "NOUN"],
            7,
        ),
        (
            ["a", "group", "of", "25", "militants"],
            [1, 1, 1, 4, 2],
            ["det", "ROOT", "prep", "nummod", "pobj"],
            ["DET", "NOUN", "ADP", "NUM", "NOUN"],
            25,
        ),
        (["the", "prisoners"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], None),
        # the one named and the companions counted with him
        (
            ["Sadykov", "and", "his", "two", "accomplices"],
            [0, 0, 4, 4, 0],
            ["ROOT", "cc", "poss", "nummod", "conj"],
            ["PROPN", "CCONJ", "PRON", "NUM", "NOUN"],
            3,
        ),
        (
            ["Sadykov", ",", "Aliev", "and", "their", "four", "drivers"],
            [0, 0, 0, 2, 6, 6, 2],
            ["ROOT", "punct", "conj", "cc", "poss", "nummod", "conj"],
            ["PROPN", "PUNCT", "PROPN", "CCONJ", "PRON", "NUM", "NOUN"],
            6,
        ),
        (
            ["Sadykov", "and", "his", "wife"],
            [0, 0, 3, 0],
            ["ROOT", "cc", "poss", "conj"],
            ["PROPN", "CCONJ", "PRON", "NOUN"],
            None,
        ),
    ],
)
def test_count_of_reads_the_number_of_people(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], expected: int | None
) -> None:
    doc = make_doc(words, heads, deps, pos)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert count_of(root) == expected


def test_fill_charges_reads_the_phrase_after_charges_of() -> None:
    # "He was jailed on charges of terrorism and murder ."
    doc = make_doc(
        ["He", "was", "jailed", "on", "charges", "of", "terrorism", "and", "murder", "."],
        [2, 2, 2, 2, 3, 4, 5, 6, 6, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "cc", "conj", "punct"],
        ["PRON", "AUX", "VERB", "ADP", "NOUN", "ADP", "NOUN", "CCONJ", "NOUN", "PUNCT"],
        lemmas=["he", "be", "jail", "on", "charge", "of", "terrorism", "and", "murder", "."],
    )
    role = RoleSpec("charges", "phrases")
    assert fill_charges(_ctx(doc, 2), role) == ["terrorism", "murder"]


def test_fill_law_articles_reads_every_article_number() -> None:
    doc = make_doc(
        ["under", "Articles", "307", "and", "187.2"],
        [1, 1, 1, 2, 2],
        ["prep", "ROOT", "nummod", "cc", "conj"],
    )
    assert fill_law_articles(_ctx(doc, 1), RoleSpec("articles", "phrases")) == ["307", "187.2"]


def test_fill_court_takes_a_named_court_and_skips_a_court() -> None:
    # "The Osh regional court jailed him ."
    doc = make_doc(
        ["The", "Osh", "regional", "court", "jailed", "him", "."],
        [3, 3, 3, 4, 4, 4, 4],
        ["det", "compound", "amod", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "PROPN", "ADJ", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert fill_court(_ctx(doc, 4), RoleSpec("court", "name")) == "Osh regional court"
    # "A court jailed him ."
    doc = make_doc(
        ["A", "court", "jailed", "him", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert fill_court(_ctx(doc, 2), RoleSpec("court", "name")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "of recruiting people into a criminal group and of publicly urging violence",
            ["recruiting people into a criminal group", "publicly urging violence"],
        ),
        ("of extremism, of treason", ["extremism", "treason"]),
    ],
)
def test_split_charges_cuts_a_list_of_clauses(text: str, expected: list[str]) -> None:
    assert split_charges(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Dushanbe", "Tajikistan"), ("Russia", "Russia"), ("Unknownabad", "Unknownabad")],
)
def test_country_of_gives_a_city_its_country(name: str, expected: str) -> None:
    assert _country_of(name) == expected


# "Police held 12 miners . The miners / those miners / miners were released ."
_ANTECEDENT = (
    ["Police", "held", "12", "miners", ".", "{det}", "miners", "were", "released", "."],
    [1, 1, 3, 1, 1, 6, 8, 8, 8, 8],
    ["nsubj", "ROOT", "nummod", "dobj", "punct", "det", "nsubjpass", "auxpass", "ROOT", "punct"],
    ["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
)


@pytest.mark.parametrize(("det", "expected"), [("The", 12), ("those", 12), ("some", None)])
def test_antecedent_count_repeats_the_number_of_an_earlier_plural(
    det: str, expected: int | None
) -> None:
    words = [w.format(det=det) for w in _ANTECEDENT[0]]
    lemmas = [w.lower() for w in words]
    lemmas[3] = lemmas[6] = "miner"
    tags = ["NN", "VBD", "CD", "NNS", ".", "DT", "NNS", "VBD", "VBN", "."]
    doc = make_doc(words, *_ANTECEDENT[1:], lemmas=lemmas, tags=tags)
    assert antecedent_count(doc[6]) == expected


PEOPLE = RoleSpec("defendant", "names", entity=("PERSON",))


def test_described_people_gives_a_described_person_the_next_name_in_the_lead() -> None:
    # "A court jailed a 20-year-old man . Arben K. had travelled to Syria ."
    doc = make_doc(
        ["A", "court", "jailed", "a", "20-year-old", "man", "."]
        + ["Arben", "K.", "had", "travelled", "to", "Syria", "."],
        [1, 2, 2, 5, 5, 2, 2, 8, 10, 10, 2, 10, 11, 10],
        ["det", "nsubj", "ROOT", "det", "amod", "dobj", "punct"]
        + ["compound", "nsubj", "aux", "conj", "prep", "pobj", "punct"],
        ["DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "PUNCT"]
        + ["PROPN", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["DT", "NN", "VBD", "DT", "JJ", "NN", "."]
        + ["NNP", "NNP", "VBD", "VBN", "IN", "NNP", "."],
        ents=[(7, 9, "PERSON"), (12, 13, "GPE")],
    )
    ctx = _ctx(doc, 2)
    assert described_people(ctx, doc[5]) == ["Arben K."]
    assert fill_patient(ctx, PEOPLE) == ["Arben K."]


# "Police detained a teacher and two students . Rustam Qodirov and Ilhom Saidov were freed ."
_TEACHER = (
    ["Police", "detained", "a", "teacher", "and", "two", "students", "."]
    + ["Rustam", "Qodirov", "and", "Ilhom", "Saidov", "were", "freed", "."],
    [1, 1, 3, 1, 3, 6, 3, 1, 9, 14, 9, 12, 9, 14, 1, 14],
    ["nsubj", "ROOT", "det", "dobj", "cc", "nummod", "conj", "punct"]
    + ["compound", "nsubjpass", "cc", "compound", "conj", "auxpass", "conj", "punct"],
    ["NOUN", "VERB", "DET", "NOUN", "CCONJ", "NUM", "NOUN", "PUNCT"]
    + ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
)
_TEACHER_TAGS = ["NNS", "VBD", "DT", "NN", "CC", "CD", "NNS", "."] + [
    "NNP",
    "NNP",
    "CC",
    "NNP",
    "NNP",
    "VBD",
    "VBN",
    ".",
]


def test_described_people_names_no_one_for_a_description_coordinated_with_others() -> None:
    doc = make_doc(*_TEACHER, tags=_TEACHER_TAGS, ents=[(8, 10, "PERSON"), (11, 13, "PERSON")])
    assert described_people(_ctx(doc, 1), doc[3]) == []


@pytest.mark.parametrize(
    "words,tags,expected",
    [
        # "two rifles": not people
        (["Police", "seized", "two", "rifles"], ["NNS", "VBD", "CD", "NNS"], []),
        # "forty men": more than a list of names would hold
        (["Police", "detained", "forty", "men"], ["NNS", "VBD", "CD", "NNS"], []),
        # "men" with neither number nor determiner: no particular men
        (["Police", "detained", "some", "men"], ["NNS", "VBD", "DT", "NNS"], []),
    ],
)
def test_described_people_leaves_other_plurals_unnamed(
    words: list[str], tags: list[str], expected: list[str]
) -> None:
    tail = ["Rustam", "Qodirov", "and", "Ilhom", "Saidov", "left", "."]
    doc = make_doc(
        words + tail,
        [1, 1, 3, 1, 5, 9, 5, 8, 5, 9, 9],
        ["nsubj", "ROOT", "nummod" if tags[2] == "CD" else "det", "dobj"]
        + ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "punct"],
        ["NOUN", "VERB", "NUM" if tags[2] == "CD" else "DET", "NOUN"]
        + ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"],
        tags=tags + ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "."],
        ents=[(4, 6, "PERSON"), (7, 9, "PERSON")],
    )
    assert described_people(_ctx(doc, 1), doc[3]) == expected


def _plural_doc(plural: list[tuple[str, str, str, str]]) -> Doc:
    """ "Rustam Qodirov and Ilhom Saidov were held . <plural> were charged ."

    ``plural`` is the later subject as (word, dep, pos, tag), its head word last.
    """
    head = 8 + len(plural) - 1
    charged = head + 2
    words = ["Rustam", "Qodirov", "and", "Ilhom", "Saidov", "were", "held", "."]
    heads = [1, 6, 1, 4, 1, 6, 6, 6]
    deps = ["compound", "nsubjpass", "cc", "compound", "conj", "auxpass", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", "CC", "NNP", "NNP", "VBD", "VBN", "."]
    for word, dep, part, tag in plural:
        words.append(word)
        heads.append(charged if dep == "nsubjpass" else head)
        deps.append(dep)
        pos.append(part)
        tags.append(tag)
    words += ["were", "charged", "."]
    heads += [charged, 6, charged]
    deps += ["auxpass", "conj", "punct"]
    pos += ["AUX", "VERB", "PUNCT"]
    tags += ["VBD", "VBN", "."]
    return make_doc(words, heads, deps, pos, tags=tags, ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])


_THE = ("The", "det", "DET", "DT")
_TWO = ("two", "nummod", "NUM", "CD")
_MEN = ("men", "nsubjpass", "NOUN", "NNS")


@pytest.mark.parametrize(
    "plural",
    [[_THE, _TWO, _MEN], [_TWO, _MEN], [_THE, _MEN], [("They", "nsubjpass", "PRON", "PRP")]],
    ids=["the-two-men", "two-men", "the-men", "they"],
)
def test_fill_patient_gives_a_plural_the_people_last_named_together(
    plural: list[tuple[str, str, str, str]],
) -> None:
    doc = _plural_doc(plural)
    charged = len(doc) - 2
    assert fill_patient(_ctx(doc, charged), PEOPLE) == ["Rustam Qodirov", "Ilhom Saidov"]


@pytest.mark.parametrize(
    "plural",
    [
        [("three", "nummod", "NUM", "CD"), _MEN],  # a list of two is not three men
        [("some", "det", "DET", "DT"), _MEN],  # no particular men
    ],
    ids=["three-men", "some-men"],
)
def test_fill_patient_gives_a_plural_no_list_that_does_not_fit(
    plural: list[tuple[str, str, str, str]],
) -> None:
    doc = _plural_doc(plural)
    assert fill_patient(_ctx(doc, len(doc) - 2), PEOPLE) == []


@pytest.mark.parametrize(
    "words,heads,deps,pos,lemmas,trigger",
    [
        # "Those arrested include Farid Yusupov and Anvar Rasulov ."
        (
            ["Those", "arrested", "include", "Farid", "Yusupov", "and", "Anvar", "Rasulov", "."],
            [2, 0, 2, 4, 2, 4, 7, 4, 2],
            ["nsubj", "acl", "ROOT", "compound", "dobj", "cc", "compound", "conj", "punct"],
            ["PRON", "VERB", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"],
            ["those", "arrest", "include", "farid", "yusupov", "and", "anvar", "rasulov", "."],
            1,
        ),
        # "Among those detained were Farid Yusupov and Anvar Rasulov ."
        (
            ["Among", "those", "detained", "were", "Farid", "Yusupov", "and", "Anvar", "Rasulov"],
            [3, 0, 1, 3, 5, 3, 5, 8, 5],
            ["prep", "pobj", "acl", "ROOT", "compound", "nsubj", "cc", "compound", "conj"],
            ["ADP", "PRON", "VERB", "AUX", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN"],
            ["among", "those", "detain", "be", "farid", "yusupov", "and", "anvar", "rasulov"],
            2,
        ),
    ],
    ids=["include", "among-those"],
)
def test_fill_patient_names_the_people_those_arrested_include(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    trigger: int,
) -> None:
    first = words.index("Farid")
    ents = [(first, first + 2, "PERSON"), (first + 3, first + 5, "PERSON")]
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas, ents=ents)
    role = RoleSpec("detainee", "names", entity=("PERSON",))
    assert fill_patient(_ctx(doc, trigger), role) == ["Farid Yusupov", "Anvar Rasulov"]


def test_fill_patient_names_no_one_when_those_arrested_are_not_listed() -> None:
    # "Those arrested remain in custody ."
    doc = make_doc(
        ["Those", "arrested", "remain", "in", "custody", "."],
        [2, 0, 2, 2, 3, 2],
        ["nsubj", "acl", "ROOT", "prep", "pobj", "punct"],
        ["PRON", "VERB", "VERB", "ADP", "NOUN", "PUNCT"],
        lemmas=["those", "arrest", "remain", "in", "custody", "."],
    )
    assert fill_patient(_ctx(doc, 1), RoleSpec("detainee", "names", entity=("PERSON",))) == []


@pytest.mark.parametrize("member", ["members", "activists", "fighters", "supporters", "militants"])
def test_names_of_does_not_take_a_group_for_its_members(member: str) -> None:
    # "Police detained five <members> of Hizb ut-Tahrir ."
    doc = make_doc(
        ["Police", "detained", "five", member, "of", "Hizb", "ut-Tahrir", "."],
        [1, 1, 3, 1, 3, 6, 4, 1],
        ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT"],
        lemmas=["police", "detain", "five", member.rstrip("s"), "of", "hizb", "ut-tahrir", "."],
        tags=["NNS", "VBD", "CD", "NNS", "IN", "NNP", "NNP", "."],
        ents=[(5, 7, "ORG")],
    )
    ctx = _ctx(doc, 1)
    assert names_of(ctx, doc[3], ("PERSON",)) == []
    assert names_of(ctx, doc[3], ("PERSON", "ORG")) == []


def test_fill_patient_does_not_count_a_plural_owner_among_its_people() -> None:
    # "Police detained Bahrom Qosimov 's four students ."
    doc = make_doc(
        ["Police", "detained", "Bahrom", "Qosimov", "'s", "four", "students", "."],
        [1, 1, 3, 6, 3, 6, 1, 1],
        ["nsubj", "ROOT", "compound", "poss", "case", "nummod", "dobj", "punct"],
        ["NOUN", "VERB", "PROPN", "PROPN", "PART", "NUM", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "NNP", "NNP", "POS", "CD", "NNS", "."],
        ents=[(2, 4, "PERSON")],
    )
    role = RoleSpec("detainee", "names", entity=("PERSON",))
    assert "Bahrom Qosimov" not in (fill_patient(_ctx(doc, 1), role) or [])


def test_fill_patient_does_not_count_an_owner_among_those_included() -> None:
    # "Police detained ten men , including Bahrom Qosimov 's four students ."
    doc = make_doc(
        ["Police", "detained", "ten", "men", ",", "including"]
        + ["Bahrom", "Qosimov", "'s", "four", "students", "."],
        [1, 1, 3, 1, 3, 3, 7, 10, 7, 10, 5, 1],
        ["nsubj", "ROOT", "nummod", "dobj", "punct", "prep"]
        + ["compound", "poss", "case", "nummod", "pobj", "punct"],
        ["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "VERB"]
        + ["PROPN", "PROPN", "PART", "NUM", "NOUN", "PUNCT"],
        tags=["NNS", "VBD", "CD", "NNS", ",", "VBG", "NNP", "NNP", "POS", "CD", "NNS", "."],
        ents=[(6, 8, "PERSON")],
    )
    role = RoleSpec("detainee", "names", entity=("PERSON",))
    assert "Bahrom Qosimov" not in (fill_patient(_ctx(doc, 1), role) or [])


@pytest.mark.parametrize(
    "words,heads,deps,pos,trigger,expected",
    [
        # "Sweden 's deportation of Ilhom Saidov": the one deported, not the owner
        (
            ["Sweden", "'s", "deportation", "of", "Ilhom", "Saidov"],
            [2, 0, 2, 2, 5, 3],
            ["poss", "case", "ROOT", "prep", "compound", "pobj"],
            ["PROPN", "PART", "NOUN", "ADP", "PROPN", "PROPN"],
            2,
            5,
        ),
        # "the ban on Hizb ut-Tahrir": a name after "on" is acted on
        (
            ["the", "ban", "on", "Hizb", "ut-Tahrir"],
            [1, 1, 1, 4, 2],
            ["det", "ROOT", "prep", "compound", "pobj"],
            ["DET", "NOUN", "ADP", "PROPN", "PROPN"],
            1,
            4,
        ),
        # "his conviction on charges of extremism": charges are no person; the owner is
        (
            ["his", "conviction", "on", "charges", "of", "extremism"],
            [1, 1, 1, 2, 3, 4],
            ["poss", "ROOT", "prep", "pobj", "prep", "pobj"],
            ["PRON", "NOUN", "ADP", "NOUN", "ADP", "NOUN"],
            1,
            0,
        ),
        # "his release": the owner
        (["his", "release"], [1, 1], ["poss", "ROOT"], ["PRON", "NOUN"], 1, 0),
    ],
    ids=["of-before-owner", "on-a-name", "on-charges", "owner"],
)
def test_patient_of_a_noun_prefers_the_one_acted_on(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    trigger: int,
    expected: int,
) -> None:
    doc = make_doc(words, heads, deps, pos)
    assert patient(doc[trigger]) == doc[expected]


def test_fill_agent_gives_a_described_doer_the_next_name_in_the_lead() -> None:
    # "A 30-year-old woman escaped . Dilnoza Umarova fled to Kazakhstan ."
    doc = make_doc(
        ["A", "30-year-old", "woman", "escaped", ".", "Dilnoza", "Umarova", "fled", "to"]
        + ["Kazakhstan", "."],
        [2, 2, 3, 3, 3, 6, 7, 3, 7, 8, 3],
        ["det", "amod", "nsubj", "ROOT", "punct", "compound", "nsubj", "conj", "prep"]
        + ["pobj", "punct"],
        ["DET", "ADJ", "NOUN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["DT", "JJ", "NN", "VBD", ".", "NNP", "NNP", "VBD", "IN", "NNP", "."],
        ents=[(5, 7, "PERSON"), (9, 10, "GPE")],
    )
    role = RoleSpec("escapees", "names", entity=("PERSON",))
    assert fill_agent(_ctx(doc, 3), role) == ["Dilnoza Umarova"]
