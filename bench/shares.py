"""Formatting shared by the quality benches: a count as a share of another, with both counts."""

from __future__ import annotations

from collections import Counter


def share(counts: Counter[str], part: str, whole: str) -> str:
    """'93.2% (82/88)' for counts[part] of counts[whole]; 'n/a' when there is nothing to count."""
    if not counts[whole]:
        return "n/a"
    return f"{counts[part] / counts[whole]:.1%} ({counts[part]}/{counts[whole]})"
