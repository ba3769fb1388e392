"""Which person a surname shared by several people of a cluster stands for alone ("Balin" when the cluster names
Marty Balin and two of his relatives). Entity merging and speaker attribution both follow this one rule, so the
entity list and the quotes never disagree about who "Balin" is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

# "her husband, Keith Rogers": a relative named once, whom a later "her husband said" means
RELATIONS = frozenset(
    "husband wife mother father son daughter brother sister grandmother grandfather aunt uncle cousin "
    "boyfriend girlfriend fiance fiancee partner widow widower".split()
)
RELATIONS_PATTERN = "|".join(sorted(RELATIONS, key=lambda relation: (-len(relation), relation)))
_RELATION_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+([a-z]+),?\s+$")


def relation_before(body: str, position: int) -> str | None:
    """'husband' for a name at `position` after 'her husband, ': the person is introduced as someone's relative."""
    relation = _RELATION_BEFORE.search(body, max(0, position - 30), position)
    return relation.group(1) if relation and relation.group(1) in RELATIONS else None


def named_most(bearers: Collection[str], mentions: Mapping[str, int], relatives: Collection[str]) -> str | None:
    """Of several people sharing a surname, the one a bare surname means: not one the cluster introduces as a
    relative ("his son Bobby Lee", "his wife, Ann Lee", always written with a first name beside the person the
    surname alone stands for), and of the rest the one named more often than all the others together (an
    obituary's subject); None when no one is.

    Args:
        bearers: The full names with that surname.
        mentions: How often the cluster names each of them.
        relatives: The names introduced as someone's relative.
    """
    ranked = sorted(set(bearers) - set(relatives) or bearers, key=lambda name: -mentions.get(name, 0))
    others = sum(mentions.get(name, 0) for name in ranked[1:])
    return ranked[0] if mentions.get(ranked[0], 0) > others else None
