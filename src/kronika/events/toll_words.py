"""The words an attack's toll is told with: who counts as an attacker (never a victim),
and the phrases for no casualties and for one person's killing told without a number."""

from __future__ import annotations

import re

#: Words for the attackers themselves: never victims.
ATTACKERS = frozenset(
    "attacker assailant bomber gunman gunmen militant insurgent terrorist jihadist perpetrator "
    "criminal rebel kidnapper hijacker extremist fighter maoist guerrilla guerilla bandit "
    "jihadi sniper".split()
)
#: Acts on a person whose owner is that person: "his murder", "the minister's assassination".
DONE_TO_OWNER = frozenset(
    "murder killing assassination beheading kidnapping abduction execution stabbing".split()
)
#: Phrases that tell there were no victims of each kind.
NO_CASUALTIES = {
    "killed": re.compile(
        r"\bno (?:(?:reported|immediate) )?"
        r"(?:casualties|deaths|fatalities|one was (?:killed|hurt)|one died)\b"
        r"|\bnobody was (?:killed|hurt)\b|\bwithout (?:causing )?(?:any )?casualties\b",
        re.I,
    ),
    "wounded": re.compile(
        r"\bno (?:(?:reported|immediate) )?"
        r"(?:casualties|injuries|one was (?:injured|hurt|wounded))\b"
        r"|\bnobody was (?:injured|hurt|wounded)\b|\bwithout (?:causing )?(?:any )?casualties\b",
        re.I,
    ),
}
#: Phrases that tell one person's killing without a number.
ONE_DEAD = re.compile(
    r"\b(?:shot|stabbed|hacked|beat|beaten|burned) (?:\w+ ){0,3}?(?:dead|to death)\b"
    r"|\b(?:assassinated|gunned down|beheaded|murdered)\b",
    re.I,
)
