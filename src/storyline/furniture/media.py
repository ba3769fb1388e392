"""Line rules for media: video and photo players, photo captions and credits, and copyright lines."""

from __future__ import annotations

import re

from storyline.furniture.shared import (
    AGENCY,
    MONTH,
    SOCIAL,
    WIRE_AGENCIES,
    count_words,
    pattern,
    short_line_rule,
)

_gallery = re.compile(r"^(Photos?|Images?|Gallery|Slideshow)\s*:\s*(.{4,100}?)\s+\1\s*:\s*\2\b", re.I)
_video = pattern(
    r"^JUST WATCHED\b|\bMUST WATCH\b.*\d\d:\d\d$|rating is available when the video has been rented|"
    r"^play(?:ing)?(?: video)?\s+\d+:\d\d|^sound \d\d:\d\d|^(?:play|replay|watch|video|photos?|images?|gallery)"
    r"(?: \w+)?$|^published on " + MONTH + r" \d{1,2},? \d{4}$|^(?:poster|src|data-\w+)=\S|"
    r"^//\s*OO\.|\bvideo player\b|^watch (?:the )?(?:full )?(?:video|clip|report)\b.{0,60}$|^now playing\b|"
    r"^(?:more videos|up next|autoplay)\b|interactive transcript could not be loaded|^warning: the following video\b|video provided by\b|"
    r"^(?:watch|listen to|see)\b[^.!?]{0,100}\b(?:below|above)\W*$|^(?:watch|listen)\b[^.!?]{0,80}:$|"  # the player's prompt
    r"^listen to (?:this|the) (?:article|story)\b\W*(?:\d+\s*min(?:ute)?s?\W*)?$"  # a read-aloud player: "… · 3 min"
)


# A video's running time in brackets, after its title or description: "Fire crews battle the blaze (2:41)".
_duration = re.compile(r"\(\d{1,2}:\d\d\)")
# A video or photo player's buttons, which a carousel repeats before each item's title and caption.
_PLAYER_BUTTONS = ("Skip in Skip x Embed x Share", "Full Screen Autoplay Close")


def media_player(s: str) -> bool:
    n = count_words(s)
    return (
        bool(_gallery.match(s))
        or (n <= 30 and bool(_video.search(s)))
        or (n <= 60 and ":" in s and bool(_duration.search(s)))
        or any(map(s.__contains__, _PLAYER_BUTTONS))
    )


# ---- captions / photo credits -------------------------------------------------------
_cap_start = pattern(
    r"^(?:file\s*[-–—:]|\(?file photo\)?|in this (?:[\w.,'/-]+ ){0,8}(?:file )?(?:photo|image|picture)(?:graph)?\b|"
    r"this (?:\w+ )?(?:file )?(?:photo|image|picture|handout)(?:graph)? (?:provided|released|taken|made available|obtained|shows)\b|"
    r"file (?:photo|image) of\b|(?:image|media) caption\b|enlarge (?:this )?image\b|toggle caption\b|hide caption\b|"
    r"caption\s*:|(?:photo|image|picture|photograph|illustration|credit|photographer|graphic)s?\s*:|"
    r"(?:photo|photograph|image|picture)s? (?:by|courtesy|credit)\b|courtesy (?:of|photo)\b|"
    r"%s(?:\s+%s)*\s+photograph:|\[?(?:image|photo|pic|featured image)s? (?:via|credit|courtesy)\b|"
    r"close\s+(?=[A-Z]))" % (SOCIAL, SOCIAL),
    0 | re.I,
)
# tail credit in parentheses/brackets containing an agency or photo word, or a photographer after "Photo/":
# "(Gazette Staff Photo/Jane Roe)"
_cap_paren_tail = re.compile(
    r"\((?:[^()]*?\b%s\b[^()]*|\s*(?:Photo|Image|Credit|Courtesy|Picture|Photograph)s?\b[^()]*|[^()]*\b(?:photo|Photo|photograph|File|file photo)\s*|"
    r"[^()]*\b(?:Photo|PHOTO)(?:graph)?(?:er)?\s*/\s*[^()/]{2,60})\)"
    r"(?:\s*\([^()]*\))?\.?\s*$" % AGENCY
)
# "REUTERS/Name", "AP Photo/Name" tail
_cap_slash_tail = re.compile(
    r"\b(?:REUTERS|AP Photo|AFP PHOTO|EPA|UPI|XINHUA|KCNA)\s*/\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,3}\.?\s*$"
)
# "Name Surname / AFP - Getty Images file", "Shamil Zhumatov/Reuters", "...2017.Alex Brandon / AP file"
_cap_name_agency_tail = re.compile(
    r"(?:^|[\s.])(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+\s*/\s*(?:[A-Z][\w.&'’ -]{0,30}?/\s*)?"
    r"(?:[\w.&'’-]+ ){0,2}?%s(?:\s*[-–/]\s*%s)?(?:\s+(?:file|File|FILE|photo|Photo|via [\w ]+))?\.?\s*$"
    % (AGENCY, AGENCY)
)
# "Photo: NCNA via AFP", "Credit: Dr X", "© Reuters", "Photographer: X/Y" at line end
_cap_label_tail = re.compile(
    r"(?:\b(?:Photo(?:graph)?s?|Image|Picture|Credit|Photographer|Illustration|Source)(?:\s+by)?\s*:\s*[^.:]{2,80}|\bPhoto(?:graph)? by [A-Z][^.:]{2,60}|"
    r"\b(?:Getty Images|Shutterstock|iStock)\b[^.]{0,20})\.?\s*$"
)
# A caption that opens with its credit, as photo captions at the top of a page do:
# "Jane Roe/Getty Images Protesters gather outside ...", "AFP/Getty Images The winner holds ...". A name of two or
# more words, or an agency, then a slash and an agency or a capitalised outlet name; "HIV/AIDS" and "The WSJ/NBC
# poll" are neither.
_CREDIT = r"(?:(?:(?!The )[A-Z][a-z][\w.'’-]*(?: [A-Z][a-z][\w.'’-]*){1,3}|%s)\s*/\s*(?:%s|[A-Z]{3,})\b|AP Photo\b)" % (
    AGENCY,
    AGENCY,
)
_cap_credit_head = re.compile(r"^" + _CREDIT)
# A caption, a pipe, then its credit, often with the headline and teaser of the page glued on behind:
# "Leaders walk to the floor Wednesday. | Jane Roe/OUTLET Leaders reach deal The agreement would ...".
_cap_pipe_credit = re.compile(r"\s\|\s+" + _CREDIT)
# credit-only short line: "Sarah Tew/CNET", "Karl Gehring/Getty", "NFL via Getty Images", "iStock"
_credit_only = re.compile(
    r"^(?:[\w.&'’-]+\s+){0,4}[\w.&'’-]*\s*(?:/\s*[\w.&'’ -]+)+$|^(?:[\w.&'’-]+\s+){0,4}(?:via|for)\s+%s.*$|^[-–—]?\s*(?:[\w.&'’-]+\s+){0,3}%s\W*$"
    % (AGENCY, AGENCY)
)


# A caption ending in its photographer and outlet, both named, after the caption's last sentence:
# "... outside the court on Monday. (Jane Roe/The Daily Gazette)", "... the scene. (Jane Roe / For The Gazette)".
_cap_name_outlet_tail = re.compile(
    r"[.!?\"”]\s*\((?:[A-Z][a-z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){1,3}\s*/\s*[^()/]{2,40}\)(?:\s*\([^()]*\))?\s*$"
)
# A caption, a pipe, then its credit: "The mayor speaks to reporters on Monday. | Gazette"
_cap_pipe_tail = re.compile(r"[.!?\"”]\s+\|\s+[A-Z][\w.&'’ -]{1,30}$")

_CREDIT_TAIL_CHARS = 240
_and_or = re.compile(r"\b(?:and|or)\b")
_social_tail = pattern(r"\((?:%s)\s*:\s*@?[\w.]+\)\s*$" % SOCIAL)
_wire_after_ellipsis = re.compile(rf"\.\.\.\s*\((?:{'|'.join(WIRE_AGENCIES)})")


def photo_credit(s: str) -> bool:
    n = count_words(s)
    if n <= 60 and (_cap_start.match(s) or _cap_credit_head.match(s)):
        return True
    if n <= 80 and "|" in s and _cap_pipe_credit.search(s):
        return True
    if n <= 7 and _credit_only.match(s) and not _and_or.search(s) and "http://" not in s and "https://" not in s:
        return True
    # Credits sit at the end of a caption; scanning only the tail keeps long paragraphs cheap.
    tail = s[-_CREDIT_TAIL_CHARS:]
    # (the slash and agency tails hold the slash after the name: a look for it spares most tails their searches)
    if n <= 80 and (
        _cap_paren_tail.search(tail)
        or ("/" in tail and (_cap_slash_tail.search(tail) or _cap_name_agency_tail.search(tail)))
    ):
        return True
    if n <= 60 and _cap_label_tail.search(tail):
        return True
    if n <= 80 and s[-1:] == ")" and _cap_name_outlet_tail.search(tail):
        return True
    if n <= 80 and "|" in tail and _cap_pipe_tail.search(tail):
        return True
    # AP caption truncated by the CMS: "... shows the scene ... on Thursday... (Associated Press)"
    if n <= 40 and _social_tail.search(s):
        return True
    return bool(_wire_after_ellipsis.search(s))


_copyright = pattern(
    r"©|\(c\) \d{4}|\bcopyright\s+(?:©|\(c\)|\d{4})|\ball rights reserved\b|"
    r"^image copyright\b|\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)"
)


_COPYRIGHT_WORDS = ("©", "(c) ", "copyright", "all rights reserved", "may not be ")
"""Every match of `_copyright` holds one of these."""
# "© Reuters" tails, "Copyright 2016 by WDIV - All rights reserved." -- mid-article prose about copyright law contains
# the word but not these forms.
copyright = short_line_rule(_copyright.search, 60, words=_COPYRIGHT_WORDS)
