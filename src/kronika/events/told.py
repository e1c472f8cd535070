"""One mention of an event as extraction hands it to merging: where it is told, how,
and what it says.

Extraction (and the list and backstop readers) make a :class:`Told` for each mention;
:mod:`.merge` joins those that tell one event.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Event

#: A ``Told.day_from`` no verdict reaches: a mention told as before the story.
NOWHERE = 10**12


@dataclass(frozen=True, slots=True)
class Told:
    """One mention of an event: where it is told, how, and what it says."""

    sent_start: int
    headline: bool
    refers_back: bool
    event: Event
    accompanies: bool = False
    #: only adds to an event told elsewhere ("the sentence followed his conviction on
    #: charges of ..."); dropped when it joins none
    supplement: bool = False
    #: told in a clause of another time ("days after a drone strike killed four"): not
    #: the same act as the rest of its sentence
    earlier: bool = False
    #: told as the article's news (in its lead, or in the present perfect)
    news: bool = False
    #: told later in the plain past with no time of its own: may go on with the news
    past: bool = False
    #: the first character at which a verdict of its trial may give it its day
    #: (``NOWHERE`` when told as before the story: "was previously sentenced")
    day_from: int = 0
    #: its people are the whole group told of before ("the men", "they"), not some of them
    whole: bool = False
    #: its people are two told of before ("both", "the couple")
    pair: bool = False
    #: told as happening along with what was told before ("were also released")
    also: bool = False
    #: dated only by the report that tells it ("X was sentenced, officials said Monday")
    reported: bool = False
    #: told as another act than those before ("in another attack", "a separate raid")
    separate: bool = False
    #: an attack told before, told again ("The attack, which took place on May 16, ...")
    retold: bool = False
    #: the clause of its sentence that tells it as an act of its own ("..., while another
    #: attack killed three in Ouallam"), -1 for the sentence's main act
    clause: int = -1
    #: an attack told only as what a group claimed ("JNIM claimed the attack on Tuesday"):
    #: the attack told before it, whose perpetrator it names
    claimed: bool = False
    #: an attack told by its toll after the act ("... dropped explosives on the compound on
    #: Sunday, wounding three guards"): the act told before it, whose target it is not
    toll: bool = False
