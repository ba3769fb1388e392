"""Line rules for web furniture in scraped article text: each names one kind and judges a single line.

The rules were written against the raw Multi-News validation pages (250 clusters, 11,796 lines) and checked by
reading random samples: about 1 in 100 lines they drop is real content, and about 1 in 7 short lines they keep
is still furniture (captions without a credit, odd labels). Context rules (repeats, page tails) live in
`clean.py`. Rules are tried in order; the first that matches names the drop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storyline.literals import ascii_spaced, may_contain

AGENCY = (
    r"(?:AP(?: Photo| Images)?|Associated Press|Reuters|REUTERS|AFP|Getty(?: Images)?|EPA(?:-EFE)?|"
    r"Bloomberg|Shutterstock|iStock(?:photo)?|Corbis|Alamy|Xinhua|KCNA|Yonhap|Kyodo|NurPhoto|SIPA|"
    r"Newscom|WireImage|FilmMagic|Invision|Rex Features|REX|dpa|ANSA|Sputnik|TASS|"
    r"Wikimedia Commons|Flickr|Photofest|Contributed|Handout)"
)
MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
SOCIAL = r"(?:twitter|facebook|instagram|pinterest|linkedin|whatsapp|reddit|tumblr|youtube|google\+|snapchat|tiktok|flipboard|telegram)"
URL = r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|ly|gov)(?:/\S*)?\b"
EMAIL = r"[\w.+-]+@[\w-]+\.[\w.-]+"

TERMINAL = re.compile(r"[.!?:;…\"”’')\]]\s*$")


@lru_cache(maxsize=1024)
def count_words(s: str) -> int:
    """White-space words of a line. Cached: the rules and cleaning's context rules ask it of each line a dozen
    times, and splitting a long paragraph is not free."""
    return len(s.split())


@lru_cache(maxsize=1024)
def _lower(s: str) -> str:
    # Cached: several rules look for their words in the lower-cased line.
    return s.lower()


def _R(p: str, flags: int = re.I) -> re.Pattern[str]:
    return re.compile(p, flags)


LineRule = Callable[[str], bool]
RULES: dict[str, LineRule] = {}
"""Every line rule by name, in the order they are tried."""


def rule(name: str) -> Callable[[LineRule], LineRule]:
    def register(predicate: LineRule) -> LineRule:
        RULES[name] = predicate
        return predicate

    return register


_sep = _R(r"^[\W_]+$")
_private_use = re.compile(r"[\ue000-\uf8ff\s]+")


@rule("separator")
def _separator(s):  # "___", "###", "---", "+", "•••", "★★★", "✉", private-use glyphs
    return bool(_sep.match(s)) or bool(_private_use.fullmatch(s))


_tmpl = _R(r"\{\{[^}]*\}\}|\{\*[^}]*\*\}|\$\{[^}]*\}|<%[^%]*%>")


@rule("template_placeholder")
def _template(s):  # unrendered client-side templates: {{numberArticlesLeft}}, {* loginWidget *}
    return ("{" in s or "<%" in s) and bool(_tmpl.search(s))


_icon = _R(r"Created with Sketch|(?:Icon|Chevron|Arrow|Logo|Glyph)[A-Z][a-z]+.*(?:Icon|Chevron|Arrow)[A-Z]", 0)
# A lower-case letter followed by a capital. (The look-behind comes after the capital: a pattern that opens with
# the capital lets the engine skip straight to the next one.)
_camel = re.compile(r"[A-Z](?<=[a-z].)")


@rule("icon_string")
def _icon_string(s):  # SVG <title> soup: "ArrowArtboardCreated with Sketch.Title ChevronIcon Facebook..."
    if any(map(s.__contains__, _ICON_WORDS)) and _icon.search(s):
        return True
    # many glued CamelCase tokens and no sentence punctuation (the end looked at first: it rules out most lines)
    if _ends_terminal(s):
        return False
    # A glued token holds a hump, a lower-case letter followed by a capital; with at most half the tokens holding
    # one, the line is prose ("McCain", "iPhone"). So the humps are bounded first by the capitals (in ASCII text
    # counted without a pattern scan), then counted, and only then are the tokens searched one by one.
    words = count_words(s)
    plain = ascii_spaced(s)  # the same capitals and humps: its spaces stand for no letters
    if plain is not None and not _enough_humps(_capitals(plain), words):
        return False
    if not _enough_humps(len(_camel.findall(s)), words):
        return False
    toks = s.split()
    glued = sum(1 for t in toks if _camel.search(t))
    return len(toks) >= 6 and glued >= 3 and glued / len(toks) > 0.5


def _enough_humps(humps: int, words: int) -> bool:
    return humps >= 3 and humps * 2 > words


_NOT_CAPITALS = bytes(byte for byte in range(256) if not 65 <= byte <= 90)


def _capitals(s: str) -> int:
    """The capitals A-Z in ASCII text: what is left when a bytes translation deletes all else (no pattern scan)."""
    return len(s.encode("ascii").translate(None, _NOT_CAPITALS))


_ICON_WORDS = ("Sketch", "Icon", "Chevron", "Arrow")
"""Every match of `_icon` holds one of these."""
_TERMINAL_CHARS = frozenset(".!?:;…\"”’')]")


def _ends_terminal(s):
    """`TERMINAL.search(s)`, looking only at the end of the line (which holds no line break)."""
    return s.rstrip()[-1:] in _TERMINAL_CHARS


_browser = _R(
    r"\b(?:is not supported|unsupported browser|upgrade your browser|update your browser|"
    r"(?:enable|turn on) javascript|javascript is (?:disabled|required)|requires javascript|"
    r"html5 capable browser|optimal experience|for (?:the|a) best experience|ad ?blocker|"
    r"cookies? (?:policy|settings|to (?:give|improve|ensure))|we use cookies|accept (?:all )?cookies|"
    r"this feature is not available right now|please try again later|playback is unsupported)\b"
)


@rule("browser_banner")
def _browser_banner(s):
    return count_words(s) <= 40 and bool(_browser.search(s))


_paywall = _R(
    r"\b(?:free articles? (?:left|remaining)|articles? left this month|last free article|"
    r"subscribe (?:now|today)|(?:try|get) \d+ (?:months?|weeks?|days?) for|for (?:just |only )?\$\d+(?:\.\d\d)?\s*(?:a|per|/)\s*(?:month|week|year|mo)\b|\$0\.\d\d\b|"
    r"see all offers|already (?:a )?subscriber|subscribers? only|you need a subscription|"
    r"your (?:trial|subscription|full access)[^.]{0,30}(?:expired|ended)|unlimited (?:digital )?access|"
    r"offer ends|start your (?:free )?trial|become a (?:member|subscriber)|read now,? pay later|"
    r"(?:log|sign) ?in (?:to|using)|thank you for registering|already have an account|"
    r"support (?:our|independent) journalism|make a (?:donation|contribution))\b"
)


@rule("paywall")
def _paywall_rule(s):
    return count_words(s) <= 40 and bool(_paywall.search(s))


_ad = _R(
    r"^(?:photo\s+)?(?:advertisement|advertising|ad|ads|sponsored(?: content| links?| stories)?|"
    r"about sponsored content.*|paid (?:content|post)|promoted(?: content)?|partner content|"
    r"story continued below|continue reading(?: the main story)?|report this ad|skip ad|"
    r"advertisement continue reading the main story)\W*$"
)


@rule("advertisement")
def _advertisement(s):
    return bool(_ad.match(s)) or (
        count_words(s) <= 25 and bool(re.search(r"^About Sponsored Content|content was commissioned by", s, re.I))
    )


_comment = _R(
    r"^(?:\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|responses?|shares?)\b.*|"
    r"comments? (?:are|is) (?:closed|disabled)\.?|(?:leave|post|add|write) a (?:comment|reply)\.?|"
    r"(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments?\.?|no comments(?: yet)?\.?|"
    r"join the (?:conversation|discussion)\b.*|comments?|"
    r"(?:[^.!?]{0,120}\b(?:then )?)?(?:share|post|leave) your (?:own )?(?:thoughts|views|comments)\b[^.!?]{0,60}\bin the comments(?: below)?)\W*$"
)


@rule("comment_counter")
def _comment_counter(s):
    return count_words(s) <= 30 and bool(_comment.match(s))


_share_tok = _R(
    r"^(?:share(?: this(?: story| article)?)?|tweet|pin(?: it)?|e-?mail|mail|print|save|copy(?: link)?|"
    r"sms|messenger|flip|text size|reset|[+-]|\||/|·|•|%s|share on %s|comments?|"
    r"\d+(?:\.\d+)?k?(?: total)? shares?|total shares)$" % (SOCIAL, SOCIAL)
)
_share_line = _R(
    r"^(?:click to (?:share|email|print)\b.*|click here to (?:return|go back|continue)\b.*|read or share this story:.*|help spread the word.*|"
    r"share (?:this|on) .{0,40}$|(?:share|tweet|e-?mail|print)(?:\s*[|/·•]?\s*(?:share|tweet|pin|e-?mail|print|%s))+\W*$|"
    r"(?:%s[\s|/·•]*){2,}$)" % (SOCIAL, SOCIAL)
)


_share_separators = re.compile(r"[\s|/·•,]+")
_player_button = _R(r"(?:text size|play|replay|share|follow)\W*[+-]?")


@rule("share_labels")
def _share_labels(s):
    if _share_line.match(s):
        return True
    # Split no further than needed: past 8 parts the line is no row of labels, and the 10th piece holds the rest.
    parts = [p for p in _share_separators.split(s.strip(), maxsplit=9) if p]
    return (0 < len(parts) <= 8 and all(_share_tok.match(p) for p in parts)) or bool(_player_button.fullmatch(s))


_newsletter = _R(
    r"\b(?:newsletters?|sign up (?:for|to|now|here)|sign-up|(?:in|to) your inbox|delivered (?:straight )?to your|"
    r"email alerts?|breaking news emails?|news alerts|download (?:the|our) [\w\s]{0,30}app|"
    r"get the [\w\s]{0,20}app\b|free sign up|by signing up|privacy policy|thanks for subscribing|"
    r"get (?:the )?(?:latest|breaking) news|add (?:as an )?interest|by submitting this form|we respect your privacy)\b"
)


@rule("newsletter_prompt")
def _newsletter_prompt(s):
    return count_words(s) <= 45 and bool(_newsletter.search(s))


_form_message = _R(
    r"invalid e-?mail address|please re-?enter|thank you for subscribing|an error has occurred|"
    r"please try again(?: later)?|verify (?:that )?you(?:'|’)re not a robot|continue reading the main story|"
    r"you must select a newsletter"
)


@rule("subscription_form")
def _subscription_form(s):
    """A sign-up form's messages flattened into one line (New York Times pages): too long for
    newsletter_prompt's limit, but two or more form messages never occur in a report."""
    return (
        count_words(s) <= 120 and may_contain(s, _FORM_WORDS, lowered=_lower(s)) and len(_form_message.findall(s)) >= 2
    )


_FORM_WORDS = (
    "invalid e",
    "please re",
    "thank you for subscribing",
    "an error has occurred",
    "please try again",
    "re not a robot",
    "continue reading the main story",
    "you must select a newsletter",
)
"""Every match of `_form_message` holds one of these."""


_follow = _R(
    r"^(?:[-–—•]\s*)?(?:follow|like|join|find|connect with|stay up to date,? follow|subscribe to)\b.{0,80}\b(?:on|at|via)\s+(?:%s|@)|"
    r"^(?:follow|like) (?:us|me|him|her|[A-Z]\w+(?: [A-Z][\w.]+){0,3}|the \w+)\b[^.]{0,60}(?:%s|@\w|https?://)|"
    r"^%s\s*:\s*\S+$|^(?:e-?mail|twitter|contact)\s*:?\s*@?\S+$" % (SOCIAL, SOCIAL, SOCIAL)
)
_contact = _R(
    r"\bfollow (?:\w+ )?@\w+|^\(\s*%s\b[^)]*\)$|^(?:write to|reach|contact|email|e-mail|call)\b.{0,80}(?:%s|\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4})|"
    r"\bcan be reached (?:at|on)\b|^to contact the (?:reporter|editor)|have a tip\b|^want to add to this story\b|send (?:us )?your (?:tips|images|photos|news)|"
    r"^(?:%s)(?:\s*(?:or|•|▪|\|)\s*[\d()\-. ]{7,})?$|^\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}$|^@\w+$" % (EMAIL, EMAIL, EMAIL)
)


@rule("social_follow")
def _social_follow(s):
    return count_words(s) <= 40 and (bool(_follow.search(s)) or bool(_contact.search(s)))


_gallery = re.compile(r"^(Photos?|Images?|Gallery|Slideshow)\s*:\s*(.{4,100}?)\s+\1\s*:\s*\2\b", re.I)
_video = _R(
    r"^JUST WATCHED\b|\bMUST WATCH\b.*\d\d:\d\d$|rating is available when the video has been rented|"
    r"^play(?:ing)?(?: video)?\s+\d+:\d\d|^sound \d\d:\d\d|^(?:play|replay|watch|video|photos?|images?|gallery)"
    r"(?: \w+)?$|^published on " + MONTH + r" \d{1,2},? \d{4}$|^(?:poster|src|data-\w+)=\S|"
    r"^//\s*OO\.|\bvideo player\b|^watch (?:the )?(?:full )?(?:video|clip|report)\b.{0,60}$|^now playing\b|"
    r"^(?:more videos|up next|autoplay)\b|interactive transcript could not be loaded|^warning: the following video\b|video provided by\b|"
    r"^(?:watch|listen to|see)\b[^.!?]{0,100}\b(?:below|above)\W*$|^(?:watch|listen)\b[^.!?]{0,80}:$"  # the player's prompt
)


# A video's running time in brackets, after its title or description: "Fire crews battle the blaze (2:41)".
_duration = re.compile(r"\(\d{1,2}:\d\d\)")
# A video or photo player's buttons, which a carousel repeats before each item's title and caption.
_PLAYER_BUTTONS = ("Skip in Skip x Embed x Share", "Full Screen Autoplay Close")


@rule("media_player")
def _media_player(s):
    n = count_words(s)
    return (
        bool(_gallery.match(s))
        or (n <= 30 and bool(_video.search(s)))
        or (n <= 60 and ":" in s and bool(_duration.search(s)))
        or any(map(s.__contains__, _PLAYER_BUTTONS))
    )


# ---- captions / photo credits -------------------------------------------------------
_cap_start = _R(
    r"^(?:file\s*[-–—:]|\(?file photo\)?|in this (?:[\w.,'/-]+ ){0,8}(?:file )?(?:photo|image|picture)(?:graph)?\b|"
    r"this (?:\w+ )?(?:file )?(?:photo|image|picture|handout)(?:graph)? (?:provided|released|taken|made available|obtained|shows)\b|"
    r"file (?:photo|image) of\b|(?:image|media) caption\b|enlarge (?:this )?image\b|toggle caption\b|hide caption\b|"
    r"caption\s*:|(?:photo|image|picture|photograph|illustration|credit|photographer|graphic)s?\s*:|"
    r"(?:photo|photograph|image|picture)s? (?:by|courtesy|credit)\b|courtesy (?:of|photo)\b|"
    r"%s(?:\s+%s)*\s+photograph:|\[?(?:image|photo|pic|featured image)s? (?:via|credit|courtesy)\b|"
    r"close\s+(?=[A-Z]))" % (SOCIAL, SOCIAL),
    0 | re.I,
)
# tail credit in parentheses/brackets containing an agency or photo word
_cap_paren_tail = re.compile(
    r"\((?:[^()]*?\b%s\b[^()]*|\s*(?:Photo|Image|Credit|Courtesy|Picture|Photograph)s?\b[^()]*|[^()]*\b(?:photo|Photo|photograph|File|file photo)\s*)\)"
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
_social_tail = _R(r"\((?:%s)\s*:\s*@?[\w.]+\)\s*$" % SOCIAL)
_wire_after_ellipsis = re.compile(r"\.\.\.\s*\((?:Associated Press|AP|Reuters|AFP)")


@rule("photo_credit")
def _photo_credit(s):
    n = count_words(s)
    if n <= 60 and (_cap_start.match(s) or _cap_credit_head.match(s)):
        return True
    if n <= 80 and "|" in s and _cap_pipe_credit.search(s):
        return True
    if n <= 7 and _credit_only.match(s) and not _and_or.search(s) and "http://" not in s and "https://" not in s:
        return True
    # Credits sit at the end of a caption; scanning only the tail keeps long paragraphs cheap.
    tail = s[-_CREDIT_TAIL_CHARS:]
    if n <= 80 and (_cap_paren_tail.search(tail) or _cap_slash_tail.search(tail) or _cap_name_agency_tail.search(tail)):
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


_copyright = _R(
    r"©|\(c\) \d{4}|\bcopyright\s+(?:©|\(c\)|\d{4})|\ball rights reserved\b|"
    r"^image copyright\b|\bmay not be (?:published|reproduced|broadcast|rewritten|redistributed)"
)


@rule("copyright")
def _copyright_rule(s):
    # "© Reuters" tails, "Copyright 2016 by WDIV - All rights reserved." -- mid-article prose
    # about copyright law contains the word but not these forms.
    return count_words(s) <= 60 and may_contain(s, _COPYRIGHT_WORDS, lowered=_lower(s)) and bool(_copyright.search(s))


_COPYRIGHT_WORDS = ("©", "(c) ", "copyright", "all rights reserved", "may not be ")
"""Every match of `_copyright` holds one of these."""


_related = _R(
    r"^(?:[►▶»•■-]\s*)?(?:related(?: stories| articles| links| coverage| content| video)?|read more|read also|also read|"
    r"(?:get |read |see )?more(?: from| on| about| news| stories| coverage)?(?: [\w.'’ ]{0,40})?|see also|see more|also|previously|"
    r"recommended(?: for you)?|you may also like|you might also like|most (?:popular|read|viewed)|trending(?: now| news)?|read|"
    r"top stories|editor'?s picks|must[- ]reads?|further reading|explore further|more information|"
    r"watch|video|photos?|images?|gallery|listen|blog|editorial|analysis|story|update|breaking|opinion)"
    r"\s*(?:[:|►»›>-]|$)"
)


@rule("related_links")
def _related_links(s):
    n = count_words(s)
    if (
        n <= 25
        and _related.match(s)
        and (not re.search(r"[.!]\s*$", s) or (n <= 15 and re.match(r"^[\W]*\w+(?: \w+)?\s*:", s)))
    ):
        return True
    if n <= 25 and re.search(r"\bRead more\W*$", s):  # Guardian-style "Headline Read more"
        return True
    if n <= 20 and re.match(r"^\[[^\[\]]{3,}\]$", s):  # "[Headline]" cross-link
        return True
    if n <= 25 and re.match(
        r"^\((?:PHOTOS?|VIDEOS?|WATCH|READ|SEE|MORE|RELATED|ALSO)\b|^\((?:also (?:on|see|read)|see also|read more|related)\b",
        s,
        re.I,
    ):
        return True
    if n <= 20 and re.match(
        r"^(?:RELATED|READ MORE|READ ALSO|ALSO READ|MORE|WATCH|VIDEO|PHOTOS|SEE ALSO|LISTEN)\b(?!\s+[a-z])", s
    ):
        return True
    if n <= 15 and re.search(
        r"[^.!?\"”]\s*\[(?:[\w.\- ]+\.(?:com|org|net|co\.uk)|Facebook|Twitter|Instagram|YouTube|PDF|Video)\]$",
        s,
    ):
        return True
    if n <= 30 and _click_here.search(s):  # "To read her blog, click here." sends the reader elsewhere
        return True
    if _repeats_opening_word(s) and _teaser.match(s):
        return True
    return n <= 20 and bool(
        re.match(r"^(?:read more about|topics?|tags?|filed under|this article tagged under)\s*:", s, re.I)
    )


_click_here = _R(r"\bclick (?:here|below|on the link)\b")
# A story list flattened into lines: each item's headline twice (link text and image alt text), then its teaser.
# "Fire Displaces 18 People Fire Displaces 18 People A fire has destroyed ..." Prose never opens by repeating
# its first four words or more; a line that goes on repeating them is a chant or a test pattern, not a list.
_teaser = re.compile(r"^(\S+(?: \S+){3,24}) \1\b(?! \1)")


def _repeats_opening_word(s: str) -> bool:
    """Whether the line's first word comes again: a cheap pre-test for `_teaser`, which needs it to."""
    first = s.split(" ", 1)[0]
    return f" {first} " in s


_link = re.compile(r"^(?:[\w\"'“”&.+ -]{0,40}\s*[:\-–—]\s*)?(?:%s)\s*$" % URL, re.I)


# A short line that ends in a web address points the reader elsewhere: "Watch the full episodes here: https://…".
_ends_in_url = re.compile(r"\s(?:https?://|www\.)\S+$")


@rule("link_line")
def _link_line(s):  # bare URL, or "Label: URL" / "Label - URL", or a short pointer ending in one
    n = count_words(s)
    return (n <= 10 and bool(_link.match(s))) or (n <= 15 and bool(_ends_in_url.search(s)))


_editor = _R(
    r"^(?:this (?:post|story|article|report) (?:has been|was|is being) (?:updated|corrected|developing|amended|edited)\b.*|"
    r"this story is developing\b.*|this is a developing story\b.*|check back (?:later |soon )?for\b.*|stay with .{1,40} for updates.*|"
    r"(?:correction|clarification|editor'?s note)(?:[\s,]+(?:\d{1,4}|%s))*\s*:.*|"
    r"an earlier version\b[^.]{0,80}\b(?:incorrect(?:ly)?|misstated|misidentified|misspelled|wrongly|erroneously|mistakenly)\b.*|"
    r"(?:an edited |a )?version of this (?:story|article|post|report|review) (?:first |originally )?(?:appeared|appears|ran)\b.*|"
    r"this (?:story|article|post|report|review) (?:first|originally) (?:appeared|ran|was published)\b.*|"
    r"(?:[-–—]\s*)?update(?:d)?\s*(?:\d+|[IVX]+)?\s*(?:,|:|at\b).{0,120}|update(?:s|d)?\s*[IVX]*\W*)$" % MONTH
)


@rule("editor_note")
def _editor_note(s):
    return count_words(s) <= 45 and bool(_editor.match(s))


_byline = re.compile(
    r"^(?:By|BY|by)\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&|\|)\s*[\w.'’ ]{0,60})?$|"
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*[,|]\s*[\w\s.'’,]{0,40}\b(?:writer|reporter|correspondent|editor|columnist|contributor|producer)\b[\w\s|.,'’]{0,30}$|"
    r"^(?:[-–—]\s*)?(?:with )?(?:additional )?reporting by\b|^(?:additional )?reporting by\b|\bcontributed(?: reporting)?(?: to (?:this|the) (?:report|article|story))?(?: from [\w ,.]{1,60})?\.?$|\bcontributed to this (?:report|article|story)\b|"
    r"^[Cc]ontributing\s*:|^\((?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\b.*\)$|^[Oo]riginally (?:published|appeared) (?:on|in|at)\b|^with assistance\b|^compiled by\b|^(?:[Ee]dited|[Tt]ranslated)(?: and (?:edited|translated))? by\b|^(?:editing|writing) by\b|"
    r"^[-–—]\s*(?:[A-Z][\w.'’-]*\s*){1,4}$|^(?:with|and) (?:[A-Z][\w.'’-]+ ?){2,}(?:,\s*(?:[A-Z][\w.'’-]+ ?){2,})+$|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}writes for [A-Z][\w.' -]{1,40}$|^(?:[A-Z][\w.'’-]+ ){1,3}(?:is|was) an? (?:[\w-]+ ){0,6}(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|blogger)\b|"
    r"^(?:[A-Z][\w.'’-]+ ){1,3}and (?:[A-Z][\w.'’-]+ ){1,3}(?:are|were) (?:[\w-]+ ){0,3}(?:writer|reporter|correspondent|editor|columnist|journalist|contributor|producer|blogger)s (?:for|at|with)\b"
)


@rule("byline")
def _byline_rule(s):
    # Every alternative but the "contributed" ones is anchored at the start, so match() is enough for most lines.
    return count_words(s) <= 70 and bool(_byline.match(s) or ("contributed" in s and _byline.search(s)))


_date_tok = re.compile(
    r"\b(?:%s|%s|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|[AP]M|[ECMP][SD]T|GMT|UTC|BST|ET|PT|at|on|of|the|"
    r"published|posted|updated?|last|first|modified|am|pm|h|hrs?|ago|minutes?|hours?|days?|today|yesterday)\b"
    % (MONTH, WEEKDAY),
    re.I,
)


@rule("dateline_only")
def _dateline_only(s):
    n = count_words(s)
    if n > 14:
        return False
    rest = _date_tok.sub(" ", s)
    rest = re.sub(r"(?:Associated Press|AP|Reuters|AFP|CNN|UPDATE[DS]?|I{1,3}|[\W\d_])", " ", rest)
    if not rest.strip() and re.search(r"\d|%s|%s|updated|published" % (MONTH, WEEKDAY), s, re.I):
        return True
    # "MOUNT DORA, Fla. -", "PHILADELPHIA |" : place-only dateline left dangling
    return bool(re.fullmatch(r"[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\w.]{1,12})?\s*[-–—|]\s*", s))


# A broadcast time in a time zone: "at 6:30pm ET", "7 p.m. Eastern", "11:35/10:35c".
_air_time = _R(
    r"\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?\s*)?(?:/\s*\d{1,2}(?::\d\d)?\s*c\b|(?:E|P|C)\.?T\.?\b|eastern\b|pacific\b)"
)
_promo_words = _R(r"\b(?:exclusive|watch|tune in|anchors?|weeknights|don'?t miss|catch)\b")


@rule("broadcast_promo")
def _broadcast_promo(s):  # "Nightly News Exclusive: the anchor reports from Seoul on Monday at 6:30pm ET."
    if count_words(s) > 40 or not may_contain(s, _PROMO_WORDS, lowered=_lower(s)):
        return False
    return bool(_promo_words.search(s)) and bool(_air_time.search(s))


_PROMO_WORDS = ("exclusive", "watch", "tune in", "anchor", "weeknights", "miss", "catch")
"""Every match of `_promo_words` holds one of these."""


_number = re.compile(r"[$€£(]?[\d.,%:/-]*\d[\d.,%:/-]*[)%]?")


@rule("table_row")
def _table_row(s):
    """A table flattened into a line ("Size 100% 133% 1 $12,060 $16,040 2 ..."): at least half its words are
    numbers, which prose, even about money or votes, never is over a whole line."""
    n = count_words(s)
    # Cheap: half the words numbers means at least that many digits.
    if n < 8 or _digits(s) < n:
        return False
    return sum(1 for word in s.split() if _number.fullmatch(word)) * 2 >= n


_NOT_DIGITS = bytes(byte for byte in range(256) if not 48 <= byte <= 57)


def _digits(s: str) -> int:
    """The digits 0-9 in a line; in ASCII text (`ascii_spaced`) what a bytes translation deleting all else leaves,
    at a fraction of the cost of counting each digit in turn."""
    plain = ascii_spaced(s)
    if plain is None:
        return sum(map(s.count, "0123456789"))
    return len(plain.encode("ascii").translate(None, _NOT_DIGITS))


_page = _R(
    r"^(?:when you )?tweet with a location\b|add location information to your tweets|add a location to your tweets|"
    r"^from wikipedia, the free encyclopedia|\[ ?edit ?\]$|alexa internet|wayback machine|internet archive|"
    r"these crawls are part of an effort|^you must enter the characters|a friend wanted you to see this|"
    r"^pic\.twitter\.com/\S+$|\b(?:this|the) (?:text|transcript) may not be in its final form\b|"
    r"\bthe authoritative record of .{1,60} is the audio record\b|"
    r"^(?:next|previous|no previous page|no next page|back to top|skip to (?:main )?content|menu|search|home)\W*$"
)


_PAGE_HINTS = (
    "tweet",
    "wikipedia",
    "edit",
    "alexa",
    "wayback",
    "archive",
    "crawls",
    "characters",
    "friend wanted",
    "final form",
    "authoritative record",
)


@rule("page_boilerplate")
def _page_boilerplate(s):
    # Past 60 words only an archive's page qualifies (the last condition); for most paragraphs that ends it.
    if count_words(s) > 60 and not may_contain(s, _ARCHIVE_WORDS, lowered=_lower(s)):
        return False
    # Each alternative of _page but the lone navigation words holds one of these hints: a cheap pre-test.
    lowered = _lower(s)
    if count_words(s) > 5 and not any(map(lowered.__contains__, _PAGE_HINTS)):
        return False
    return bool(_page.search(s)) and (count_words(s) <= 60 or bool(_archive.search(s)))


_ARCHIVE_WORDS = ("wayback", "alexa internet", "crawl")
_archive = _R("|".join(_ARCHIVE_WORDS))

# Wire copy's notes to editors on a line of their own: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)", and a
# desk's initials ("(ht-sf-fd)", "(pvs/nw/ls)").
_wire_desk_note = re.compile(r"^\(STORY CAN END HERE\b.*\)$|^\((?:[a-z]{2,4}\s*[-/]\s*)+[a-z]{0,4}\s*\)$")


@rule("wire_desk_note")
def _wire_desk_note_rule(s):
    return s[:1] == "(" and count_words(s) <= 12 and bool(_wire_desk_note.match(s))


def classify_line(line: str) -> str | None:
    """The name of the first rule that calls `line` furniture, or None to keep it."""
    for name, predicate in RULES.items():
        if predicate(line):
            return name
    return None


_TERMINATOR_LINE = _R(
    r"^\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|responses?)\b|"
    r"^(?:sponsored content|about sponsored content\b.*|related (?:links|stories|articles|coverage)|"
    r"more from [^:]{1,40}:|recommended(?: for you)?|you may also like|previously:|most (?:popular|read))\W*$"
)
# Lower-case and searched without re.I: the case-sensitive engine skips ahead to a possible first letter, which
# makes this search of every line of every page about three times faster.
_TERMINATOR_PHRASE = re.compile(
    r"comments? (?:are|is) (?:closed|disabled)|(?:leave|post) a (?:comment|reply)|free articles? (?:left|remaining)|"
    r"last free article|see all offers|you need a subscription|"
    r"your (?:trial|subscription|full access)[^.]{0,30}(?:expired|ended)|\{\{[^}]*\}\}"
)


_TERMINATOR_WORDS = (
    "are closed",  # not "comment", which stories often say: the search of a long paragraph costs
    "is closed",
    "are disabled",
    "is disabled",
    "leave a ",
    "post a ",
    "free article",
    "see all offers",
    "you need a subscription",
    "your trial",
    "your subscription",
    "your full access",
    "{{",
)
"""Every match of `_TERMINATOR_PHRASE` holds one of these."""


def is_terminator(line: str) -> bool:
    """Whether a line ends an article's story: what follows it on the page is comments, offers or other stories."""
    if _TERMINATOR_LINE.match(line):
        return True
    lowered = _lower(line)
    return any(map(lowered.__contains__, _TERMINATOR_WORDS)) and bool(_TERMINATOR_PHRASE.search(lowered))


_placeholder = _R(
    r"\bpage (?:you (?:requested|are looking for|were looking for)|(?:can ?not|could not|can't) be found)|"
    r"\b(?:not (?:currently )?(?:publicly accessible|available to the general public))|\bdomain mapping\b|"
    r"\breach a page from a bookmark\b|"
    r"\bcrawl(?:s|ed|ing)?\b[^.]*\b(?:seed|IA|heritrix|WARC|outlinks?|collection)\b|"
    r"\b(?:seed ?list|heritrix|WARC|outlinks?|collection)\b[^.]*\bcrawl|^the seed for \S+ was\b"
)
_PLACEHOLDER_WORDS = (
    "page you",
    "page can",
    "page could",
    "accessible",
    "general public",
    "domain mapping",
    "bookmark",
    "crawl",
    "the seed for ",
)
"""Every match of `_placeholder` holds one of these. ("page" alone let one news paragraph in twenty through to the
pattern, whose search of a long paragraph costs what the rest of its cleaning does.)"""


def is_placeholder(line: str) -> bool:
    """Whether a line says its page holds no article: an error page ("the page you requested could not be
    found"), a web host's placeholder, or a web archive's description of the crawl that captured it."""
    lowered = _lower(line)
    return any(map(lowered.__contains__, _PLACEHOLDER_WORDS)) and bool(_placeholder.search(line))


# Share buttons and media labels a scraper glued onto the paragraph after them: "Email This Even at 88, she …",
# "[Video Link] The band's track …", "Continue reading the main story At the scene …". Case-blind for the label only:
# the paragraph must go on with a capital (or an opening quote), as a sentence does.
_label_prefix = re.compile(
    r"^(?i:(?:e-?mail|share) this|(?:e-?mail|share)(?: (?:copy link|share|tweet|e-?mail))+|\[(?:video|photo|audio|image)s?(?: link)?\]|"
    r"continue reading the main story)\s+(?=[A-Z\"“‘])"
)


def strip_label_prefix(line: str) -> str:
    """`line` without a share or media label glued to its start, when a paragraph of a few words follows it (a row
    of labels, "Share Tweet Email Print", stays whole for the line rules)."""
    if line[:1] not in "EeSs[Cc":  # every label opens with one of these: most lines are passed on untouched
        return line
    label = _label_prefix.match(line)
    if label is None:
        return line
    rest = line[label.end() :]
    return rest if count_words(rest) >= _PARAGRAPH_MIN_WORDS else line


_PARAGRAPH_MIN_WORDS = 4

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
