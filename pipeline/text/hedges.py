"""Hedges: the words that say how sure a claim is ("may", "suggests", "low-certainty evidence").

One pattern for the drafter (which must keep a hedge), the hedge_kept metric and the lab's
measures, so that what counts as hedged is the same everywhere.
"""

from __future__ import annotations

import re

from pipeline.text.patterns import compile_gated

HEDGE = compile_gated(
    r"\b(?:may|might|could|suggests?|suggested|suggesting|possibl[ey]|appears?|appeared|likely|"
    r"unlikely|perhaps|potential(?:ly)?|uncertain(?:ty)?|unclear|tentative|probabl[ey]|seems?|"
    r"low[- ](?:certainty|quality)|(?:limited|insufficient|little|weak) evidence|not (?:clear|certain|sure)|"
    r"(?:more|further) research)\b",
    re.I,
)


def is_hedged(text: str) -> bool:
    """The sentence carries a hedge ("may", "suggests", "low-certainty evidence", ...)."""
    return HEDGE.search(text) is not None
