"""Line rules for web furniture in scraped article text: each names one kind and judges a single line.

The rules were written against the raw Multi-News validation pages (250 clusters, 11,796 lines) and checked by
reading random samples: about 1 in 100 lines they drop is real content, and about 1 in 7 short lines they keep
is still furniture (captions without a credit, odd labels). Context rules (repeats, page tails) live in
`clean.py`. Rules are tried in the order of `RULES`; the first that matches names the drop.

The rules live by family: `page` (what is left of the page itself), `prompts` (what a site asks of its reader),
`media` (players, captions, credits), `links` (pointers elsewhere) and `newsroom` (bylines, datelines, editors'
and wire desks' notes); `shared` holds what they share.
"""

from __future__ import annotations

from storyline.furniture import links, media, newsroom, page, prompts
from storyline.furniture.links import strip_hover_cards
from storyline.furniture.newsroom import strip_wire_tail
from storyline.furniture.page import is_placeholder
from storyline.furniture.prompts import is_terminator, strip_label_prefix
from storyline.furniture.shared import LineRule, count_words

__all__ = [
    "RULES",
    "LineRule",
    "classify_line",
    "count_words",
    "is_placeholder",
    "is_terminator",
    "strip_hover_cards",
    "strip_label_prefix",
    "strip_wire_tail",
]

RULES: dict[str, LineRule] = {
    "separator": page.separator,
    "template_placeholder": page.template_placeholder,
    "icon_string": page.icon_string,
    "browser_banner": prompts.browser_banner,
    "paywall": prompts.paywall,
    "advertisement": prompts.advertisement,
    "comment_counter": prompts.comment_counter,
    "share_labels": prompts.share_labels,
    "newsletter_prompt": prompts.newsletter_prompt,
    "subscription_form": prompts.subscription_form,
    "social_follow": prompts.social_follow,
    "media_player": media.media_player,
    "photo_credit": media.photo_credit,
    "copyright": media.copyright,
    "related_links": links.related_links,
    "link_line": links.link_line,
    "editor_note": newsroom.editor_note,
    "byline": newsroom.byline,
    "dateline_only": newsroom.dateline_only,
    "broadcast_promo": prompts.broadcast_promo,
    "table_row": page.table_row,
    "weather_widget": page.weather_widget,
    "page_boilerplate": page.page_boilerplate,
    "wire_desk_note": newsroom.wire_desk_note,
}
"""Every line rule by name, in the order they are tried: where two rules match a line, the earlier names it."""


def classify_line(line: str) -> str | None:
    """The name of the first rule that calls `line` furniture, or None to keep it."""
    for name, predicate in RULES.items():
        if predicate(line):
            return name
    return None
