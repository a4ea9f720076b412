"""Scoring: a registry of versioned metrics, flags and gates."""
