"""The subject of a speech verb, read back from the verb to the start of its clause.

"Elder, a former officer, shouted" → "Elder"; "since Rick Dalton, her main rival, has suggested" → "Rick Dalton";
"Hanley and Brooks concluded" → both; "state health officials concluded" → the officials. `quotes.py` turns
the words found into a speaker through `speakers.resolve`.
"""

from __future__ import annotations

import re

from storyline.analyze.names import SELF_NAMED_BETWEEN, SOURCE_ROLES_PATTERN
from storyline.analyze.organisations import organisation_named_after
from storyline.analyze.quote_marks import CLOSING, OPENING
from storyline.analyze.speech_verbs import DESCRIBERS, VERBS

_CLAUSE_START = re.compile(
    r"(?:^|[,;:(\"“”]|\b(?:and|but|as|while|when|after|because|since|although|though|whereas|if|unless|so|then|which|"
    r"that|what|where)\b|(?=\bwho\b))\s*",  # "who" opens a clause and is its subject
    re.IGNORECASE,
)
# A name and "and" opening a clause: "…, Hanley and " before "Brooks concluded"
_NAME_AND = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:after|when|while|since|because|as|but|so|then)\s+)"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+and\s+$"
)
_REPORTING = re.compile(rf"\b(?:{VERBS})\s+(?=(?:his|her|their|my)\s)")  # "said her daughter told": a new clause
# `Elder, a former officer, shouted` and `Elder, a council member who also works as …, shouted`; and `Dalton, her
# main rival, has suggested`: an auxiliary or an adverb after it. `Law, Acme Corp.'s chief executive, said`: a role
# of an organisation's.
_APPOSITIVE = re.compile(
    r",\s+(?:(?i:a|an|the|who|himself|herself)\b|[a-z]|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?\s+[a-z])"
    # …its place may hold a comma: `Ann Cole, a researcher in Geneva, Switzerland, told`
    # …and a quoted title: `Ann Cole, editor of the “GWTW” book, said`
    r"(?:[^,\"“”]|\"[^,\"“”]{1,40}\"|“[^,\"“”]{1,40}”){0,160}?(?:\s[A-Z][\w.-]*,\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?,\s*"
    r"(?:(?:has|have|had|also|later|then|once|previously|repeatedly|recently|reportedly)\s+)*$"
)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\b")
# "Ann Lowe, one of the attorneys for the woman" before ", who …": a role in apposition to a full name
_ROLE_APPOSITIVE = re.compile(
    r"(?:^|\W)[A-Z][\w.'’-]*\s+[A-Z][\w'’-]+"
    r"(?P<role>(?:,\s+(?:an?|the|one|his|her|its|their)\s[^,\"“”]{1,100}){1,2})$"
)
# "Jane Doe of Springfield, Ill., said", "what Vikki Marsh of Naperville, Illinois asks": the person, not the state
_HOMETOWN = re.compile(
    r"(?:^|[\s(])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
    r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?\s+(?:(?:also|later|then)\s+)?$"
)
_OBJECT_RELATIVE = re.compile(r"\s*(?:who|whom|which|that)\s+(?=(?:the|a|an)\s|[A-Z])")
# "Rep. Mike Lane, R-Texas,": the party and state label after a name in running text, or in brackets, maybe before
# an adverb: "Sen. Ann Lane (R-S.C.) also defended", "Mayor Tom Ames (D) called", "Rep. Tom Levin (Mich.), the …,"
_PARTY_LABEL = re.compile(
    r"(?:,\s+[DRI]-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*,?|\s*\((?:[DRI](?:-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?|[A-Z][a-z]{1,4}\.)\),?)"
    r"(?:\s+(?:also|later|then|once|previously|repeatedly|recently|reportedly|has|have|had))*\s*$"
)
# A plural noun for people ("officials", "critics", "police"), not "this", "has", "access" or "analysis"
_PLURAL_NOUN = re.compile(r"[a-z-]{3,}(?<![su])s|police|staff|people")
# lower case inside "State of the Union", "Gone with the Wind"
_TITLE_SMALL_WORDS = frozenset("of the a an and in on for to at with".split())
# A group opening a sentence, then a verb: "Lawmakers in Kiev passed …" (not "In the days since …")
_GROUP_OPENS = re.compile(
    r"(?P<who>(?P<group>(?!(?i:in|on|at|for|during|after|before|since|over|by|with|from)\s)[A-Za-z][a-z-]*"
    r"(?:\s+[a-z][a-z-]*){0,2})(?:\s+(?:in|of|from|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)"
    r"\s+(?:\w+ly\s+)?(?!(?:who|that|which|and|or|in|of|from|at)\b)[a-z]+\b"
)
# A share of a group opening a sentence, then a verb: "A lot of people have come up to me and said …", "A group of
# Libyan army officers issued a statement urging …"
_SHARE_OPENS = re.compile(
    r"(?P<who>(?:A\s+(?:lot|group|number|handful)|Many|Some|Most|Dozens|Hundreds|Thousands)\s+of\s+(?:the\s+)?"
    rf"(?P<group>(?:[A-Za-z][a-z-]*\s+){{0,2}}(?:{_PLURAL_NOUN.pattern})))"
    r"\s+(?:\w+ly\s+)?[a-z]+\b"
)
# An unnamed person opening a sentence, then a verb: "An American Civil Liberties Union official blasted …", "A
# spokesperson for Ryan released …" (for whom they work is part of the description, not its speaker)
_DESCRIBED_OPENS = re.compile(
    r"(?P<who>(?:An?|One|Another)\s+(?:[A-Z][\w.'’&-]*\s+){0,6}(?:[a-z][\w-]*\s+){0,2}"
    rf"(?:{SOURCE_ROLES_PATTERN})"
    r"(?:\s+(?:for|to|of|at|with)\s+(?:the\s+)?(?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*)?)"
    # "Another prospective juror stood up and said": an irregular past tense too
    r"\s+(?:\w+ly\s+)?(?:[a-z]+ed|stood|rose|spoke|wrote|told|said|sat|took)\b"
)


def names_a_subject(words: str) -> bool:
    """Whether the words `subject_before` found can be a subject: a name, a pronoun, a description or a group in
    lower case; not text left by a link ('offered a winning tax plan')."""
    return words[:1].isupper() or _is_pronoun_or_description(words) or _is_plural_noun_phrase(words)


def hometown_name(before: str) -> tuple[int, int] | None:
    """Where the person is in `before`, the words up to a speech verb, when they end with the person's town and
    state ("… Jane Doe of Springfield, Ill., "); None otherwise."""
    hometown = _HOMETOWN.search(before)
    return hometown.span("name") if hometown else None


def subject_before(before: str, verb_at: int) -> tuple[int | None, int]:
    """The words before a speech verb back to a clause boundary, skipping an appositive: 'Elder, a former
    officer, shouted' → 'Elder'; 'Brandy Wright, said' → 'Brandy Wright'."""
    head = before[:verb_at]
    hometown = hometown_name(head)
    if hometown is not None:  # "Jane Doe of Springfield, Ill., said": not Ill.
        return hometown
    appositive = _APPOSITIVE.search(head) or SELF_NAMED_BETWEEN.search(head)
    end = appositive.start() if appositive else len(head.rstrip().rstrip(","))
    # "Ann Lowe, one of the lawyers for the family, who was known as …, said": two appositives in a row, a role
    # and then a clause on who, after a full name ("Meanwhile, the parents, who …, said" has one)
    if appositive and re.match(r",\s+(?:who|whose|where)\s", head[end:]):
        earlier = _ROLE_APPOSITIVE.search(head, 0, end)
        end = earlier.start("role") if earlier else end
    party = _PARTY_LABEL.search(head, 0, end + 1)
    end = party.start() if party else end
    clauses = list(_CLAUSE_START.finditer(before, 0, end))
    if clauses and clauses[-1].group().strip().lower() == "where" and _AUXILIARY.search(before, clauses[-1].end(), end):
        clauses.pop()  # "the clinic where Lowe is being treated revealed": the clinic's verb, not hers
    start = clauses[-1].end() if clauses else 0
    pair = _NAME_AND.search(before, 0, start)
    if pair is not None and re.match(r"[A-Z]", before[start:end]):  # "Hanley and Brooks concluded": both
        start = pair.start("name")
    reported = list(_REPORTING.finditer(before, start, end))
    start = reported[-1].end() if reported else start
    who = before[start:end]
    relative = _OBJECT_RELATIVE.match(who)  # "a man who the Department says has …": the Department speaks
    if relative:
        start, who = start + relative.end(), who[relative.end() :]
    title_open = _title_before(before, clauses[-1].start()) if clauses and not who[:1].isupper() else None
    if title_open is not None:  # 'The party's campaign “Pledge to America” last year said': its subject is before it
        return subject_before(before, title_open)
    words = who.split()
    # "A 2012 report by the Canadian Centre on …", but not "The firm of Ames Grossman Hufford & Hale"
    organisation = organisation_named_after(who.strip()) is not None
    if len(words) > 8 and words[0].lower() in DESCRIBERS and not organisation:
        cut = re.search(r"\s(?:by|of|from|at|in|on|for|with)\s", who)
        if cut:
            end -= len(who) - cut.start()
            who = who[: cut.start()]
    if not who.strip() or (len(who.split()) > 8 and not organisation):
        return None, 0
    return start + len(who) - len(who.lstrip()), end - (len(who) - len(who.rstrip()))


def _title_before(before: str, close_at: int) -> int | None:
    """Where the quoted title closing at `close_at` opens ('… campaign “Pledge to America”'), or None."""
    if before[close_at : close_at + 1] not in CLOSING:
        return None
    open_at = max(before.rfind(mark, 0, close_at) for mark in OPENING)
    title = before[open_at + 1 : close_at].split()
    return open_at if open_at > 0 and title and is_capitalised(title) else None


def is_capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() or not w[:1].isalpha() or w in _TITLE_SMALL_WORDS for w in words)


def _is_pronoun_or_description(words: str) -> bool:
    """'he', 'the company': a subject; 'offered a winning tax plan', text left by a link: none."""
    first = words.split()[0].lower() if words.split() else ""
    return first in DESCRIBERS or first in ("he", "she", "they", "we", "i", "it", "who", "someone")


def is_group(words: str) -> bool:
    """ "Police", "state health officials": a group, whether or not it opens a sentence."""
    return _is_plural_noun_phrase(words[:1].lower() + words[1:])


def _is_plural_noun_phrase(words: str) -> bool:
    """ "state health officials", "critics": a group in lower case right before the speech verb is its subject."""
    split = words.split()
    return (
        0 < len(split) <= 4
        and all(re.fullmatch(r"[a-z][a-z-]*", w) for w in split)
        and _PLURAL_NOUN.fullmatch(split[-1]) is not None
    )


def group_opening(body: str, start: int, end: int) -> int | None:
    """Where a group or an unnamed person opening the sentence at `start` ends: "Lawmakers in Kiev" of "Lawmakers in
    Kiev passed a resolution …", "An American Civil Liberties Union official" of "An … official blasted …"; None if
    the sentence opens with neither."""
    for pattern in (_GROUP_OPENS, _SHARE_OPENS):
        group = pattern.match(body, start, end)
        if group and is_group(group.group("group")):
            return group.end("who")
    described = _DESCRIBED_OPENS.match(body, start, end)
    return described.end("who") if described else None
