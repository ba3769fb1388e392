"""Which names of a cluster are spellings of one longer name: a nickname of a formal first name ("Randy"/"Randall
Hackett"), a short form of a fuller name ("Wasserman Schultz"), a national body without its country ("Coast Guard"
for "U.S. Coast Guard"), a surname opening with a particle that NER took for an organisation ("Le Bras"), a state's
abbreviation or a country's other name ("Fla." for Florida, "USA" for the United States), an acronym no text
defines ("PWJ" for Peace Winds Japan).

Names here are keys (`entities.name_key`): lower case, full stops and hyphens folded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storyline.analyze.glued_text import LEAD_IN_WORDS, NAME_PARTICLES
from storyline.analyze.organisations import BODY_WORDS, INSTITUTION_NOUNS

# "Robert S. Mueller III" has the surname Mueller; "Donald Trump Jr." is not "Donald Trump".
GENERATIONS = frozenset("jr sr ii iii iv".split())
# Common English nicknames and the formal first name they shorten: outlets differ in which one they print.
NICKNAMES = {
    "joe": "joseph", "bob": "robert", "rob": "robert", "bill": "william", "will": "william", "mike": "michael",
    "jim": "james", "jimmy": "james", "tom": "thomas", "dave": "david", "dan": "daniel", "chris": "christopher",
    "steve": "steven", "nick": "nicholas", "tony": "anthony", "ben": "benjamin", "matt": "matthew", "sam": "samuel",
    "alex": "alexander", "andy": "andrew", "ed": "edward", "ted": "edward", "jeff": "jeffrey", "greg": "gregory",
    "pat": "patrick", "rick": "richard", "dick": "richard", "kate": "katherine", "liz": "elizabeth",
    "beth": "elizabeth", "jen": "jennifer", "sue": "susan", "meg": "margaret", "peggy": "margaret", "abby": "abigail",
    "debbie": "deborah", "deb": "deborah", "randy": "randall", "jon": "jonathan", "tim": "timothy",
    "ken": "kenneth", "larry": "lawrence", "ron": "ronald", "don": "donald", "jerry": "gerald", "phil": "philip",
    "chuck": "charles", "charlie": "charles", "hank": "henry", "fred": "frederick", "doug": "douglas",
    "josh": "joshua", "jake": "jacob", "zach": "zachary", "becky": "rebecca", "cindy": "cynthia", "patty": "patricia",
    "trish": "patricia", "walt": "walter", "stan": "stanley", "vince": "vincent", "ray": "raymond", "gerry": "gerald",
    "tommy": "thomas", "johnny": "john",
}  # fmt: skip
SAINTS = frozenset({"st", "saint"})
_COUNTRY_INITIALS = ("us", "uk")
_LEAD_IN_KEYS = frozenset(word.lower() for word in LEAD_IN_WORDS)  # "RIP Marty Balin": no part of the name
# A party or a pulpit NER took along before a full name ("Democrat Ana Lowe", "Pastor Ana Lowe"): no first name
_ROLE_KEYS = frozenset(
    "democrat republican independent libertarian labour tory pastor reverend bishop archbishop cardinal rabbi imam "
    "deacon chaplain".split()
)


def variant_targets(
    forms: dict[str, Counter[str]],
    labels: dict[str, Counter[str]],
    people: Sequence[str],
    titles: frozenset[str],
    introduced: set[tuple[str, str]],
) -> dict[str, str]:
    """Name key → the key of the longer name it is a spelling of; `people` are the keys of several words NER
    tagged a person at least once, `titles` the words of a role before a name ("senator", "producer"),
    `introduced` the pairs (short, longer) an article writes the longer name of before the short one."""
    index = _PeopleIndex.of(people)
    nicknames = _nicknames(people, index) | _misspelt_first_names(people, forms, index)
    target = nicknames | _fuller_names(people, index, nicknames, titles, introduced) | _national_names(forms, labels)
    target |= {k: v for k, v in _named_bodies(forms, labels, index).items() if k not in target}
    target |= {k: v for k, v in _home_named_teams(forms, labels, people).items() if k not in target}
    target |= {k: v for k, v in _place_names(forms).items() if k not in target}
    target |= {k: v for k, v in _spelt_out_acronyms(forms, labels).items() if k not in target}
    person_keys = set(people)
    return target | _particle_surnames([k for k in forms if k not in person_keys], index, introduced)


@dataclass
class _PeopleIndex:
    """The people's keys (several words each) by what the rules below compare them on, each list in the people's
    order: looked up, where comparing every name with every other grows with the square of the names a long text
    holds (thousands)."""

    opening: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # 'ahmad seth' → those it opens
    ending: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # 'wasserman schultz' → …
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    after_first_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # 'magwood' → …
    by_first_and_last: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, people: Sequence[str]) -> _PeopleIndex:
        index = cls(by_surname=by_surname(people))
        for key in people:
            words = key.split()
            for n in range(1, len(words)):  # a key is its words joined by single spaces: `name_key`
                index.opening[" ".join(words[:n])].append(key)
                index.ending[" ".join(words[n:])].append(key)
            index.after_first_name[key.partition(" ")[2]].append(key)
            index.by_first_and_last[(words[0], words[-1])].append(key)
        return index


def _nicknames(people: Sequence[str], index: _PeopleIndex) -> dict[str, str]:
    """'joe serna' → 'joseph serna' when both are in the cluster; two nicknames alone ('bob', 'bobby') never merge.
    Else the one person with the formal first name and the same surname, a middle name or a generation between
    ('bill taylor' → 'william taylor iii', the key of "William W. Taylor III"), or whose longer first name the
    nickname shortens with -y or -ie ('sandy levin' → 'sander levin', 'danny ortiz' → 'daniel ortiz')."""
    keys = set(people)
    target: dict[str, str] = {}
    for key in people:
        first, _, rest = key.partition(" ")
        if not rest:
            continue
        formal = f"{NICKNAMES.get(first, '')} {rest}"
        if first in NICKNAMES and formal in keys:
            target[key] = formal
            continue
        last = surname(key)
        fuller = {
            p
            for p in index.by_surname.get(last, ())
            if p != key and _shortens(first, p.split()[0]) and len(p.split()) > 1
        }
        if len(fuller) == 1:
            target[key] = fuller.pop()
    return target


_DIMINUTIVE = ("ie", "y")
MIN_DIMINUTIVE_STEM = 4


def _shortens(nickname: str, formal: str) -> bool:
    """'bill' shortens 'william' (a known nickname); 'sandy' 'sander', 'danny' 'daniel', 'kathy' 'katherine': the
    opening letters of a longer formal name with -y or -ie. Never one nickname another ('bob'/'bobby')."""
    if NICKNAMES.get(nickname) == formal:
        return True
    if formal in NICKNAMES or formal.endswith(_DIMINUTIVE) or len(formal) <= len(nickname):
        return False
    suffix = next((s for s in _DIMINUTIVE if nickname.endswith(s)), "")
    stem = nickname[: -len(suffix)] if suffix else ""
    if len(stem) < MIN_DIMINUTIVE_STEM:  # "tony" is no "tonya"
        return False
    if stem[-1] == stem[-2]:  # "danny": "dan", "timmy": "tim"
        stem = stem[:-1]
    return formal.startswith(stem)


def by_surname(keys: Iterable[str]) -> dict[str, list[str]]:
    """Full names' keys by their surname, each list in their order: what `mentions.surname_bearers` looks in."""
    found: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        found[surname(key)].append(key)
    return found


def surname(key: str) -> str:
    """The family name of a name key: 'robert mueller iii' → 'mueller'."""
    words = key.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words.pop()
    return words[-1]


_VOWELS = frozenset("aeiouy")
MIN_MISSPELT_LENGTH = 5
"""Letters a first name needs before one vowel's difference is a misspelling ("Jonathon"/"Jonathan"), not
another name ("Jon"/"Jan")."""


def _misspelt_first_names(people: Sequence[str], forms: dict[str, Counter[str]], index: _PeopleIndex) -> dict[str, str]:
    """'jonathan magwood' → 'jonathon magwood', 'philip okafor' → 'phillip okafor': the same surname after first
    names one inner vowel or one doubled letter apart is one person whose name an outlet misspelt; the name the
    cluster writes less often goes to the other. A vowel at either end makes another name ("Maria"/"Mario"), and so
    does any other letter ("Jason"/"Mason")."""
    target: dict[str, str] = {}
    for key in people:
        first, _, rest = key.partition(" ")
        if len(first) < MIN_MISSPELT_LENGTH:
            continue
        others = [
            p
            for p in index.after_first_name.get(rest, ())
            if p != key
            and (_one_inner_vowel_apart(first, p.partition(" ")[0]) or _one_letter_doubled(first, p.partition(" ")[0]))
        ]
        if len(others) == 1:
            other = others[0]
            counts = sum(forms[key].values()), sum(forms[other].values())
            if counts[0] < counts[1] or (counts[0] == counts[1] and key > other):
                target[key] = other
    return target


def _one_letter_doubled(a: str, b: str) -> bool:
    """'phillip' and 'philip', 'mohammed' and 'mohamed': one spelling doubles a letter of the other, as
    transliterations and outlets differ (never the first letter)."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or len(short) < MIN_MISSPELT_LENGTH - 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return at > 1 and long[at] == long[at - 1] and long[:at] + long[at + 1 :] == short


def _one_inner_vowel_apart(a: str, b: str) -> bool:
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    return (
        len(a) == len(b) and len(differ) == 1 and 0 < differ[0] < len(a) - 1 and {a[differ[0]], b[differ[0]]} <= _VOWELS
    )


def _fuller_names(
    people: Sequence[str],
    index: _PeopleIndex,
    nicknames: dict[str, str],
    titles: frozenset[str],
    introduced: set[tuple[str, str]],
) -> dict[str, str]:
    """'ahmad seth' → 'ahmad seth zaharie', the one longer name in the cluster that begins with it (a generation
    suffix makes someone else: 'donald trump jr'); else 'ann lowe' → 'ann marie lowe', the one longer name with the
    same first name and surname: a middle name the cluster writes once is still hers; else 'lin wood' → 'l lin
    wood' and 'wasserman schultz' → 'debbie wasserman schultz', the one longer name that ends with it, unless a word
    before the end is no name: a role, a party or a participle ('democrat ana lowe', 'addressing ana lowe' are Ana
    Lowe with a word NER took along, never someone fuller). A nickname's spelling ('liz lee ross' beside 'elizabeth
    lee ross') is no second candidate."""
    target: dict[str, str] = {}
    for key in people:
        opened = index.opening.get(key, ())
        longer = [p for p in opened if not set(p.split()[len(key.split()) :]) & GENERATIONS]
        first, *_, last = key.split()
        longer = longer or [p for p in index.by_first_and_last.get((first, last), ()) if len(p) > len(key)]
        # the end of one longer name: "wasserman schultz", "dallas howard", "w bush"; not a saint's, nor a name
        # behind a link word, a role or a sentence-opening participle that NER took along ("RIP Marty Balin",
        # "Pastor Ana Lowe", "Addressing Ana Lowe"): a wrong merge costs more than a missed one
        longer = longer or [
            p
            for p in index.ending.get(key, ())
            if not any(_is_no_name(w, titles) for w in p.split()[: -len(key.split())])
            and is_surname_of(key, p, introduced)
        ]
        candidates = {nicknames.get(p, p) for p in longer}
        if len(candidates) == 1:
            target[key] = candidates.pop()
    return target


def _is_no_name(word: str, titles: frozenset[str]) -> bool:
    """A word before a name that is none of it: a saint's, a link word's, a role's, a party's, a participle."""
    return word in SAINTS or word in _LEAD_IN_KEYS or word in titles or word in _ROLE_KEYS or word.endswith("ing")


def is_surname_of(key: str, person: str, introduced: set[tuple[str, str]]) -> bool:
    """Whether a name ending a longer one can be that person's: one opening with a particle ('van halen') only when
    an article writes the full name before it. News introduces a person in full before the surname alone; a band or
    a company named after him ("Van Halen played", "Guitarist Eddie Van Halen died") is named alone from the start."""
    return key.split()[0] not in NAME_PARTICLES or (key, person) in introduced


def _particle_surnames(others: Sequence[str], index: _PeopleIndex, introduced: set[tuple[str, str]]) -> dict[str, str]:
    """'le bras' → 'herve le bras': a surname opening with a particle (`NAME_PARTICLES`: "Ursula von der Leyen",
    "Ana de la Cruz") reads to NER as an organisation or a place when written alone ("Le Bras argues"), but it is
    the one person in the cluster whose name ends with it (and an article introduced in full first)."""
    target: dict[str, str] = {}
    for key in others:
        words = key.split()
        if len(words) == 2 and words[0] in NAME_PARTICLES:
            longer = [p for p in index.ending.get(key, ()) if is_surname_of(key, p, introduced)]
            if len(longer) == 1:
                target[key] = longer[0]
    return target


def _national_names(forms: dict[str, Counter[str]], labels: dict[str, Counter[str]]) -> dict[str, str]:
    """'coast guard' → 'us coast guard': an organisation the cluster also names with its country's initials, as
    news writes a national body in full once ("the U.S. Coast Guard") and shortly after."""
    target: dict[str, str] = {}
    for key in forms:
        national = [f"{country} {key}" for country in _COUNTRY_INITIALS if f"{country} {key}" in forms]
        if len(national) == 1 and labels[key]["ORG"] > labels[key]["PERSON"]:  # not both "U.S." and "U.K. Navy"
            target[key] = national[0]
    return target


# The state a dateline's or a place's abbreviation (AP style: "PALM COAST, Fla.", "Taunton, Mass.") stands for; not
# "Wash.", whose "Washington" in news is mostly the capital
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois", "ind": "indiana",
    "kan": "kansas", "kans": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland", "mass": "massachusetts",
    "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nebr": "nebraska", "nev": "nevada", "nh": "new hampshire", "nj": "new jersey",
    "nm": "new mexico", "ny": "new york", "nc": "north carolina", "nd": "north dakota", "okla": "oklahoma",
    "ore": "oregon", "pa": "pennsylvania", "ri": "rhode island", "sc": "south carolina", "sd": "south dakota",
    "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia", "wva": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip
# The names news gives one country, fullest first: "USA", "U.S." and "United States of America" are the United States
COUNTRY_NAMES = (
    ("united states", "united states of america", "usa", "us"),
    ("united kingdom", "great britain", "britain", "uk"),
)


def _place_names(forms: dict[str, Counter[str]]) -> dict[str, str]:
    """'fla' → 'florida', 'usa' → 'united states': a state's abbreviation joins the state the cluster names in full
    when every spelling of it ends with the abbreviation's full stop ("La.", never "LA" for Los Angeles), and a
    country's other names join the first of `COUNTRY_NAMES` the cluster writes."""
    target = {
        short: state
        for short, state in STATE_ABBREVIATIONS.items()
        if state in forms and short in forms and all(spelling.endswith(".") for spelling in forms[short])
    }
    for names in COUNTRY_NAMES:
        written = [key for key in names if key in forms]
        target |= dict.fromkeys(written[1:], written[0]) if written else {}
    return target


def _spelt_out_acronyms(forms: dict[str, Counter[str]], labels: dict[str, Counter[str]]) -> dict[str, str]:
    """'pwj' → 'peace winds japan': a name only ever written in capitals, never tagged a person, joins the one
    organisation of the cluster whose capitalised words it is the initials of, when no text defines it ("Peace Winds
    Japan" in one outlet, "PWJ" in another). Not a name holding initials ("U.S. Navy" is no "UN") or a comma, which
    lists words ("Culture, Science and Technology", a motto's "Fidelity, Bravery and Integrity": no "FBI")."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, spellings in forms.items():
        capitalised = [w for w in spellings.most_common(1)[0][0].split() if w[0].isupper()]
        is_plain = all("." not in w and "," not in w and not w.isupper() for w in capitalised)
        if " " in key and is_mostly_organisation(labels[key]) and is_plain:
            by_initials["".join(w[0] for w in capitalised).lower()].append(key)
    return {
        key: by_initials[key][0]
        for key, spellings in forms.items()
        if len(by_initials.get(key, ())) == 1 and not labels[key]["PERSON"] and all(s.isupper() for s in spellings)
    }


# The noun that closes an organisation's full name, which outlets drop once the name is known: "Mercy Fitzgerald"
# for "Mercy Fitzgerald Hospital", "Harvard" for "Harvard University", "Madison Police" for "Madison Police Department"
_BODY_HEADS = INSTITUTION_NOUNS | frozenset("company corporation magazine newspaper department".split())


def is_mostly_organisation(votes: Counter[str]) -> bool:
    """Whether NER tags a name an organisation more often than a person, a place and a location together."""
    return votes["ORG"] > votes["PERSON"] + votes["GPE"] + votes["LOC"]


def _named_bodies(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], index: _PeopleIndex
) -> dict[str, str]:
    """'mercy fitzgerald' → 'mercy fitzgerald hospital': an organisation the cluster also names with the noun of
    what it is after it, the full name tagged an organisation more often than not, the short one at least half as
    often as a person (NER reads "Mercy Fitzgerald" as a woman now and then; a person "Trump" is not the "Trump
    Foundation", nor is the surname or first name of a person the cluster names in full), and only one such noun
    ("Harvard" beside "Harvard College" and "Harvard University" stays)."""

    def is_body(key: str) -> bool:
        return is_mostly_organisation(labels[key])

    target: dict[str, str] = {}
    for key in forms:
        votes = labels[key]
        named_org = votes["ORG"] > votes["GPE"] + votes["LOC"] and 2 * votes["ORG"] >= votes["PERSON"]
        if not named_org or key.split()[-1] in _BODY_HEADS:
            continue
        if index.ending.get(key) or index.opening.get(key):
            continue  # "Trump" of "Donald Trump" and of the "Trump Foundation"
        fuller = [f"{key} {head}" for head in _BODY_HEADS if f"{key} {head}" in forms and is_body(f"{key} {head}")]
        if len(fuller) == 1:
            target[key] = fuller[0]
    return target


# Institutions every place has: "the Senate" of a story is not the "Texas Senate" it also names
PLACE_INSTITUTIONS = BODY_WORDS | frozenset(
    "assembly legislature parliament government city county state democrats republicans".split()
)


def _home_named_teams(
    forms: dict[str, Counter[str]], labels: dict[str, Counter[str]], people: Sequence[str]
) -> dict[str, str]:
    """'spirit' → 'washington spirit': a one-word organisation the cluster also names after a place it tags a place
    elsewhere, as sport writes a club's full name once ("the Washington Spirit") and its nickname after ("the
    Spirit"); only one such place ("Spirit" beside "Washington Spirit" and "Boston Spirit" stays), never an
    institution every place has ("the Senate"), nor a word of a person's name."""

    def is_org(key: str) -> bool:
        return is_mostly_organisation(labels[key])

    person_words = {word for p in people for word in p.split()}
    by_last_word: dict[str, list[str]] = {}  # 'spirit' → 'washington spirit', 'boston spirit': looked up, not searched
    for form in forms:
        _, space, last = form.rpartition(" ")
        if space:
            by_last_word.setdefault(last, []).append(form)
    target: dict[str, str] = {}
    for key in forms:
        if " " in key or key in PLACE_INSTITUTIONS or not is_org(key) or key in person_words:
            continue
        fuller = [f for f in by_last_word.get(key, ()) if is_org(f) and labels[f[: -len(key) - 1]]["GPE"] > 0]
        if len(fuller) == 1:
            target[key] = fuller[0]
    return target
