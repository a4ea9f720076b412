"""The one check of every id a request carries (path, query or form): a whole number from 1 to
the largest the id columns hold, so a hostile id is a 422 before it reaches the database (SQLite
raises OverflowError beyond 64 bits; PostgreSQL's INTEGER columns stop at 2**31 - 1)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import Form, Path, Query
from starlette.exceptions import HTTPException

# PostgreSQL INTEGER, the type of every id column (and of draft versions); SQLite allows more, but
# one limit keeps both stores answering alike.
MAX_ID = 2**31 - 1

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="a review item's id")]
VersionNo = Annotated[int, Path(ge=1, le=MAX_ID, description="a draft version number")]
ItemIdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID, description="only this item's events")]
ArticleIdField = Annotated[int, Form(ge=1, le=MAX_ID, description="a published article's id")]


def form_ids(values: Iterable[object], field: str = "item_id") -> list[int]:
    """Ids from repeated form fields (the queue's checkboxes); 422 naming the first bad one."""
    ids: list[int] = []
    for value in values:
        text = value.strip() if isinstance(value, str) else ""
        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_ID):
            shown = str(value)[:40]
            raise HTTPException(422, f"Invalid or missing input: {field} {shown!r} is not an item id.")
        ids.append(int(text))
    return ids
