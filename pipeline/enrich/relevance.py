"""Relevance to the site's field (spinal cord injury, neurology, musculoskeletal, rehabilitation).

relevance = 1 - exp(-R / SCALE), with R = sum over taxonomy labels of
``label.relevance x label score`` (the category scores of categories.py) and SCALE = 8.
So one title mention of spinal cord injury plus a few abstract mentions (R around 6) gives
about 0.5, a paper about it throughout gives 0.9 and more, and a genomics paper with no field
words stays near 0. Rounded to 3 decimals so the value is stable across platforms.
"""

from __future__ import annotations

import math

from pipeline.enrich.categories import Category, load_taxonomy

SCALE = 8.0


def relevance(scores: dict[str, float], taxonomy: tuple[Category, ...] | None = None) -> float:
    """Relevance in [0, 1] from the category scores."""
    weights = {c.label: c.relevance for c in taxonomy or load_taxonomy()}
    raw = sum(weights.get(label, 0.0) * score for label, score in scores.items())
    return round(1.0 - math.exp(-max(raw, 0.0) / SCALE), 3)
