"""The editors' web app: review queue and draft pages (FastAPI, server-rendered Jinja)."""
