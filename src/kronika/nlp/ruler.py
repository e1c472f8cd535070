"""An EntityRuler that matches its case-insensitive word sequences with a PhraseMatcher.

spaCy's token ``Matcher`` tries every pattern at every token, so hundreds of
gazetteer names written as ``[{"LOWER": w}, ...]`` cost time in proportion to
their number. The same sequences in a ``PhraseMatcher`` over ``LOWER`` are found
by a hash lookup; the matches (and so the entities) are exactly the same.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

#: Factory name of the ruler in the pipeline config.
FACTORY = "kronika_entity_ruler"


class LowerPhraseRuler(EntityRuler):
    """EntityRuler whose all-``LOWER`` token patterns run as one LOWER PhraseMatcher."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._nlp = nlp

    def index_lower_phrases(self) -> int:
        """Move the patterns made only of ``LOWER`` words into the phrase matcher; return how many.

        A pattern is moved only when the tokenizer splits its words back into the same
        tokens, so the phrase matches exactly what the token pattern matched.
        """
        moved = 0
        for key, patterns in list(self.token_patterns.items()):
            kept, phrases = [], []
            for pattern in patterns:
                words = _lower_words(pattern)
                doc = self._nlp.make_doc(" ".join(words)) if words else None
                if doc is not None and [t.lower_ for t in doc] == words:
                    phrases.append(doc)
                else:
                    kept.append(pattern)
            if not phrases:
                continue
            # token_patterns is keyed by the matcher's own label ("GPE||Sughd")
            if key in self.matcher:
                self.matcher.remove(key)
            if kept:
                self.matcher.add(key, kept)
            self._lower.add(key, phrases)
            moved += len(phrases)
        return moved

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The ruler's matches plus the moved phrases, ordered as EntityRuler orders them."""
        matches = set(super().match(doc))
        matches.update((m_id, start, end) for m_id, start, end in self._lower(doc) if start != end)
        return sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


def _lower_words(pattern: Any) -> list[str] | None:
    """The words of a pattern made only of ``{"LOWER": word}`` tokens, else None."""
    if not isinstance(pattern, list) or not pattern:
        return None
    words = []
    for token in pattern:
        if not isinstance(token, dict) or set(token) != {"LOWER"}:
            return None
        if not isinstance(token["LOWER"], str) or token["LOWER"] != token["LOWER"].lower():
            return None
        words.append(token["LOWER"])
    return words


@Language.factory(
    FACTORY,
    default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False},
)
def make_lower_phrase_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, validate: bool, overwrite_ents: bool
) -> LowerPhraseRuler:
    """Build a LowerPhraseRuler (the pipeline factory ``kronika_entity_ruler``)."""
    return LowerPhraseRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        validate=validate,
        overwrite_ents=overwrite_ents,
    )
