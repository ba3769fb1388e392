"""What NER's types and spans get wrong, fixed with evidence from the whole cluster.

spaCy's small model tags one sentence at a time: it takes "Williams syndrome" for a person, "Reddit" for a place,
"Tina Fey and Eva Longoria" for one organisation, a headline's capitals for names, and a surname it has not seen
for a place. The rest of the cluster often says otherwise: the word written in lower case elsewhere, an
apposition ("Coursera, an online course company"), the person named in full earlier, an acronym spelt out. These
passes read that evidence after `entities.clean_mention` has cleaned each mention and before
`entities.merge_mentions` merges them; each keeps a mention's span inside its article's body. They live apart
from `entities` (which cleans one span at a time and merges names) because they are one idea that grows case by case.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from importlib import resources

from storyline.analyze.glued_text import NAME_PARTICLES
from storyline.analyze.mentions import ABBREVIATED_TITLES, Mention, is_company_name, name_key, surname_bearers
from storyline.analyze.name_variants import (
    COUNTRY_NAMES,
    PLACE_INSTITUTIONS,
    STATE_ABBREVIATIONS,
    by_surname,
    is_mostly_organisation,
    surname,
)
from storyline.analyze.organisations import BODY_WORDS, INSTITUTION_NOUNS, PUBLIC_BODY_NOUNS
from storyline.analyze.surnames import relation_before
from storyline.calendar_names import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES
from storyline.models import Article

# People of a place before a full name: "Albuquerqueans Ben Abruzzo", "Texans Ann Richards"
DEMONYM = re.compile(r"[A-Z][a-z]{3,}(?:ans|ites)|Britons?|Brits?|Scots?|Swedes?|Danes?|Finns?|Poles?|Turks?")


def correct_mentions(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The cluster's mentions with NER's mistakes that the cluster shows corrected: shouted words, common nouns and
    terms dropped, pairs of names split, relatives, described names and surnames retyped, home-named clubs joined.

    Args:
        mentions: Every article's cleaned mentions, in article order.
        articles: The cleaned articles the mentions point into.

    Returns:
        The corrected mentions; each still satisfies `body[start:end] == text`.
    """
    lower_words = _lower_case_words(articles)
    found = _with_longer_names_read(_without_common_nouns(_without_shouting(mentions), articles), articles)
    found = _with_family_members(_with_pairs_split(found, lower_words), lower_words)
    found = _with_described_types(_without_terms(found, articles, lower_words), articles)
    terms = _term_acronyms(articles)
    found = _with_surnames_as_people([m for m in found if name_key(m.text) not in terms], articles)
    found = _with_names_going_on(_with_home_named_teams(found, articles), articles, lower_words)
    found = _without_cut_names(found, articles, [*mentions, *found])
    found = _with_evidenced_types(found, articles, lower_words)
    # last, once "Star" has become "Star magazine" where the text names the publication so
    return _without_sentence_opening_nouns(_without_place_pairs(found), articles, lower_words)


# "U.S.-China trade", "the U.S.-Mexico border": two places joined into the adjective of a relation between them
_HYPHENED_PAIR = re.compile(r"([A-Z][\w.'’]*)-([A-Z][\w.'’]*)")


def _without_place_pairs(mentions: list[Mention]) -> list[Mention]:
    """The mentions without two places joined by a hyphen ("U.S.-China", which NER tags an organisation): each half
    a place the cluster names, a country, or another name of one ("U.S.")."""
    places = {name_key(m.text) for m in mentions if m.label == "GPE"} | _country_keys()

    def is_place_pair(m: Mention) -> bool:
        pair = _HYPHENED_PAIR.fullmatch(m.text)
        return pair is not None and name_key(pair[1]) in places and name_key(pair[2]) in places

    return [m for m in mentions if not is_place_pair(m)]


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(name_key(c) for c in countries()) | {name for names in COUNTRY_NAMES for name in names}


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
        # Only the one word right after the place: 40 characters hold any club name's word.
        word = re.match(r" ([A-Z][a-z]+)\b", bodies[m.article_id][m.end : m.end + 40]) if m.label == "GPE" else None
        if word and name_key(word.group(1)) in clubs:
            end = m.end + word.end(1)
            swallowed.add((m.article_id, m.end + word.start(1)))  # "Spirit" tagged apart is part of the name
            m = Mention(m.article_id, m.start, end, bodies[m.article_id][m.start : end], "ORG")
        joined.append(m)
    return [m for m in joined if (m.article_id, m.start) not in swallowed]


# The words a body's name goes on with after its noun, where NER stopped: "the Royal Hospital for Neuro-disability",
# "the Oversight Subcommittee on the Interior, Energy, and Environment". "on" only after a deliberating body's noun
# ("the Senate on Capitol Hill" is a place), "for" not after a legislature's or a party's ("won the House for
# Democrats").
_NOUNS_GOING_ON = {
    "of": BODY_WORDS | INSTITUTION_NOUNS | {"subcommittee"},
    "for": {noun.lower() for noun in PUBLIC_BODY_NOUNS} | INSTITUTION_NOUNS | {"subcommittee", "court"},
    "on": {"committee", "subcommittee", "commission", "council"},
}
# A capitalised word of a name: no date ("the Committee on Monday", "the Department of Justice Tuesday"), no
# apostrophe ("the House Committee on Energy and Commerce's oversight subcommittee" stops before it)
_CALENDAR_WORD = rf"(?:{'|'.join(sorted((*MONTH_NAMES, *MONTH_ABBREVIATIONS, *WEEKDAY_NAMES)))})\b"
_CAPITALISED = rf"(?!{_CALENDAR_WORD})[A-Z][\w-]*"
_CAPITALISED_RUN = rf"{_CAPITALISED}(?: +{_CAPITALISED})*"
# A run of capitalised words, or a list of them closed by "and" ("the Interior, Energy, and Environment"), joined by
# "of" or "for" ("Jesus Christ of Latter Day Saints"), after "of", "for" or "on" and an optional "the"
_NAME_GOING_ON = re.compile(
    rf" +(?P<joint>of|for|on) +(?:the +)?(?:{_CAPITALISED_RUN}(?:(?:, +{_CAPITALISED_RUN})*,? +(?:and|&) +"
    rf"{_CAPITALISED_RUN})?(?: +(?:of|for) +(?:the +)?{_CAPITALISED_RUN})*)"
)
# "Star magazine": a one-word name the cluster also writes as an ordinary word needs its noun to name the publication
_MEDIA_NOUN_AFTER = re.compile(r" +(?:magazine|newspaper|tabloid)\b")


def _with_names_going_on(mentions: list[Mention], articles: Sequence[Article], lower_words: set[str]) -> list[Mention]:
    """The organisations whose name the text writes on past where NER stopped: a body's noun followed by "of",
    "for" or "on" and a capitalised name ("the Royal Hospital for Neuro-disability", "the District Court for the
    Northern District of California"), and a publication called by a common word and its noun ("Star magazine",
    where the cluster writes "star" too). The name after the noun must hold no person NER found, and a mention NER
    found inside it is part of the longer name."""
    bodies = {a.id: a.body for a in articles}
    people = {(m.article_id, m.start) for m in mentions if m.label == "PERSON"}
    found: list[Mention] = []
    extended: list[Mention] = []
    for m in mentions:
        end = _name_end(bodies[m.article_id], m, lower_words) if m.label == "ORG" else None
        if end is not None and not any((m.article_id, at) in people for at in range(m.end, end)):
            m = Mention(m.article_id, m.start, end, bodies[m.article_id][m.start : end], "ORG")
            extended.append(m)
        found.append(m)
    inside = {
        (m.article_id, m.start)
        for m in found
        for e in extended
        if e.article_id == m.article_id and e.start < m.start < e.end
    }
    return [m for m in found if (m.article_id, m.start) not in inside]


def _name_end(body: str, organisation: Mention, lower_words: set[str]) -> int | None:
    """Where the organisation's name ends if it goes on past `organisation.end`, else None."""
    words = organisation.text.split()
    if len(words) == 1 and words[0].lower() in lower_words:
        noun = _MEDIA_NOUN_AFTER.match(body, organisation.end)
        if noun:
            return noun.end()
    going_on = _NAME_GOING_ON.match(body, organisation.end)
    if going_on is None or words[-1].lower() not in _NOUNS_GOING_ON[going_on.group("joint")]:
        return None
    return going_on.end()


def _with_longer_names_read(mentions: list[Mention], articles: Sequence[Article]) -> list[Mention]:
    """The mentions, each that the text goes on into a longer name of the cluster, of which its words are the first
    or the last, made a mention of that name: "Emergency Management Agency" after "Federal", "Without Borders"
    after "Doctors" beside "Doctors Without Borders", "Salt Lake" before "City". The text reads the longer name
    there, and NER found it elsewhere."""
    bodies = {a.id: a.body for a in articles}
    forms: dict[str, dict[str, str]] = defaultdict(dict)  # key -> spelling -> NER's label
    for m in mentions:
        forms[name_key(m.text)].setdefault(m.text, m.label)
    longer: dict[str, list[tuple[str, str]]] = defaultdict(list)  # a name's key -> (spelling, label) of longer ones
    for key, spellings in forms.items():
        words = key.split()
        for n in range(1, len(words)):
            for part in (" ".join(words[:n]), " ".join(words[n:])):
                if part in forms:
                    longer[part] += spellings.items()
    read, extended = [], []
    for m in mentions:
        body = bodies[m.article_id]
        for form, label in sorted(longer.get(name_key(m.text), ()), key=lambda found: -len(found[0])):
            start = next((at for at in (m.start, m.end - len(form)) if _reads(body, at, form)), None)
            # words apart: "China" in "the U.S.-China talks" is no mention of a "U.S.-China"
            apart = body[m.end : m.end + 1] == " " if start == m.start else body[m.start - 1 : m.start] == " "
            if start is not None and start <= m.start and m.end <= start + len(form) and apart:
                m = Mention(m.article_id, start, start + len(form), body[start : start + len(form)], label)
                extended.append(m)
                break
        read.append(m)
    # a name NER found inside the longer one is part of it, and two halves read out to the same name are one mention
    kept = [
        m
        for m in read
        if not any(e.article_id == m.article_id and e.start < m.end <= e.end and e != m for e in extended)
    ]
    spans: dict[tuple[str, int, int], Mention] = {}
    for m in kept:
        spans.setdefault((m.article_id, m.start, m.end), m)
    return list(spans.values())


def _reads(body: str, start: int, name: str) -> bool:
    """Whether the words of `body` from `start` are `name` (its key: case, hyphens and full stops aside), written
    as a name, with capitals at both ends ("the Gallup poll" is no mention of "the Gallup Poll", nor "east
    Jerusalem" of "East Jerusalem")."""
    end = start + len(name)
    words = body[start:end].split()
    return (
        start >= 0
        and bool(words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and end <= len(body)
        and not body[start - 1 : start].isalnum()
        and not body[end : end + 1].isalnum()
        and name_key(body[start:end]) == name_key(name)
    )


# A capitalised word that goes on a name NER cut short, after it or after "of", "for", "do", … ("the Group of Seven",
# "Rio Grande do Sul", "Schahin Cury brokerage"): no date, no stock ticker ("Kate Spade & Co KATE.N")
_PARTICLE_THEN = r"(?:(?P<joint>of|for|on|do|da|de|del|della|dos|das|du|des|von|van|der)\s+(?:the\s+)?)"
_CUT_NAME_GOES_ON = re.compile(
    rf" {_PARTICLE_THEN}?(?!{_CALENDAR_WORD})(?P<word>[A-Z][\w'’&]*(?:-[A-Z][\w'’&]*)*)(?![-'’\w]|\.[A-Z]{{1,2}}\b)"
)
# An office after a name ("Texas Gov. Rick Perry", "NWSL Commissioner Jeff Plush", "Senate Majority Leader", "Navy
# Adm. Scott Swift", "BP Group CEO Bob Dudley") is the holder's, and the name before it whole...
_OFFICE_WORDS = ABBREVIATED_TITLES | frozenset(
    "ceo cfo coo chairman chairwoman chair president founder executive chief spokesman spokeswoman director owner "
    "head minister secretary commissioner officer senator representative governor mayor speaker leader coroner "
    "sheriff judge justice attorney chancellor premier councilman councilwoman superintendent adviser advisor "
    "general ambassador detective sergeant lieutenant captain commander colonel corporal trooper deputy inspector "
    "constable".split()
)
# ... unless the name is a portfolio's words alone ("Interior Minister", "Health and Welfare Minister", "Home Affairs
# Minister", "Housing Secretary", "National Security Adviser"): a closed class; and a place is no party's name
# ("the Mattapan Democrat")
_PORTFOLIO_WORDS = frozenset(
    "interior home affairs internal international foreign commerce trade industry health welfare housing justice "
    "defense defence finance treasury economy economics education labor labour agriculture transport transportation "
    "energy environment security homeland national public information culture tourism immigration planning "
    "development social services human resources works press and of the".split()
)
_PARTIES = frozenset("democrat democrats republican republicans".split())
# The capitalised words after the word that goes on a name: "Senate Majority Leader"
_MORE_CAPITALISED = re.compile(r"(?:\s+[A-Z][\w'’.&-]*){0,3}")
# "a white Toyota Camry", "a Chevy Impala": a thing of the brand NER names, not a cut name
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){0,2}$")


def _without_cut_names(
    mentions: list[Mention], articles: Sequence[Article], recognised: Sequence[Mention]
) -> list[Mention]:
    """The mentions without a name NER cut from a longer one wherever the cluster writes it: every mention goes on
    into a capitalised word that no other name NER found begins ("Schahin Cury brokerage", "Husseinieh Jamaran
    meeting hall", "Interior Minister Habib el-Adli"), or after "of", "for", "do", … into one that is at most a
    place's ("the Treaty of Washington", "Rio Grande do Sul", "the Chicago Coalition for the Homeless"). Not into
    a date, a sentence's function word or a party, nor into an office (`_OFFICE_WORDS`) unless the name is a
    portfolio's words alone, nor after "a" ("a white Toyota Camry"). A person goes on only into a word of its own
    ("Schahin Cury"; not "Patricia Boksa of McGill University"), "on" only after a body's noun ("the Commission
    on Human Rights"). A name written alone anywhere is kept, and one going on into several words.

    Args:
        mentions: The mentions to filter.
        articles: The cleaned articles they point into.
        recognised: Every name NER found, before and after correction: a word one of them begins goes on no name.
    """
    from spacy.lang.en.stop_words import STOP_WORDS  # spaCy is loaded: this runs on its NER spans

    bodies = {a.id: a.body for a in articles}
    starts = {(m.article_id, m.start): m.label for m in recognised}

    def going_on_into(m: Mention) -> str | None:
        """The word `m` goes on into if NER cut it there, else None."""
        body = bodies[m.article_id]
        going_on = _CUT_NAME_GOES_ON.match(body, m.end)
        if going_on is None or m.text.endswith(".") or going_on["word"].lower() in STOP_WORDS | _PARTIES:
            return None
        if _INDEFINITE_BEFORE.search(body, max(0, m.start - 40), m.start):
            return None
        run = [going_on["word"], *_MORE_CAPITALISED.match(body, going_on.end()).group().split()]
        offices = {re.sub(r"(?:['’]s|\.|s)$", "", w).lower() for w in run} | {w.lower() for w in run}
        if offices & _OFFICE_WORDS:
            return going_on["word"] if {w.lower() for w in m.text.split()} <= _PORTFOLIO_WORDS else None
        other = starts.get((m.article_id, going_on.start("word")))
        joint = going_on["joint"]
        if not joint:
            return going_on["word"] if other is None else None
        if m.label == "PERSON" or (joint == "on" and m.text.split()[-1].lower() not in _NOUNS_GOING_ON["on"]):
            return None  # "Ola Berg of Norvik", "the UK on the BBC iPlayer"; but "the Commission on Human Rights"
        return going_on["word"] if other in (None, "GPE", "LOC") else None

    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[name_key(m.text)].append(m)
    # one word after every mention: a name going on into several ("San Diego Zoo Global", "San Diego Zoo Safari
    # Park", "Toyota Camry", "Toyota Corolla") is the stem several names share, a name of its own
    cut = set()
    for key, found in by_key.items():
        words = {going_on_into(m) for m in found}
        if len(words) == 1 and None not in words:
            cut.add(key)
    return [m for m in mentions if name_key(m.text) not in cut]


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
                phrase[0] in b and phrase[-1] in b and _found_at(lower, b, phrase[0]) for b in bodies
            )
        return common[text]

    return [m for m in mentions if not (m.label == "PERSON" and " " in m.text and is_common(m.text))]


def _without_sentence_opening_nouns(
    mentions: list[Mention], articles: Sequence[Article], lower_words: set[str]
) -> list[Mention]:
    """The mentions without a one-word 'name' that is a common noun capitalised only because it opens a sentence
    ("Malaria is one of the most common …", "Resort officials claim …" beside "malaria" and "the resort"): the
    cluster writes the word in lower case, and capitalised nowhere but at a sentence's start (a name is capitalised
    mid-sentence too) nor in a longer name of the cluster ("Hill said." beside "Letitia Hill")."""
    in_longer_names = {w for m in mentions if " " in m.text for w in name_key(m.text).split()}
    bodies = [a.body for a in articles]
    verdicts: dict[str, bool] = {}

    def is_common(word: str) -> bool:
        if word not in verdicts:
            verdicts[word] = (
                word.lower() in lower_words
                and word.lower() not in in_longer_names
                and all(
                    _opens_sentence(body, found.start())
                    for body in bodies
                    for found in re.finditer(rf"\b{re.escape(word)}\b", body)
                )
            )
        return verdicts[word]

    return [m for m in mentions if not (re.fullmatch(r"[A-Z][a-z]+", m.text) and is_common(m.text))]


# A full stop that ends an abbreviated title ("Mr. Rice", "Capt. Oilar") or a saint's "St.", not a sentence
_TITLE_STOP = re.compile(rf"\b(?:{'|'.join(sorted(t.title() for t in ABBREVIATED_TITLES | {'st'}))})\.$")


def _opens_sentence(body: str, start: int) -> bool:
    """Whether the word at `start` opens the body, a line or a sentence (after a full stop, question or exclamation
    mark, with a closing quote mark between), not an abbreviated title's full stop."""
    # what may stand between a sentence's end and its first word: spaces, an opening quote mark or parenthesis
    before = body[max(0, start - 40) : start].rstrip(' \t"“‘(')
    if not before:
        return start <= 40
    if before[-1] == "\n" or (before[-1] in ".!?" and not _TITLE_STOP.search(before)):
        return True
    return before[-1] in "\"”’'" and before[-2:-1] in (".", "!", "?")


def _found_at(pattern: re.Pattern[str], body: str, opening: str) -> bool:
    """Whether `pattern`, whose every match opens with the words `opening`, matches in `body`: tried where those
    words stand, not searched for through a long body once for each of a thousand names."""
    at = body.find(opening)
    while at >= 0:
        if pattern.match(body, at):
            return True
        at = body.find(opening, at + 1)
    return False


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


def _without_terms(mentions: list[Mention], articles: Sequence[Article], lower_words: set[str]) -> list[Mention]:
    """The mentions without words that are no one's name: an illness named after a person ("Williams syndrome"),
    a common acronym (`COMMON_ACRONYMS`), a faith or a language, the people of a place ("Britons" beside
    "Britain"), and a headline's shouted common word ("GHOSTS LIVING DOWN THERE, TOO.", "too" written in lower
    case elsewhere)."""
    bodies = {a.id: a.body for a in articles}
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
    # A stem under four letters ('th' of 'thais') begins too many place names to say whose people these are (a
    # judgement; no measurement recorded).
    if suffix is None or suffix.start() < 4:
        return False
    stem = key[: suffix.start()]
    return any(place.startswith(stem) and not place.startswith(key) for place in places)


def _is_shouted(body: str, start: int, end: int) -> bool:
    """Whether the other words of a span's sentence are capitals too: a headline's or a list's shouting.

    Up to 80 characters each side, since a headline is short; 'too' is four in five words, so a sentence with an
    acronym or two among lower-case words is not shouting (both judgements; no measurement recorded).
    """
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
# Kinds of firm before the name of one, after an article or what it sells: "the shoe company Jimmy Choo"; or in the
# plural before a list of them: "fast-fashion brands like H&M and Zara", "Kering houses brands including Gucci,"
_FIRM_NOUN = r"(?:company|firm|retailer|startup)"  # not "brand" or "chain": verbs too ("they brand him")
_FIRMS_NOUN = r"(?:companies|firms|retailers|brands|chains|labels|banks|houses|startups)"
_NAME_LIST = r"(?:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*,?\s+(?:and\s+|or\s+)?)*"  # "Gucci, Yves Saint Laurent and "
_DESCRIBED_BEFORE = {
    "ORG": re.compile(
        r"(?i:\b(?:the|a)\s+(?:company|startup|website|site|app|platform|retailer|network|firm|social network)\s+$)"
        rf"|\b(?:an?|the|[a-z][\w-]*)\s+{_FIRM_NOUN}\s+$"
        rf"|\b{_FIRMS_NOUN}\s+(?:like|such\s+as|including)\s+{_NAME_LIST}$"
    ),
    "GPE": re.compile(r"\bthe\s+(?:island|country|city|town|village|state|province|republic)\s+of\s+$"),
}
_DESCRIBED_WINDOW = 80
"""Characters looked at on each side of a name for a description: about one clause (a judgement; no measurement
recorded)."""
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
    a company or a website is an organisation ("Reddit" tagged a place, "Coursera" a person), and so is one a list
    of firms names ("fast-fashion brands like H&M and Zara"). A description in one article types the name in every
    one."""
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

    # A company the cluster also names with its corporate word ("Michael Kors" beside "Michael Kors Holdings") keeps
    # NER's labels, by which its short forms join the full name; merging types it a company (`entities`).
    companies = {name_key(m.text.rsplit(maxsplit=1)[0]) for m in mentions if is_company_name(m.text)}
    # A firm named after a person of the cluster ("the law firm Koskoff, Koskoff and Bieder" beside Josh Koskoff)
    # leaves the bare surname to the person: another mention of it is more likely theirs.
    surnames = {surname(name_key(m.text)) for m in mentions if m.label == "PERSON" and " " in m.text}

    def typed(m: Mention) -> Mention:
        key = name_key(m.text)
        label = described.get(key)
        if key in companies or (label == "ORG" and key in surnames):
            return m
        if label is None and m.label in ("ORG", "LOC") and m.text in countries():
            label = "GPE"
        if label is None or label == m.label or (m.label == "LOC" and label == "GPE"):
            return m
        return Mention(m.article_id, m.start, m.end, m.text, label)

    return [typed(m) for m in mentions]


# Words that make a name an organisation's, whoever's surname ends it: an institution's, and these.
_BODY_NAME_WORDS = INSTITUTION_NOUNS | frozenset(
    "family trust fund brothers bros sons group partners associates company house hall street road park club tower "
    "towers building plaza airlines airways motor motors media news industries enterprises holdings capital stadium "
    "arena bridge airport".split()
)


_PAIR = re.compile(r"((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) and ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)")


def _with_pairs_split(mentions: list[Mention], lower_words: set[str]) -> list[Mention]:
    """The mentions, with two full names NER took for one ("Tina Fey and Eva Longoria", an ORG) made two people;
    not a name whose words the cluster writes in lower case ("Health and Human Services")."""
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


def _with_family_members(mentions: list[Mention], lower_words: set[str]) -> list[Mention]:
    """The mentions, with a name NER took for a group or a place that is a first name and the surname of a person
    of the cluster ("Halima Fazul" beside "Abdallah Mohammed Fazul"): a relative, a person (without the people
    of a place before it: "Britons Darren Hickey"). A surname the cluster also writes in lower case ("Farringdon
    Station" taken for a person) makes no family."""
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
        if " " in rest and (DEMONYM.fullmatch(first) or name_key(rest) in person_keys):
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
    people_by_surname = by_surname(people)
    surnames: set[str] = set()
    for key, found in by_key.items():
        if " " in key or any(m.label not in ("GPE", "LOC") for m in found):
            continue
        bearing = surname_bearers(key, people_by_surname)
        if len(bearing) != 1:
            continue
        first_full = {}
        for m in by_key[bearing[0]]:
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


# "body mass index (BMI)", "non-image forming (NIF)", "retinal ganglion cells (RGCs)": lower-case words, then the
# short form of a term the text goes on to use, which NER tags an organisation
_TERM_ACRONYM = re.compile(r"((?:\b[a-z][a-z'’-]*\s+){1,8})\(([A-Za-z]{1,7}[A-Z]s?)\)")
_SMALL_WORDS = frozenset("of and for the on in to a an".split())
# ... unless the words name a body in lower case: "the state department of health (DOH)"
_BODY_WORDS = BODY_WORDS | frozenset("company group organization organisation".split())
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


# Social platforms, a closed class NER types a person or a place by the sentence ("on Instagram: “…,” he wrote"):
# an organisation wherever the cluster names one.
PLATFORMS = frozenset(
    "twitter facebook instagram youtube tiktok reddit snapchat linkedin whatsapp pinterest tumblr weibo wechat "
    "telegram periscope vine myspace".split()
)
# Evidence a name is a person's: an abbreviated title or rank right before it ("Mr. Chary", "Gen. Meiring"), a role
# or a relation right before it ("ANC spokesman Thabo Masebe", "his wife, Lynn,"), an age after it ("Zughayar,
# 18,"), an apposition whose noun is a person's ("Necati Bilican, Turkey's police chief,")
_TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(t.title() for t in ABBREVIATED_TITLES))})\.?\s+$")
_ROLE_NOUNS = (
    "spokesman spokeswoman spokesperson chief director president minister leader chairman chairwoman lawyer "
    "attorney officer mayor governor senator secretary commander neighbor neighbour".split()
)
_ROLE_BEFORE = re.compile(rf"\b(?:{'|'.join(_ROLE_NOUNS)}),?\s+$")
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
_PERSON_NOUNS = "|".join(
    [*_ROLE_NOUNS, *"official executive founder doctor physician professor resident manager activist analyst "
     "economist researcher scientist man woman boy girl husband wife son daughter mother father brother sister "
     "widow".split()]
)  # fmt: skip
_PERSON_APPOSITION = re.compile(
    r",\s+(?:an?|the|his|her|their|[A-Z][\w.]*['’]s)\s+"
    rf"(?:{_MODIFIER}){{0,4}}?(?:{_PERSON_NOUNS})(?=\s*[,.;:]|\s+(?:of|for|at|in|with|who)\b)"
)
# Evidence a name is a place's: a preposition of place before it ("in Posoltega", "near the Keys"), not a person's
# possessive after it ("in Trump's White House"); a country or a US state after a comma, in AP style ("Montclair,
# N.J.", "Vendome, France."; not any place of the cluster: "The Mindy Project, Seinfeld, Empire and other shows"); a
# kind of place before it ("the western Japanese city of Sakai")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|around|across|throughout|inside)\s+(?P<the>the\s+)?$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_OF_AFTER = re.compile(r"\s+of\b")
_POSSESSIVE_AFTER = re.compile(r"['’]")
# The capitalised words after a comma (up to four), and what may follow a town's state or country: a semicolon,
# colon or bracket, a comma before no further name ("Sandy Hook, Connecticut, will"; not a list: "the World Bank,
# India, China and Brazil"), or the text's end
_WORDS_AFTER_COMMA = re.compile(r",\s+(?:the\s+)?(?P<words>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
_PLACE_CLOSED = re.compile(r"\s*(?:[;:)]|,(?!\s*[A-Z])|$)")
_KIND_OF_PLACE_BEFORE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,2}(?:town|city|village|island|islands|province|region|oasis|district|port|"
    r"capital|state|republic)\s+of\s+(?:(?:[A-Z][\w'’-]*\s+)+(?:,\s+|and\s+|or\s+))*$"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_CUE_WINDOW = 80
"""Characters read on each side of a mention for evidence of its type: about one clause (a judgement)."""


@cache
def _states_and_countries() -> frozenset[str]:
    """The keys of the places AP style writes after a town's comma: countries and US states, in full or short."""
    return _country_keys() | frozenset(STATE_ABBREVIATIONS) | frozenset(STATE_ABBREVIATIONS.values())


def _type_cues(body: str, m: Mention, in_list: str | None = None) -> set[str]:
    """What the words around one mention say it names: "PERSON"; "PLACE" (a preposition of place); "PLACE!" (a
    place's comma or kind, evidence strong enough to retype an organisation); "THE" (an article right before it,
    which a town's name never has); and `in_list`, what a list of places holding it says (`_in_lists_of_places`)."""
    before = body[max(0, m.start - _CUE_WINDOW) : m.start]
    after = body[m.end : m.end + _CUE_WINDOW]
    # an apposition after a place that closes a phrase describes the phrase's head: "in Greenbelt, Md., the
    # senior project scientist"
    is_tail = bool(_TAIL_OF_A_PHRASE.search(before))
    cues = set()
    if (
        _TITLE_BEFORE.search(before)
        or _ROLE_BEFORE.search(before)
        or relation_before(body, m.start)
        or _AGE_AFTER.match(after)
        or (_PERSON_APPOSITION.match(after) and not is_tail)
    ):
        cues.add("PERSON")
    preposition = _PLACE_PREPOSITION.search(before)
    # not a name that modifies the noun after it ("in the Ganzfeld dome", "in Trump's White House") or goes on
    # ("in Dawn of the Planet of the Apes")
    modifies = (
        _POSSESSIVE_AFTER.match(after)
        or _OF_AFTER.match(after)
        or (preposition and preposition["the"] and _NOUN_AFTER.match(after))
    )
    if preposition and not modifies:
        cues.add("PLACE")
    if in_list:
        cues.add(in_list)
    if _is_town_of(after) or _KIND_OF_PLACE_BEFORE.search(before):
        cues.add("PLACE!")
    if _THE_BEFORE.search(before):
        cues.add("THE")
    return cues


def _is_town_of(after: str) -> bool:
    """Whether the text after a name opens with a comma and a country or US state that closes the phrase ("Corvale,
    N.J., held", "Vendome, France."): all of the capitalised words after the comma, or the first few of them; a
    full stop after the place ends the sentence only after a name without full stops of its own ("the IOC, the
    U.S. Olympic Committee" names no place, "the World Bank, Tanzania plans" and "Tom Shortley, North Korea desk
    officer" none either)."""
    words = _WORDS_AFTER_COMMA.match(after)
    if words is None:
        return False
    spellings = words["words"].split()
    for n in range(len(spellings), 0, -1):
        place = " ".join(spellings[:n])
        rest = after[words.start("words") + len(place) :]
        is_closed = bool(_PLACE_CLOSED.match(rest)) or (place.endswith(".") and "." not in place[:-1])
        if is_closed and name_key(place) in _states_and_countries():
            return True
    return False


def _with_evidenced_types(mentions: list[Mention], articles: Sequence[Article], lower_words: set[str]) -> list[Mention]:
    """The mentions, each name retyped where the words around all its mentions in the cluster say what NER's type
    says not: a platform (`PLATFORMS`) is an organisation; a 'person' or an 'organisation' that `_is_place` is a
    place, unless a mention has a person's evidence, a person of the cluster bears it as a first name or surname, or
    it is a word the cluster writes in lower case ("in Parliament" beside "members of parliament");
    an 'organisation' or a 'place' of two words or more that the cluster gives a title, a role, an age, a relation
    or a person's apposition, and nothing of a place, is a person (unless a word of it is an organisation's; a
    one-word name is as often a team's: "a team spokeswoman, Spirit players said")."""
    bodies = {a.id: a.body for a in articles}
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[name_key(m.text)].append(m)
    labels = {key: Counter(m.label for m in found).most_common(1)[0][0] for key, found in by_key.items()}
    people = [key for key, label in labels.items() if label == "PERSON" and " " in key]
    people_by_surname = by_surname(people)
    given_names = {key.split()[0] for key in people}
    surnames_of_people = {key for key, label in labels.items() if label == "PERSON" and " " not in key}
    listed = _in_lists_of_places(mentions, bodies, {key for key, label in labels.items() if label in ("GPE", "LOC")})
    retyped: dict[str, str] = {}
    for key, found in by_key.items():
        if key in PLATFORMS:
            retyped[key] = "ORG"
            continue
        cues = Counter(
            cue for m in found for cue in _type_cues(bodies[m.article_id], m, listed.get((m.article_id, m.start)))
        )
        # a person's surname or first name is the person's ("faith in Ruddock" beside Ann Ruddock), and so is a full
        # name whose surname the cluster writes alone as a person's ("the humanity in Margaret Thatcher")
        is_borne = key in given_names or bool(surname_bearers(key, people_by_surname))
        is_borne |= " " in key and surname(key) in surnames_of_people
        is_named_person = " " in key and cues["PERSON"] and not cues["PLACE"] + cues["PLACE!"]
        if labels[key] in ("PERSON", "ORG") and not cues["PERSON"] and not is_borne:
            if _is_place(found[0].text, labels[key], cues, len(found)) and key not in lower_words:
                retyped[key] = "GPE"
        elif labels[key] != "PERSON" and is_named_person and _is_proper_name(found[0].text):
            retyped[key] = "PERSON"
    return [
        Mention(m.article_id, m.start, m.end, m.text, retyped[name_key(m.text)]) if name_key(m.text) in retyped else m
        for m in mentions
    ]


# What joins the items of a list ("Niger, Chad, Mali, the Central African Republic, Eritrea, Gambia and Uganda"), and
# places' kind in the plural after its last ("Tanga, Coast, Lindi and Mtwara regions")
_LIST_JOINT = re.compile(r"(?:,\s+|,?\s+(?P<and>and|or)\s+)(?:the\s+)?")
_KINDS_OF_PLACE_AFTER = re.compile(
    r"\s+(?:regions|cities|towns|villages|provinces|states|countries|islands|districts|counties)\b"
)


def _in_lists_of_places(
    mentions: list[Mention], bodies: dict[str, str], places: set[str]
) -> dict[tuple[str, int], str]:
    """(article, start) of the mentions a list of places holds → "PLACE!" when places' kind in the plural closes the
    list ("Bojnourd and Astaneh Ashrafiyeh cities"), else "PLACE": a list closed by "and" or "or", of three names
    or more, whose other names the cluster mostly tags places, two at least. Names in commas without an "and" are
    no list ("In Rome, Tom Shortley, North Korea desk officer")."""
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.article_id, m.start)):
        by_article[m.article_id].append(m)
    listed: dict[tuple[str, int], str] = {}
    for article_id, found in by_article.items():
        body = bodies[article_id]
        lists = [[found[0]]]
        closed = [False]
        for m in found[1:]:
            joint = _LIST_JOINT.match(body, lists[-1][-1].end)
            if joint is not None and joint.end() == m.start and not closed[-1]:
                lists[-1].append(m)
                closed[-1] = bool(joint["and"])
            else:
                lists.append([m])
                closed.append(False)
        for items, is_closed in zip(lists, closed, strict=True):
            if not is_closed or len(items) < 2:
                continue
            if _KINDS_OF_PLACE_AFTER.match(body, items[-1].end):
                listed |= {(article_id, m.start): "PLACE!" for m in items}
                continue
            for m in items:
                others = [name_key(o.text) in places for o in items if o is not m]
                if len(items) >= 3 and sum(others) >= 2 and 2 * sum(others) > len(others):
                    listed[(article_id, m.start)] = "PLACE"
    return listed


def _is_place(text: str, label: str, cues: Counter[str], mentions: int) -> bool:
    """Whether a 'person' or an 'organisation' is a place: a proper name's words, none a body's ("Stanford
    University, California", "in Congress"), described as a place by a comma or a kind, or after a preposition of
    place in half its mentions or more. A film, a band or a show stands after "in" too ("starred in Ghostbusters",
    "interest in Led Zeppelin"): an 'organisation' needs two such mentions, and never one after "the" ("in the
    Cabinet"). A country's name is a place's too ("the heads of state of Niger, Chad, Mali, … and Uganda", "Mali"
    tagged a person)."""
    if not (_is_proper_name(text) or name_key(text) in _country_keys()):
        return False
    if cues["PLACE!"]:
        return True
    is_mostly_in = 2 * cues["PLACE"] >= mentions
    return is_mostly_in and (label == "PERSON" or (cues["PLACE"] >= 2 and not cues["THE"]))


# Legislatures and governments news names by their noun alone, after "in" like a town: "a vote in Parliament"
_LEGISLATURES = frozenset("parliament cabinet assembly legislature knesset duma".split())


def _is_proper_name(text: str) -> bool:
    """Whether a name is a proper name a person or a town could bear: capitalised words (a particle aside: "Eugene
    de Kock"), none an organisation's ("Shalom Synagogue") or a legislature's, no country."""
    words = text.split()
    return (
        all(re.fullmatch(r"[A-Z][\w'’.-]*", w) or w in NAME_PARTICLES for w in words)
        and not {w.lower() for w in words} & (_ORGANISATION_WORDS | _LEGISLATURES)
        and name_key(text) not in _country_keys()
    )
