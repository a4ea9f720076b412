"""The store: SQLAlchemy models, engine/session helpers, repository functions, migrations."""
