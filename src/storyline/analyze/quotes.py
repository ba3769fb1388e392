"""Direct quotations and their speakers, found by the attribution patterns of news writing.

Quotation marks are paired by `quote_marks.py`. A speaker comes from the same sentence (`"…," Trump said`, `said Trump`,
`Trump told reporters: "…"`, `a "long gun", Carlson said.`, `"…," Radler fumed.`, `deemed "…" by authorities`,
`Harlan's claim that it is "fully funded"`), from the previous quote of the paragraph (`"…," he said. "…"`), from a
sentence introducing it with a colon (`The police department released this statement: "…"`), from the person the
paragraph before is about when the quote stands alone as a paragraph (those three in `before_quote.py`), from an
embedded tweet's signature, or from an interview's form: the interviewee of a Q&A's answers, the speaker of a
transcript's turn (`interviews.py`);
`subjects.py` finds the subject of a speech verb and `speakers.py` turns the words found into a name (a statement or
memorandum into its author, `documents.py`); `characterising.py` holds the patterns for a few quoted words.
A speaker the words right after the quote name is "stated" (`_stated`), and so is a named speaker whose speech verb
introduces the quote with a colon ('Kim said: “…”') and the quote continuing either; one read from anywhere else is
"inferred".
"""

from __future__ import annotations

import dataclasses
import re
from typing import Literal

from storyline.analyze.before_quote import (
    INVERTIBLE,
    PRONOUN_AFTER_OPENING,
    ArticleText,
    attribute_introduction,
    attribute_paragraph_before,
    attribute_sentence_before,
    cited_author,
)
from storyline.analyze.characterising import (
    BY_AGENT,
    CHARACTERISED,
    CLAIM_OF,
    PASSIVE_CHARACTERISED,
    PROMISED_AFTER,
    WHAT_CALLED,
    WORD,
    chanting_crowd,
)
from storyline.analyze.dates import DAY_AFTER_VERB
from storyline.analyze.documents import DOCUMENT_OBTAINED, ISSUED_DOCUMENT
from storyline.analyze.entities import ABBREVIATED_TITLES, NOT_TITLE_STOP, EntityAnalysis
from storyline.analyze.glued_text import NAME_PARTICLES
from storyline.analyze.interviews import interview_answer, transcript_turn
from storyline.analyze.names import SOURCE_ROLES_PATTERN, full_name
from storyline.analyze.organisations import organisation_at
from storyline.analyze.pairs import co_speaker
from storyline.analyze.parsed_speakers import parse_quotes, parsed_speaker
from storyline.analyze.quote_flow import (
    SPEECH_VERB,
    closes_clause,
    continues,
    follows,
    is_statement,
    is_title_quote,
    quoted_ranges,
    reported_speaker_before,
    reported_speaker_in_sentence_before,
)
from storyline.analyze.quote_marks import CLOSING, Found, quote_spans
from storyline.analyze.referents import PREPOSITIONS, Speaker
from storyline.analyze.speaker_rules import NOBODY
from storyline.analyze.speakers import ClusterPeople, speaker_context
from storyline.analyze.speech_verbs import DESCRIBERS, PASSIVE_ADVERB, VERBS
from storyline.analyze.subjects import (
    group_opening,
    is_group,
    names_a_subject,
    subject_before,
)
from storyline.analyze.surnames import RELATIONS_PATTERN
from storyline.analyze.topics import CLAUSE_TO_COMMA, FRONTED
from storyline.models import Article, Quote, Span
from storyline.segment import OPENING_CONJUNCTION, sentence_start

# "Sen. Mitch Lane (R-Ky.)", "Speaker Ann Vos (R)", "Rep. Tom Levin (Mich.)": the party or state label after a name
_PARTY = r"(?:\s+\([A-Z][\w.]*(?:-[A-Z][\w.]*)?\))?"
# `"…," Lee was recorded saying, according to the indictment`: the words are Lee's, the indictment reports them
_RECORDED_SAYING = (
    r"(?:was|were)\s+(?:\w+ly\s+)?(?:recorded|heard|overheard|quoted|caught\s+on\s+tape)\s+(?:as\s+)?saying"
)
# `"…," Trump said` / `"…," a senior administration official told CNBC`: up to 8 words, then a speech verb;
# `"…," Kelly Keyes, supervising deputy coroner said`, `"…," Taylor, a partner of Ames & Co said`: a role without its
# closing comma.
_AFTER_WHO_VERB = re.compile(
    rf"\s*[,—–-]?\s*(?P<who>{WORD}(?:\s+{WORD}){{0,7}}?){_PARTY}"
    r"(?:,\s+(?P<appos>[^,\"“”\n]{1,160}),|,\s+(?P<role>[a-z][^,\"“”\n]{1,60}?))?"
    rf"\s+(?:\w+ly\s+)?(?:{VERBS}|read|reads|report(?:s|ed)(?=\s*[.,])|{_RECORDED_SAYING})\b"
)
# `"…," said Trump` / `"…," according to a statement` / `"…," read a statement from the family` (a text that
# "reads" something speaks for its author: see speaker_rules._author).
_AFTER_VERB_WHO = re.compile(
    rf"\s*[,—–-]?\s*(?:{INVERTIBLE}|according\s+to|reads?(?=\s+(?:an?|the|his|her|its|their)\s))\s+(?P<who>{WORD}(?:\s+{WORD}){{0,6}}?)"
    r"(?:,\s+(?P<appos>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})(?=[,.]))?"
    rf"(?=\s*[,;:!?(]|\s*\.{NOT_TITLE_STOP}|(?<=[a-z]{{3}}\.){NOT_TITLE_STOP}\s|\s*$"
    r"|\s+(?:in|on|at|to|during|after|before|who|when|while|of|from|with|against)\b)"
)
# `"…," she quoted him as saying`: the object speaks.
_QUOTED_AS = rf"quot(?:ed|es|ing)\s+(?P<quoted>{WORD}(?:\s+{WORD}){{0,5}}?)\s+as\s+(?:saying|telling|writing)\b"
_AFTER_QUOTED_AS = re.compile(rf"\s*[,—–-]?\s*(?:{WORD}\s+){{1,6}}?{_QUOTED_AS}")
# A name of up to three capitalised words: "Carlson", "Park Min Jae"
_NAME_WORDS = r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"
# …after an abbreviated title, if any: "Rep. Ana Lowe", "Dr Kim"
_TITLED_NAME = rf"(?:(?:{'|'.join(sorted(t.title() for t in ABBREVIATED_TITLES))})\.?\s+)?{_NAME_WORDS}"
# `“…,” as he later wrote to the Royal Society, …`, `“…,” as one local reporter described it.`: an "as" clause
# naming who said the words, a person or a source described by a determiner; "put it" is a speech verb only here
_AFTER_AS_WHO_VERB = re.compile(
    rf"\s*,?\s*as\s+(?P<who>[Hh]e|[Ss]he|{_NAME_WORDS}|(?:one|an?|the|another)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){{0,3}}?)"
    rf"\s+(?:(?:later|once|then|\w+ly)\s+)?(?:(?:put|puts|phrased|described)\s+it\b|(?:{VERBS})\b)"
)
# "… to Mr. Reid, said someone close to him.": a title's full stop ends no sentence
_TITLE_STOP = rf"\b(?:{'|'.join(sorted(t.title() for t in ABBREVIATED_TITLES))})\.(?=\s[A-Z])"
# `A man with a "long gun" shot at the officers, Carlson said.`: the sentence's closing attribution.
# Words quoted on the way belong to the same source: `“…” by the rifle that was “…,” according to the lawsuit.`
_SENTENCE_END_WHO = re.compile(
    rf"(?:[^.!?\"“”\n]|{_TITLE_STOP}|[\"“][^\"“”\n]*[\"”])*(?:,|(?<=,[\"”]))\s+(?:(?!according\s+to\b)(?P<who>{WORD}(?:\s+{WORD}){{0,4}}?)\s+(?:{VERBS})|(?:{INVERTIBLE}|according\s+to)\s+(?P<who2>{WORD}(?:\s+{WORD}){{0,4}}?)"
    # "…, Park Min Jae, the most senior defector in a decade, told CBS News.": a name and its apposition
    rf"|(?P<named>{_NAME_WORDS}),\s+(?:the|an?)\s[^,.;:!?\"“”\n]{{1,80}},\s+(?:{VERBS})"
    # "…, according to an internal Crossroads GPS and American Action Network report obtained by POLITICO."
    rf"|according\s+to\s+(?P<document>{ISSUED_DOCUMENT})(?:\s+{DOCUMENT_OBTAINED}\s+[^.,;:!?\"“”\n]{{1,40}}?)?)"
    rf"(?:\s+{DAY_AFTER_VERB})?"  # "…, Carlson said Tuesday."
    # "…, the detective wrote in the file.", "…, according to the lawsuit against the maker."
    r"(?:\s+(?:in|on|to|at|during|against)\s+[^.,;:!?\"“”\n]{1,40}?"
    r"|(?<=told)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})?"  # "…, Ortiz told The Ledger."
    # "…, said a friend, speaking anonymously." / "…, the Academy said, a word chosen to …"
    # "…, officials said, but they did not say how many.", "…, Graham said Tuesday, even before the story broke."
    r"(?:,\s+(?:[a-z]+ing|an?|the|but|though|although|(?:even\s+)?(?:before|after|as|while|when|because|since))\b"
    rf"[^.;:!?\"“”\n]{{1,200}})?\s*\.{NOT_TITLE_STOP}(?:\s|$)"
)
# `Trump said: "…"`, `Trump told reporters "…"`, `he wrote on Twitter that "…"`: the verb nearest the quote.
_BEFORE = SPEECH_VERB
# `Adds Weir: "…"`, `And, said Malkan, "…"`: a sentence opening with the verb, its speaker after it
_VERB_OPENS = re.compile(rf"{OPENING_CONJUNCTION}(?i:{INVERTIBLE})\s+(?P<who>{_TITLED_NAME}){_PARTY}\s*[,:]\s*$")
# `according to X, "…"`, `According to the study, the ancestry "…"` (no one else speaks after it) and `she quoted
# him as saying "…"`: the words name the speaker, not the sentence's subject.
_ACCORDING = re.compile(
    rf"(?:according to (?P<who>{WORD}(?:\s+{WORD}){{0,6}}?),(?P<rest>[^\"“”]*?)"
    rf"|\b{_QUOTED_AS}[^\"“”]*?)\s*$",
    re.IGNORECASE,
)
# `Per a White House official: "…"`, `Per Acme Corp., "…"`: "per" before a source and a colon or comma opening the
# quote is "according to" in newsletter English
_PER = re.compile(rf"(?:^|[-—–:]\s+|\n)[Pp]er\s+(?P<who>{WORD}(?:\s+{WORD}){{0,6}}?)\s*[:,]\s*$")
# '“…,” as she was spotted on said lawyer’s floor': a subordinate clause after the quote names no speaker
_SUBORDINATE = re.compile(r"(?i:as|while|when|because|after|before|if|since|although|though|until|once)\s")
# '“…,” she recalls him saying', '“…,” Lowe remembered her telling him': the one heard speaking said it
_HEARD_SAYING = re.compile(r"\s+(?P<who>him|her)\s+(?:saying|say|telling|tell)\b")
# 'A witness said he heard Dunn say, “…”', 'heard him say “…”': the one heard speaks, not the one who heard it
_HEARD_BEFORE_VERB = re.compile(rf"\b(?:heard|hears?|overheard)\s+(?P<who>{_TITLED_NAME}|him|her)\s+$")
# '“…!” On another occasion, she writes, …': a phrase of time or place opening the next sentence names no speaker
_PHRASE_OPENS = re.compile(r"(?:On|In|At|During|For|With|From|By|Over|Under)\s+(?:an?|the|another|this|that|one)\s")
_DETERMINER_WORDS = r"(?:the|a|an|his|her|their|its|my|our|your|these|those)"
# "his comments", "the claims": a determiner makes the verb-shaped word a noun.
_DETERMINER = re.compile(rf"\b{_DETERMINER_WORDS}\s+$", re.IGNORECASE)
# Before a quoted label: a determiner or possessive and up to two modifiers ('its genetic “blueprint”', 'the
# venue's $2 billion “ring of steel”', 'a Florida-based “adult entertainer”'), or a charge ('charges of “insulting”')
_NAMED_THING = re.compile(
    rf"(?:\b{_DETERMINER_WORDS}|\w['’]s?)"
    # (a verb ends the noun phrase: 'the plan was “dead”' quotes a verdict on the plan, not its name)
    r"(?:\s+(?!(?:of|for|to|about|with|from|on|in|at|by|is|was|are|were|be|been|has|had|have|would|will|could|"
    r"remains?|remained|seems?|seemed)\b)[\w$.,-]+){0,2}\s+$"
    r"|\babout\s+$"  # the topic of a talk: 'his chat with Urgant about “restrictions”'
    r"|\b(?:charges?|counts?|sentences?|convictions?|convicted|guilty|accused|words?|phrase|term)\s+(?:of|for|over)?\s*$",
    re.IGNORECASE,
)
# "was told", "was also asked": the subject is spoken to
_PASSIVE = re.compile(rf"\b(?:is|are|was|were|be|been|being)\s+(?:{PASSIVE_ADVERB}\s+)?$")
# '“…,” CNN was told': the words before an attribution's verb end with a passive's auxiliary
_ENDS_PASSIVE = re.compile(rf"\s(?:is|are|was|were|been|being)(?:\s+{PASSIVE_ADVERB})?$")
# `"…," Rep. Greg Walden of Oregon, a senior House Republican.`, `"…," Sen. Ann Lowe (R-Ohio), who won in 2010.`: a
# name alone closing the quote's sentence.
_NAME_ALONE = re.compile(
    rf"\s*(?P<who>(?:[A-Z][\w.'’-]*\s+){{1,4}}?[A-Z][\w'’-]+)(?:\s+of\s+[A-Z][\w'’-]+)?{_PARTY}"
    r"(?:,\s+(?:a|an|the|who)\s[^,.;:!?\"“”\n]{1,80})?\.(?:\s|$)"
)
# `"…," Radler fumed.`, `"…," posted Nina Ferro.`, `"…," he began.`, `"…," he moaned quietly.`, `"…," ripped Rep.
# Ana Lowe (D-Ore.), …`: a verb no list holds, right after the quote, with a name or a pronoun and nothing else
# before the sentence ends or a comma, still attributes it.
_AFTER_ANY_VERB = re.compile(
    rf"\s*,?\s*(?:(?P<who>{_NAME_WORDS}|[Hh]e|[Ss]he)\s+(?:[a-z]{{3,}}ed|began)(?:\s+[a-z]+ly)?"
    rf"|(?:[a-z]{{3,}}ed|began)\s+(?P<who2>{_TITLED_NAME}){_PARTY})"
    r"\s*(?:[.,;](?:\s|$)|\.(?=[A-Z])|$)"
)
# A credit after a dash: `"He's a good kid." -Nulato Mayor Ann Lowe, on the arrest` (a post quoting someone), `“…”
# — Abraham Lincoln`: the name, alone up to a comma or the line's end, speaks; two bylines joined by "and" (`“…” —
# Richard S. Dunham and Jeanna Smialek, Houston Chronicle`) speak together.
_CREDITED_NAME = r"(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+"
_DASH_CREDIT = re.compile(rf"\s*[-—–]\s*(?P<who>{_CREDITED_NAME}(?:\s+and\s+{_CREDITED_NAME})?)(?=,|\s*$)")
# Review blurbs: `"A brilliant performance." Mirror` names its source alone after the quote, at the line end.
_SOURCE_AFTER = re.compile(r"\s*(?P<who>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s*$")
# A subordinate clause opening a sentence ("Asked if Trump agreed, …", "When Lee spoke, …"): its subject is not the
# sentence's.
_FRONTED_CLAUSE = re.compile(
    r"(?:[A-Z][a-z]+ed\s+|[Ee]ven\s+|[Jj]ust\s+)?(?:[Ii]f|[Ww]hen|[Ww]hether|[Ww]hile|[Aa]lthough|[Tt]hough|[Bb]ecause|[Oo]nce|[Uu]ntil|"
    rf"[Aa]fter|[Bb]efore|[Aa]s)\s{CLAUSE_TO_COMMA}"
)
_AND_SAID = re.compile(rf"\s*,?\s*(?:and|but)\s+(?:\w+ly\s+)?(?:{VERBS})\b")
_SAID_AND = re.compile(rf",\s+(?P<who>[^,.;:!?\"“”\n]{{1,60}}?)\s+(?:{VERBS}),?\s+(?:but|and)\s+$")
_COMMA_WHO = re.compile(r",\s+who\s")
_PASSIVE_CLAUSE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b")
_NAME_OPENS_CLAUSE = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+\s+[a-z]")
_AND_GROUP = re.compile(r"(?:[A-Z][\w'’-]*)?\s+and\s+(?:[a-z]|[A-Z][\w-]*['’]s?\s+[a-z])")
_NAME_AT_VERB = re.compile(r"\b([A-Z][\w'’-]+)\s+$")
_OWNED = re.compile(rf"['’]s?\s+(?:[a-z]+\s+)?(?:family|parents|{RELATIONS_PATTERN}|{SOURCE_ROLES_PATTERN})\b")
_OWNER_BEFORE_NAME = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){1,3}\s+")
_GROUP_SPEAKS = re.compile(rf"(?P<who>[A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){{0,2}})\s+(?:{VERBS})\b")
_LISTENER_AFTER = re.compile(r"told|tells?", re.IGNORECASE)  # "told McCabe": the name after it listens
_ASKED = re.compile(r"ask(?:ed|s)", re.IGNORECASE)  # "Davis asked Cosby, “…”": after a subject, Cosby listens
_SURNAME_OPENS = re.compile(r"[A-Z][\w'’-]+(?=,\s)")
# the particles of names written in lower case: "Dia al-Hotmani", "Tom van Dyke", "Luis de Guindos"
_NAME_PARTICLE = rf"(?:{'|'.join(sorted(NAME_PARTICLES))})(?:-|\s+)"
# "Ann Lowe said Wednesday, “…”": a day after the verb says when, and names no one
_WHEN_AFTER_VERB = re.compile(DAY_AFTER_VERB)


def find_quotes(article: Article, entities: EntityAnalysis, cluster_people: ClusterPeople | None = None) -> list[Quote]:
    """The direct quotations in `article.body` with their speakers and kinds.

    Each quote's speaker comes from the first of these that names one:

    1. the quote's own sentence (`_attribute`): the attribution written with the quote is the surest;
    2. the text before it (`_attribute_from_before`): the previous quote's speaker, the paragraph before, or the
       reported speech going on from the sentence or paragraph before;
    3. an interview's form (`_attribute_interview`), for quotes no rule of the running text attributes;

    then, once every quote has its speaker from those, the open paragraphs of a quotation take the speaker its last
    paragraph names (`_attributed_at_the_end`: it needs the quotes after them), and the dependency parse tries the
    quotes still left without one (`_parsed_where_abstained`: one parse for all of them).

    Args:
        article: A cleaned article; spans point into its `body`.
        entities: The cluster's entity analysis: mentions with canonical names.
        cluster_people: `ClusterPeople.of(entities, bodies)`, worked out once for all the cluster's articles (else
            here, without the roles the articles give people, which need their bodies).

    Returns:
        Quotes in reading order; `body[q.span.start:q.span.end] == q.text` and likewise for `speaker_span`.
    """
    body = article.body
    people = sorted((m for m in entities.mentions if m.article_id == article.id), key=lambda m: m.start)
    text = ArticleText(body, people, speaker_context(body, article.id, entities, cluster_people))
    quotes: list[Quote] = []
    spans: list[Found] = []
    previous: tuple[Found, Speaker | None] | None = None
    # "he" or "she" the text attributes each speaker's quotes with so far: surer than what other pronouns suggest
    genders: dict[str, str] = {}
    for found in quote_spans(body):
        goes_on = previous is not None and continues(body, previous[0], found)
        is_full = goes_on or found.tweet_by is not None or is_statement(body, found)
        speaker = _attribute(text, found, is_full=is_full)
        pronoun = _pronoun_attributing(body, found)
        if speaker is None:
            speaker = _attribute_from_before(text, found, previous, pronoun, genders, goes_on=goes_on, is_full=is_full)
        if speaker is None:
            speaker = _attribute_interview(text, found, is_full=is_full)
        quotes.append(_quote(article.id, body, found, speaker, "full" if is_full else "partial"))
        spans.append(found)
        if speaker is not None and pronoun is not None:  # '“…,” she said': what the text calls its speaker
            genders.setdefault(speaker.name, pronoun)
        previous = (found, speaker)
    quotes = _attributed_at_the_end(body, spans, quotes)
    quotes = _parsed_where_abstained(text, article.id, spans, quotes)
    return [_unless_talked_about(body, quote) for quote in quotes]


def _attribute_from_before(
    text: ArticleText,
    found: Found,
    previous: tuple[Found, Speaker | None] | None,
    pronoun: str | None,
    genders: dict[str, str],
    *,
    goes_on: bool,
    is_full: bool,
) -> Speaker | None:
    """The speaker of a quote its own sentence leaves unattributed, from the text before it. A quote continuing the
    previous one or following it (`follows`: '“…,” he said. “…”') goes on in the previous quote's voice, so that comes
    first, and decides even when the previous quote had no speaker; otherwise a statement may belong to the person
    the paragraph before is about, and a few quoted words to the reported speech they are part of."""
    body = text.body
    if previous is not None and (goes_on or follows(body, previous[0], found, is_full)):
        # '… he quoted Roosevelt: “…” Then he built his speech around a quote from Lincoln. “…”': not Roosevelt
        cited = None if goes_on else cited_author(text, previous[0].close_at, found.open_at, found)
        return cited or (None if _pronoun_contradicts(pronoun, previous[1], genders) else previous[1])
    if is_full:
        return attribute_paragraph_before(text, found)
    # the reported speech of the paragraph or sentence before goes on
    reported = reported_speaker_before(body, found, text.context.persons) or reported_speaker_in_sentence_before(
        body, found, sentence_start(body, found.open_at), text.context.persons
    )
    return text.speaker(*reported, found) if reported else None


def _attribute_interview(text: ArticleText, found: Found, *, is_full: bool) -> Speaker | None:
    """An interview's answer, or a statement quoted inside a transcript's turn: tried last, only for quotes no other
    rule attributes, as `interviews.py`'s rules were written and measured (docs/speakers.md, the nineteenth round)."""
    return interview_answer(text, found) or (transcript_turn(text, found) if is_full else None)


def _parsed_where_abstained(text: ArticleText, article_id: str, spans: list[Found], quotes: list[Quote]) -> list[Quote]:
    """The speaker the dependency parse finds for each quote the rules left without one (the sentences around
    those quotes parsed in one batch)."""
    missing = [n for n, quote in enumerate(quotes) if quote.speaker is None and spans[n].tweet_by is None]
    if not missing:
        return quotes
    regions = parse_quotes(text.body, [spans[n] for n in missing])
    for n, region in zip(missing, regions, strict=True):
        speaker = parsed_speaker(text, spans[n], region)
        if speaker is not None:
            quotes[n] = _quote(article_id, text.body, spans[n], speaker, quotes[n].kind)
    return quotes


def _attributed_at_the_end(body: str, spans: list[Found], quotes: list[Quote]) -> list[Quote]:
    """'“I think …\n“But we have to …\n“If you are upset …,” Mr Lowe said.': the paragraphs of a quotation
    left open at each paragraph's end, attributed only after its last, are the words of the one its last names."""
    for n in range(len(quotes) - 2, -1, -1):
        found, after = spans[n], spans[n + 1]
        if quotes[n].speaker is not None or quotes[n + 1].speaker is None or found.tweet_by is not None:
            continue
        is_open = body[found.close_at - 1 : found.close_at] not in CLOSING
        if (
            is_open
            and body[found.close_at : after.open_at].strip() == ""
            and "\n" in body[found.close_at : after.open_at]
        ):
            quotes[n] = quotes[n].model_copy(
                update={
                    "speaker": quotes[n + 1].speaker,
                    "speaker_kind": quotes[n + 1].speaker_kind,
                    "speaker_span": quotes[n + 1].speaker_span,
                    "attribution": quotes[n + 1].attribution,
                }
            )
    return quotes


def _unless_talked_about(body: str, quote: Quote) -> Quote:
    """'“But I think Gadhafi is going to put up a fight,” he said.': the "he" or "she" of an attribution is not
    someone the quote itself talks about by the bare surname, so a speaker read from the pronoun whom the quote
    names that way is dropped. A surname with a first name or a title before it ("Barack Obama", "President Obama"
    in a quote "she" said) may be someone else of that name, and Michelle Obama stays the speaker."""
    if quote.speaker is None or quote.speaker_kind != "named" or quote.speaker_span is None:
        return quote
    if body[quote.speaker_span.start : quote.speaker_span.end].lower() not in ("he", "she"):
        return quote
    words = quote.speaker.split()
    for named in re.finditer(rf"\b{re.escape(words[-1])}\b", quote.text):
        before = quote.text[: named.start()].split()[-1:]
        if not before or not before[0][0].isupper():
            break
    else:
        return quote
    unknown = {"speaker": None, "speaker_kind": "unknown", "speaker_span": None, "attribution": None}
    return quote.model_copy(update=unknown)


def _pronoun_contradicts(pronoun: str | None, speaker: Speaker | None, genders: dict[str, str]) -> bool:
    """'“…,” she said, …\n“Is there a state drink?” he asked': the quote's own "he" or "she" (`pronoun`), whom
    attribution could not resolve, is someone else than a speaker the text calls by the other pronoun."""
    said = genders.get(speaker.name) if speaker is not None else None
    return pronoun is not None and said is not None and said != pronoun


def _pronoun_attributing(body: str, found: Found) -> str | None:
    """'m' or 'f' for a quote closed by '…,” he said' or '…,” said she'; None for any other attribution."""
    after = body[found.close_at : found.close_at + 40]
    if not closes_clause(body, found, after):  # '“very agitated.” She said': the next sentence's subject
        return None
    match = _AFTER_WHO_VERB.match(after) or _AFTER_VERB_WHO.match(after)
    return {"he": "m", "she": "f"}.get(match.group("who").lower()) if match else None


def _quote(article_id: str, body: str, found: Found, speaker: Speaker | None, kind: str) -> Quote:
    return Quote(
        text=body[found.start : found.end],
        speaker=speaker.name if speaker else None,
        speaker_kind=speaker.kind if speaker else "unknown",  # type: ignore[arg-type]
        kind=kind,  # type: ignore[arg-type]
        span=Span(article=article_id, start=found.start, end=found.end),
        speaker_span=Span(article=article_id, start=speaker.start, end=speaker.end) if speaker else None,
        attribution=speaker.attribution if speaker else None,
    )


def _attribute(text: ArticleText, found: Found, *, is_full: bool) -> Speaker | None:
    """The speaker the quote's own sentence names (for a statement, also the text right around it); None when it
    names none. The ways are tried in this order, and the first that names a speaker decides (the formula after
    the quote may also decide that nobody is named):

    1. an embedded tweet's signature;
    2. for a statement, a credit after a dash (`“…” — Abraham Lincoln`); for a few quoted words, the patterns of
       the writer's sentence around them (`_attribute_partial`: 'deemed “…” by investigators');
    3. the news formula right after a quote that closes its clause (`_attribute_formula_after`: '“…,” Kim said'):
       the surest attribution (see `_stated`), so when the formula's words name no one no later way overrides it
       and the quote has no speaker;
    4. a name alone or with any verb after the quote (`“…,” Radler fumed.`);
    5. the words of the quote's sentence before it (`_attribute_before`: 'Trump said: “…”');
    6. a speech verb after "and" or "but" going on with the sentence's subject (`_subject_going_on`);
    7. the sentence's closing attribution (`_attribute_sentence_end`: 'a "long gun", Carlson said.');
    8. the text around: for a statement an introduction, the sentence before or a source named alone after it
       (`_attribute_statement_around`), for a few words the person the sentence is about (`_sentence_topic`).
    """
    if found.tweet_by:  # an embedded tweet's signature
        return _stated(text.speaker(*found.tweet_by, found))
    line_end = text.body.find("\n", found.close_at)
    after = text.body[found.close_at : line_end if line_end >= 0 else len(text.body)]
    if is_full:
        credit = _dash_credit(text, found, after)
        if credit is not None:
            return credit
    else:
        speaker = _attribute_partial(text, found, after)
        if speaker is not None:
            return speaker
    closes = closes_clause(text.body, found, after)
    if closes:
        verdict = _attribute_formula_after(text, found, after)
        if verdict is not None:
            return None if verdict == NOBODY else verdict
    return (
        _stated(_attribute_name_after(text, found, after, closes=closes))
        or _attribute_before(text, found, is_full=is_full)
        or _subject_going_on(text, found, after)
        or _attribute_sentence_end(text, found, after)
        or (_attribute_statement_around(text, found, after) if is_full else _sentence_topic(text, found))
    )


def _dash_credit(text: ArticleText, found: Found, after: str) -> Speaker | None:
    """A statement credited after a dash (`"He's a good kid." -Nulato Mayor Ann Lowe`): only a name counts."""
    credit = _DASH_CREDIT.match(after)
    if credit is None:
        return None
    speaker = text.speaker(found.close_at + credit.start("who"), found.close_at + credit.end("who"), found)
    return _stated(speaker) if speaker is not None and speaker.kind == "named" else None


def _attribute_formula_after(text: ArticleText, found: Found, after: str) -> Speaker | Literal["nobody"] | None:
    """The attribution right after a quote that closes its clause: an "as" clause ('“…,” as he later wrote'), then
    each formula in turn (`_formula_verdict`). A verdict, a stated speaker or `NOBODY` (the formula's words name no
    one), decides; None lets the rest of `_attribute` try."""
    as_who = _AFTER_AS_WHO_VERB.match(after)
    if as_who is not None:
        who = text.speaker(found.close_at + as_who.start("who"), found.close_at + as_who.end("who"), found)
        return _stated(who) or NOBODY
    for pattern in (_AFTER_QUOTED_AS, _AFTER_VERB_WHO, _AFTER_WHO_VERB):
        verdict = _formula_verdict(text, found, after, pattern)
        if verdict is not None:
            return verdict
    return None


def _formula_verdict(
    text: ArticleText, found: Found, after: str, pattern: re.Pattern[str]
) -> Speaker | Literal["nobody"] | None:
    """The verdict of one formula after the quote (`“…,” she quoted him as saying`, `“…,” said Trump`, `“…,” Trump
    said`): its speaker, `NOBODY` when its words name no one, None when it does not attribute the quote."""
    match = pattern.match(after)
    lead = match.group("quoted" if pattern is _AFTER_QUOTED_AS else "who") if match else ""
    if not (
        match
        and not re.search(r"[\"“”]", match.group())
        and not _is_role_of_no_name(match)
        and not _SUBORDINATE.match(lead)
        and not _PHRASE_OPENS.match(lead)
    ):
        return None
    if pattern is _AFTER_WHO_VERB and _ENDS_PASSIVE.search(lead):
        return NOBODY  # '“…,” CNN was told': the subject of a passive speech verb is spoken to
    # "the leader of the opposition, Pierluigi Bersani, said": the name in apposition names the speaker
    group = "quoted" if pattern is _AFTER_QUOTED_AS else "appos" if _is_name_after_description(match) else "who"
    if match.group(group).lower() in ("and", "but"):  # '“…,” and said': see `_subject_going_on`
        return None
    speaker = text.speaker(found.close_at + match.start(group), found.close_at + match.end(group), found)
    heard = _HEARD_SAYING.match(after, match.end())
    if heard is not None:  # '“…,” she recalls him saying': he said it, whom she heard (never she herself)
        hearer, match, group = speaker, heard, "who"
        speaker = text.speaker(found.close_at + heard.start("who"), found.close_at + heard.end("who"), found)
        if speaker is not None and hearer is not None and speaker.name == hearer.name:
            speaker = None
    if speaker is not None and speaker.kind == "named":
        other = co_speaker(text.body, found.close_at + match.end(), speaker.name, text.context.persons)
        speaker = Speaker(f"{speaker.name} and {other.name}", "named", speaker.start, other.end) if other else speaker
    if speaker is not None or re.search(r"\w", re.sub(r"\b(?:and|but|so)\b", "", match.group(group))):
        return _stated(speaker) or NOBODY
    return None


def _attribute_statement_around(text: ArticleText, found: Found, after: str) -> Speaker | None:
    """A statement its sentence leaves unattributed: the sentence introducing it with a colon, the sentence before
    closing with an attribution, or — a review blurb — a source named alone after it at the line's end."""
    speaker = attribute_introduction(text, found) or attribute_sentence_before(text, found)
    if speaker is not None:
        return speaker
    speaker = _introduced_by_comma(text, found)
    if speaker is not None:
        return speaker
    match = _SOURCE_AFTER.fullmatch(after)
    if match is None:
        return None
    return _stated(text.speaker(found.close_at + match.start("who"), found.close_at + match.end("who"), found))


_CONJUNCTION = re.compile(OPENING_CONJUNCTION)


def _introduced_by_comma(text: ArticleText, found: Found) -> Speaker | None:
    """ "Dunn also made repeated efforts to distance himself from fellow inmates, “Being in a room by myself …”": a
    statement closing a sentence after a comma, in a sentence opening with a person (or "He"/"She") it names no one
    else beside and with no speech verb, is the words of that person."""
    body = text.body
    start = sentence_start(body, found.open_at)
    lead = body[start : found.open_at]
    if not re.search(r",\s*$", lead) or re.search(r"[\"“”]", lead) or SPEECH_VERB.search(lead):
        return None
    opening = start + len(_CONJUNCTION.match(lead).group())
    named = [m for m in text.context.persons if start <= m.start < found.open_at]
    if len({m.name for m in named}) > 1:
        return None
    if named and named[0].start == opening and named[0].label == "PERSON":
        return text.speaker(named[0].start, named[0].end, found)
    pronoun = re.match(r"(?:He|She)\b", body[opening : found.open_at])
    if pronoun and not named:
        return text.speaker(opening, opening + len(pronoun.group()), found)
    return None


def _subject_going_on(text: ArticleText, found: Found, after: str) -> Speaker | None:
    """'Ann Lowe visited the school to address the “…,” but said she …': a speech verb after "and" or "but" goes
    on with the subject of the sentence the quote is in."""
    if not _AND_SAID.match(after):
        return None
    return _sentence_subject(text, sentence_start(text.body, found.open_at), found.open_at, found)


def _stated(speaker: Speaker | None) -> Speaker | None:
    """A speaker the words right after the quote name ('“…,” Kim said', 'said a senior official', an embedded
    tweet's signature): the news formula, right far more often than a speaker read from the sentence around a quote
    or from the text before it (issue #5)."""
    return dataclasses.replace(speaker, attribution="stated") if speaker is not None else None


def _attribute_partial(text: ArticleText, found: Found, after: str) -> Speaker | None:
    """A few words quoted inside the writer's sentence: "what the daily Corriere della Sera called “…”", "deemed
    “…” by investigators", "the “deal” he promised", "Mr. Harlan's claim that it is “fully funded”", "panned her as
    a “terrible person”"."""
    body = text.body
    what = WHAT_CALLED.search(body, max(0, found.open_at - 120), found.open_at)
    if what:
        return _what_called(text, found, what)
    agent = _passive_agent(body, found, after)
    if agent is not None:
        return text.speaker(*agent, found)
    promised = PROMISED_AFTER.match(after)
    if promised is not None:
        return text.speaker(found.close_at + promised.start("who"), found.close_at + promised.end("who"), found)
    claim = CLAIM_OF.search(body, sentence_start(body, found.open_at), found.open_at)
    if claim is not None:
        group = "who" if claim.group("who") else "wisher"
        return text.speaker(claim.start(group), claim.end(group), found)
    # 'Her family described her as “smart,” according to a release': the characterising verb's subject said it
    if CHARACTERISED.search(body, max(0, found.open_at - 120), found.open_at):
        return _attribute_before(text, found, is_full=False)
    return None


def _names_a_thing(body: str, end: int) -> bool:
    """`_NAMED_THING` ends at `end`. Every match starts within the last three words before `end` (a determiner and
    two modifiers at most, whitespace between), so only they are searched: searching from the body's start made
    each quotation cost the whole body, 40 s of a 0.85 MB article's analysis."""
    start = end
    for _ in range(3):
        while start > 0 and body[start - 1].isspace():
            start -= 1
        while start > 0 and not body[start - 1].isspace():
            start -= 1
    return _NAMED_THING.search(body, start, end) is not None


def _sentence_topic(text: ArticleText, found: Found) -> Speaker | None:
    """A few quoted words in a sentence about a person and with no attribution ('She went on to lambaste the council
    for “…”', 'Kreiss finds that the team had “…”'): the words are that person's."""
    body = text.body
    # a capitalised title ("Made in America" week) or a noun after its determiner (the "grassy knoll") is a name
    # for a thing, quoted by the writer, not words the person said
    if not body[found.start : found.start + 1].islower() or _names_a_thing(body, found.open_at):
        return None
    opens_at = sentence_start(body, found.open_at)
    topics = [(at, name) for at, name in text.context.topics if opens_at <= at < found.open_at]
    if not topics:
        return None
    at, name = topics[-1]
    mention = next((m for m in text.context.persons if m.start == at), None)
    if _BEFORE.search(body, opens_at, found.open_at) and quoted_ranges(body, opens_at, found.open_at):
        return None  # 'Cline told The Times that Tweedy was a “…,” one who would resurrect “…”': the quote before's
    if re.search(r"[\"”]\s+(?:to|into|with)\s+$", body[at : found.open_at]):
        return None  # 'seeking to change the words “…” to “…”': wording set against wording, no one's words
    own_end = mention.end if mention else at + len(name)  # "Ann Lowe, who chairs the panel, went on to …": hers
    if any(m.start() != own_end for m in _COMMA_WHO.finditer(body, at, found.open_at)):
        return None  # "McCullum alerted Lee, who later deleted the texts and gave “…”": the words are Lee's
    if _AND_GROUP.match(body, mention.end if mention else at):
        # "Trump and allies used terms like “…”", "Ann and Lee's family noted …": a group the person is one of
        return None
    owned = _OWNED.match(body, mention.end) if mention else None
    if owned:  # "Ms Kercher's family launched a plea, desperate for “…”": the family, not Meredith Kercher
        return text.speaker(at, owned.end(), found)
    if " " not in name:  # "Congressman Goodlatte": the Bob Goodlatte named before
        name = full_name(name, text.context, at, has_title=True) or name
    return Speaker(name, "named", at, at)


def _attribute_name_after(text: ArticleText, found: Found, after: str, *, closes: bool) -> Speaker | None:
    """A person named alone after the quote (`“…,” Rep. Greg Walden of Oregon.`) or with a verb no list holds
    (`“…,” Radler fumed.`)."""
    alone = _NAME_ALONE.match(after) if closes else None
    if alone and any(m.label == "PERSON" and m.end == found.close_at + alone.end("who") for m in text.people):
        return text.speaker(found.close_at + alone.start("who"), found.close_at + alone.end("who"), found)
    any_verb = _AFTER_ANY_VERB.match(after) if closes or text.body[found.end - 1] == "." else None
    if any_verb is None:
        return None
    group = "who" if any_verb.group("who") else "who2"
    return text.speaker(found.close_at + any_verb.start(group), found.close_at + any_verb.end(group), found)


# The other words of a quoted list around a quote: '“chubby,” “fat,” and ' before “porky”, ' “fat,” and “porky”'
# after “chubby,”
_QUOTED_ITEM = r"(?:“[^“”\n]{1,60}”|\"[^\"\n]{1,60}\")"
_QUOTED_LIST_BEFORE = re.compile(rf"(?:{_QUOTED_ITEM}\s*,?\s*(?:(?:and|or)\s+)?)+$")
_QUOTED_LIST_AFTER = re.compile(rf"(?:\s*,?\s*(?:(?:and|or)\s+)?{_QUOTED_ITEM})+")


def _passive_agent(body: str, found: Found, after: str) -> tuple[int, int] | None:
    """ "was called a “senseless act” by one of the officers": where the agent of a passive characterising
    verb before the quote is named after it; so for each word of a quoted list ('being called “chubby,” “fat,” and
    “porky” by her colleagues')."""
    window = max(0, found.open_at - 200)
    items_before = _QUOTED_LIST_BEFORE.search(body, window, found.open_at)
    verb_end = items_before.start() if items_before else found.open_at
    if not PASSIVE_CHARACTERISED.search(body, max(0, verb_end - 60), verb_end):
        return None
    items_after = _QUOTED_LIST_AFTER.match(after)
    skipped = items_after.end() if items_after else 0
    agent = BY_AGENT.match(after, skipped)
    return (found.close_at + agent.start("who"), found.close_at + agent.end("who")) if agent else None


def _is_role_of_no_name(match: re.Match[str]) -> bool:
    """'Kelly Keyes, supervising deputy coroner said' names a person; 'and then, officials said' does not."""
    return bool(match.groupdict().get("role")) and not match.group("who")[:1].isupper()


def _is_name_after_description(match: re.Match[str]) -> bool:
    appos = match.groupdict().get("appos")
    if not appos or match.group("who").split()[0].lower() not in DESCRIBERS | {"his", "her", "their"}:
        return bool(appos) and bool(re.search(r"\w['’]s$", match.group("who").split()[0]))  # "Hayes's attorney"
    # "the spokesman, Dia al-Hotmani, said", "the mayor, Tom van Dyke,": a particle in lower case inside the name
    return bool(re.fullmatch(rf"[A-Z][\w.'’-]+(?:\s+(?:{_NAME_PARTICLE}){{0,2}}[A-Z][\w.'’-]+){{1,3}}", appos.strip()))


def _what_called(text: ArticleText, found: Found, what: re.Match[str]) -> Speaker | None:
    """ "what the daily Corriere della Sera called “…”": its subject; a "they" there is the main clause's subject."""
    if what.group("who").split()[0].lower() not in ("they", "it"):
        return text.speaker(what.start("who"), what.end("who"), found)
    line_start = text.body.rfind("\n", 0, what.start()) + 1
    main = text.body[line_start : what.start()].rstrip()
    main = main[: len(main) - len(main.split()[-1])] if main.split() else main  # drop the main verb
    who_start, who_end = subject_before(main, len(main))
    # '… attempted to “intimidate” her by initiating what it calls “…”': words ending in a preposition are no subject
    if who_start is None or main[who_start:who_end].split()[-1].lower() in PREPOSITIONS | {"by"}:
        return None
    return text.speaker(line_start + who_start, line_start + who_end, found)


def _attribute_sentence_end(text: ArticleText, found: Found, after: str) -> Speaker | None:
    """`A man with a "long gun" shot at the officers, Carlson said.`: a quote inside a reported sentence."""
    match = _SENTENCE_END_WHO.match(after)
    if match is None or re.search(
        r"\b(?:titled|entitled|named)\s+$", text.body[max(0, found.open_at - 20) : found.open_at]
    ):
        return None  # 'The biopic titled "Thatcher"' quotes a title, nobody's words
    group = next(g for g in ("who", "who2", "named", "document") if match.group(g))
    return text.speaker(found.close_at + match.start(group), found.close_at + match.end(group), found)


def _attribute_before(text: ArticleText, found: Found, *, is_full: bool = True) -> Speaker | None:
    """The speaker the quote's own sentence names before it: a chanting crowd, "per …:", "according to …", or who
    speaks at the verb that introduces the quote."""
    body = text.body
    start = sentence_start(body, found.open_at)
    before = body[start : found.open_at]
    source = chanting_crowd(before)  # 'packed with well-wishers … chanting “…”'
    if source is not None:
        return Speaker(before[slice(*source)], "described", start + source[0], start + source[1])
    opening = _VERB_OPENS.fullmatch(before)
    if opening is not None:
        return text.speaker(start + opening.start("who"), start + opening.end("who"), found)
    per = _PER.search(before)
    if per is not None:
        return text.speaker(start + per.start("who"), start + per.end("who"), found)
    according = _ACCORDING.search(before)
    if according and not _speaks_after(according, before):
        group = "who" if according.group("who") else "quoted"
        return text.speaker(start + according.start(group), start + according.end(group), found)
    verb = _speech_verb_before(body, before, found, is_full=is_full)
    if verb is None:
        return None
    speaker = _speaker_at_verb(text, start, before, verb, found)
    if speaker is not None and speaker.kind == "named" and _COLON_AFTER_VERB.match(before, verb.end()):
        # 'Kim said: “…”' is the news formula turned round, as sure as '“…,” Kim said' (bench/analysis_quality.py,
        # 2026-11-29: read 43 of 44 right, blind 15 of 17, as the stated attributions' 97.8% and 87.6%)
        return _stated(speaker)
    return speaker


_COLON_AFTER_VERB = re.compile(r":\s*$")


def _speech_verb_before(body: str, before: str, found: Found, *, is_full: bool) -> re.Match[str] | None:
    """The verb in `before`, the words of the quote's sentence before it, that introduces the quote ("Kim said",
    "describing him as"); None when there is none, or the quote is a title ('SiriusXM's “Breitbart News Daily”')."""
    # "was told" reports no speech by its subject; "He has said the jury should not be told …" does
    verbs = [
        m
        for m in _BEFORE.finditer(before)
        if not re.search(r"[\"“”]", before[m.end() :])
        and not _DETERMINER.search(before[: m.start()])
        and not (_PASSIVE.search(before[: m.start()]) and not m.group().endswith("ing"))
    ]
    # "Even as Hale declares his love to her, Price deems herself “…”": a fronted clause's verb quotes nothing when
    # a name opens the main clause after it (not "When Cline told The Times that his band leader, Tweedy, was")
    fronted = _FRONTED_CLAUSE.match(before)
    if fronted and _NAME_OPENS_CLAUSE.match(before, fronted.end()):
        verbs = [m for m in verbs if m.end() > fronted.end()]
    characterised = None if is_full else _last_characterising(before)
    # the verb nearest the quote: 'defended the pick, describing him as “…”' is the describing
    if (
        characterised
        and not re.search(r"[\"“”]", before[characterised.start() :])
        and not (verbs and verbs[-1].start() > characterised.start())
    ):
        verbs = [characterised]
    if not verbs or is_title_quote(body, found):
        return None
    return verbs[-1]


def _speaker_at_verb(text: ArticleText, start: int, before: str, verb: re.Match[str], found: Found) -> Speaker | None:
    """Who speaks at `verb` in `before`, the words from `start` to the quote: the verb's subject, a name after it
    ("said Malkan"), or the subject a clause or sentence carries over ("officials said, and warned")."""
    heard = _HEARD_BEFORE_VERB.search(before, 0, verb.start())
    if heard is not None:
        return text.speaker(start + heard.start("who"), start + heard.end("who"), found)
    who_start, who_end = subject_before(before, verb.start())
    inverted = re.match(rf"\s+(?P<who>[A-Z]{WORD}(?:\s+{WORD}){{0,4}}?)(?P<comma>,?)\s*$", before[verb.end() :])
    # 'And, said Malkan, "…"'; but not 'Bognet predicted Sinema's lead would "…"', nor 'told McCabe that "…"'
    listens = _LISTENER_AFTER.match(verb.group()) or (who_start is not None and _ASKED.fullmatch(verb.group()))
    if inverted and _WHEN_AFTER_VERB.fullmatch(inverted.group("who")):
        inverted = None
    if inverted and (who_start is None or inverted.group("comma")) and not listens:
        at = start + verb.end()
        return text.speaker(at + inverted.start("who"), at + inverted.end("who"), found)
    is_subject = who_start is not None and names_a_subject(before[who_start:who_end])
    participle = verb.group().split()[0].lower().endswith("ing")
    # "…, officials said, but called this “…”": the subject of the verb before carries over to this one
    said_and = _SAID_AND.search(before, 0, verb.start()) if not is_subject else None
    if said_and is not None and _clause_has_person_subject(text, start, start + said_and.start(), found):
        said_and = None  # "Mayor Tom Brandt toured the streets, officials said, and warned …": the mayor warned
    if said_and is not None:
        return text.speaker(start + said_and.start("who"), start + said_and.end("who"), found)
    if who_start is None and not participle:
        if re.search(r"\b(?:that|which)\s+$", before[: verb.start()]):
            return None  # "…, including one that says “…”": a thing speaks, not the sentence's subject
        # "When asked why the alert went out … her children Korver replied": no clause boundary to find the
        # subject by, but a person's name right at the verb is its subject
        at_verb = _NAME_AT_VERB.search(before, 0, verb.start())
        if at_verb and full_name(at_verb.group(1), text.context, start + at_verb.start(1)):
            return text.speaker(start + at_verb.start(1), start + at_verb.end(1), found)
    if participle or not is_subject:  # "saying", "referring to … as"
        # "Trump …, saying that '…'" and "he visited …, and pledged '…'": the sentence's subject speaks
        return _sentence_subject(text, start, start + verb.start(), found, organisation_may_speak=participle)
    return text.speaker(start + who_start, start + who_end, found)


def _clause_has_person_subject(text: ArticleText, start: int, end: int, found: Found) -> bool:
    """Whether a person or 'he'/'she' is the subject of the clause before ", officials said, and …": not a passive
    ("Three men were arrested, police said, and charged …"), whose verb after "and" is the reporters' (issue #5)."""
    if _PASSIVE_CLAUSE.search(text.body, start, end):
        return False
    subject = _sentence_subject(text, start, end, found)
    return subject is not None and subject.kind != "described"


def _last_characterising(before: str) -> re.Match[str] | None:
    """The characterising verb nearest the quote: in 'Ames dismissed the claim, and Lee denounced it as “…”' Lee's
    denouncing (a search alone finds 'dismissed … as', which spans it)."""
    last, at = None, 0
    while (match := CHARACTERISED.search(before, at)) is not None:
        last, at = match, match.start() + 1
    return last


def _speaks_after(according: re.Match[str], before: str) -> bool:
    """Whether words after 'according to X,' may name another speaker: only a sentence opening with 'According to
    X,' is X's throughout, unless a speech verb there names someone ('According to the report, Smith said “…”')."""
    rest = according.groupdict().get("rest") or ""
    if rest.strip() and not re.fullmatch(r"(?:\w+,\s*)?", before[: according.start()]):
        return True
    return bool(_BEFORE.search(rest) or CHARACTERISED.search(rest))


def _sentence_subject(
    text: ArticleText, start: int, end: int, found: Found, *, organisation_may_speak: bool = False
) -> Speaker | None:
    """The first person named, or 'he'/'she', between `start` and `end`: the subject of a sentence's verbs; not
    someone named inside a quote there ('“… Mr. Mueller will …,” Graham said, adding: “…”'). With
    `organisation_may_speak` (the verb is a participle: 'Labour has been targeting cuts, accusing May of “…”'), an
    organisation opening the main clause when no person does. A group of people opening the clause comes first: a
    person named after it is not the subject ("Lawmakers in Kiev passed …")."""
    fronted = _FRONTED_CLAUSE.match(text.body, start, end)  # "Asked if Trump agreed, Walden said": not Trump
    start = fronted.end() if fronted else start
    group = _GROUP_SPEAKS.match(text.body, start, end)
    if group and is_group(group.group("who")):  # "Police said Tuesday he lived …, adding that he was not a “…”"
        return text.speaker(start, start + len(group.group("who")), found)
    opening = group_opening(text.body, start, end)  # "Lawmakers in Kiev passed a resolution saying …": not Kiev
    if opening is not None:
        who = text.body[start:opening]
        return Speaker(who[:1].lower() + who[1:], "described", start, opening)
    return _person_subject(text, start, end, found, organisation_may_speak=organisation_may_speak)


def _person_subject(
    text: ArticleText, start: int, end: int, found: Found, *, organisation_may_speak: bool
) -> Speaker | None:
    """`_sentence_subject` once no group opens the clause: the first person named outside quotes, unless a pronoun
    after an opening phrase, a surname NER missed opening the clause, or 'he'/'she' comes before them; then an
    organisation (`organisation_may_speak`)."""
    quoted = quoted_ranges(text.body, start, end)
    candidates = [
        m
        for m in text.context.persons
        if start <= m.start < end and m.label == "PERSON" and not any(a <= m.start < b for a, b in quoted)
    ]
    person = candidates[0] if candidates else None
    opening = PRONOUN_AFTER_OPENING.match(text.body, start, end)
    if person and opening and person.start < opening.start("pronoun"):  # "In a call with his fiancee, Ann Rowe, he"
        return text.speaker(opening.start("pronoun"), opening.end("pronoun"), found)
    opening = _SURNAME_OPENS.match(text.body, start, end)  # "Chaffetz, who …, told": a surname NER missed there
    if (person is None or person.start > start) and opening and full_name(opening.group(), text.context, start):
        return text.speaker(start, opening.end(), found)
    if len(candidates) > 1 and _OWNER_BEFORE_NAME.fullmatch(text.body, candidates[0].end, candidates[1].start):
        person = candidates[1]  # "Romney's digital director Zac Moffatt concurred, telling …": Moffatt
    if person is None:  # a surname NER missed here ("Still, Carney acknowledged …") of a person named in full before
        surname = _surname_named_before(text, start, end, quoted)
        if surname is not None:
            return text.speaker(*surname, found)
    pronouns = re.finditer(r"\b(?:he|she|He|She)\b", text.body[start:end])  # not the "He'd" of a quote there
    pronoun = next((p for p in pronouns if not any(a <= start + p.start() < b for a, b in quoted)), None)
    if pronoun is not None and (person is None or start + pronoun.start() < person.start):
        return text.speaker(start + pronoun.start(), start + pronoun.end(), found)
    if person is None and organisation_may_speak:
        main = FRONTED.match(text.body, start, end)  # "In the days since the attack, Labour …"
        organisations = [m for m in text.people if m.label == "ORG"]
        organisation = organisation_at(text.body, main.end() if main else start, end, organisations)
        return text.speaker(organisation.start, organisation.end, found) if organisation else None
    if person is None:
        return None
    owned = _OWNED.match(text.body, person.end)  # "Heyer's mother then took the stage, telling …": the mother
    return text.speaker(person.start, owned.end() if owned else person.end, found)


def _surname_named_before(
    text: ArticleText, start: int, end: int, quoted: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where between `start` and `end`, outside the `quoted` ranges, a capitalised word is the surname of a person
    the text named in full before."""
    for name in re.finditer(r"\b[A-Z][\w'’-]+\b", text.body[start:end]):
        if any(a <= start + name.start() < b for a, b in quoted):
            continue  # '“… as President Trump has,” said Ed Yardeni, … Inc. “…”': a name in the quote before
        if full_name(name.group(), text.context, start + name.start()) is not None:
            return start + name.start(), start + name.end()
    return None
