"""Role fillers for Russian rule files (``data/events/ru/``), registered as ``kronika.ru.*``.

Same contract as :mod:`.fillers`: ``filler(ctx, role)`` reads the trigger's sentence of a
Doc built by :mod:`kronika.nlp.russian` (Universal Dependencies, with the renames listed
there) and returns the role's value. Russian marks roles by case and preposition, so a
filler reads a word's ``case`` child ("к 15 годам", "из Австрии", "за попытку") rather
than an English ``prep``/``pobj`` pair.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..model import ArgValue
from ..normalize.names_ru import nominative_phrase
from ..normalize.numbers_ru import parse_number_ru
from .counts import an_age
from .fillers import FillContext, a_family_name
from .spans import doc_ents, sent_ents, sent_of
from .spec import RoleSpec

#: Dependents that open another clause: names under them are not the role's.
CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "parataxis", "csubj"})
_COURT_LEMMAS = frozenset({"суд", "райсуд", "горсуд", "облсуд", "трибунал", "суд присяжных"})
_DESIGNATIONS = ("экстремист", "террорист")


def case_of(token: Token) -> str:
    """The preposition marking ``token`` ("к", "из", "за"), lower case; "" when none."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), "")


def patient(trigger: Token) -> Token | None:
    """Who the act was done to: passive subject or object; for a noun, its genitive."""
    # (not an adverb the parser took for the object: "освободил условно-досрочно X")
    found = next(
        (c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj") and c.pos_ != "ADV"),
        None,
    )
    if found is None and "Pass" in trigger.morph.get("Voice", []):
        # "Тоиров был освобожден": a passive's subject the parser labelled a plain one
        found = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        found = found or _subject_left_behind(trigger) or _relative_left_behind(trigger)
    if found is not None:
        return _antecedent(found)
    if trigger.pos_ == "VERB":
        found = _object_hung_later(trigger)
        if found is not None:
            return found
    if trigger.pos_ == "NOUN":
        return next((c for c in trigger.children if c.dep_ == "nmod" and not case_of(c)), None)
    if trigger.dep_ in ("acl", "relcl"):
        return trigger.head  # "осужденный к пяти годам Иванов"
    if trigger.dep_ in ("parataxis", "appos") and trigger.head.ent_type_ in ("PERSON", "ORG"):
        return trigger.head  # "(ПИВТ, запрещена в России)"
    if _joined(trigger) and trigger.head.pos_ in ("VERB", "AUX"):
        found = patient(trigger.head)
        if found is None and "Pass" in trigger.morph.get("Voice", []):
            # "Саидов вернулся в Россию, был задержан в Москве": the subject they share
            found = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        return found
    return None


def _relative_left_behind(verb: Token) -> Token | None:
    """ "организации «X», которая решением суда признана террористической и запрещена": the
    relative subject the parser hung on the main clause's verb; the name before it (the
    first subject met going back from ``verb`` must be that relative)."""
    start = sent_of(verb).start
    for tok in reversed(verb.doc[start : verb.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.lemma_ != "который" or tok.head == verb:
            return None
        before = [t for t in verb.doc[start : tok.i] if not t.is_punct]
        return before[-1] if before else None
    return None


def _object_hung_later(verb: Token) -> Token | None:
    """ "его выдворили в Узбекистан; ... его вызвали на допрос": an object pronoun or name
    right before a verb with none, which the parser hung on a verb after it."""
    if verb.i == 0 or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.dep_ != "dobj" or before.head.i <= verb.i or before.pos_ not in ("PRON", "PROPN"):
        return None
    return before if "Acc" in before.morph.get("Case", []) else None


def _subject_left_behind(verb: Token) -> Token | None:
    """ "..., и спустя два месяца Тоиров был освобожден": a second clause's subject the
    parser hung on the first clause's verb, told after the "и" or comma that opens the
    second clause."""
    opening = [c.i for c in verb.children if c.dep_ in ("cc", "punct") and c.i < verb.i]
    if not opening or verb.head == verb:
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "nsubj" and max(opening) < c.i < verb.i and c.pos_ == "PROPN"
        ),
        None,
    )


def _joined(verb: Token) -> bool:
    """A verb joined to the one before it (the parser may label a second clause ROOT
    and still hang it on the first)."""
    return verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "ROOT" and verb.head.i != verb.i)


def _antecedent(token: Token) -> Token:
    """ "А и Б, которых приговорили": the people a relative pronoun stands for."""
    clause = token.head
    if token.lemma_ == "который" and clause.dep_ in ("relcl", "acl"):
        return clause.head
    return token


def agent(trigger: Token) -> Token | None:
    """Who acted: the active subject, or the instrumental agent of a passive."""
    found = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if found is not None:
        return found
    if _joined(trigger) and trigger.head.pos_ in ("VERB", "AUX"):
        return agent(trigger.head)
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass"):
        return agent(trigger.head)  # "совершил теракт", "подал апелляцию"
    place = trigger.head
    if (
        trigger.pos_ == "ADJ"
        and trigger.dep_ in ("relcl", "acl")
        and "Act" in trigger.morph.get("Voice", [])
    ):
        return place  # "Рахимов, вступивший в ...": the one the participle tells of
    if trigger.dep_ == "relcl" and place.pos_ == "VERB" and place.i < trigger.i:
        # "выехал в Турцию, откуда перебрался в Сирию": the relative adverb hung on the
        # verb before; the one who went on is its subject
        return agent(place)
    if trigger.dep_ in ("relcl", "acl") and any(c.lower_ in _WHERE for c in trigger.children):
        # "Саматов выехал в Сирию, где вступил в ряды ИГ": the subject of the clause the
        # place is told in
        if place.head.pos_ in ("VERB", "AUX") and place.head.i != place.i:
            return agent(place.head)
    return _crossing_subject(trigger)


def _crossing_subject(verb: Token) -> Token | None:
    """The subject told before ``verb`` that the parser gave to a verb after it: "Саидов в
    2022 году, находясь в Турции, примкнул к ИГ и вернулся в Россию" (the subject hung on
    "вернулся"), when no other finite verb stands between the subject and ``verb``."""
    if verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm", ["Fin"]):
        return None
    for token in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if token.pos_ in ("VERB", "AUX") and token.morph.get("VerbForm", ["Fin"]) == ["Fin"]:
            return None  # a clause of its own between them
        if token.dep_ == "nsubj" and token.head.i > verb.i and token.head.pos_ == "VERB":
            return token
    return None


#: Relative adverbs of place and time: "в Сирию, где вступил", "в 2014 году, когда".
_WHERE = frozenset({"где", "куда", "откуда", "когда"})


def phrase_tokens(token: Token) -> Iterator[Token]:
    """The tokens of ``token``'s phrase, without clauses set inside it."""
    yield token
    for child in token.children:
        if child.dep_ not in CLAUSES and child.dep_ != "punct" and child.pos_ != "SPACE":
            yield from phrase_tokens(child)
        elif _set_off_by_dashes(child):
            # "женщина среди подсудимых - юрист ПИВТ Зарафо Рахмони -": who she is, told
            # between dashes, which the parser takes for a clause
            yield from phrase_tokens(child)


def _set_off_by_dashes(token: Token) -> bool:
    """A noun told between dashes after another: an apposition the parser hung as a clause."""
    return (
        token.dep_ == "parataxis"
        and token.pos_ in ("NOUN", "PROPN")
        and any(
            c.dep_ == "punct" and c.text in ("-", "–", "—") and c.i < token.i
            for c in token.children
        )
    )


#: Personal pronouns that stand for the person named before ("его задержали").
_PRONOUNS = frozenset({"он", "она", "его", "ее", "её", "ему", "ей", "им", "ним", "него", "нее"})


def names_in(ctx: FillContext, token: Token, types: tuple[str, ...]) -> list[str]:
    """The resolved names of ``types`` inside ``token``'s phrase, in text order."""
    if token.lower_ in _PRONOUNS and "PERSON" in types:
        name = ctx.mentions.antecedent(token.idx, nearest=True)
        return [name] if name else []
    names: dict[str, None] = {}
    starts = _mention_starts(ctx)
    for tok in sorted(phrase_tokens(token), key=lambda t: t.i):
        # a word inside a name stands for it ("ПИВТ" closing "Партии ... (ПИВТ")
        # (but a name of its own first: "Рохи Нав" in the model's "Движение «Рохи Нав")
        at = tok.idx if ctx.mentions.kind_at(tok.idx) else starts.get(tok.i, tok.idx)
        kind = ctx.mentions.kind_at(at)
        # ("Норматов был передан Турции", the name tagged a place: a family name heading
        # the role's phrase is the person's)
        family = kind == "LOC" and "PERSON" in types and tok == token and a_family_name(tok.text)
        name = ctx.mentions.name_at(at) if kind in types or family else None
        if name:
            names[name] = None
    return list(names)


def _mention_starts(ctx: FillContext) -> dict[int, int]:
    """Each token inside a named entity → the entity's first character."""
    found = ctx.doc.user_data.get("kronika.ru.ent_starts")
    if not isinstance(found, dict):
        found = {t.i: e.start_char for e in doc_ents(ctx.doc) for t in e}
        ctx.doc.user_data["kronika.ru.ent_starts"] = found
    return found


def _bound(ctx: FillContext, role: RoleSpec) -> Token | None:
    return ctx.nodes.get(role.name)


def fill_patient(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those the act was done to (sentenced, detained, extradited, banned).

    The parser often hangs a name set off after a description ("приговорен бывший
    функционер партии Наимджон Самиев") outside the object; then the names the trigger
    governs directly, through no other verb, preposition or subject, are taken.
    """
    token = _bound(ctx, role) or patient(ctx.trigger)
    relative = token is not None and token.lemma_ == "который"
    token = _antecedent(token) if token is not None else None
    types = role.entity or ("PERSON",)
    names = names_in(ctx, token, types) if token is not None else []
    if not names and relative and token is not None and token.dep_ == "nmod":
        # "имам мечети ... Саид Назаров, которого": the clause hung on the word after
        names = names_in(ctx, token.head, types)
    if not names and role.core:
        names = _governed_names(ctx, types)
    if not names and token is not None and "PERSON" in types and token.pos_ == "NOUN":
        names = _named_after(ctx, token)
    if not names and role.core and token is None and _untold_subject(ctx.trigger):
        # "Азамат Юлдашев родился в Оше. Задержан 12 февраля ...": the person told of
        name = ctx.mentions.antecedent(ctx.trigger.idx, nearest=True)
        names = [name] if name else []
    if not names and types == ("ORG",):
        # "вступил в ряды «Исламского государства»": the group joined; "был завербован
        # эмиссаром организации «Хизб ут-Тахрир»": the group of the one who drew him in
        for child in ctx.trigger.children:
            by = child.dep_ == "obl" and "Ins" in child.morph.get("Case", [])
            # ("примкнул к «Джабхат ан-Нусра»": the group one sides with)
            if case_of(child) in ("в", "к") or (by and ctx.trigger.lemma_ in _DRAWN_IN):
                names = names_in(ctx, child, types)
                if names:
                    break
    return names


_LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"}


def _untold_subject(trigger: Token) -> bool:
    """A short passive participle heading its sentence with no subject: "Задержан 12
    февраля в Санкт-Петербурге", "В 2019 году был осужден" (a profile's steps)."""
    if "Short" not in trigger.morph.get("Variant", []) or trigger.dep_ != "ROOT":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in trigger.children)


def _named_after(ctx: FillContext, noun: Token) -> list[str]:
    """ "задержали 27-летнего уроженца одной из республик Центральной Азии Абдуллоха
    Юсупова": the name set off after a description, which the parser hung elsewhere. The
    first person named after the noun, in its case, with no verb or comma between."""
    case = noun.morph.get("Case", [])
    for tok in ctx.doc[noun.i + 1 : ctx.sent.end]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", ";", ":", "—", "("):
            return []
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            name = ctx.mentions.name_at(tok.idx)
            agrees = not case or tok.morph.get("Case", []) == case or case == ["Acc"]
            return [name] if name and agrees else []
    return []


def _governed_names(
    ctx: FillContext, types: tuple[str, ...], *, subjects: bool = False
) -> list[str]:
    """Names the trigger governs through no other verb or preposition (nor a subject,
    unless ``subjects``)."""
    stops = ("obl",) if subjects else ("nsubj", "obl")
    names: dict[str, None] = {}
    for ent in sent_ents(ctx.sent):
        if _LABEL_TYPES.get(ent.label_) not in types:
            continue
        token = ent.root
        while token != ctx.trigger and token.head != token:
            if case_of(token) or token.dep_ in stops or token.pos_ in ("VERB", "AUX"):
                break
            token = token.head
        name = ctx.mentions.name_at(ent.start_char)
        if token == ctx.trigger and name:
            names[name] = None
    return list(names)


def fill_agent(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those who acted (attacked, escaped, appealed, joined, banned)."""
    if ctx.trigger.lemma_ in _DRAWN_IN and "Pass" in ctx.trigger.morph.get("Voice", []):
        # "Турсунов был завербован эмиссаром": the one recruited joins, not the recruiter
        return fill_patient(ctx, role)
    token = _bound(ctx, role) or agent(ctx.trigger)
    if token is None and ctx.trigger.pos_ == "VERB":
        # "признана судом": the instrumental agent of a passive
        token = next(
            (c for c in ctx.trigger.children if c.dep_ == "obl" and "Case=Ins" in str(c.morph)),
            None,
        )
    types = role.entity or ("PERSON",)
    if token is not None and role.value == "name" and _named_court(token):
        # "Суд Кара-Суйского района освободил": the court with what names it
        return nominative_phrase(_phrase_text(token), token.text)
    names = names_in(ctx, token, types) if token is not None else []
    passive = any(c.dep_ == "nsubjpass" for c in ctx.trigger.children)
    if not names and (role.core or role.name == "escapees") and not passive:
        # "Заключенный Мурод Каримов совершил побег": the parser lost the subject's link
        names = _governed_names(ctx, types, subjects=True)
    return names


def _named_court(token: Token) -> bool:
    """A court told with words that name it ("Суд Кара-Суйского района"), not "суд" alone."""
    court = token.lemma_ in _COURT_LEMMAS or token.lemma_.endswith("суд")
    return court and any(c.dep_ in ("amod", "nmod") for c in token.children)


#: Verbs of drawing someone into a group: the one drawn in is who joins.
_DRAWN_IN = frozenset({"завербовать", "вербовать", "вовлечь", "привлечь"})


#: Qualifiers a parser may take for the head of a counted phrase.
_ABOUT = frozenset({"более", "свыше", "около", "менее", "порядка", "почти", "до"})


def count_of(token: Token | None) -> int | float | None:
    """The number of people a phrase gives ("шестерых", "100 человек", "пятеро")."""
    if token is None:
        return None
    if token.lower_ in _ABOUT:  # "более сотни сторонников": the number after the qualifier
        token = next((c for c in token.children if c.pos_ in ("NUM", "NOUN")), None)
        if token is None:
            return None
    if token.pos_ == "NUM" or (token.pos_ == "NOUN" and parse_number_ru(token.text)):
        return parse_number_ru(token.text)
    for child in token.children:
        if child.dep_.startswith("nummod") and child.ent_type_ != "DATE" and not an_age(child):
            # ("ещё трое пограничников": the number without the adverb before it)
            words = sorted(
                [child, *(t for t in child.subtree if t.pos_ != "ADV")], key=lambda t: t.i
            )
            return parse_number_ru(" ".join(dict.fromkeys(t.text for t in words)))
    return None


def fill_count(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The number of people in the core phrase."""
    token = ctx.extra.get("core_token")
    found = count_of(token) if isinstance(token, Token) else None
    if found is None and role.core is False:
        # "Одного из них задержали": some of those told of, counted, hung on the verb
        for child in ctx.trigger.children:
            some_of = any(case_of(g) == "из" for g in child.children)
            # (not "на одном из КПП": a place, told with its own preposition)
            bare = not case_of(child)
            if child.pos_ == "NUM" and some_of and bare and child.ent_type_ != "DATE":
                return parse_number_ru(child.text)
    return found


def _phrase_text(token: Token) -> str:
    tokens = sorted(phrase_tokens(token), key=lambda t: t.i)
    # the phrase is contiguous from the head on: stop at the first gap
    run = [t for t in tokens if t.i >= token.i]
    end = token.i
    for tok in run:
        if tok.i > end + 1:
            break
        end = tok.i
    start = min((t.i for t in tokens if t.i < token.i), default=token.i)
    while start < token.i and token.doc[start].pos_ in ("ADP", "PUNCT", "CCONJ"):
        start += 1
    return token.doc[start : end + 1].text.strip()


def fill_court(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The court named in the sentence, in the nominative ("Верховный суд Таджикистана")."""
    courts = [t for t in ctx.sent if t.lemma_ in _COURT_LEMMAS or t.lemma_.endswith("суд")]
    if not courts:
        return None
    # the court that acts ("суд приговорил") before the one merely named
    best = min(courts, key=lambda t: (t.dep_ != "nsubj", abs(t.i - ctx.trigger.i)))
    words = [t for t in phrase_tokens(best) if t.i >= best.i or t.dep_ in ("amod", "nmod")]
    if len(words) == 1 and not any(c.dep_ == "amod" for c in best.children):
        return None  # "суд" alone names no court
    return nominative_phrase(_phrase_text(best), best.text)


#: Places people are held in, whose "из" phrase an escape is made from.
_HOLDING = frozenset(
    "колония тюрьма изолятор сизо учреждение лагерь отдел участок суд больница "
    "конвой спецприемник".split()
)


def fill_facility(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Where an escape was made from: "из колонии в Навои", "из СИЗО № 1"."""
    # ("совершил побег из колонии": the phrase hangs on the escape the verb made)
    made = [c for c in ctx.trigger.children if c.lemma_ == "побег"]
    for child in [g for t in (ctx.trigger, *made) for g in t.children]:
        if case_of(child) == "из" and child.lemma_.lower() in _HOLDING:
            return nominative_phrase(_phrase_text(child), child.text)
    return None


def fill_designation(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """ "признана экстремистской", "террористической организацией": the label as written."""
    trigger = ctx.trigger
    for tok in ctx.sent:
        if tok.lower_.startswith(_DESIGNATIONS) and tok.pos_ == "ADJ":
            # "признал движение экстремистским", "признана экстремистской организацией"
            if _governed_by(tok, trigger):
                return tok.text
    return None


def _governed_by(token: Token, trigger: Token) -> bool:
    """Whether ``trigger`` governs ``token`` through no other verb."""
    for above in token.ancestors:
        if above == trigger:
            return True
        if above.pos_ in ("VERB", "AUX"):
            return False
    return False


def fill_target(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """What was attacked: the object, or "нападение на X"."""
    trigger = ctx.trigger
    if "target" in ctx.nodes:
        # "открыл огонь по сотрудникам полиции": the pattern bound it
        return nominative_phrase(_phrase_text(ctx.nodes["target"]), ctx.nodes["target"].text)
    passive = "Pass" in trigger.morph.get("Voice", [])
    if trigger.lemma_ in _TOLD_DEAD or (passive and trigger.lemma_ in KILL_LEMMAS | WOUND_LEMMAS):
        return None  # "трое ранены", "получили ранения": the toll, told apart
    # "кортеж был обстрелян": a passive's subject is what was attacked
    token = next((c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if token is not None and token.lemma_ == "себя":
        # "смертник взорвал себя у входа в отдел полиции": where, not whom
        token = next((c for c in trigger.children if case_of(c) in ("у", "возле", "около")), None)
    if token is None:
        token = next((c for c in trigger.children if case_of(c) in ("на", "против")), None)
    return _phrase_text(token) if token is not None else None


#: Verbs that tell the dead and hurt without the act: "погибли", "получили ранения".
_TOLD_DEAD = frozenset({"погибнуть", "пострадать", "получить"})
KILL_LEMMAS = frozenset(
    {"погибнуть", "убить", "погибший", "убитый", "жертва", "застрелить", "зарезать", "обезглавить"}
)
WOUND_LEMMAS = frozenset({"ранить", "раненый", "пострадать", "пострадавший"})
