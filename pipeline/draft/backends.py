"""Imports every built-in backend so that it registers itself (torch loads only when used)."""

from pipeline.draft import composer, extractive, seq2seq  # noqa: F401
