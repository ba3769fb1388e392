"""Line rules for the newsroom's notes around a story: editor's notes and corrections, bylines and credits,
datelines, wire desks' notes; and the initials or update pointer a wire desk leaves after a paragraph."""

from __future__ import annotations

import re

from storyline.furniture.shared import (
    DATELINE_CREDITS,
    MONTH,
    TIME_ZONE,
    WEEKDAY,
    count_words,
    pattern,
    short_line_rule,
)

_editor = pattern(
    r"^(?:this (?:post|story|article|report) (?:has been|was|is being) (?:updated|corrected|developing|amended|edited)\b.*|"
    r"this story is developing\b.*|this is a developing story\b.*|"
    r"(?:please )?check (?:back(?: later| soon| often)?|weekly|daily|often|regularly) (?:for|to see)\b.*|"
    r"this (?:[\w-]+ )?(?:story|article|report|reporting|coverage|series|project|booklet|guide|podcast|episode|publication) "
    r"(?:was|is) made possible\b.*|stay with .{1,40} for updates.*|"
    r"(?:correction|clarification|editor'?s note)(?:[\s,]+(?:\d{1,4}|%s))*\s*:.*|"
    r"an earlier version\b[^.]{0,80}\b(?:incorrect(?:ly)?|misstated|misidentified|misspelled|wrongly|erroneously|mistakenly)\b.*|"
    r"(?:an edited |a )?version of this (?:story|article|post|report|review) (?:first |originally )?(?:appeared|appears|ran)\b.*|"
    r"this (?:story|article|post|report|review) (?:was |has been )?(?:first|originally) (?:appeared|ran|was published|published)\b.*|"
    r"(?:[-–—]\s*)?update(?:d)?\s*(?:\d+|[IVX]+)?\s*(?:,|:|at\b).{0,120}|update(?:s|d)?\s*[IVX]*\W*)$" % MONTH
)
editor_note = short_line_rule(_editor.match, 45)


_byline = re.compile(
    r"^(?:By|BY|by)\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&|\|)\s*[\w.'’ ]{0,60})?$|"
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*[,|]\s*[\w\s.'’,]{0,40}\b(?i:writer|reporter|correspondent|editor|columnist|contributor|producer)\b[\w\s|.,'’]{0,30}$|"
    r"^(?:[-–—]\s*)?(?:with )?(?:additional )?reporting by\b|^(?:additional )?reporting by\b|\bcontributed(?: reporting)?(?: to (?:this|the) (?:report|article|story))?(?: from [\w ,.]{1,60})?\.?$|\bcontributed to this (?:report|article|story)\b|"
    r"^[Cc]ontributing\s*:|^\((?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\b.*\)$|^[Oo]riginally (?:published|appeared) (?:on|in|at)\b|^with assistance\b|^compiled by\b|^(?:[Ee]dited|[Tt]ranslated)(?: and (?:edited|translated))? by\b|^(?:editing|writing) by\b|"
    r"^[-–—]\s*(?:[A-Z][\w.'’-]*\s*){1,4}$|^(?:with|and) (?:[A-Z][\w.'’-]+ ?){2,}(?:,\s*(?:[A-Z][\w.'’-]+ ?){2,})+$|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}writes for [A-Z][\w.' -]{1,40}$|^(?:[A-Z][\w.'’-]+ ){2,6}covers [\w ,&]{1,50}? for (?:the )?[A-Z][\w.' -]{1,40}\.?$|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) an? (?:[\w-]+ ){0,6}(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|blogger)\b|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}and (?:[A-Z][\w.'’-]+ ){1,3}(?:are|were) (?:[\w-]+ ){0,3}(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|blogger)s (?:for|at|with)\b"
)


# A byline with what a page sets after the name: outlet, role, date and time, between bars, bullets, dashes or
# commas ("By Tom Reyes | Bay Post | March 8, 2019", "Posted by Tom Reyes on March 8, 2019 at 10:32 AM", "By Tom
# Reyes - Staff Writer", "Tom Reyes | Bay Post"). After the name only capitalised words, numbers and a few lower-case
# words of roles and dates may follow, so that a sentence such as "By Friday the council had closed two bridges" is
# no byline.
# Without "By" the name is two or three words and a bar, bullet or spaced dash must follow it: after a comma
# ("New York, March 8") only a role makes a byline ("Tom Reyes, Staff Writer", in `_byline`).
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|da|del|van|von|der|bin|al)"
_CREDIT_WORD = (
    r"(?:[A-Z0-9][\w.'’&-]*|(?i:on|at|of|the|and|for|in|staff|senior|chief|writer|reporter|correspondent|editor|"
    rf"columnist|contributor|producer|updated|published|posted|[ap]\.?m\.?)|{TIME_ZONE})"
)
_CREDIT_SEPARATOR = r"(?:\s*[,|•·/:]\s*|\s+[-–—]\s+|\s+)"
_credited_byline = re.compile(
    rf"^(?:(?i:(?:posted|written|story|words|reported|report)\s+by|by)\s*:?\s+[A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{0,4}}"
    rf"|[A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{1,2}}(?=\s*[|•·]|\s+[-–—]\s))"
    rf"(?:{_CREDIT_SEPARATOR}{_CREDIT_WORD})*\s*$"
)
# What only a byline's credit holds: a bar, bullet, slash or spaced dash between its parts, a date's month or year, a
# clock time, a role, or a verb of crediting. A title-case headline opening with "By" has none of them ("By The
# Numbers: The Cost Of The War", "By Monday, 4,000 People Had Fled The City").
_CREDIT_EVIDENCE = re.compile(
    rf"[|•·/]|\s[-–—]\s|\b{MONTH}(?!\w)|\b(?:19|20)\d\d\b|\b\d{{1,2}}:\d\d\b|"
    r"(?i:\b(?:staff|senior|chief|writer|reporter|correspondent|editor|columnist|contributor|producer|updated|"
    r"published|posted|written|story|words|reported|report)\b)"
)
_CREDITED_BYLINE_MAX_WORDS = 20
"""Longest line `_credited_byline` is tried on: the longest form above is 12 words, and a sentence is longer. (A clock
time's colon is a separator, not part of a word, so that a run of colons cannot be cut in many ways.)"""


def byline(s: str) -> bool:
    # Every alternative but the "contributed" ones is anchored at the start, so match() is enough for most lines.
    n = count_words(s)
    return n <= 70 and bool(
        _byline.match(s)
        or ("contributed" in s and _byline.search(s))
        or (n <= _CREDITED_BYLINE_MAX_WORDS and _credited_byline.match(s) and _CREDIT_EVIDENCE.search(s))
    )


_date_tok = re.compile(
    r"\b(?:%s|%s|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|[AP]M|%s|at|on|of|the|"
    r"published|posted|updated?|last|first|modified|am|pm|h|hrs?|ago|minutes?|hours?|days?|today|yesterday)\b"
    % (MONTH, WEEKDAY, TIME_ZONE),
    re.I,
)


# what a dateline holds besides its date: whom it credits, an update mark, and punctuation
_dateline_word = re.compile(rf"(?:{'|'.join(DATELINE_CREDITS)}|UPDATE[DS]?|I{{1,3}}|[\W\d_])")


def dateline_only(s: str) -> bool:
    n = count_words(s)
    if n > 14:
        # "Published 9:30 AM EST Feb 14, 2024 | Updated 11:02 AM EST Feb 14, 2024": two datelines in one line
        return n <= 30 and "|" in s and all(map(dateline_only, filter(str.strip, s.split("|"))))
    rest = _dateline_word.sub(" ", _date_tok.sub(" ", s))
    if not rest.strip() and re.search(r"\d|%s|%s|updated|published" % (MONTH, WEEKDAY), s, re.I):
        return True
    # "MOUNT DORA, Fla. -", "PHILADELPHIA |" : place-only dateline left dangling
    return bool(re.fullmatch(r"[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\w.]{1,12})?\s*[-–—|]\s*", s))


# Wire copy's notes to editors on a line of their own: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", and a
# desk's initials ("(ht-sf-fd)", "(pvs/nw/ls)").
_wire_desk_note = re.compile(r"^\(STORY CAN END HERE\b.*\)$|^\((?:[a-z]{2,4}\s*[-/]\s*)+[a-z]{0,4}\s*\)$")


def wire_desk_note(s: str) -> bool:
    return s[:1] == "(" and count_words(s) <= 12 and bool(_wire_desk_note.match(s))


# What a wire desk leaves after a paragraph's last sentence: its initials ("… last year. tt-ggl"), or a pointer to
# where an update goes, which may also fill the line alone ("Turkey often, 15th graf pvs", "Troops massed, pick up
# 4th graf pvs", "… cooperation. A plane, 2nd graf, pvs").
_wire_tail = re.compile(
    r"(?:(?<=[.!?'\"”])\s+[a-z]{2,4}(?:-[a-z]{2,4}){1,3}"
    r"|(?:^|(?<=[.!?'\"”])\s+)[^.!?\"“”]{0,120}?(?:,|\bpick up)\s*(?:\d+(?:st|nd|rd|th)\s+grafs?|grafs?\s+\d+)\b"
    r"[,.]?(?:\s*pvs\b)?[.\s]*(?:\(?[a-z]{1,3}\)?)?)$"
)


def strip_wire_tail(line: str) -> str:
    """`line` without the initials or update pointer a wire desk left after its last sentence."""
    return _wire_tail.sub("", line) if "-" in line[-16:] or "graf" in line[-40:] else line
