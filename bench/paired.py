"""Paired per-cluster difference between two systems of a `storyline eval --json` report: mean ± one standard
error for R1 and R2, and on the even and the odd clusters. Usage: `python bench/paired.py REPORT.json A B
[--recall]`; `--recall` compares recall (DUC's measure) instead of F1."""

from __future__ import annotations

import json
import sys

import numpy as np

from experiments import standard_error


def main() -> None:
    report, a, b = sys.argv[1:4]
    measure = "recall" if "--recall" in sys.argv[4:] else "f1"
    with open(report, encoding="utf-8") as file:
        clusters = json.load(file)["clusters"]
    for rouge in ("rouge1", "rouge2"):
        gain = np.array([c[measure][b][rouge] - c[measure][a][rouge] for c in clusters])
        error = standard_error(gain)
        even = np.arange(len(gain)) % 2 == 0
        print(
            f"{b} - {a} {rouge} {measure}: {gain.mean():+.3f} ± {error:.3f} (even {gain[even].mean():+.3f}, odd "
            f"{gain[~even].mean():+.3f}; {int((gain > 0).sum())} up, {int((gain < 0).sum())} down of {len(gain)})"
        )


if __name__ == "__main__":
    main()
