"""Count phrases in messages and briefs: '1 line', '3 lines'."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """'1 outlet', '0 outlets', '3 outlets': the count and the noun, plural (an added 's') unless the count is 1."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
