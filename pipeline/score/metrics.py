"""The built-in metrics: importing this module registers each of them in ``METRICS`` (which imports it when first read)."""

from __future__ import annotations

from pipeline.score import claims, faithfulness, form, jargon, numbers, readability

__all__ = ["claims", "faithfulness", "form", "jargon", "numbers", "readability"]
