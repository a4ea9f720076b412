"""Pipeline stages. Each reads what the previous stage wrote to the store and writes its own rows.

Stages never call each other; flows (pipeline/flows) and the CLI wire them together. Every
stage is idempotent: run twice on the same inputs, the second run does no work.
"""
