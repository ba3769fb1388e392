"""Cutting a sentence shown around a marked phrase (a date expression, a contested value) to a few words."""

from __future__ import annotations


def clip_start(text: str, keep: int) -> str:
    """`text` if it has at most `keep` characters, else '…' and its last `keep` characters without their first
    word (kept when they hold no space), which the cut may have split."""
    if len(text) <= keep:
        return text
    cut = text[len(text) - keep :]
    return "…" + (cut.split(" ", 1)[1] if " " in cut else cut)


def clip_end(text: str, keep: int) -> str:
    """`text` if it has at most `keep` characters, else its first `keep` characters (none if `keep` < 0) without
    their last word (kept when they hold no space), which the cut may have split, and '…'."""
    if len(text) <= keep:
        return text
    cut = text[: max(keep, 0)]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
