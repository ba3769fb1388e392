"""The words of attribution: reporting verbs in the forms that attribute a quote, their participles, and the words
that open a description of a source rather than a name.

Four modules keep shorter lists of speech verbs on purpose, each with its reason and measurement beside it:
segment.py's `_ATTRIBUTION` (it decides sentence boundaries, before analysis), features.py's `_ATTRIBUTION_WORDS`
(frozen with the trained model), conflicts.py's `_SPEECH` (who a figure or claim is credited to) and quote_flow.py's
`_REPORTED`, `_REPORTED_AT_END` and `_BARE_ATTRIBUTION` (a speaker read without a quote's own attribution).
before_quote.py, documents.py, names.py and dates.py read `VERBS` itself: the few verbs each wrote out before gave
the same quotes, entities, timeline and coverage on the 192 labelled clusters.
"""

from __future__ import annotations

import re

# Reporting verbs of news writing (say, tell, write and the usual verbs of stating, answering, exclaiming and
# characterising), in the forms that attribute a quote: 3rd person, past tense, and "say"/"tell"/"ask"/"add".
_STEMS = (
    "acknowledge advise advocate allege announce argue assert boast caution clarif comment complain concede "
    "conclude confess confirm contend continue counter declare decr den describe emphasize exclaim explain insist "
    "implor joke laugh lament mention muse not observ plead pledge pose post predict proclaim recall recount reiterate "
    "remark repl respond retort reveal scream shout stat stress suggest tease testif tweet urge vow warn whisper "
    "wonder yell estimat"
).split()
VERBS = "|".join(
    [
        "said|says|say|told|tells|tell|wrote|writes|asked|asks|ask|added|adds|add|swore|swears|cried|cries|"
        # plural subjects and idioms: "write the scientists", "as Goodman puts it", "Walsh allowed that", "The
        # Globe reports that" (not "the draft reports")
        "admitted|admits|quipped|quips|claimed|claims|write|estimate|puts? it|"
        # "Bernstein points out", "as Schwartz pointed out,"
        "points\\s+out|pointed\\s+out|"
        # "reported last week that"; "The study found that" reports the study's words
        r"(?:(?:allow|report)(?:s|ed)|finds|found)(?=\s+(?:(?:last|this|on|earlier)\s+\w+\s+)?that\b)",
        *(rf"{re.escape(stem)}(?:e?s|ies|e?d|ied)" for stem in _STEMS),
    ]
)
PARTICIPLES = frozenset(
    "saying adding telling writing noting claiming tweeting calling stating describing declaring insisting "
    "arguing warning asking explaining vowing pledging suggesting announcing urging demanding".split()
)
# Words opening a description of a source rather than a name ("a senior official", "someone", "one analyst").
DESCRIBERS = frozenset(
    "a an the one two three some another several many other his her their its this that "
    "someone somebody anyone everyone".split()
)
PASSIVE_ADVERB = r"(?:also|then|later|once|again|[a-z]+ly)"
"""A word between a passive's auxiliary and its participle: 'was also told', 'were later asked'."""
# '… was told', '… were also asked' right after someone, or after an apposition to them ('Ann Lowe, the mayor, was
# asked:'): the one spoken to, never the speaker ('The BBC was told: “…”', 'He was once again asked: “…”').
SPOKEN_TO = re.compile(
    r"(?:,\s+[^,.;:!?\"“”\n]{1,80},)?"
    rf"\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:{PASSIVE_ADVERB}\s+){{0,2}}(?:told|asked)\b"
)
