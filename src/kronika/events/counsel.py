"""The lawyers an article names, and the clients they act for.

"lawyers for X appealed", "His lawyer, Yelena Koroleva, appealed the ruling": the
client is the one who acts; a lawyer named in the article is not the person a
description or a pronoun stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .fillers import FillContext


#: Those who act for someone in court: "lawyers for X appealed".
COUNSEL = frozenset("lawyer lawyers attorney attorneys counsel defence defense".split())


#: Those who speak for a client in court (the people among the counsel).
LAWYERS = (COUNSEL - {"defence", "defense"}) | {"advocate", "barrister", "solicitor"}


#: Acts a lawyer does for a client: the client is the one who acts.
APPEALING = frozenset({"appeal", "challenge", "contest"})


#: Where an article's lawyers, once read, are kept on its Doc.
_COUNSEL_KEY = "kronika.counsel"


def counsel_named(ctx: FillContext) -> set[str]:
    """The people the article names as someone's lawyer: "His lawyer, Gulmira Asanova",
    "lawyer Gulmira Asanova", "Gulmira Asanova, the imam's attorney" (read once per article)."""
    cached: set[str] | None = ctx.doc.user_data.get(_COUNSEL_KEY)
    if cached is not None:
        return cached
    found: set[str] = set()
    for tok in ctx.doc:
        if tok.lemma_.lower() not in LAWYERS:
            continue
        named = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ in ("appos", "compound"):
            named.append(tok.head)  # "Gulmira Asanova, his lawyer", "lawyer Gulmira Asanova"
        for word in named:
            covering = ctx.mentions.name_covering(word.idx)
            if covering is not None and covering[1] == "PERSON":
                found.add(covering[0])
    ctx.doc.user_data[_COUNSEL_KEY] = found
    return found
