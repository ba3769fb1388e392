"""What every renderer shows of a brief's analysis: the top entities and the key quotes, chosen in one place."""

from __future__ import annotations

from storyline.models import Brief, Entity, Quote

TOP_ENTITIES = 10
KEY_QUOTES = 6


def top_entities(brief: Brief, n: int = TOP_ENTITIES) -> list[Entity]:
    """The `n` most mentioned entities (the brief keeps them sorted)."""
    return list(brief.entities[:n])


def key_quotes(brief: Brief, n: int = KEY_QUOTES) -> list[Quote]:
    """Up to `n` full quotes with a known speaker, each text once, taken from the articles in turn."""
    seen: set[str] = set()
    rank: dict[str, int] = {}
    picked: list[tuple[int, int, Quote]] = []
    for quote in brief.quotes:
        if quote.kind == "full" and quote.speaker and quote.text not in seen:
            seen.add(quote.text)
            rank[quote.span.article] = rank.get(quote.span.article, -1) + 1
            picked.append((rank[quote.span.article], brief.citation_number(quote.span.article), quote))
    # Round robin over articles, so one quote-heavy outlet does not fill the list.
    return [quote for _, _, quote in sorted(picked, key=lambda p: p[:2])][:n]


def entity_articles(brief: Brief, entity: Entity) -> str:
    """'[1,3]': the citation numbers of the articles mentioning an entity."""
    return "[" + ",".join(str(brief.citation_number(a)) for a in entity.articles) + "]"


def speaker_label(quote: Quote) -> str:
    """'Donald Trump' or 'a senior administration official (unnamed)'."""
    return f"{quote.speaker} (unnamed)" if quote.speaker_kind == "described" else quote.speaker or "unknown"
