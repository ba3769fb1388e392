"""Line rules for what a site asks of its reader: browser and cookie banners, paywalls, advertisements, comment
counters, share buttons, newsletter and subscription prompts, follow-us lines and broadcast promos; the lines after
which the page holds no more story; and share labels glued to a paragraph."""

from __future__ import annotations

import re

from storyline.furniture.shared import EMAIL, SOCIAL, count_words, lower_cased, pattern, short_line_rule
from storyline.literals import may_contain

_browser = pattern(
    r"\b(?:is not supported|unsupported browser|upgrade your browser|update your browser|"
    r"(?:enable|turn on) javascript|javascript is (?:disabled|required)|requires javascript|"
    r"html5 capable browser|optimal experience|for (?:the|a) best experience|ad ?blocker|"
    r"cookies? (?:policy|settings|to (?:give|improve|ensure))|we use cookies|accept (?:all )?cookies|"
    r"this feature is not available right now|please try again later|playback is unsupported)\b"
)
browser_banner = short_line_rule(
    _browser.search,
    40,
    words=("supported", "browser", "javascript", "experience", "blocker", "cookie", "not available", "try again"),
)


_PAYWALL_WORDS = (
    *("free article", "left this month", "subscribe", "subscription", "month", "week", "day", "$", "offer"),
    *("expired", "ended", "unlimited", "trial", "become a", "pay later", "in to", "in using", "registering"),
    *("account", "journalism", "donation", "contribution"),
)
"""Every match of `_paywall` holds one of these ("subscribe" is in "subscriber"; "in to" in "log in to" and "login
to")."""
_paywall = pattern(
    r"\b(?:free articles? (?:left|remaining)|articles? left this month|last free article|"
    r"subscribe (?:now|today)|(?:try|get) \d+ (?:months?|weeks?|days?) for|for (?:just |only )?\$\d+(?:\.\d\d)?\s*(?:a|per|/)\s*(?:month|week|year|mo)\b|\$0\.\d\d\b|"
    r"see all offers|already (?:a )?subscriber|subscribers? only|you need a subscription|"
    r"your (?:trial|subscription|full access)[^.]{0,30}(?:expired|ended)|unlimited (?:digital )?access|"
    r"offer ends|start your (?:free )?trial|become a (?:member|subscriber)|read now,? pay later|"
    r"(?:log|sign) ?in (?:to|using)|thank you for registering|already have an account|"
    r"support (?:our|independent) journalism|make a (?:donation|contribution))\b"
)
paywall = short_line_rule(_paywall.search, 40, words=_PAYWALL_WORDS)


_ad = pattern(
    r"^(?:photo\s+)?(?:advertisement|advertising|ad|ads|sponsored(?: content| links?| stories)?|"
    r"about sponsored content.*|paid (?:content|post)|promoted(?: content)?|partner content|"
    r"story continued below|continue reading(?: the main story)?|report this ad|skip ad|"
    r"advertisement continue reading the main story)\W*$"
)


def advertisement(s: str) -> bool:
    return bool(_ad.match(s)) or (
        count_words(s) <= 25 and bool(re.search(r"^About Sponsored Content|content was commissioned by", s, re.I))
    )


_comment = pattern(
    r"^(?:\d[\d,.]*k?\s+(?:comments?|repl(?:y|ies)|responses?|shares?)\b.*|"
    r"comments? (?:are|is) (?:closed|disabled)\.?|(?:leave|post|add|write) a (?:comment|reply)\.?|"
    r"(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments?\.?|no comments(?: yet)?\.?|"
    r"join the (?:conversation|discussion)\b.*|comments?|"
    r"(?:[^.!?]{0,120}\b(?:then )?)?(?:share|post|leave) your (?:own )?(?:thoughts|views|comments)\b[^.!?]{0,60}\bin the comments(?: below)?)\W*$"
)
comment_counter = short_line_rule(_comment.match, 30)


_share_tok = pattern(
    r"^(?:share(?: this(?: story| article)?)?|tweet|pin(?: it)?|e-?mail|mail|print|save|copy(?: link)?|"
    r"sms|messenger|flip|text size|reset|[+-]|\||/|·|•|%s|share on %s|comments?|"
    r"\d+(?:\.\d+)?k?(?: total)? shares?|total shares)$" % (SOCIAL, SOCIAL)
)
_share_line = pattern(
    r"^(?:click to (?:share|email|print)\b.*|click here to (?:return|go back|continue)\b.*|read or share this story:.*|help spread the word.*|"
    r"share (?:this|on) .{0,40}$|(?:share|tweet|e-?mail|print)(?:\s*[|/·•]?\s*(?:share|tweet|pin|e-?mail|print|%s))+\W*$|"
    r"(?:%s[\s|/·•]*){2,}$)" % (SOCIAL, SOCIAL)
)


_share_separators = re.compile(r"[\s|/·•,]+")
_player_button = pattern(r"(?:text size|play|replay|share|follow)\W*[+-]?")


def share_labels(s: str) -> bool:
    if _share_line.match(s):
        return True
    # Split no further than needed: past 8 parts the line is no row of labels, and the 10th piece holds the rest.
    parts = [p for p in _share_separators.split(s.strip(), maxsplit=9) if p]
    return (0 < len(parts) <= 8 and all(_share_tok.match(p) for p in parts)) or bool(_player_button.fullmatch(s))


_newsletter = pattern(
    r"\b(?:newsletters?|sign up (?:for|to|now|here)|sign-up|(?:in|to) your inbox|delivered (?:straight )?to your|"
    r"email alerts?|breaking news emails?|news alerts|download (?:the|our) [\w\s]{0,30}app|"
    r"get the [\w\s]{0,20}app\b|free sign up|by signing up|privacy policy|thanks for subscribing|"
    r"get (?:the )?(?:latest|breaking) news|add (?:as an )?interest|by submitting this form|we respect your privacy|"
    r"confirm your (?:e-?mail|signature|subscription|registration))\b"
)
newsletter_prompt = short_line_rule(
    _newsletter.search,
    45,
    words=(
        *("newsletter", "sign up", "sign-up", "signing up", "inbox", "delivered", "alert", "breaking news"),
        *("latest news", "download", "get the", "privacy", "subscribing", "interest", "submitting", "confirm your"),
    ),
)


_form_message = pattern(
    r"invalid e-?mail address|please re-?enter|thank you for subscribing|an error has occurred|"
    r"please try again(?: later)?|verify (?:that )?you(?:'|’)re not a robot|continue reading the main story|"
    r"you must select a newsletter"
)


def subscription_form(s: str) -> bool:
    """A sign-up form's messages flattened into one line (New York Times pages): too long for
    newsletter_prompt's limit, but two or more form messages never occur in a report."""
    return (
        count_words(s) <= 120
        and may_contain(s, _FORM_WORDS, lowered=lower_cased(s))
        and len(_form_message.findall(s)) >= 2
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


_follow = pattern(
    r"^(?:[-–—•]\s*)?(?:follow|like|join|find|connect with|stay up to date,? follow|subscribe to)\b.{0,80}\b(?:on|at|via)\s+(?:%s|@)|"
    r"^(?:follow|like) (?:us|me|him|her|[A-Z]\w+(?: [A-Z][\w.]+){0,3}|the \w+)\b[^.]{0,60}(?:%s|@\w|https?://)|"
    r"^%s\s*:\s*\S+$|^(?:e-?mail|twitter|contact)\s*:?\s*@?\S+$" % (SOCIAL, SOCIAL, SOCIAL)
)
# Every alternative of _follow and _contact_opening opens the line (`^`): matched rather than searched, each is
# tried at the line's start alone, not at every character.
_contact_opening = pattern(
    r"^\(\s*%s\b[^)]*\)$|^(?:write to|reach|contact|email|e-mail|call)\b.{0,80}(?:%s|\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4})|"
    r"^to contact the (?:reporter|editor)|^want to add to this story\b|"
    r"^(?:%s)(?:\s*(?:or|•|▪|\|)\s*[\d()\-. ]{7,})?$|^\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}$|^@\w+$" % (EMAIL, EMAIL, EMAIL)
)
_contact_anywhere = pattern(
    r"\bfollow (?:\w+ )?@\w+|\bcan be reached (?:at|on)\b|have a (?:news |story )?tip\b|send (?:us )?your (?:tips|images|photos|news)"
)
_CONTACT_WORDS = ("@", "reached", "tip", "send")
"""Every match of `_contact_anywhere` holds one of these."""


def social_follow(s: str) -> bool:
    return count_words(s) <= 40 and (
        bool(_follow.match(s))
        or bool(_contact_opening.match(s))
        or (may_contain(s, _CONTACT_WORDS, lowered=lower_cased(s)) and bool(_contact_anywhere.search(s)))
    )


# A broadcast time in a time zone: "at 6:30pm ET", "7 p.m. Eastern", "11:35/10:35c".
_air_time = pattern(
    r"\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?\s*)?(?:/\s*\d{1,2}(?::\d\d)?\s*c\b|(?:E|P|C)\.?T\.?\b|eastern\b|pacific\b)"
)
_promo_words = pattern(r"\b(?:exclusive|watch|tune in|anchors?|weeknights|don'?t miss|catch)\b")


def broadcast_promo(s: str) -> bool:  # "Nightly News Exclusive: the anchor reports from Seoul on Monday at 6:30pm ET."
    if count_words(s) > 40 or not may_contain(s, _PROMO_WORDS, lowered=lower_cased(s)):
        return False
    return bool(_promo_words.search(s)) and bool(_air_time.search(s))


_PROMO_WORDS = ("exclusive", "watch", "tune in", "anchor", "weeknights", "miss", "catch")
"""Every match of `_promo_words` holds one of these."""


_TERMINATOR_LINE = pattern(
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
    lowered = lower_cased(line)
    return any(map(lowered.__contains__, _TERMINATOR_WORDS)) and bool(_TERMINATOR_PHRASE.search(lowered))


# Share buttons, media and section labels a scraper glued onto the paragraph after them: "Email This Even at 88,
# she …", "[Video Link] The band's track …", "Continue reading the main story At the scene …", "Analysis There had
# been …", "commentary Once Sprint …", "Updated | When the first humans …". Case-blind for the share and media
# labels; the section labels only in the case pages print them, and "Analysis" only before a sentence's opening
# function word, since a name may follow the word in a sentence ("Analysis Group economists said …"). The paragraph
# must go on with a capital (or an opening quote), as a sentence does.
_label_prefix = re.compile(
    r"^(?:(?i:(?:e-?mail|share) this|(?:e-?mail|share)(?: (?:copy link|share|tweet|e-?mail))+|\[(?:video|photo|audio|image)s?(?: link)?\]|"
    r"continue reading the main story)|ANALYSIS|commentary|LIVE BLOG|(?:Updated|UPDATED) \||"
    r"Analysis(?= (?:The|There|This|These|That|A|An|In|On|At|As|It|For|When|While|After|If|But)\b))\s+(?=[A-Z\"“‘])"
)
# A live blog's label between two of its entries: "… on Tuesday. LIVE BLOG On Monday, William Hague …"
_live_blog_label = re.compile(r"(?<=[.!?\"”] )LIVE BLOG\s+(?=[A-Z\"“‘])")


def strip_label_prefix(line: str) -> str:
    """`line` without a share, media or section label glued to its start, when a paragraph of a few words follows it
    (a row of labels, "Share Tweet Email Print", stays whole for the line rules), and without a live blog's label
    between two sentences."""
    if "LIVE BLOG" in line:
        line = _live_blog_label.sub("", line)
    if line[:1] not in "EeSs[CcALU":  # every label opens with one of these: most lines are passed on untouched
        return line
    label = _label_prefix.match(line)
    if label is None:
        return line
    rest = line[label.end() :]
    return rest if count_words(rest) >= _PARAGRAPH_MIN_WORDS else line


_PARAGRAPH_MIN_WORDS = 4
