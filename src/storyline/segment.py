"""Split a cleaned article into sentences whose offsets point back into `Article.body`.

A regular-expression splitter with an abbreviation list: every line of the body is a paragraph (a hard
boundary, so headlines without a full stop stand alone), and inside a line a boundary is sentence-final
punctuation, any closing quotes or brackets, white space, then something that can start a sentence. Chosen
over pysbd, spaCy and NLTK Punkt: best boundary F1 and fastest on news text (bench/segment_accuracy.py).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from storyline.calendar_names import MONTH_PATTERN
from storyline.furniture.shared import DATELINE_CREDITS
from storyline.models import Article, Sentence

# Titles and other words that end in a full stop but never end a sentence.
_NEVER_FINAL = frozenset(
    "mr mrs ms dr prof sen sens rep reps gov govs gen gens adm col maj capt cpl sgt lt cmdr rev hon pres "
    "pvt pfc spc brig supt det insp atty st mt ft nos vs v cf approx dept est fig figs vol vols op ave blvd rd "
    "messrs e.g i.e ph.d".split()
)
_BEFORE_NUMBER = frozenset("no jan feb mar apr jun jul aug sep sept oct nov dec".split())
"""Abbreviations written before a number ("No. 1", "Jan. 5", "Sept. 11", "inmate no. Nn7687") that are also words
ending sentences ("Voters said no.", "the awards in Jan.", "Del Mar."): one ends a sentence unless the next word holds
a digit. In the 3,820 cleaned documents of raw Multi-News validation, the truncated set's first 1,000 clusters and DUC
2003, all 932 before a word holding a digit were abbreviations and all 16 before any other word ended a sentence."""
# A word holding a digit, matched where it starts: "5", "11,", "R-517-15".
_NUMBERED = re.compile(r"\S*\d")
# Abbreviations that may end a sentence: they end one only before a typical sentence opener.
_MAYBE_FINAL = frozenset(
    "u.s u.n u.k e.u u.s.a d.c l.a n.y inc corp co ltd llc plc jr sr a.m p.m etc bros al ala ariz ark "
    "calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev n.h n.j n.m "
    "n.c n.d okla ore pa r.i s.c s.d tenn tex va vt wash w.va wis wyo univ tech".split()
)
_OPENERS = frozenset(
    "the a an this that these those he she it they we i you his her its their our my there here what "
    "when where why how who but and or so yet in on at as after before since while if although though "
    "however meanwhile also still then now one two some many most both each all no not for to by with "
    "from officials police residents thousands analysts critics experts".split()
)
# A terminator run, closing quotes or brackets (including tokenized ''), white space, the next character.
_BOUNDARY = re.compile(r"(\.\.\.|…|[.!?؟۔]+)([\"'”’)\]]*(?:'')?[\"'”’)\]]*)(\s+)(?=(\S))")
# A boundary starts at a terminator. _BOUNDARY opens with alternatives the engine cannot skip ahead to, so it would
# be tried at every position of a line; _cuts tries it only at these marks, which str.find locates far faster than
# any pattern's scan of every character.
_UNCASED_TERMINATORS = ("؟", "۔")
"""Arabic script's question mark and Urdu's full stop (U+06D4), which end a sentence only in a line mostly written in
a script without capitals (`_mostly_uncased`). Chinese and Japanese marks are not here: those languages put no space
after them, and the pipeline leaves such an article out (it cannot split its words)."""
_TERMINATORS = (".", "!", "?", "…", *_UNCASED_TERMINATORS)
# Scrapers join paragraphs without a space: "…in Virginia.Authorities said". Two lower-case letters or digits
# before the mark keep "U.S.", initials and decimals out.
# (The look-behind, which covers the mark itself, comes after it: the pattern matches at the mark, where _cuts tries
# it.)
_GLUED = re.compile(r"[.!?](?<=[a-z0-9]{2}.)(?=[A-Z][a-z])")
# The same with a straight quote between: 'profits."Kendra is…' The quote closes the first sentence when an odd
# number of quotes comes before it on the line, and otherwise opens the second (a quoted paragraph glued on).
_GLUED_QUOTE = re.compile(r'[.!?](?<=[a-z0-9]{2}.)"(?=[A-Z][a-z])')
# "OSAN AIR BASE, South Korea (AFNS) -- South Korea and…" (DUC's AP copy: "CAIRO (AP) _ …"): a wire dateline
# opening a paragraph is not part of its first sentence; left in, it spends a summary's words on a place and an
# agency name. An em dash or a double hyphen may touch the next word ("MIAMI—When…"); a single hyphen or en dash must
# not, or "AFL-CIO" would read as a dateline.
DATELINE_CREDIT = r"\((?P<credit>[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3})\)"
"""Whom a wire dateline credits, in brackets: "(AP)", "(AFNS)"; the group `credit` is the name."""
DATELINE_DASH = r"\s*(?:(?:—|--)\s*|(?:–|-|_)\s+)(?=[A-Z\"“])"
"""The dash closing a wire dateline, before the story's first word."""
_CAPITALS_PLACE = r"(?:[A-Z][A-Z.'’]{2,}|[A-Z]{2}(?=[ /-][A-Z][A-Z.'’]))(?:[ /-][A-Z][A-Z.'’]+)*(?<!\.)"
"""A place in capitals: "CAIRO", "ST. LOUIS", "FT LAUDERDALE" (a first word of two letters only before another word,
so that "US" or "TV" alone is no place)."""
_KNOWN_CREDIT = rf"\((?:{'|'.join(map(re.escape, DATELINE_CREDITS))})\)"
"""A credit naming an agency or CNN: "(AP)", "(Reuters)"."""
_DATELINE_DAY = rf"(?:,? {MONTH_PATTERN} \d{{1,2}})?"
"""The day a dateline may give after its place: "BEIJING, September 1", "Nairobi, February 9"."""
_NAMED_PLACE = (
    rf"[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?{_DATELINE_DAY}"
    rf"(?= {_KNOWN_CREDIT})"
)
"""A place written as a name, and maybe a day, before an agency's or CNN's credit: "Washington (CNN)", "Hong Kong,
China (Reuters)", "Nairobi, February 9 (Xinhua)".
Any other bracket after a name is as often a ticker or a party ("Apple (AAPL) - Shares …", "Sen. Rand Paul (R) –
Kentucky's …"), and the splitter leaves a dateline out of the sentence."""
WIRE_DATELINE = re.compile(
    rf"(?:(?P<place>{_CAPITALS_PLACE})(?P<state>,(?: [A-Z][A-Za-z.]+){{1,3}})?{_DATELINE_DAY}"
    rf"|{_NAMED_PLACE})?"
    # Without a place in capitals the credit is what makes it a dateline: "(CNN) --", "Washington (CNN) --".
    rf"(?: ?{DATELINE_CREDIT})?(?(place)|(?<=\))){DATELINE_DASH}"
    # CNN's web pages leave the dash out: "Tokyo (CNN) Seven US sailors …", "(CNN) A Detroit man …"
    rf"|(?:{_NAMED_PLACE} )?\((?P<known_credit>{'|'.join(map(re.escape, DATELINE_CREDITS))})\)\s*(?=[A-Z\"“])"
)
"""A wire dateline opening a paragraph: its place in capitals (the group `place`), the state or country after it
(`state`), a day ("BEIJING, September 1 (Xinhua) -- ", "MONDAY, July 2 (HealthDay News) -- "), whom it credits, a
dash: "CAIRO (AP) _ ", "MIAMI—", "TRENTON, N.J. (AP) -- ", "FT LAUDERDALE (CBSMiami) – ";
or a credit and a dash after a place written as a name (an agency's or CNN's credit), or after none: "Washington
(CNN) -- ", "(HealthDay News) -- "; or an agency's or CNN's credit with no dash: "Tokyo (CNN) " (the group
`known_credit`)."""
_LIST_MARKER = re.compile(r"(?:[•*·▪►‣◦]+|-{1,3}|[—–_])\s+|-{2,3}(?=[A-Z])")
"""A list item's bullet or dash opening a paragraph ("• JOBS-financing payrolls", "- Our annual database …",
"--Financial support for time off", AP's "_ Educate yourself."): no sentence's first word. A dash must be followed
by a space or, doubled, by a capital: "-5 degrees" is a number."""
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_QUOTE_MAX_WORDS = 80
"""Longest quotation `segment` keeps in one piece; past it a quotation mark is more likely unmatched than a
speaker that long-winded."""
_MAX_CHARS_PER_WORD = 20
"""No quotation of `_QUOTE_MAX_WORDS` words is longer than this many characters a word: the words are counted only
within that reach."""
_NEXT_WORD = re.compile(r"[\w']+")
ENDS_SENTENCE = re.compile(r"[.!?…؟۔][”’\"')\]]*$")
"""Text that ends as a sentence does: a final mark, then any closing quotes or brackets."""
OPENING_CONJUNCTIONS = "And|But|So|Yet"
"""The conjunctions a sentence opens with before its subject or verb ("But he said", "And, said Malkan,")."""
OPENING_CONJUNCTION = rf"(?:(?:{OPENING_CONJUNCTIONS}),?\s+)?"
"""An optional `OPENING_CONJUNCTIONS` word opening a sentence, with its comma if it has one, and the space after it."""
_CLOSERS = "”’\"')]"
_OPENING_MARKS = "\"'“‘(`[-—"
# '…Hope Not!” Trump added.' is one sentence: a quote's closing mark followed by its attribution. The verbs are the
# splitter's own, not analyze/speech_verbs.py's: segmenting comes before analysis and fixes the sentences every later
# stage sees (selection, the trained model's features). Those hundred verbs here would change the split of 6 of the
# 1,314 raw Multi-News and DUC 2003 documents (24 sentence spans).
_ATTRIBUTION = re.compile(
    r"(?:[\w.'-]+\s+){1,4}(?:said|says|added|adds|told|tweeted|wrote|writes|asked|asks|explained|continued|"
    r"replied|noted|declared|insisted|stated|argued|warned|recalled)"
    r"(?:[.,;:]|\s+(?:in|on|at|to|during|after|before|via|last|this|earlier|later|when|while|of)\b)"
    r"|(?:[\w.'-]+\s+){1,4}told\b"
)


def segment(article: Article) -> list[Sentence]:
    """Split `article.body` into the sentences a brief picks from, with character offsets into it.

    A quotation that runs over several sentences of a paragraph stays one: '"It was a hard year. We lost a lot of
    people," the mayor said.' Picked alone, its first sentence would leave the quote open and its speaker unnamed.

    Returns:
        Sentences in reading order; `article.body[s.start:s.end] == s.text` for each.
    """
    # (positional arguments: keywords cost a slots dataclass about half as much again, for every sentence)
    return [
        Sentence(article.id, position, start, end, article.body[start:end])
        for position, (start, end) in enumerate(_whole_quotes(article.body, sentence_spans(article.body)))
    ]


def _whole_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with each run of sentences inside one quotation of a paragraph joined into one span, when the run
    names the quotation's speaker too: a run that is nothing but the quotation names no one, and stays apart."""
    if '"' not in text and "“" not in text:
        return spans  # no mark opens a quotation (two articles in five): finding none mark by mark costs more
    marks = _QuoteMarks(text)
    runs: list[list[tuple[int, int]]] = []
    for span in spans:
        if runs and marks.inside_quote(runs[-1][-1][1], span[0]):
            runs[-1].append(span)
        else:
            runs.append([span])
    joined: list[tuple[int, int]] = []
    for run in runs:
        if len(run) > 1 and _names_speaker(text[run[0][0] : run[-1][1]]):
            joined.append((run[0][0], run[-1][1]))
        else:
            joined += run
    return joined


def _names_speaker(text: str) -> bool:
    """Whether a quotation's sentences hold more than the quotation: its speaker before ('The mayor said: "…')
    or after ('…," the mayor said.')."""
    return text[:1] not in '"“' or text.rstrip("".join(_TERMINATORS)).rstrip()[-1:] not in _CLOSERS


class _QuoteMarks:
    """Where a text's quotation marks and line breaks are, so that each question about a position costs a few
    binary searches, not a scan of its paragraph (which made a long one-paragraph page quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions = {mark: _positions(text, mark) for mark in ("\n", "“", "”", '"')}

    def inside_quote(self, end: int, next_start: int) -> bool:
        """Whether the gap from one sentence's `end` to the next one's start lies inside a quotation that opened
        before it in the same paragraph and closes after it, at most `_QUOTE_MAX_WORDS` words long (an unmatched
        mark opens no quotation that long)."""
        if self._count("\n", end, next_start):
            return False
        newlines = self.positions["\n"]
        after_line = bisect.bisect_left(newlines, end)
        line_start = newlines[after_line - 1] + 1 if after_line else 0
        line_end = newlines[after_line] if after_line < len(newlines) else len(self.text)
        for opening, closing in (("“", "”"), ('"', '"')):
            before = self._count(opening, line_start, end)
            is_open = before > self._count(closing, line_start, end) if opening != closing else before % 2 == 1
            if not is_open:
                continue
            opened, closed = self._last(opening, end), self._next(closing, end, line_end)
            if closed is None:
                continue  # never closed on this line: perhaps a straight quotation holds it
            if closed - opened > _QUOTE_MAX_WORDS * _MAX_CHARS_PER_WORD:
                return False
            quote = self.text[opened:closed]
            # Tokenized text ('" we will see . "') detaches straight quotes from their words; which of them opens
            # and which closes is a guess there, and a wrong one joins sentences that no quotation holds.
            detached = opening == closing and (quote[1:2].isspace() or quote[-1:].isspace())
            return not detached and len(quote.split()) <= _QUOTE_MAX_WORDS
        return False

    def _count(self, mark: str, start: int, end: int) -> int:
        found = self.positions[mark]
        return bisect.bisect_left(found, end) - bisect.bisect_left(found, start)

    def _last(self, mark: str, end: int) -> int:
        """Where the last `mark` before `end` stands; the caller has counted one on the line before `end`."""
        found = self.positions[mark]
        return found[bisect.bisect_left(found, end) - 1]

    def _next(self, mark: str, start: int, end: int) -> int | None:
        found = self.positions[mark]
        index = bisect.bisect_left(found, start)
        return found[index] if index < len(found) and found[index] < end else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, white space trimmed; newlines always end a sentence."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        for start, end in _line_sentences(line):
            _add_trimmed(spans, line, start, end, offset)
        offset += len(line) + 1
    return spans


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `text[position]` starts: after the last boundary before it in its line (a line
    is a paragraph), or after a wire dateline opening the line.

    Attribution reads back from a quotation mark to here; the same boundaries as `sentence_spans`, so that
    "Sen. Lindsey Graham" or "J. Smith" never cut a sentence there either.
    """
    line_start, line = _line_at(text, position)
    starts = [start for start, _ in _line_sentences(line) if start <= position - line_start]
    return line_start + max([0, *starts])


def previous_sentence_start(text: str, position: int) -> int:
    """Where the sentence before the one holding `text[position]` starts: the last sentence of the paragraph before
    when this one opens its paragraph, 0 in the text's first sentence.

    Two characters back from a sentence's start are inside the sentence before it, past the white space (or the
    newline) after its terminator: "said. Ann" steps from "A" back to "d".
    """
    return sentence_start(text, max(0, sentence_start(text, position) - 2))


def sentence_end(text: str, position: int) -> int:
    """Where the sentence after the one holding `text[position]` starts (white space before it skipped), or the
    end of `text`."""
    line_start, line = _line_at(text, position)
    later = [start for start, _ in _line_sentences(line) if start > position - line_start]
    if later:
        return line_start + min(later)
    line_end = line_start + len(line)
    return line_end + 1 if line_end < len(text) else len(text)  # past the line's newline, if it has one


def previous_paragraph_start(text: str, position: int) -> int:
    """Where the paragraph (a line) before the one holding `text[position]` starts; 0 in the first paragraph, so
    that "this paragraph or the one before" is `text[previous_paragraph_start(text, position) :]`."""
    newline = text.rfind("\n", 0, position)  # the one ending the paragraph before, -1 in the first
    return text.rfind("\n", 0, max(0, newline)) + 1 if newline > 0 else 0


def _line_at(text: str, position: int) -> tuple[int, str]:
    """Where the line (a paragraph) holding `text[position]` starts, and the line without its newline."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    return line_start, text[line_start : len(text) if line_end < 0 else line_end]


def crosses_sentence_end(text: str) -> bool:
    """Whether `text` holds the end of one sentence and the start of another ('the vote. Officials', 'the
    media.Investigators'), not only an abbreviation ('Sen. Sheldon Whitehouse', 'J. Smith')."""
    return "\n" in text.strip() or any(start > 0 for start, _ in _line_sentences(text.strip()))


@functools.lru_cache(maxsize=64)  # attribution asks for the sentences of one paragraph many times over
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of one line, untrimmed: a dateline or a list marker opening the line is in none."""
    opening = WIRE_DATELINE.match(line) or _LIST_MARKER.match(line)
    start = opening.end() if opening else 0
    sentences: list[tuple[int, int]] = []
    for end, next_start in _cuts(line):
        if end > start:
            sentences.append((start, end))
            start = next_start
    sentences.append((start, len(line)))
    return tuple(sentences)


def _cuts(line: str) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for every boundary in one line, in order."""
    cuts: list[tuple[int, int]] = []
    start = 0
    marks = _marks(line)
    for match in _boundaries(line, marks):
        if _is_boundary(line, match, start):
            cuts.append((match.end(2), match.end()))
            start = match.end()
    # (`_GLUED.finditer(line)`, tried only at the marks: every match starts at one)
    cuts += [(at + 1, at + 1) for at in marks if _GLUED.match(line, at)]
    if '"' in line:
        cuts += [_glued_quote_cut(line, at + 1) for at in marks if _GLUED_QUOTE.match(line, at)]
    return sorted(cuts)


def _glued_quote_cut(line: str, quote: int) -> tuple[int, int]:
    cut = quote + 1 if line.count('"', 0, quote) % 2 == 1 else quote
    return cut, cut


def _marks(line: str) -> list[int]:
    """Where the terminators (`_TERMINATORS`) stand in `line`, in order."""
    return sorted(at for mark in _TERMINATORS for at in _positions(line, mark))


def _positions(text: str, mark: str) -> list[int]:
    """Where `mark` (one character) stands in `text`, in order: str.find skips ahead far faster than a pattern."""
    found: list[int] = []
    at = text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def _boundaries(line: str, marks: list[int]) -> Iterator[re.Match[str]]:
    """`_BOUNDARY.finditer(line)`: the same matches, tried only at the terminators `marks` (`_marks(line)`)."""
    resume = 0  # a match covers the marks up to its end
    for at in marks:
        if at >= resume:
            match = _BOUNDARY.match(line, at)
            if match:
                resume = match.end()
                yield match


def _is_boundary(line: str, match: re.Match[str], start: int) -> bool:
    terminator, closers, next_char = match.group(1), match.group(2), match.group(4)
    if terminator.endswith(_UNCASED_TERMINATORS):
        return _mostly_uncased(line)
    if terminator in ("...", "…") and next_char.islower():
        return False  # "help ... they responded": an ellipsis inside a sentence
    if match.start() > 0 and line[match.start() - 1] == " ":
        return True  # tokenized text ("withdraw . the decision"): a detached full stop always ends
    opens = next_char.isupper() or next_char.isdigit() or next_char in _OPENING_MARKS
    if not opens and not (_is_uncased(next_char) and _mostly_uncased(line)):
        return False
    if closers and _ATTRIBUTION.match(line, match.end()):
        return False
    word = _word_before(line, start, match.start()).lstrip(_OPENING_MARKS)
    if terminator == "!" and not closers and len(word) == 1 and word.isupper():
        return _next_word_opens(line, match.end())  # "told E! News": a name's mark, unlike "Plan B! It worked."
    if terminator != "." or closers:
        return True
    # The abbreviation is the last part of a slash compound: "the South Korea/U.S. Combined Forces Command".
    word = word.rpartition("/")[2].lower()
    if word in _BEFORE_NUMBER:
        return not _NUMBERED.match(line, match.end())
    if word in _NEVER_FINAL or (len(word) == 1 and word.isalpha()):  # titles, initials: "J. Smith"
        return False
    if word in _MAYBE_FINAL or _DOTTED.fullmatch(word):  # "Fla.", "U.S.", "a.m."
        return _next_word_opens(line, match.end())
    return True


def _is_uncased(letter: str) -> bool:
    """Whether `letter` is a letter of a script without capitals (Arabic, Hebrew, Devanagari…), whose sentences
    open with no capital to tell them by."""
    return letter.isalpha() and not letter.isupper() and not letter.islower()


_LETTER = re.compile(r"[^\W\d_]")


_UNCASED_SHARE = 0.9
"""Share of a line's letters that must be of scripts without capitals for `_mostly_uncased`. An Arabic article's
paragraph has nearly no Latin letters. In the first 2,000 truncated Multi-News clusters, English paragraphs embedding
an Arabic or Hebrew tweet hold up to 6% such letters, and one Twitter widget page, half in Urdu, half English page
text, 69%: split, its furniture ('Add this tweet to your website by copying the code below.') and its Urdu were
picked, where the one overlong sentence they made before never was."""


@functools.lru_cache(maxsize=16)  # asked at each boundary of an Arabic paragraph
def _mostly_uncased(line: str) -> bool:
    """Whether `line` is written in scripts without capitals, at least `_UNCASED_SHARE` of its letters."""
    letters = _LETTER.findall(line)
    return sum(map(_is_uncased, letters)) >= _UNCASED_SHARE * len(letters) > 0


def _next_word_opens(line: str, position: int) -> bool:
    """Whether the word at `position` is one that typically opens a sentence."""
    next_word = _NEXT_WORD.match(line, position)
    # a contraction's or possessive's straight apostrophe is no part of the opener, as a curly one is not: "That's"
    return next_word is not None and next_word.group().partition("'")[0].lower() in _OPENERS


def _word_before(line: str, start: int, end: int) -> str:
    """The white-space-free run of characters ending at `end` (not before `start`); "" after a space.

    A regular expression anchored at `end` would be tried from every position from `start` on; splitting from the
    right looks only at the last word.
    """
    piece = line[start:end]
    return "" if not piece or piece[-1].isspace() else piece.rsplit(None, 1)[-1]


def ends_sentence(text: str) -> bool:
    """`ENDS_SENTENCE.search(text)`, looking only at the end of `text` (the search tries every position)."""
    if text.endswith("\n"):  # `$` matches before a final newline too, and the newline itself ends nothing
        text = text[:-1]
    return text.rstrip(_CLOSERS).endswith(_TERMINATORS)


def asks_question(text: str) -> bool:
    """Whether a sentence ends in a question mark, behind any closing quotation marks or brackets."""
    return text.rstrip(_CLOSERS + " ").endswith(("?", "؟"))


def opens_mid_quote(text: str) -> bool:
    """Whether a sentence closes a quotation it never opened: it continues an earlier sentence's quote."""
    if text.count("”") > text.count("“"):
        return True
    return text.count('"') % 2 == 1 and not text.startswith('"')


def leaves_quote_open(text: str) -> bool:
    """Whether a sentence opens a quotation it never closes: a later sentence goes on with it."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _add_trimmed(spans: list[tuple[int, int]], line: str, start: int, end: int, offset: int) -> None:
    """Append `line[start:end]`, white space trimmed, as a span of the text where `line` starts at `offset`; an
    all-white-space piece adds nothing."""
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))
