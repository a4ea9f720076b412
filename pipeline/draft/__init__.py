"""Drafting: backends (extractive default, seq2seq), prompts, cache keys."""
