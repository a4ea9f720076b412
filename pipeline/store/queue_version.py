"""The review queue's change counter (migration 0009) and what the queue page keys its caches on.

Triggers raise ``queue_version.n`` on every INSERT, UPDATE and DELETE of the tables the queue
page shows, whichever process or code path writes, so the page reads one row instead of
summing up every review item to learn whether anything changed.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store import models


def queue_version(session: Session) -> str:
    """``"<epoch>.<n>"``: the database's random name and the counter as this session sees it.

    Read it before what it guards: whatever the session reads after is at least as new, so
    nothing cached under the value is older than the value says."""
    q = models.QueueVersion
    epoch, n = session.execute(select(q.epoch, q.n).where(q.id == 1)).one()
    return f"{epoch}.{n}"


# Lock expiry times per counter value: a lock that runs out changes what the page shows (the item
# is no longer shown locked) without any write, so the stamp counts the locks still live now.
_LOCKS: OrderedDict[str, list[datetime]] = OrderedDict()
_LOCKS_GUARD = threading.Lock()
_LOCKS_SIZE = 16


def lock_times(session: Session, version: str, now: datetime) -> list[datetime]:
    """The review items' ``lock_until`` after ``now`` less an hour (a lock that ran out before
    never counts again), sorted; read once per counter value, through ``ix_review_lock_until``."""
    with _LOCKS_GUARD:
        if version in _LOCKS:
            _LOCKS.move_to_end(version)
            return _LOCKS[version]
    r = models.ReviewItem
    found = session.scalars(select(r.lock_until).where(r.lock_until > now - timedelta(hours=1)))
    times = sorted(t for t in found if t is not None)
    with _LOCKS_GUARD:
        _LOCKS[version] = times
        while len(_LOCKS) > _LOCKS_SIZE:
            _LOCKS.popitem(last=False)
    return times


def live_locks(session: Session, version: str, now: datetime) -> int:
    """How many items are locked at ``now`` (``lock_until > now``)."""
    times = lock_times(session, version, now)
    return len(times) - bisect_right(times, now)
