"""What every renderer shows of a brief's analysis: top entities, key quotes and key events, chosen in one place."""

from __future__ import annotations

from storyline.models import Brief, DateMention, Entity, Event, Quote
from storyline.render.citations import marker
from storyline.render.excerpts import clip_end, clip_start

TOP_ENTITIES = 10
KEY_QUOTES = 6
KEY_EVENTS = 12
INFERRED_NOTE = (
    "Inferred: no attribution right after the quote names this speaker; it was read from the text around the "
    "quote, which is wrong more often. Check the article."
)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def top_entities(brief: Brief, n: int = TOP_ENTITIES) -> list[Entity]:
    """The `n` most mentioned entities (the brief keeps them sorted)."""
    return list(brief.entities[:n])


def key_quotes(brief: Brief, n: int = KEY_QUOTES) -> list[Quote]:
    """Up to `n` full quotes with a known speaker, each text once, none the summary already shows (in its sentence
    or a passage supporting it), taken from the articles in turn: those whose speaker the text states first, since
    an inferred speaker is wrong more often (bench/analysis_quality.py)."""
    in_summary = [span for sentence in brief.summary for span in (sentence.source, *sentence.support)]
    seen = {quote.text for quote in brief.quotes if any(quote.span.overlaps(span) for span in in_summary)}
    rank: dict[str, int] = {}
    picked: list[tuple[int, int, Quote]] = []
    for quote in brief.quotes:
        if quote.kind == "full" and quote.speaker and quote.text not in seen:
            seen.add(quote.text)
            rank[quote.span.article] = rank.get(quote.span.article, -1) + 1
            picked.append((rank[quote.span.article], brief.citation_number(quote.span.article), quote))
    # Round robin over articles, so one quote-heavy outlet does not fill the list.
    ordered = sorted(picked, key=lambda p: (is_inferred(p[2]), *p[:2]))
    return [quote for _, _, quote in ordered][:n]


def quoted_words(quote: Quote) -> str:
    """A key quote's words as a list shows them, without the comma that led into its attribution ('…our
    handshake,” Trump said'): apart from the attribution, the comma reads as a sentence cut short."""
    return quote.text.removesuffix(",")


def entity_articles(brief: Brief, entity: Entity) -> str:
    """'[1,3]': the citation numbers of the articles mentioning an entity."""
    return marker(brief, entity.articles)


def speaker_label(quote: Quote) -> str:
    """'Donald Trump', 'a senior administration official (unnamed)', 'Kim Jong Un (inferred)' or 'the company
    (unnamed, inferred)': a reader sees which speakers the text does not state next to the quote."""
    if quote.speaker is None:
        return "unknown"
    notes = [
        note
        for note, applies in (("unnamed", quote.speaker_kind == "described"), ("inferred", is_inferred(quote)))
        if applies
    ]
    return f"{quote.speaker} ({', '.join(notes)})" if notes else quote.speaker


def is_inferred(quote: Quote) -> bool:
    """Whether the quote's speaker was read from the text around it, not stated right after it: HTML mutes it."""
    return quote.attribution == "inferred"


def key_events(brief: Brief, n: int = KEY_EVENTS) -> list[Event]:
    """Up to `n` events in timeline order: those most outlets report first, then resolved and finer ones.

    A sentence is not shown again under a coarser date than its finest ("announced on Tuesday the target for 2019,
    down from the 2018 target" is Tuesday's): the coarser dates date what it mentions, not what it reports.
    """
    owned = _owned_sentences(brief.timeline)
    ranked = sorted(
        owned,
        key=lambda i: (
            -len(event_article_ids(brief.timeline[i])),
            not brief.timeline[i].resolved,
            _PRECISION_RANK[brief.timeline[i].precision],
            i,
        ),
    )
    return [_shown_by(brief.timeline[i], owned[i]) for i in sorted(ranked[:n])]


def every_event(brief: Brief) -> list[Event]:
    """`key_events` without a limit, for views with room for the whole timeline (the HTML report, the web app):
    every event that is some sentence's finest date, so they list what the terminal and Markdown choose from."""
    return key_events(brief, n=len(brief.timeline))


def timeline_heading(brief: Brief, shown: int) -> str:
    """'Timeline', and when `key_events` left some out, how many: 'Timeline (the 12 most reported of 20 events)',
    counting the events it could show (those that are some sentence's finest date)."""
    total = len(_owned_sentences(brief.timeline))
    return "Timeline" if shown >= total else f"Timeline (the {shown} most reported of {total} events)"


def _owned_sentences(timeline: tuple[Event, ...]) -> dict[int, set[tuple[str, int]]]:
    """Event index → the sentences (article, start) whose finest date it is ("met on Feb. 27-28 and said on
    Friday" has two); events that are the finest date of no sentence of theirs are left out."""
    finest: dict[tuple[str, int], int] = {}  # sentence → the rank of its finest date (0, a day, is the finest)
    for event in timeline:
        rank = _PRECISION_RANK[event.precision]
        for mention in event.mentions:
            key = _sentence_key(mention)
            finest[key] = min(finest.get(key, rank), rank)
    owned: dict[int, set[tuple[str, int]]] = {}
    for i, event in enumerate(timeline):
        for mention in event.mentions:
            key = _sentence_key(mention)
            if _PRECISION_RANK[event.precision] == finest[key]:
                owned.setdefault(i, set()).add(key)
    return owned


def _sentence_key(mention: DateMention) -> tuple[str, int]:
    """(article id, start): the sentence a date mention stands in, the same for every date it holds."""
    return mention.sentence.article, mention.sentence.start


def _shown_by(event: Event, sentences: set[tuple[str, int]]) -> Event:
    """The event with a mention in a sentence it owns first, as renderers show the first mention's sentence."""
    first = next(m for m in event.mentions if _sentence_key(m) in sentences)
    if first is event.mentions[0]:
        return event
    return event.model_copy(update={"mentions": (first, *(m for m in event.mentions if m is not first))})


def event_date(event: Event) -> str:
    """'2019-03-08', '2019-02-27 – 2019-02-28', or 'Friday (unresolved)' when no publication date fixes it."""
    if not event.resolved:
        return f"{event.mentions[0].expression} (unresolved)"
    return f"{event.value} – {event.end}" if event.end else str(event.value)


def event_excerpt(event: Event, max_chars: int = 90) -> tuple[str, str, str]:
    """(before, expression, after): the shown sentence cut at word boundaries around its date expression.

    Cut ends get '…'; the expression itself is never cut, so a renderer can mark it.
    """
    mention = event.mentions[0]
    start = mention.span.start - mention.sentence.start
    before, after = mention.text[:start], mention.text[start + len(mention.expression) :]
    room = max(max_chars - len(mention.expression), 0)
    # Half the room before the expression, or more when the text after it is short.
    before = clip_start(before, min(len(before), max(room // 2, room - len(after))))
    after = clip_end(after, max(room - len(before), 0))
    return before, mention.expression, after


def event_articles(brief: Brief, event: Event) -> str:
    """'[1,3]': the citation numbers of the articles dating this event, in the order they mention it."""
    return marker(brief, event_article_ids(event))


def event_article_ids(event: Event) -> list[str]:
    """The ids of the articles dating `event`, each once, in the order they mention it."""
    return list(dict.fromkeys(m.span.article for m in event.mentions))
